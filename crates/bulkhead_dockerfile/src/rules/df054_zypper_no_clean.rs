//! DF054 `zypper-no-clean`: `zypper install` without `zypper clean` in the same `RUN`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF054",
    name: "zypper-no-clean",
    summary: "`zypper install` without `zypper clean` in the same `RUN`",
    severity: Severity::Low,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL3036"), Alias::new(Tool::Trivy, "DS-0020")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `zypper install` in the final stage (or a stage it builds on) whose `RUN` has no \
`zypper clean` (or removal of the cache directory) and no cache mount on it.\n\n\
## Why is this bad?\n\
The package cache stays in the layer; cleaning it in a later `RUN` does not make the image \
smaller.\n\n\
## Example\n\
```dockerfile\n\
RUN zypper install -y httpd\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN zypper install -y httpd && zypper clean\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::no_cleanup(ctx, out, &META, &["zypper"], &["install", "in"], &|_, c| (c.name() == "zypper" && c.args().iter().any(|w| matches!(w.value.as_str(), "clean" | "cc"))) || super::pm::removes(c, &["/var/cache/zypp"]), &["/var/cache/zypp"],
        "the package cache stays in the layer: clean it in the same RUN");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN zypper install -y httpd\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN zypper install -y httpd && zypper clean\n", &[]);
        assert_lines(&super::META, "FROM a:1 AS b\nRUN zypper install -y x\nFROM c:1\n", &[]);
    }

    #[test]
    fn clean_before_install_cleans_nothing() {
        assert_lines(&super::META, "FROM a:1\nRUN zypper clean && zypper install -y x=1\n", &[2]);
    }
}
