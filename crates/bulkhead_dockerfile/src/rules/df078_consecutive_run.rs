//! DF078 `consecutive-run`: Consecutive `RUN` instructions could be one

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF078",
    name: "consecutive-run",
    summary: "Consecutive `RUN` instructions could be one",
    severity: Severity::Info,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL3059")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports a `RUN` that directly follows another `RUN` of the same stage when neither uses flags (`--mount`, `--network`...) or heredocs.\n\n## Why is this bad?\nEach `RUN` is a layer; files created in one and deleted in the next still take space, and many layers slow pulls.\n\n## Example\n```dockerfile\nRUN apt-get update\nRUN apt-get install -y curl\n```\nUse instead:\n```dockerfile\nRUN apt-get update && apt-get install -y curl\n```\n\n## Fix safety\nNo automatic fix: merging changes caching, which may be intended.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let all = &ctx.df.instructions;
    for k in 1..all.len() {
        let (a, b) = (&all[k - 1], &all[k]);
        let simple = |i: &Instruction| i.kind == Kind::Run && i.flags.is_empty() && i.heredocs.is_empty() && i.json.is_none();
        if simple(a) && simple(b) && ctx.model.stage_of[k - 1] == ctx.model.stage_of[k] {
            let between = ctx.df.comments.iter().any(|c| c.start > a.full_end && c.start < b.start);
            if !between {
                out.push(ctx.at(&META, b, "This RUN directly follows another: consider merging them with `&&`"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN a\nRUN b\nRUN c\n", &[3, 4]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nRUN a\n# separate cache on purpose\nRUN b\nRUN --mount=type=cache,target=/x c\n", &[]);
    }
}
