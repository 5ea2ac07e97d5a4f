//! DF009 `undefined-arg-in-from`: `FROM` uses a build argument that is undeclared or has no usable default

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF009",
    name: "undefined-arg-in-from",
    summary: "`FROM` uses a build argument that is undeclared or has no usable default",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Buildkit, "UndefinedArgInFrom"), Alias::new(Tool::Buildkit, "InvalidDefaultArgInFrom")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports a `FROM` whose image refers to a variable that is not declared by a global `ARG` \
(before the first `FROM`) or a predefined platform argument, or whose declared default leaves \
the image empty.\n\n\
## Why is this bad?\n\
An undeclared variable expands to nothing in `FROM`; the build fails or, worse, pulls a \
different image than intended. An `ARG` without default forces every build to pass \
`--build-arg`.\n\n\
## Example\n\
```dockerfile\n\
FROM ${BASE_IMAGE}\n\
```\n\
Use instead:\n\
```dockerfile\n\
ARG BASE_IMAGE=debian:12-slim\n\
FROM ${BASE_IMAGE}\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for st in &ctx.model.stages {
        let ins = &ctx.df.instructions[st.from];
        let (s, e) = st.image_lspan;
        if let Some(v) = st.undefined.first() {
            let msg = if ctx.model.global_declared(v) {
                format!("`ARG {v}` has no default, so `FROM {}` is empty unless `--build-arg {v}=...` is passed", st.image_raw)
            } else {
                format!("`{v}` is not declared by a global `ARG` before the first `FROM`")
            };
            out.push(ctx.at_l(&META, ins, s, e, msg));
        } else if st.image.as_deref() == Some("") || st.image.as_deref().is_some_and(|i| i.starts_with(':') || i.starts_with('@') || i.ends_with(':')) {
            out.push(ctx.at_l(&META, ins, s, e, format!("`FROM {}` resolves to an invalid image name", st.image_raw)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM $BASE\n", &[1]);
        assert_lines(&super::META, "ARG TAG\nFROM debian:$TAG\n", &[2]);
        assert_lines(&super::META, "ARG V=\nFROM ${V}\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "ARG BASE=debian\nARG TAG=12\nFROM ${BASE}:${TAG}\nFROM --platform=$BUILDPLATFORM golang:1\nFROM ${X:-alpine:3}\n", &[]);
    }
}
