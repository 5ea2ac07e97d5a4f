//! DF005 `duplicate-stage-name`: two stages share an alias.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF005",
    name: "duplicate-stage-name",
    summary: "Two stages have the same name",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[
        Alias::new(Tool::Hadolint, "DL3024"),
        Alias::new(Tool::Trivy, "DS-0012"),
        Alias::new(Tool::Checkov, "CKV_DOCKER_11"),
        Alias::new(Tool::Buildkit, "DuplicateStageName"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports a `FROM ... AS name` whose name (case-insensitively) was already used by an earlier \
stage.\n\n\
## Why is this bad?\n\
`COPY --from=name` and `--target name` become ambiguous; BuildKit rejects the file.\n\n\
## Example\n\
```dockerfile\nFROM golang:1.23 AS build\nFROM node:22 AS build\n```\nUse distinct names.\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let stages = &ctx.model.stages;
    for (i, st) in stages.iter().enumerate() {
        let Some(a) = st.alias.as_deref() else { continue };
        if stages[..i]
            .iter()
            .any(|p| p.alias.as_deref().is_some_and(|b| b.eq_ignore_ascii_case(a)))
        {
            let ins = &ctx.df.instructions[st.from];
            out.push(ctx.at_l(
                &META,
                ins,
                st.alias_lspan.0,
                st.alias_lspan.1,
                format!("Stage name `{a}` is already used by an earlier stage"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1 AS b\nFROM c:1 AS B\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1 AS b\nFROM c:1 AS c\n", &[]);
    }
}
