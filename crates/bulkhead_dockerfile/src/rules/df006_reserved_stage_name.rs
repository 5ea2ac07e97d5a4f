//! DF006 `reserved-stage-name`: a stage named `scratch` or `context`.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF006",
    name: "reserved-stage-name",
    summary: "Stage name is a reserved word (`scratch`, `context`)",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[
        Alias::new(Tool::Hadolint, "DL3063"),
        Alias::new(Tool::Buildkit, "ReservedStageName"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `FROM ... AS scratch` or `AS context`.\n\n\
## Why is this bad?\n\
`scratch` is the empty image and `context` names the build context in `COPY --from`; a \
stage with either name shadows them and confuses readers and tools.\n\n\
## Example\n\
```dockerfile\nFROM alpine:3.20 AS scratch\n```\nUse another name.\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for st in &ctx.model.stages {
        let Some(a) = st.alias.as_deref() else { continue };
        if a.eq_ignore_ascii_case("scratch") || a.eq_ignore_ascii_case("context") {
            let ins = &ctx.df.instructions[st.from];
            out.push(ctx.at_l(
                &META,
                ins,
                st.alias_lspan.0,
                st.alias_lspan.1,
                format!("`{a}` is reserved and cannot name a stage"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1 AS scratch\nFROM a:1 AS Context\n", &[1, 2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM scratch AS base\n", &[]);
    }
}
