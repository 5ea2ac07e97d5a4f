//! DF011 `copy-from-unknown-stage`: `COPY --from` names neither an earlier stage nor an image

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF011",
    name: "copy-from-unknown-stage",
    summary: "`COPY --from` names neither an earlier stage nor an image",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3022")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `COPY --from=x` when `x` (ARGs resolved) is not the name or index of an earlier stage \
and does not look like an image reference (it has no registry, path, tag or digest). A name \
defined by a later stage, or the stage's own index, is reported too.\n\n\
## Why is this bad?\n\
A typo in a stage name silently turns into a pull of a Docker Hub image of that name, or fails \
the build.\n\n\
## Example\n\
```dockerfile\n\
FROM golang:1.23 AS build\n\
FROM alpine:3.20\n\
COPY --from=biuld /app /app\n\
```\n\
Use instead:\n\
```dockerfile\n\
COPY --from=build /app /app\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, ins) in ctx.df.instructions.iter().enumerate() {
        if !matches!(ins.kind, Kind::Copy | Kind::Add) {
            continue;
        }
        let Some(stage) = ctx.model.stage_of[i] else { continue };
        let Some(f) = ins.flag("from") else { continue };
        let Some(raw) = f.value.as_deref() else { continue };
        let from = ctx.expand_at(i, raw).value;
        let resolved = ctx.model.resolve_from(&from, stage + 1);
        if from.contains('$') || from.is_empty() {
            continue;
        }
        let msg = match resolved {
            Some(s) if s < stage => continue,
            Some(_) => format!("`--from={from}` refers to this or a later stage"),
            None if from.contains('/') || from.contains(':') || from.contains('@') || from.contains('.') => continue,
            None => format!("`--from={from}` is not an earlier stage; write `{from}:<tag>` if you meant an image"),
        };
        out.push(ctx.at_l(&META, ins, f.lstart, f.lend, msg));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1 AS build\nFROM b:1\nCOPY --from=biuld /x /x\nCOPY --from=2 /x /x\n", &[3, 4]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x\nCOPY --from=0 /x /x\nCOPY --from=nginx:1.27 /x /x\nCOPY --from=ghcr.io/a/b /x /x\n", &[]);
    }
}
