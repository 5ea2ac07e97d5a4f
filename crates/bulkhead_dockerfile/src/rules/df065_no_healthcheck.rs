//! DF065 `no-healthcheck`: No `HEALTHCHECK` in the final stage

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF065",
    name: "no-healthcheck",
    summary: "No `HEALTHCHECK` in the final stage",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[Alias::new(Tool::Hadolint, "DL3057"), Alias::new(Tool::Trivy, "DS-0026"), Alias::new(Tool::Checkov, "CKV_DOCKER_2")],
    fix: FixKind::None,
    default_enabled: false,
    docs: "## What it does\n\
Reports a final (or `--target`) stage that, with the stages it builds on, has no `HEALTHCHECK`. \
Off by default: orchestrators such as Kubernetes ignore it and use their own probes.\n\n\
## Why is this bad?\n\
Without a health check, Docker and Swarm cannot tell a hung container from a healthy one.\n\n\
## Example\n\
```dockerfile\n\
FROM nginx:1.27\n\
```\n\
Use instead:\n\
```dockerfile\n\
FROM nginx:1.27\n\
HEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(last) = ctx.model.final_stage else { return };
    let has = ctx.model.final_chain().iter().any(|&s| ctx.stage_body(s).any(|(_, i)| i.kind == Kind::Healthcheck));
    if !has {
        let from = &ctx.df.instructions[ctx.model.stages[last].from];
        out.push(ctx.at(&META, from, "The image has no HEALTHCHECK"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1 AS b\nHEALTHCHECK CMD x\nFROM c:1\n", &[3]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1 AS b\nHEALTHCHECK CMD x\nFROM b\nFROM c:1\nHEALTHCHECK NONE\n", &[]);
    }
}
