//! DF045 `apk-unpinned`: `apk add` without version pins

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF045",
    name: "apk-unpinned",
    summary: "`apk add` without version pins",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3018"), Alias::new(Tool::Trivy, "DS-0025")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports packages of `apk add` without `=version` (or `~version`, `>`, `<`). Virtual package \
names (`-t`/`--virtual`), `.apk` files, paths and variables are skipped.\n\n\
## Why is this bad?\n\
Unpinned packages make the build depend on the day it runs.\n\n\
## Example\n\
```dockerfile\n\
RUN apk add --no-cache curl\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN apk add --no-cache curl=8.9.1-r0\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::pm::unpinned(ctx, out, &META, &["apk"], &["add"], &["-t", "--virtual", "-X", "--repository", "--root", "-p"],
        &|p| p.contains('=') || p.contains('~') || p.contains('>') || p.contains('<') || p.ends_with(".apk"),
        &|_| false, "pin it with `pkg=version`");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN apk add --no-cache curl git=2.45.2-r0\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apk add --no-cache --virtual .deps curl=8 ./x.apk\n", &[]);
    }
}
