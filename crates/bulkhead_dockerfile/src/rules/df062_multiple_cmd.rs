//! DF062 `multiple-cmd`: More than one `CMD` in a stage: only the last one counts

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF062",
    name: "multiple-cmd",
    summary: "More than one `CMD` in a stage: only the last one counts",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL4003"), Alias::new(Tool::Trivy, "DS-0016"), Alias::new(Tool::Buildkit, "MultipleInstructionsDisallowed")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports every `CMD` of a stage but the last.\n\n\
## Why is this bad?\n\
Only the last `CMD` of a stage takes effect; the earlier ones are dead code that misleads \
readers.\n\n\
## Example\n\
```dockerfile\n\
FROM alpine:3.20\n\
CMD [\"a\"]\n\
CMD [\"b\"]\n\
```\n\
Use instead:\n\
```dockerfile\n\
FROM alpine:3.20\n\
CMD [\"b\"]\n\
```\n\n\
## Fix safety\n\
No automatic fix: which one was meant is the author's call.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for s in 0..ctx.model.stages.len() {
        let all: Vec<&Instruction> = ctx.stage_body(s).map(|(_, i)| i).filter(|i| i.kind == Kind::Cmd).collect();
        if let Some((_, earlier)) = all.split_last() {
            for ins in earlier {
                out.push(ctx.at(&META, ins, "This `CMD` is overridden by a later one in the same stage"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nCMD [\"x\"]\nCMD [\"y\"]\nFROM b:1\nCMD [\"z\"]\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nCMD [\"x\"]\nFROM b:1\nCMD [\"z\"]\n", &[]);
    }
}
