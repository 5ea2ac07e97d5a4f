//! DF007 `constant-platform`: `FROM --platform=linux/amd64` hard-codes the platform.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF007",
    name: "constant-platform",
    summary: "`FROM --platform` is a constant",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[
        Alias::new(Tool::Hadolint, "DL3029"),
        Alias::new(Tool::Buildkit, "FromPlatformFlagConstDisallowed"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `FROM --platform=<value>` when the value uses no build argument.\n\n\
## Why is this bad?\n\
A constant platform breaks multi-platform builds and emulates silently on other hosts. Use \
`$BUILDPLATFORM` for build stages or leave the platform to `docker build --platform`.\n\n\
## Example\n\
```dockerfile\nFROM --platform=linux/amd64 debian:12\n```\nUse instead:\n```dockerfile\nFROM --platform=$BUILDPLATFORM golang:1.23 AS build\n```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for st in &ctx.model.stages {
        let ins = &ctx.df.instructions[st.from];
        if let Some(f) = ins.flag("platform")
            && let Some(v) = f.value.as_deref()
            && !v.contains('$')
        {
            out.push(ctx.at_l(
                &META,
                ins,
                f.lstart,
                f.lend,
                format!("`--platform={v}` is a constant: use `$BUILDPLATFORM` or drop it"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM --platform=linux/amd64 a:1\n", &[1]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM --platform=$BUILDPLATFORM a:1\nFROM a:1\n", &[]);
    }
}
