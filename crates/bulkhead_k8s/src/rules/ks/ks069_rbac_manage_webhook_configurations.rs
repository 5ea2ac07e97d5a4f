//! KS069 `rbac-manage-webhook-configurations`: RBAC rule can change admission webhook configurations.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS069",
        name: "rbac-manage-webhook-configurations",
        summary: "RBAC rule can change admission webhook configurations",
        severity: High,
        category: Security,
        aliases: [Trivy: "KSV-0114"],
        fix: None,
        default_enabled: true,
        what: "Reports Role and ClusterRole rules granting create, update, patch, delete, \
            deletecollection, impersonate or `*` on `mutatingwebhookconfigurations` or \
            `validatingwebhookconfigurations`.",
        why: "An admission webhook sees, and a mutating one rewrites, every object sent to the API \
            server: whoever registers one controls what runs in the cluster; whoever deletes one \
            removes a policy.",
        example: "```yaml\nrules:\n- resources: [mutatingwebhookconfigurations]\n  verbs: [create]   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    for r in super::ks040_rbac_wildcard::rbac_rules(ctx) {
        if let Some(v) = r.manages(&["mutatingwebhookconfigurations", "validatingwebhookconfigurations"]) {
            ctx.report(
                &META,
                &format!("/rules/{}/resources", r.i),
                None,
                format!("{kind} rule {} can change admission webhook configurations (`{v}`)", r.i),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: a}\nrules:\n- apiGroups: [admissionregistration.k8s.io]\n  resources: [validatingwebhookconfigurations]\n  verbs: [delete]\n";
        assert_lines(&super::META, y, &[6]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- apiGroups: [admissionregistration.k8s.io]\n  resources: [validatingwebhookconfigurations]\n  verbs: [get, list, watch]\n";
        assert_lines(&super::META, y, &[]);
    }
}
