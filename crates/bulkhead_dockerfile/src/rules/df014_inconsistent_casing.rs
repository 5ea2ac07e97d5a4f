//! DF014 `inconsistent-casing`: Instruction or stage-name casing is inconsistent

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF014",
    name: "inconsistent-casing",
    summary: "Instruction or stage-name casing is inconsistent",
    severity: Severity::Info,
    category: Category::Style,
    aliases: &[Alias::new(Tool::Buildkit, "StageNameCasing"), Alias::new(Tool::Buildkit, "FromAsCasing"), Alias::new(Tool::Buildkit, "ConsistentInstructionCasing")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\n\
Reports instruction keywords whose case differs from the file's majority (or is mixed, like \
`Run`), an `AS` whose case does not match its `FROM`, and stage names that are not \
lowercase.\n\n\
## Why is this bad?\n\
Mixed casing makes Dockerfiles harder to read and grep; BuildKit warns about each of these.\n\n\
## Example\n\
```dockerfile\n\
FROM debian:12 as Build\n\
run make\n\
COPY . /src\n\
```\n\
Use instead:\n\
```dockerfile\n\
FROM debian:12 AS build\n\
RUN make\n\
COPY . /src\n\
```\n\n\
## Fix safety\n\
Safe for keywords and `AS` (Dockerfile keywords are case-insensitive); stage names get no fix, \
since every reference would have to change too.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let ins_all = &ctx.df.instructions;
    let upper = ins_all.iter().filter(|i| i.keyword.chars().all(|c| c.is_ascii_uppercase())).count();
    let lower = ins_all.iter().filter(|i| i.keyword.chars().all(|c| c.is_ascii_lowercase())).count();
    let want_upper = upper >= lower;
    for ins in ins_all {
        let ok = if want_upper { ins.keyword.chars().all(|c| c.is_ascii_uppercase()) } else { ins.keyword.chars().all(|c| c.is_ascii_lowercase()) };
        if !ok {
            let fixed = if want_upper { ins.keyword.to_ascii_uppercase() } else { ins.keyword.to_ascii_lowercase() };
            out.push(ctx.finding(&META, ins.keyword_start, ins.keyword_end, format!("`{}` should be `{fixed}` like the rest of the file", ins.keyword))
                .with_fix(Fix::safe("Normalise the keyword case", vec![Edit::replace(ins.keyword_start, ins.keyword_end, fixed)])));
        }
    }
    for st in &ctx.model.stages {
        let ins = &ins_all[st.from];
        if let Some((kw, s, e)) = &st.as_keyword {
            let from_upper = ins.keyword.chars().all(|c| c.is_ascii_uppercase());
            let as_upper = kw.chars().all(|c| c.is_ascii_uppercase());
            let as_lower = kw.chars().all(|c| c.is_ascii_lowercase());
            if (from_upper && !as_upper) || (!from_upper && !as_lower) {
                let want = if from_upper { "AS" } else { "as" };
                let (os, oe) = (ins.orig(*s), ins.orig_end(*e));
                out.push(ctx.finding(&META, os, oe, format!("`{kw}` does not match the casing of `{}`", ins.keyword))
                    .with_fix(Fix::safe(format!("Write `{want}`"), vec![Edit::replace(os, oe, want)])));
            }
        }
        if let Some(a) = &st.alias
            && a.chars().any(|c| c.is_ascii_uppercase())
        {
            out.push(ctx.at_l(&META, ins, st.alias_lspan.0, st.alias_lspan.1, format!("Stage name `{a}` should be lowercase")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines, assert_fix};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1 as Build\nrun make\nRUN x\n", &[1, 1, 2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1 AS build\nRUN make\n", &[]);
    }

    #[test]
    fn fixes() {
        assert_fix(&super::META, "FROM a:1 as build\nRun make\nRUN x\n", false, "FROM a:1 AS build\nRUN make\nRUN x\n");
    }
}
