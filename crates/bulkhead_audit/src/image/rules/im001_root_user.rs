//! IM001 `image-runs-as-root`: the image's last user is root or unset.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "IM001",
    name: "image-runs-as-root",
    summary: "The image runs as root: `User` is unset, `root`, or uid 0",
    severity: Severity::Medium,
    category: Category::Security,
    aliases: &[
        Alias::new(Tool::Dockle, "CIS-DI-0001"),
        Alias::new(Tool::Trivy, "DS-0002"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports an image whose configuration has no `User`, or `root`, `0`, \
`root:…` or `0:…`.\n\n## Why is this bad?\nA process that escapes the container, or abuses a \
kernel bug, does so as root; most workloads need no privileges.\n\n## Example\n\
An image built from a Dockerfile without `USER`.\nUse instead:\n```dockerfile\n\
RUN useradd --uid 10001 app\nUSER 10001\n```\n\n## Fix safety\nNo automatic fix: the image \
must be rebuilt, and files the process writes must belong to the new user.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    let Some(cfg) = ctx.config else { return };
    let user = cfg.config.user.as_deref().unwrap_or("").trim();
    let name = user.split(':').next().unwrap_or("");
    let why = match name {
        "" => "no `User` is set: the image runs as root",
        "root" | "0" => "`User` is root",
        _ => return,
    };
    out.push(ctx.config_finding(&META, why.to_string()));
}

#[cfg(test)]
mod tests {
    use super::super::testing::{config, run};

    #[test]
    fn triggers() {
        let c = config(r#"{"config": {}}"#);
        assert_eq!(run(&super::META, "img", Some(&c), &[]), ["no `User` is set: the image runs as root"]);
        let c = config(r#"{"config": {"User": "0:0"}}"#);
        assert_eq!(run(&super::META, "img", Some(&c), &[]), ["`User` is root"]);
    }

    #[test]
    fn near_misses() {
        let c = config(r#"{"config": {"User": "10001:0"}}"#);
        assert!(run(&super::META, "img", Some(&c), &[]).is_empty());
        let c = config(r#"{"config": {"User": "rootless"}}"#);
        assert!(run(&super::META, "img", Some(&c), &[]).is_empty());
    }
}
