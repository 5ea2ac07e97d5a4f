//! DF008 `redundant-target-platform`: `FROM --platform=$TARGETPLATFORM` is the default.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF008",
    name: "redundant-target-platform",
    summary: "`--platform=$TARGETPLATFORM` is redundant",
    severity: Severity::Info,
    category: Category::Style,
    aliases: &[
        Alias::new(Tool::Hadolint, "DL3065"),
        Alias::new(Tool::Buildkit, "RedundantTargetPlatform"),
    ],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`).\n\n\
## Why is this bad?\n\
Stages are built for the target platform by default; the flag adds noise only.\n\n\
## Example\n\
```dockerfile\nFROM --platform=$TARGETPLATFORM alpine:3.20\n```\nUse instead:\n```dockerfile\nFROM alpine:3.20\n```\n\n\
## Fix safety\n\
Safe: removing the flag does not change what is built.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for st in &ctx.model.stages {
        let ins = &ctx.df.instructions[st.from];
        if let Some(f) = ins.flag("platform")
            && matches!(f.value.as_deref(), Some("$TARGETPLATFORM" | "${TARGETPLATFORM}"))
        {
            let s = ins.orig(f.lstart);
            let mut e = ins.orig_end(f.lend);
            let bytes = ctx.text.as_bytes();
            while e < bytes.len() && (bytes[e] == b' ' || bytes[e] == b'\t') {
                e += 1;
            }
            out.push(
                ctx.at_l(&META, ins, f.lstart, f.lend, "`--platform=$TARGETPLATFORM` is the default")
                    .with_fix(Fix::safe("Remove the flag", vec![Edit::delete(s, e)])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fix, assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM --platform=${TARGETPLATFORM} a:1\n", &[1]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM --platform=$BUILDPLATFORM a:1\n", &[]);
    }

    #[test]
    fn fix() {
        assert_fix(&super::META, "FROM --platform=$TARGETPLATFORM  a:1 AS x\n", false, "FROM a:1 AS x\n");
    }
}
