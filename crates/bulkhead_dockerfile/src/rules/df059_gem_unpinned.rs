//! DF059 `gem-unpinned`: `gem install` without a version

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF059",
    name: "gem-unpinned",
    summary: "`gem install` without a version",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3028")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports gems named on `gem install` without `-v`/`--version` or `gem:version`.\n\n## Why is this bad?\nUnpinned gems make the image depend on the day it is built.\n\n## Example\n```dockerfile\nRUN gem install bundler\n```\nUse instead:\n```dockerfile\nRUN gem install bundler:2.5.22\n```\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        if !super::pm::is(c, &["gem"], &["install"]) || c.has_opt(&['v'], &["version"]) {
            continue;
        }
        for w in super::pm::packages(c, &["install"], &["-i", "--install-dir", "-n", "--bindir", "-s", "--source", "-P", "--trust-policy"]) {
            let v = w.value.as_str();
            if !v.contains(':') && !v.ends_with(".gem") && !v.contains('$') {
                out.push(ctx.finding(&META, w.start, w.end, format!("`{v}` is not pinned: use `{v}:<version>` or `-v`")));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN gem install bundler rake:13.2.1\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN gem install bundler -v 2.5.22 && gem install rake:13 ./x.gem\n", &[]);
    }
}
