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
    docs: "## What it does\n\
Reports gems named on `gem install` without `-v`/`--version` or `gem:version`.\n\n\
## Why is this bad?\n\
Unpinned gems make the image depend on the day it is built.\n\n\
## Example\n\
```dockerfile\n\
RUN gem install bundler\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN gem install bundler:2.5.22\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, c) in ctx.commands() {
        if !super::pm::is(c, &["gem"], &["install", "i"]) || c.has_opt(&['v'], &["version"]) {
            continue;
        }
        // Words after `--` are build options of the gem's native extension, not gems.
        let end = c.args().iter().position(|w| w.value == "--").map_or(usize::MAX, |k| c.args()[k].start);
        for w in super::pm::packages(c, &["install", "i"], &["-i", "--install-dir", "-n", "--bindir", "-s", "--source", "-P", "--trust-policy", "--platform", "-g", "--file", "--document", "--build-root", "-p", "--http-proxy", "--config-file", "--target-rbconfig"]) {
            let v = w.value.as_str();
            if w.start < end && !v.contains(':') && !v.ends_with(".gem") && !v.contains('$') {
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

    #[test]
    fn options_and_aliases() {
        assert_lines(&super::META, "FROM a:1\nRUN gem install bundler:2.0.1 --use-system-libraries true\nRUN gem install bundler:2.0.1 -- --use-system-libraries true\nRUN gem install bundler --version=2.0.1\n", &[]);
        assert_lines(&super::META, "FROM a:1\nRUN gem i bundler\nRUN gem i bundler:1 nokogiri\n", &[2, 3]);
    }
}
