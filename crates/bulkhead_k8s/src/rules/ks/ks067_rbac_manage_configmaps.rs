//! KS067 `rbac-manage-configmaps`: RBAC rule can change ConfigMaps.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS067",
        name: "rbac-manage-configmaps",
        summary: "RBAC rule can change ConfigMaps",
        severity: Low,
        category: Security,
        aliases: [Trivy: "KSV-0049"],
        fix: None,
        default_enabled: false,
        what: "Reports Role and ClusterRole rules granting create, update, patch, delete, \
            deletecollection, impersonate or `*` on `configmaps`. Off by default: controllers \
            often keep their state in ConfigMaps.",
        why: "ConfigMaps configure other workloads (and, on EKS, `aws-auth` maps IAM identities to \
            cluster users): changing them changes what those workloads do.",
        example: "```yaml\nrules:\n- resources: [configmaps]\n  verbs: [update]   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    for r in super::ks040_rbac_wildcard::rbac_rules(ctx) {
        if let Some(v) = r.manages(&["configmaps"]) {
            ctx.report(
                &META,
                &format!("/rules/{}/resources", r.i),
                None,
                format!("{kind} rule {} can change ConfigMaps (`{v}`)", r.i),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: a}\nrules:\n- resources: [configmaps]\n  verbs: [update]\n";
        assert_lines(&super::META, y, &[5]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- resources: [configmaps]\n  verbs: [get, watch]\n";
        assert_lines(&super::META, y, &[]);
    }
}
