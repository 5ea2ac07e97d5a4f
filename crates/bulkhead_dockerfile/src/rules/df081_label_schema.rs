//! DF081 `label-schema`: Invalid label key, or a required label missing

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "DF081",
    name: "label-schema",
    summary: "Invalid label key, or a required label missing",
    severity: Severity::Info,
    category: Category::Style,
    aliases: &[Alias::new(Tool::Hadolint, "DL3048"), Alias::new(Tool::Hadolint, "DL3049")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports `LABEL` keys that are not lowercase alphanumerics separated by single `.` or `-`, or \
that use a reserved namespace (`com.docker.`, `io.docker.`, `org.dockerproject.`). With \
`required-labels` configured, also reports a final stage that lacks one of them.\n\n\
## Why is this bad?\n\
Label keys are an interface for tools (scanners, registries, deploy pipelines); malformed or \
missing keys break them quietly.\n\n\
## Example\n\
```dockerfile\n\
LABEL Version=1\n\
```\n\
Use instead:\n\
```dockerfile\n\
LABEL org.opencontainers.image.version=1\n\
```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let valid = |k: &str| {
        !k.is_empty()
            && k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
            && !k.starts_with(['.', '-'])
            && !k.ends_with(['.', '-'])
            && !k.contains("..")
            && !k.contains("--")
            && !["com.docker.", "io.docker.", "org.dockerproject."].iter().any(|p| k.starts_with(p))
    };
    for ins in &ctx.df.instructions {
        if ins.kind != Kind::Label {
            continue;
        }
        for kv in super::key_values(ins) {
            if !kv.key.contains('$') && !valid(&kv.key) {
                out.push(ctx.at_l(&META, ins, kv.lstart, kv.key_lend, format!("Label key `{}` is not a valid lowercase, dot-separated key", kv.key)));
            }
        }
    }
    let required = &ctx.settings.required_labels;
    let Some(last) = ctx.model.final_stage else { return };
    if required.is_empty() {
        return;
    }
    let mut present = Vec::new();
    for &s in &ctx.model.final_chain() {
        for (_, ins) in ctx.stage_body(s) {
            if ins.kind == Kind::Label {
                present.extend(super::key_values(ins).iter().map(|kv| kv.key.clone()));
            }
        }
    }
    let from = &ctx.df.instructions[ctx.model.stages[last].from];
    for r in required {
        if !present.contains(r) {
            out.push(ctx.at(&META, from, format!("Required label `{r}` is missing")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_lines};

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM a:1\nLABEL Version=1 com.docker.x=y a..b=1\n", &[2, 2, 2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM a:1\nLABEL org.opencontainers.image.version=1 maintainer=x\n", &[]);
    }

    #[test]
    fn required() {
        use crate::Settings;
        use crate::rules::testing::lines_with;
        let s = Settings { required_labels: vec!["org.opencontainers.image.source".into()], ..Settings::default() };
        assert_eq!(lines_with(&super::META, "FROM a:1\nLABEL x=y\n", &s), vec![1]);
        assert_eq!(lines_with(&super::META, "FROM a:1\nLABEL org.opencontainers.image.source=u\n", &s), Vec::<u32>::new());
    }
}
