//! KS018 `host-aliases`: Pod manages /etc/hosts through hostAliases.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS018",
        name: "host-aliases",
        summary: "Pod manages /etc/hosts through hostAliases",
        severity: Low,
        category: Security,
        aliases: [Trivy: "KSV-0007", Kubesec: "HostAliases"],
        fix: None,
        default_enabled: true,
        what: "Reports `hostAliases`.",
        why: "Overriding name resolution inside the pod hides where traffic really goes and can \
            redirect it.",
        example: "```yaml\nspec:\n  hostAliases:   # flagged\n  - ip: 10.0.0.1\n    hostnames: \
            [api.example]\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pod(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>) {
    if pod.ps.spec.get("hostAliases").is_some_and(|h| !h.is_null()) {
        ctx.report(
            &META,
            &format!("{}/hostAliases", pod.ps.spec_ptr),
            None,
            "the pod overrides /etc/hosts with `hostAliases`".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("hostAliases:\n- ip: 10.0.0.1\n  hostnames: [api.example]\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[6]);
    }

    #[test]
    fn near_misses() {
        let y = pod("hostAliases: null\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
