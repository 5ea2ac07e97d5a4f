//! KS066 `rbac-manage-networking`: RBAC rule can change Services, endpoints, Ingresses or NetworkPolicies.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS066",
        name: "rbac-manage-networking",
        summary: "RBAC rule can change Services, endpoints, Ingresses or NetworkPolicies",
        severity: Medium,
        category: Security,
        aliases: [Trivy: "KSV-0056"],
        fix: None,
        default_enabled: true,
        what: "Reports Role and ClusterRole rules granting create, update, patch, delete, \
            deletecollection, impersonate or `*` on `services`, `endpoints`, `endpointslices`, \
            `networkpolicies` or `ingresses`.",
        why: "Whoever changes Services and endpoints can redirect other workloads' traffic to a \
            pod they control; whoever changes NetworkPolicies can open any path.",
        example: "```yaml\nrules:\n- resources: [networkpolicies]\n  verbs: [delete]   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    for r in super::ks040_rbac_wildcard::rbac_rules(ctx) {
        if let Some(v) = r.manages(&["services", "endpoints", "endpointslices", "networkpolicies", "ingresses"]) {
            ctx.report(
                &META,
                &format!("/rules/{}/resources", r.i),
                None,
                format!("{kind} rule {} can change networking resources (`{v}`)", r.i),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: a}\nrules:\n- resources: [services]\n  verbs: [patch]\n- resources: [pods, networkpolicies]\n  verbs: [\"*\"]\n";
        assert_lines(&super::META, y, &[5, 7]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- resources: [services, ingresses]\n  verbs: [get, list, watch]\n- resources: [\"*\"]\n  verbs: [create]\n";
        assert_lines(&super::META, y, &[]);
    }
}
