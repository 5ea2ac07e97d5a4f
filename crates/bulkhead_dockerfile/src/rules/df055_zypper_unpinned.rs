//! DF055 `zypper-unpinned`: `zypper install` without version pins

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF055",
    name: "zypper-unpinned",
    summary: "`zypper install` without version pins",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3037")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports packages of `zypper install` without a version (pin it with `pkg=version`). Local \
files, paths and variables are skipped.\n\n\
## Why is this bad?\n\
Unpinned packages make the image depend on the day it is built.\n\n\
## Example\n\
```dockerfile\n\
RUN zypper install -y httpd\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN zypper install -y httpd=2.4.62\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::unpinned(ctx, out, &META, &["zypper"], &["install", "in"], &["-t", "--type", "-r", "--repo", "--from"],
        &|p| p.contains('=') || p.contains('>') || p.contains('<') || p.ends_with(".rpm"), &|_| false, "pin it with `pkg=version`");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN zypper install -y httpd httpd=2.4.62\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN zypper install -y httpd=2.4.62 ./local.rpm\n", &[]);
    }
}
