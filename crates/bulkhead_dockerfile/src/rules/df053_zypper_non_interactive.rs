//! DF053 `zypper-non-interactive`: `zypper install` without `-n`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF053",
    name: "zypper-non-interactive",
    summary: "`zypper install` without `-n`",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3034")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `zypper install` (and its other install-like subcommands) without a non-interactive \
option (`-n`, `-y`, `--non-interactive`, `--no-confirm`).\n\n\
## Why is this bad?\n\
The build cannot answer the confirmation prompt, so the install aborts.\n\n\
## Example\n\
```dockerfile\n\
RUN zypper install httpd\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN zypper -n install httpd\n\
```\n\n\
## Fix safety\n\
Safe: `-n` is inserted after `zypper`.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::missing_opt(ctx, out, &META, &["zypper"], &["install", "in", "remove", "rm", "source-install", "si", "patch", "update", "up", "dist-upgrade", "dup"], &['n', 'y'], &["non-interactive", "no-confirm"], " -n", false,
        "`zypper install` without `-n` waits for a confirmation the build cannot give");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN zypper install httpd\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN zypper -n install httpd\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nRUN zypper install httpd\n", false, "FROM a:1\nRUN zypper -n install httpd\n");
    }
}
