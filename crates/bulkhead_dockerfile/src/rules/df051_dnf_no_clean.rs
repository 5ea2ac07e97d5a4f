//! DF051 `dnf-no-clean`: `dnf install` without `dnf clean all` in the same `RUN`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF051",
    name: "dnf-no-clean",
    summary: "`dnf install` without `dnf clean all` in the same `RUN`",
    severity: Severity::Low,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL3040"), Alias::new(Tool::Trivy, "DS-0019"), Alias::new(Tool::Trivy, "DS-0027")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `dnf install` in the final stage (or a stage it builds on) whose `RUN` has no `dnf \
clean all` (or removal of the cache directory) and no cache mount on it.\n\n\
## Why is this bad?\n\
The package cache stays in the layer; cleaning it in a later `RUN` does not make the image \
smaller.\n\n\
## Example\n\
```dockerfile\n\
RUN dnf install -y httpd\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN dnf install -y httpd && dnf clean all\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    // The cleanup must come after the install and be done by the same program (`microdnf
    // clean all` does not clean what `dnf` cached).
    super::pm::no_cleanup(ctx, out, &META, &["dnf", "microdnf", "tdnf"], super::pm::DNF_INSTALLS, &|inst, c| (c.name() == inst.name() && c.args().iter().any(|w| w.value == "clean")) || super::pm::removes(c, &["/var/cache/dnf", "/var/cache/yum", "/var/cache/tdnf", "/var/cache/libdnf5"]), &["/var/cache/dnf", "/var/cache/libdnf5"],
        "the package cache stays in the layer: clean it in the same RUN");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN dnf install -y httpd\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN dnf install -y httpd && dnf clean all\n", &[]);
        assert_lines(&super::META, "FROM a:1 AS b\nRUN dnf install -y x\nFROM c:1\n", &[]);
    }

    #[test]
    fn subcommands_order_and_mounts() {
        // Short subcommands; a cleanup before the install or by another program.
        assert_lines(&super::META, "FROM a:1\nRUN dnf in -y x-1\nRUN dnf -y up-min\nRUN microdnf clean all && dnf install -y x-1\nRUN rm -rf /var/cache/libdnf5 && dnf rei -y x\nRUN dnf install -y x-1 && microdnf clean all\n", &[2, 3, 4, 5, 6]);
        assert_lines(&super::META, "FROM a:1\nRUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf install -y x-1\nRUN dnf upgrade -y && dnf clean all\n", &[]);
    }
}
