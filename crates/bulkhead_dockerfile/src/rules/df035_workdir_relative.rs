//! DF035 `workdir-relative`: `WORKDIR` is a relative path

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF035",
    name: "workdir-relative",
    summary: "`WORKDIR` is a relative path",
    severity: Severity::Medium,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3000"), Alias::new(Tool::Trivy, "DS-0009"), Alias::new(Tool::Checkov, "CKV_DOCKER_10"), Alias::new(Tool::Buildkit, "WorkdirRelativePath")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports a relative `WORKDIR` (ARGs and ENVs resolved) when no absolute `WORKDIR` was set before \
in the stage or the stages it builds on (BuildKit's rule; hadolint flags every relative \
`WORKDIR`).\n\n\
## Why is this bad?\n\
A relative `WORKDIR` is resolved against the base image's working directory, which can change \
under you.\n\n\
## Example\n\
```dockerfile\n\
FROM node:22\n\
WORKDIR app\n\
```\n\
Use instead:\n\
```dockerfile\n\
FROM node:22\n\
WORKDIR /app\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (i, ins) in ctx.df.instructions.iter().enumerate() {
        if ins.kind != Kind::Workdir {
            continue;
        }
        let e = ctx.expand_at(i, ins.args());
        let v = e.value.trim().to_string();
        if v.is_empty() || v.starts_with('/') || v.starts_with('$') || v.get(1..2) == Some(":") || v.starts_with('\\') || !e.undefined.is_empty() {
            continue;
        }
        let Some(stage) = ctx.model.stage_of[i] else { continue };
        let prior = ctx.model.final_chain_of(stage).iter().any(|&s| {
            let st = &ctx.model.stages[s];
            let upto = if s == stage { i } else { st.end };
            (st.from + 1..upto).any(|j| ctx.df.instructions[j].kind == Kind::Workdir && ctx.df.instructions[j].args().starts_with('/'))
        });
        if !prior {
            out.push(ctx.at(&META, ins, format!("`WORKDIR {v}` is relative: use an absolute path")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nWORKDIR app\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nWORKDIR /app\nWORKDIR sub\nENV D=/x\nWORKDIR $D\nFROM b:1\nWORKDIR C:\\\\app\n", &[]);
    }
}
