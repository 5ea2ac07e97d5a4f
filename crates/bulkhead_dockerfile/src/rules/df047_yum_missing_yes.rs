//! DF047 `yum-missing-yes`: `yum install` without `-y`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF047",
    name: "yum-missing-yes",
    summary: "`yum install` without `-y`",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3030")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `yum install` (and its other install-like subcommands) without a non-interactive option \
(`-y`, `--assumeyes`).\n\n\
## Why is this bad?\n\
The build cannot answer the confirmation prompt, so the install aborts.\n\n\
## Example\n\
```dockerfile\n\
RUN yum install httpd\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN yum -y install httpd\n\
```\n\n\
## Fix safety\n\
Safe: `-y` is inserted after `yum`.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::missing_opt(ctx, out, &META, &["yum"], &["install", "groupinstall", "localinstall", "update", "upgrade", "reinstall"], &['y'], &["assumeyes"], " -y", false,
        "`yum install` without `-y` waits for a confirmation the build cannot give");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN yum install httpd\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN yum -y install httpd\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nRUN yum install httpd\n", false, "FROM a:1\nRUN yum -y install httpd\n");
    }
}
