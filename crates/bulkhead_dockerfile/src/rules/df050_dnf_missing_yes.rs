//! DF050 `dnf-missing-yes`: `dnf install` without `-y`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF050",
    name: "dnf-missing-yes",
    summary: "`dnf install` without `-y`",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3038")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `dnf install` (and its other install-like subcommands) without a non-interactive option \
(`-y`, `--assumeyes`).\n\n\
## Why is this bad?\n\
The build cannot answer the confirmation prompt, so the install aborts.\n\n\
## Example\n\
```dockerfile\n\
RUN dnf install httpd\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN dnf -y install httpd\n\
```\n\n\
## Fix safety\n\
Safe: `-y` is inserted after `dnf`.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::missing_opt(ctx, out, &META, &["dnf", "microdnf", "tdnf"], super::pm::DNF_INSTALLS, &['y'], &["assumeyes"], " -y", false,
        "`dnf install` without `-y` waits for a confirmation the build cannot give");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN dnf install httpd\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN dnf -y install httpd\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nRUN dnf install httpd\n", false, "FROM a:1\nRUN dnf -y install httpd\n");
    }
}
