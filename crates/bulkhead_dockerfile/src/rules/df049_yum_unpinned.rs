//! DF049 `yum-unpinned`: `yum install` without version pins

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF049",
    name: "yum-unpinned",
    summary: "`yum install` without version pins",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3033")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports packages of `yum install` without a version (pin it with `pkg-version`). Local files, \
paths and variables are skipped.\n\n\
## Why is this bad?\n\
Unpinned packages make the image depend on the day it is built.\n\n\
## Example\n\
```dockerfile\n\
RUN yum install -y httpd\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN yum install -y httpd-2.4.62\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::unpinned(ctx, out, &META, &["yum"], &["install"], &["-c", "--setopt", "--repo", "--enablerepo", "--disablerepo", "--releasever", "--installroot"],
        &|p| p.ends_with(".rpm") || p.starts_with('@') || p.split('-').skip(1).any(|s| s.starts_with(|c: char| c.is_ascii_digit())), &|_| false, "pin it with `pkg-version`");
    for (_, c) in ctx.commands() {
        if !["yum"].contains(&c.name()) {
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
        assert_lines(&super::META, "FROM a:1\nRUN yum install -y httpd httpd-2.4.62\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN yum install -y httpd-2.4.62 ./local.rpm\n", &[]);
    }

    #[test]
    fn modules_need_a_stream() {
        assert_lines(&super::META, "FROM a:1\nRUN yum module install -y tomcat && yum clean all\n", &[2]);
        assert_lines(&super::META, "FROM a:1\nRUN yum module install -y tomcat:9 && yum clean all\n", &[]);
    }
}
