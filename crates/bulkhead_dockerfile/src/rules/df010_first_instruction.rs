//! DF010 `first-instruction-not-from`: The first instruction is not `FROM` (or `ARG`)

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF010",
    name: "first-instruction-not-from",
    summary: "The first instruction is not `FROM` (or `ARG`)",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3061")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports the first instruction when it is neither `FROM` nor a global `ARG` (comments and parser \
directives may come first).\n\n\
## Why is this bad?\n\
BuildKit rejects a Dockerfile that does anything before choosing a base image.\n\n\
## Example\n\
```dockerfile\n\
LABEL org.opencontainers.image.title=app\n\
FROM debian:12\n\
```\n\
Use instead:\n\
```dockerfile\n\
FROM debian:12\n\
LABEL org.opencontainers.image.title=app\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    if let Some(ins) = ctx.df.instructions.iter().find(|i| i.kind != Kind::Arg)
        && ins.kind != Kind::From
    {
        out.push(ctx.at(&META, ins, format!("`{}` before the first `FROM`", ins.kind.as_str())));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "ARG A=1\nRUN echo\nFROM a:1\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "# syntax=docker/dockerfile:1\nARG A=1\nFROM a:1\n", &[]);
    }
}
