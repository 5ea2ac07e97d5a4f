//! DF064 `multiple-healthcheck`: More than one `HEALTHCHECK` in a stage: only the last one counts

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF064",
    name: "multiple-healthcheck",
    summary: "More than one `HEALTHCHECK` in a stage: only the last one counts",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3012"), Alias::new(Tool::Trivy, "DS-0023"), Alias::new(Tool::Buildkit, "MultipleInstructionsDisallowed")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports every `HEALTHCHECK` of a stage but the last.\n\n\
## Why is this bad?\n\
Only the last `HEALTHCHECK` of a stage takes effect; the earlier ones are dead code that \
misleads readers.\n\n\
## Example\n\
```dockerfile\n\
FROM alpine:3.20\n\
HEALTHCHECK [\"a\"]\n\
HEALTHCHECK [\"b\"]\n\
```\n\
Use instead:\n\
```dockerfile\n\
FROM alpine:3.20\n\
HEALTHCHECK [\"b\"]\n\
```\n\n\
## Fix safety\n\
No automatic fix: which one was meant is the author's call.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for s in 0..ctx.model.stages.len() {
        let all: Vec<&Instruction> = ctx.stage_body(s).map(|(_, i)| i).filter(|i| i.kind == Kind::Healthcheck).collect();
        if let Some((_, earlier)) = all.split_last() {
            for ins in earlier {
                out.push(ctx.at(&META, ins, "This `HEALTHCHECK` is overridden by a later one in the same stage"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nHEALTHCHECK [\"x\"]\nHEALTHCHECK [\"y\"]\nFROM b:1\nHEALTHCHECK [\"z\"]\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nHEALTHCHECK [\"x\"]\nFROM b:1\nHEALTHCHECK [\"z\"]\n", &[]);
    }
}
