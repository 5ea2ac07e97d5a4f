//! KS043 `rbac-escalation-verbs`: RBAC rule grants bind, escalate or impersonate.

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
        code: "KS043",
        name: "rbac-escalation-verbs",
        summary: "RBAC rule grants bind, escalate or impersonate",
        severity: High,
        category: Security,
        aliases: [Trivy: "KSV-0043"],
        fix: None,
        default_enabled: true,
        what: "Reports rules with the verbs `bind`, `escalate` or `impersonate`.",
        why: "These verbs exist to bypass RBAC's privilege-escalation prevention.",
        example: "```yaml\nrules:\n- resources: [clusterroles]\n  verbs: [escalate]   # flagged\n\
            ```",
        fix_safety: "No automatic fix.",
    }
}

/// The rule.
pub static META: RuleMeta = BASE;

/// Any of the verbs but impersonating groups: no Trivy check says the same.
static OTHER: RuleMeta = RuleMeta {
    aliases: &[],
    ..BASE
};

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    for r in super::ks040_rbac_wildcard::rbac_rules(ctx) {
        if let Some(j) = r
            .verbs
            .iter()
            .position(|v| matches!(*v, "bind" | "escalate" | "impersonate"))
        {
            // Trivy's KSV-0043: impersonating groups.
            let groups = r.verbs.contains(&"impersonate") && r.has_res("groups");
            ctx.report(
                if groups { &META } else { &OTHER },
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
    fn ksv_0043_is_impersonating_groups() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: a}\nrules:\n- resources: [groups]\n  verbs: [impersonate]\n- resources: [users]\n  verbs: [impersonate]\n";
        let a = aliases_at(&super::META, y, "restricted");
        assert_eq!(a, [vec!["KSV-0043"], vec![]]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: a}\nrules:\n- resources: [clusterroles]\n  verbs: [get, list]\n";
        assert_lines(&super::META, y, &[]);
    }
}
