//! IM006 `image-exposes-remote-shell`: the image exposes SSH (22) or telnet (23).

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "IM006",
    name: "image-exposes-remote-shell",
    summary: "The image exposes an SSH or telnet port",
    severity: Severity::Medium,
    category: Category::Network,
    aliases: &[Alias::new(Tool::Trivy, "DS-0004")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports `ExposedPorts` 22 and 23 (any protocol).\n\n## Why is this bad?\n\
A remote shell daemon in a container is an extra, long-lived way in that bypasses the \
orchestrator's `exec` audit trail.\n\n## Example\n```dockerfile\nEXPOSE 22\n```\nUse instead: \
`kubectl exec` / `docker exec` for debugging.\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    let Some(cfg) = ctx.config else { return };
    for p in cfg.config.exposed_ports.iter().flat_map(|m| m.keys()) {
        let port = p.split('/').next().unwrap_or(p);
        let what = match port {
            "22" => "SSH",
            "23" => "telnet",
            _ => continue,
        };
        out.push(ctx.config_finding(&META, format!("port {p} ({what}) is exposed")));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{config, run};

    #[test]
    fn triggers() {
        let c = config(r#"{"config": {"ExposedPorts": {"22/tcp": {}, "23/tcp": {}, "80/tcp": {}}}}"#);
        assert_eq!(run(&super::META, "img", Some(&c), &[]), ["port 22/tcp (SSH) is exposed", "port 23/tcp (telnet) is exposed"]);
    }

    #[test]
    fn near_misses() {
        let c = config(r#"{"config": {"ExposedPorts": {"2222/tcp": {}, "220/udp": {}}}}"#);
        assert!(run(&super::META, "img", Some(&c), &[]).is_empty());
    }
}
