//! IM003 `image-sensitive-volume`: a `VOLUME` on `/sys`, `/dev` or `/proc`.

use super::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "IM003",
    name: "image-sensitive-volume",
    summary: "The image declares a VOLUME on /sys, /dev or /proc",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[Alias::new(Tool::Dockle, "DKL-DI-0002")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports `Volumes` of the image configuration that are `/sys`, `/dev` or \
`/proc` or lie under them.\n\n## Why is this bad?\nThese paths expose the host kernel's \
interfaces; an image asking for them as volumes invites mounting the host's.\n\n## Example\n\
```dockerfile\nVOLUME /sys\n```\nUse instead: no such volume; request a specific device or \
capability in the deployment when really needed.\n\n## Fix safety\nNo automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<AuditFinding>) {
    let Some(cfg) = ctx.config else { return };
    for v in cfg.config.volumes.iter().flat_map(|m| m.keys()) {
        let p = v.trim_end_matches('/');
        if ["/sys", "/dev", "/proc"]
            .iter()
            .any(|s| p == *s || p.starts_with(&format!("{s}/")))
        {
            out.push(ctx.config_finding(&META, format!("VOLUME {v} exposes a kernel interface")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{config, run};

    #[test]
    fn triggers() {
        let c = config(r#"{"config": {"Volumes": {"/sys": {}, "/data": {}, "/proc/x/": {}}}}"#);
        assert_eq!(
            run(&super::META, "img", Some(&c), &[]),
            ["VOLUME /proc/x/ exposes a kernel interface", "VOLUME /sys exposes a kernel interface"]
        );
    }

    #[test]
    fn near_misses() {
        let c = config(r#"{"config": {"Volumes": {"/system": {}, "/devices": {}}}}"#);
        assert!(run(&super::META, "img", Some(&c), &[]).is_empty());
    }
}
