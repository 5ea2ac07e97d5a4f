//! DF058 `npm-unpinned`: `npm install <pkg>` without a version

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF058",
    name: "npm-unpinned",
    summary: "`npm install <pkg>` without a version",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3016")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports packages named on `npm install`/`npm i`/`npm add` without `@version` (a scoped package \
needs its second `@`). Local paths, tarballs, URLs and git references are skipped; `npm ci` and \
a bare `npm install` use the lock file and are fine.\n\n\
## Why is this bad?\n\
Unpinned packages make the image depend on the day it is built.\n\n\
## Example\n\
```dockerfile\n\
RUN npm install -g typescript\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN npm install -g typescript@5.6.3\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    const INSTALL: &[&str] = &["install", "i", "add", "isntall", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal"];
    for (_, c) in ctx.commands() {
        if !super::pm::is(c, &["npm"], INSTALL) {
            continue;
        }
        for w in super::pm::packages(c, INSTALL, super::pm::NPM_OPTS_WITH_VALUE) {
            let v = w.value.as_str();
            if !super::pm::npm_pinned(v) {
                let how = if super::pm::is_vcs_url(v) || v.contains('/') && !v.starts_with('@') { format!("add `#<tag or commit>` to `{v}`") } else { format!("use `{v}@<version>`") };
                out.push(ctx.finding(&META, w.start, w.end, format!("`{v}` is not pinned: {how}")));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN npm install -g typescript @angular/cli@18 @scope/x\n", &[2, 2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN npm ci && npm install && npm i -g pnpm@9 ./local git+https://x#v1\n", &[]);
    }

    #[test]
    fn options_and_git_urls() {
        assert_lines(&super::META, "FROM a:1\nRUN npm install --loglevel verbose sax@0.1.1\nRUN npm install package-v1.2.3.tar.gz ~/folder\nRUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27 user/repo#abc\n", &[]);
        assert_lines(&super::META, "FROM a:1\nRUN npm install git+ssh://git@github.com:npm/npm.git\nRUN npm install git://github.com/npm/npm.git\nRUN npm install --registry https://example.com express\n", &[2, 3, 4]);
    }
}
