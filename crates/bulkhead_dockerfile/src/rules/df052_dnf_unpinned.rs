//! DF052 `dnf-unpinned`: `dnf install` without version pins

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF052",
    name: "dnf-unpinned",
    summary: "`dnf install` without version pins",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3041")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports packages of `dnf install` without a version (pin it with `pkg-version`). Local files, \
paths and variables are skipped.\n\n\
## Why is this bad?\n\
Unpinned packages make the image depend on the day it is built.\n\n\
## Example\n\
```dockerfile\n\
RUN dnf install -y httpd\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN dnf install -y httpd-2.4.62\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::unpinned(ctx, out, &META, &["dnf", "microdnf", "tdnf"], &["install"], &["-c", "--setopt", "--repo", "--enablerepo", "--disablerepo", "--releasever", "--installroot"],
        &|p| p.ends_with(".rpm") || p.starts_with('@') || p.split('-').skip(1).any(|s| s.starts_with(|c: char| c.is_ascii_digit())), &|_| false, "pin it with `pkg-version`");
    for (_, c) in ctx.commands() {
        if !["dnf", "microdnf", "tdnf"].contains(&c.name()) {
            continue;
        }
        for w in super::pm::unpinned_modules(c) {
            out.push(ctx.finding(&META, w.start, w.end, format!("module `{}` names no stream: use `{}:<stream>`", w.value, w.value)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN dnf install -y httpd httpd-2.4.62\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN dnf install -y httpd-2.4.62 ./local.rpm\n", &[]);
    }

    #[test]
    fn modules_need_a_stream() {
        assert_lines(&super::META, "FROM a:1\nRUN dnf module install -y tomcat && dnf clean all\nRUN microdnf module enable nodejs\n", &[2, 3]);
        assert_lines(&super::META, "FROM a:1\nRUN dnf module install -y tomcat:9 && dnf clean all\n", &[]);
    }
}
