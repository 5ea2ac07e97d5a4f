//! KS044 `cluster-admin-binding`: binding grants cluster-admin.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS044",
        name: "cluster-admin-binding",
        summary: "Binding grants cluster-admin",
        severity: High,
        category: Security,
        aliases: [Trivy: "KSV-0111", KubeLinter: "cluster-admin-role-binding"],
        fix: None,
        default_enabled: true,
        what: "Reports RoleBindings and ClusterRoleBindings whose roleRef is the `cluster-admin` \
            ClusterRole.",
        why: "cluster-admin can do anything to anything.",
        example: "```yaml\nroleRef:\n  kind: ClusterRole\n  name: cluster-admin   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    let v = &ctx.doc.value;
    if matches!(kind, "RoleBinding" | "ClusterRoleBinding")
        && str_of(v.pointer("/roleRef/name")) == "cluster-admin"
        && str_of(v.pointer("/roleRef/kind")) == "ClusterRole"
    {
        ctx.report(
            &META,
            "/roleRef/name",
            None,
            format!("{kind} grants cluster-admin"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: a}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects: [{kind: ServiceAccount, name: x, namespace: y}]\n";
        assert_lines(&super::META, y, &[7]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: a}\nroleRef: {kind: Role, name: cluster-admin}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {kind: ClusterRole, name: admin}\n";
        assert_lines(&super::META, y, &[]);
    }
}
