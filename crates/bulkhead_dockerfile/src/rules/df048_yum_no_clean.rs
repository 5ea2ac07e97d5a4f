//! DF048 `yum-no-clean`: `yum install` without `yum clean all` in the same `RUN`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF048",
    name: "yum-no-clean",
    summary: "`yum install` without `yum clean all` in the same `RUN`",
    severity: Severity::Low,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL3032"), Alias::new(Tool::Trivy, "DS-0015")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `yum install` in the final stage (or a stage it builds on) whose `RUN` has no `yum \
clean all` (or removal of the cache directory) and no cache mount on it.\n\n\
## Why is this bad?\n\
The package cache stays in the layer; cleaning it in a later `RUN` does not make the image \
smaller.\n\n\
## Example\n\
```dockerfile\n\
RUN yum install -y httpd\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN yum install -y httpd && yum clean all\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::no_cleanup(ctx, out, &META, &["yum"], &["install", "groupinstall", "localinstall"], &|_, c| (c.name() == "yum" && c.args().iter().any(|w| w.value == "clean")) || super::pm::removes(c, &["/var/cache/yum"]), &["/var/cache/yum"],
        "the package cache stays in the layer: clean it in the same RUN");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN yum install -y httpd\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN yum install -y httpd && yum clean all\n", &[]);
        assert_lines(&super::META, "FROM a:1 AS b\nRUN yum install -y x\nFROM c:1\n", &[]);
    }

    #[test]
    fn clean_before_install_cleans_nothing() {
        assert_lines(&super::META, "FROM a:1\nRUN yum clean all && yum install -y x-1\n", &[2]);
    }
}
