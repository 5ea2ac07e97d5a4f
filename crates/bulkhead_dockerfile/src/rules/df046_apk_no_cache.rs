//! DF046 `apk-no-cache`: `apk add` without `--no-cache`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF046",
    name: "apk-no-cache",
    summary: "`apk add` without `--no-cache`",
    severity: Severity::Low,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL3019"), Alias::new(Tool::Trivy, "DS-0025")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `apk add` without `--no-cache` in the final stage (or a stage it builds on), unless the \
`RUN` has a cache mount on `/var/cache/apk` or removes `/var/cache/apk`.\n\n\
## Why is this bad?\n\
The package index stays in the layer and makes the image bigger for nothing.\n\n\
## Example\n\
```dockerfile\n\
RUN apk add curl\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN apk add --no-cache curl\n\
```\n\n\
## Fix safety\n\
Safe: `--no-cache` is inserted after `add`; apk then fetches the index on the fly.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, c) in ctx.commands() {
        if !super::pm::is(c, &["apk"], &["add"]) || c.has_opt(&[], &["no-cache"]) || !ctx.in_final_chain(i) {
            continue;
        }
        let ins = &ctx.df.instructions[i];
        if super::pm::has_cache_mount(ins, &["/var/cache/apk", "/etc/apk/cache"])
            || super::pm::run_has(ctx, i, |c| super::pm::removes(c, &["/var/cache/apk"]))
        {
            continue;
        }
        let f = ctx.finding(&META, c.start, c.end, "`apk add` without `--no-cache` keeps the index in the layer");
        out.push(match (c.subcommand(), c.nested) {
            (Some(w), false) => f.with_fix(Fix::safe("Add `--no-cache`", vec![Edit::insert(w.end, " --no-cache")])),
            _ => f,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN apk add curl\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN apk add --no-cache curl\nRUN apk add x && rm -rf /var/cache/apk/*\n", &[]);
        assert_lines(&super::META, "FROM a:1 AS b\nRUN apk add x\nFROM c:1\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1\nRUN apk update && apk add -U curl\n", false, "FROM a:1\nRUN apk update && apk add --no-cache -U curl\n");
    }
}
