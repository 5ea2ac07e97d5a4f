//! DF033 `copy-relative-without-workdir`: `COPY` to a relative destination before any `WORKDIR`

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF033",
    name: "copy-relative-without-workdir",
    summary: "`COPY` to a relative destination before any `WORKDIR`",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3045")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `COPY`/`ADD` with a relative destination in a stage where no `WORKDIR` was set (in the \
stage or a stage it builds on).\n\n\
## Why is this bad?\n\
The destination is then relative to the base image's working directory, which can change when \
the base image changes.\n\n\
## Example\n\
```dockerfile\n\
FROM node:22\n\
COPY . .\n\
```\n\
Use instead:\n\
```dockerfile\n\
FROM node:22\n\
WORKDIR /app\n\
COPY . .\n\
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
        let Some(dest) = ctx.operands(i).and_then(|o| o.dest.as_ref()).map(|d| d.text.as_str()) else { continue };
        let abs = dest.starts_with('/') || dest.starts_with('$') || dest.get(1..2) == Some(":") || dest.starts_with('\\');
        if abs {
            continue;
        }
        let mut has_workdir = false;
        let mut s = Some(stage);
        let mut hops = 0;
        while let Some(st) = s {
            let upto = if st == stage { i } else { ctx.model.stages[st].end };
            if (ctx.model.stages[st].from..upto).any(|j| ctx.df.instructions[j].kind == Kind::Workdir) {
                has_workdir = true;
                break;
            }
            s = ctx.model.stages[st].parent;
            hops += 1;
            if hops > ctx.model.stages.len() { break; }
        }
        if !has_workdir {
            out.push(ctx.at(&META, ins, format!("Destination `{dest}` is relative but no `WORKDIR` is set")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nCOPY . .\nWORKDIR /app\nCOPY a b\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1 AS b\nWORKDIR /app\nFROM b\nCOPY . .\nCOPY x /abs\n", &[]);
    }
}
