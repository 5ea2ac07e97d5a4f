//! DF061 `yarn-cache-not-cleaned`: `yarn install` without `yarn cache clean`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF061",
    name: "yarn-cache-not-cleaned",
    summary: "`yarn install` without `yarn cache clean`",
    severity: Severity::Low,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL3060")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `yarn install`/`yarn add` (or a bare `yarn`) in the final stage (or a stage it builds \
on) whose `RUN` does not run `yarn cache clean` and has no cache mount on the yarn cache.\n\n\
## Why is this bad?\n\
The yarn cache stays in the layer and inflates the image.\n\n\
## Example\n\
```dockerfile\n\
RUN yarn install --frozen-lockfile\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN yarn install --frozen-lockfile && yarn cache clean\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut seen = Vec::new();
    for (i, c) in ctx.commands() {
        let install = c.name() == "yarn" && c.subcommand().is_none_or(|w| matches!(w.value.as_str(), "install" | "add"));
        if !install || seen.contains(&i) || !ctx.in_final_chain(i) {
            continue;
        }
        let ins = &ctx.df.instructions[i];
        // A `yarn cache clean` before the install cleans nothing.
        let cleaned = super::pm::run_has_after(ctx, i, c, &|_, k| super::pm::is(k, &["yarn"], &["cache"]) && k.args().iter().any(|w| w.value == "clean"));
        if cleaned || super::pm::has_cache_mount(ins, &["/usr/local/share/.cache/yarn", "/root/.yarn", "/root/.cache/yarn", "/app/.yarn"]) {
            continue;
        }
        seen.push(i);
        out.push(ctx.finding(&META, c.start, c.end, "`yarn install` without `yarn cache clean` keeps the cache in the layer"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN yarn install --frozen-lockfile\nRUN yarn\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN yarn install && yarn cache clean\nRUN yarn build\n", &[]);
        assert_lines(&super::META, "FROM a:1 AS b\nRUN yarn\nFROM c:1\n", &[]);
    }

    #[test]
    fn clean_before_install_cleans_nothing() {
        assert_lines(&super::META, "FROM a:1\nRUN yarn cache clean && yarn install foo\n", &[2]);
        assert_lines(&super::META, "FROM a:1\nRUN yarn install foo && yarn cache clean\n", &[]);
    }
}
