//! DF072 `onbuild-forbidden-trigger`: `ONBUILD` with `FROM`, `MAINTAINER` or `ONBUILD`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF072",
    name: "onbuild-forbidden-trigger",
    summary: "`ONBUILD` with `FROM`, `MAINTAINER` or `ONBUILD`",
    severity: Severity::High,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3043")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `ONBUILD FROM`, `ONBUILD MAINTAINER` and `ONBUILD ONBUILD`.\n\n\
## Why is this bad?\n\
These triggers are not allowed; BuildKit rejects them when a child image builds.\n\n\
## Example\n\
```dockerfile\n\
ONBUILD FROM debian:12\n\
```\n\
Use instead:\n\
```dockerfile\n\
ONBUILD RUN make\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for ins in &ctx.df.instructions {
        if let Some(inner) = &ins.onbuild
            && matches!(inner.kind, Kind::From | Kind::Maintainer | Kind::Onbuild)
        {
            out.push(ctx.at(&META, ins, format!("`ONBUILD {}` is not allowed", inner.kind.as_str())));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nONBUILD FROM b:1\nONBUILD ONBUILD RUN x\n", &[2, 3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nONBUILD RUN make\nONBUILD COPY . /app\n", &[]);
    }
}
