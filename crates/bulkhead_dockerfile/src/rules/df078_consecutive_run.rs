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
    docs: "## What it does\n\
Reports a `RUN` that directly follows another `RUN` of the same stage (comments between them do \
not count) when both have the same flags (`--mount`, `--network`...), neither uses heredocs and \
each runs a single command (a RUN that chains commands with `&&` or `;` was probably kept apart \
on purpose).\n\n\
## Why is this bad?\n\
Each `RUN` is a layer; files created in one and deleted in the next still take space, and many \
layers slow pulls.\n\n\
## Example\n\
```dockerfile\n\
RUN apt-get update\n\
RUN apt-get install -y curl\n\
```\n\
Use instead:\n\
```dockerfile\n\
RUN apt-get update && apt-get install -y curl\n\
```\n\n\
## Fix safety\n\
No automatic fix: merging changes caching, which may be intended.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let all = &ctx.df.instructions;
    // Top-level commands of a RUN: a RUN that chains several was probably split on purpose.
    let commands = |k: usize| ctx.scripts[k].as_ref().map_or(0, |s| s.commands.iter().filter(|c| !c.nested).count());
    fn flags(i: &Instruction) -> Vec<(&str, Option<&str>)> {
        i.flags.iter().map(|f| (f.name.as_str(), f.value.as_deref())).collect()
    }
    for k in 1..all.len() {
        let (a, b) = (&all[k - 1], &all[k]);
        let simple = |i: &Instruction| i.kind == Kind::Run && i.heredocs.is_empty() && i.json.is_none();
        // Comments between the two do not separate them; different mounts do.
        if simple(a)
            && simple(b)
            && ctx.model.stage_of[k - 1] == ctx.model.stage_of[k]
            && flags(a) == flags(b)
            && commands(k - 1) <= 1
            && commands(k) <= 1
        {
            out.push(ctx.at(&META, b, "This RUN directly follows another: consider merging them with `&&`"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nRUN a\nRUN b\nRUN c\n", &[3, 4]);
        // A comment between two RUNs does not separate them (hadolint DL3059).
        assert_lines(&super::META, "FROM a:1\nRUN /foo.sh\n# a comment\nRUN /bar.sh\n", &[4]);
    }

    #[test]
    fn near_misses() {
        // Different mounts, or a RUN that chains commands (kept apart on purpose).
        assert_lines(&super::META, "FROM a:1\nRUN a\nRUN --mount=type=cache,target=/x c\nRUN x && y\nRUN b\nRUN c; d\n", &[]);
    }
}
