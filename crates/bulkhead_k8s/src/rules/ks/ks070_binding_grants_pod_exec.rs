//! KS070 `binding-grants-pod-exec`: a RoleBinding or ClusterRoleBinding grants a role that
//! allows exec or attach into pods.

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
        code: "KS070",
        name: "binding-grants-pod-exec",
        summary: "Binding grants a role that allows exec or attach into pods",
        severity: Medium,
        category: Security,
        aliases: [
            Polaris: "clusterrolebindingPodExecAttach",
            Polaris: "rolebindingClusterRolePodExecAttach",
            Polaris: "rolebindingRolePodExecAttach",
        ],
        fix: None,
        default_enabled: true,
        what: "Cross-object: reports a RoleBinding or ClusterRoleBinding whose `roleRef` names a \
            Role (same namespace) or ClusterRole of the checked files with a rule granting \
            `create` or `get` on `pods/exec`, `pods/attach` or `*` in the core group, or the \
            built-in ClusterRoles that do (`admin`, `edit`, `cluster-admin`). As Polaris, \
            bindings and roles named `system:*` are exempt. Each finding carries the Polaris \
            check of its binding and role kinds.",
        why: "The binding is what hands the shell to its subjects: every pod the role reaches \
            runs whatever they type, with the pod's own service account and mounts.",
        example: "```yaml\nkind: RoleBinding\nroleRef: {kind: ClusterRole, name: edit}   # \
            flagged\nsubjects: [{kind: Group, name: developers}]\n```",
        fix_safety: "No automatic fix.",
    }
}

/// The rule.
pub static META: RuleMeta = BASE;

static CLUSTER_BINDING: RuleMeta = RuleMeta {
    aliases: &[Alias::new(Tool::Polaris, "clusterrolebindingPodExecAttach")],
    ..BASE
};
static BINDING_CLUSTER_ROLE: RuleMeta = RuleMeta {
    aliases: &[Alias::new(Tool::Polaris, "rolebindingClusterRolePodExecAttach")],
    ..BASE
};
static BINDING_ROLE: RuleMeta = RuleMeta {
    aliases: &[Alias::new(Tool::Polaris, "rolebindingRolePodExecAttach")],
    ..BASE
};

/// Built-in ClusterRoles that grant exec.
const BUILTIN: [&str; 3] = ["admin", "edit", "cluster-admin"];

/// Whether `doc` is a Role or ClusterRole with a rule granting exec or attach (the only roles
/// this rule reads beyond their identity).
pub(crate) fn role_grants_exec(doc: &Document) -> bool {
    super::ks040_rbac_wildcard::rules_of(doc)
        .iter()
        .any(super::ks042_rbac_pod_exec::grants_exec)
}

pub(crate) static HOOK: Hook = Hook::Set(check);

fn check(set: &SetCtx<'_>, out: &mut Vec<Finding>) {
    let bindings = set
        .of_kind("RoleBinding")
        .chain(set.of_kind("ClusterRoleBinding"));
    for (path, doc) in bindings {
        let r = doc.at("/roleRef");
        let (rk, rn) = (
            str_of(r.and_then(|r| r.get("kind"))),
            str_of(r.and_then(|r| r.get("name"))),
        );
        let name = doc.name().unwrap_or("");
        if rn.is_empty() || templated(rn) || rn.starts_with("system:") || name.starts_with("system:")
        {
            continue;
        }
        let cluster_binding = doc.kind() == Some("ClusterRoleBinding");
        let rule = match (cluster_binding, rk) {
            (true, "ClusterRole") => &CLUSTER_BINDING,
            (false, "ClusterRole") => &BINDING_CLUSTER_ROLE,
            (false, "Role") => &BINDING_ROLE,
            _ => continue,
        };
        let grants = (rk == "ClusterRole" && BUILTIN.contains(&rn))
            || set.of_kind(rk).any(|(_, role)| {
                role.name() == Some(rn)
                    && (rk == "ClusterRole" || ns_match(role.namespace(), doc.namespace()))
                    && role.grants_exec()
            });
        if grants {
            out.push(finding(
                rule,
                path,
                doc,
                "/roleRef/name",
                format!("{} grants {rk} `{rn}`, which allows exec or attach into pods", doc.kind().unwrap_or("")),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const ROLE: &str = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: debug, namespace: n}\nrules:\n- apiGroups: [\"\"]\n  resources: [pods/exec]\n  verbs: [create]\n";

    #[test]
    fn triggers() {
        let b = "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: n}\nroleRef:\n  kind: Role\n  name: debug\nsubjects: [{kind: Group, name: devs}]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: c}\nroleRef: {kind: ClusterRole, name: edit}\n";
        assert_set_lines(&super::META, &[("r.yaml", ROLE), ("b.yaml", b)], &[("b.yaml", 6), ("b.yaml", 12)]);
    }

    #[test]
    fn near_misses() {
        // Another namespace, a read-only role, a system binding, a role not in the input.
        let b = "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: other}\nroleRef: {kind: Role, name: debug}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: c}\nroleRef: {kind: ClusterRole, name: view}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: \"system:x\"}\nroleRef: {kind: ClusterRole, name: edit}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: d, namespace: n}\nroleRef: {kind: Role, name: unknown}\n";
        assert_set_lines(&super::META, &[("r.yaml", ROLE), ("b.yaml", b)], &[]);
    }
}
