//! KS068 `rbac-manage-aws-auth`: RBAC rule can change the EKS `aws-auth` ConfigMap.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS068",
        name: "rbac-manage-aws-auth",
        summary: "RBAC rule can change the EKS `aws-auth` ConfigMap",
        severity: Critical,
        category: Security,
        aliases: [Trivy: "KSV-0115"],
        fix: None,
        default_enabled: true,
        what: "Reports Role and ClusterRole rules granting create, update, patch, delete, \
            deletecollection, impersonate or `*` on `configmaps` restricted by `resourceNames` to \
            `aws-auth`.",
        why: "`aws-auth` maps AWS IAM roles and users to Kubernetes users and groups: whoever \
            edits it can make any IAM identity `system:masters`.",
        example: "```yaml\nrules:\n- resources: [configmaps]\n  resourceNames: [aws-auth]\n  verbs: [patch]   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    for r in super::ks040_rbac_wildcard::rbac_rules(ctx) {
        if let Some(v) = r.manages(&["configmaps"])
            && r.names.contains(&"aws-auth") {
            ctx.report(
                &META,
                &format!("/rules/{}/resources", r.i),
                None,
                format!("{kind} rule {} can change the `aws-auth` ConfigMap (`{v}`)", r.i),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: a}\nrules:\n- resources: [configmaps]\n  resourceNames: [aws-auth]\n  verbs: [patch]\n";
        assert_lines(&super::META, y, &[5]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- resources: [configmaps]\n  resourceNames: [aws-auth]\n  verbs: [get]\n- resources: [configmaps]\n  resourceNames: [app-config]\n  verbs: [patch]\n";
        assert_lines(&super::META, y, &[]);
    }
}
