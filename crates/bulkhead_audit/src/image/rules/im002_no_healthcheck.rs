//! IM002 `image-no-healthcheck`: the image configuration has no `Healthcheck`.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "IM002",
    name: "image-no-healthcheck",
    summary: "The image has no HEALTHCHECK",
    severity: Severity::Low,
    category: Category::Reliability,
    aliases: &[
        Alias::new(Tool::Dockle, "CIS-DI-0006"),
        Alias::new(Tool::Trivy, "DS-0026"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports an image whose configuration has no `Healthcheck`, or one whose \
test is `NONE`.\n\n## Why is this bad?\nWithout a health check, Docker and Compose cannot tell a \
hung service from a working one. (Kubernetes ignores it and uses probes: there the finding can \
be ignored.)\n\n## Example\nAn image built without `HEALTHCHECK`.\nUse instead:\n```dockerfile\n\
HEALTHCHECK CMD [\"/app\", \"--health\"]\n```\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    let Some(cfg) = ctx.config else { return };
    let none = match &cfg.config.healthcheck {
        None => true,
        Some(h) => h
            .get("Test")
            .and_then(|t| t.as_array())
            .is_some_and(|t| t.first().and_then(|v| v.as_str()) == Some("NONE")),
    };
    if none {
        out.push(ctx.config_finding(&META, "no HEALTHCHECK in the image configuration".into()));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{config, run};

    #[test]
    fn triggers() {
        let c = config(r#"{"config": {}}"#);
        assert_eq!(run(&super::META, "img", Some(&c), &[]), ["no HEALTHCHECK in the image configuration"]);
        let c = config(r#"{"config": {"Healthcheck": {"Test": ["NONE"]}}}"#);
        assert_eq!(run(&super::META, "img", Some(&c), &[]).len(), 1);
    }

    #[test]
    fn near_misses() {
        let c = config(r#"{"config": {"Healthcheck": {"Test": ["CMD-SHELL", "true"]}}}"#);
        assert!(run(&super::META, "img", Some(&c), &[]).is_empty());
    }
}
