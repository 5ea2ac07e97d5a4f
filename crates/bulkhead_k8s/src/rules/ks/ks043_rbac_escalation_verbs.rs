//! KS043 `rbac-escalation-verbs`: rBAC rule grants bind, escalate or impersonate.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS043",
        name: "rbac-escalation-verbs",
        summary: "RBAC rule grants bind, escalate or impersonate",
        severity: High,
        category: Security,
        aliases: [Trivy: "KSV-0043", Trivy: "KSV-0056"],
        fix: None,
        default_enabled: true,
        what: "Reports rules with the verbs `bind`, `escalate` or `impersonate`.",
        why: "These verbs exist to bypass RBAC's privilege-escalation prevention.",
        example: "```yaml\nrules:\n- resources: [clusterroles]\n  verbs: [escalate]   # flagged\n\
            ```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    for r in super::ks040_rbac_wildcard::rbac_rules(ctx) {
        if let Some(j) = r
            .verbs
            .iter()
            .position(|v| matches!(*v, "bind" | "escalate" | "impersonate"))
        {
            ctx.report(
                &META,
                &format!("/rules/{}/verbs/{j}", r.i),
                None,
                format!("{kind} rule {} grants `{}`", r.i, r.verbs[j]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: a}\nrules:\n- resources: [clusterroles]\n  verbs:\n  - get\n  - escalate\n- resources: [users]\n  verbs: [impersonate]\n";
        assert_lines(&super::META, y, &[8, 10]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: a}\nrules:\n- resources: [clusterroles]\n  verbs: [get, list]\n";
        assert_lines(&super::META, y, &[]);
    }
}
