//! DF012 `copy-from-self`: `COPY --from` references its own stage

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF012",
    name: "copy-from-self",
    summary: "`COPY --from` references its own stage",
    severity: Severity::High,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3023"), Alias::new(Tool::Trivy, "DS-0006")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `COPY --from=x` inside the stage named (or numbered) `x`.\n\n\
## Why is this bad?\n\
A stage cannot copy from itself; the build fails or the reference resolves to an unrelated \
image.\n\n\
## Example\n\
```dockerfile\n\
FROM golang:1.23 AS build\n\
COPY --from=build /src /src\n\
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
        let own = ctx.model.stages[stage].alias.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(&from))
            || from.parse::<usize>().ok() == Some(stage);
        if own && resolved.is_none_or(|r| r == stage) {
            out.push(ctx.at_l(&META, ins, f.lstart, f.lend, format!("`--from={from}` is this very stage")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1 AS build\nCOPY --from=build /x /y\nFROM b:1\nCOPY --from=1 /x /y\n", &[2, 4]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1 AS build\nFROM b:1 AS final\nCOPY --from=build /x /y\n", &[]);
    }
}
