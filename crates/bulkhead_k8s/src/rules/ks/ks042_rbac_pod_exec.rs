//! KS042 `rbac-pod-exec`: RBAC rule allows exec or attach into pods, or creating pods.

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
        code: "KS042",
        name: "rbac-pod-exec",
        summary: "RBAC rule allows exec into pods or creating and changing workloads",
        severity: Medium,
        category: Security,
        aliases: [
            Trivy: "KSV-0053",
            Trivy: "KSV-0048",
            KubeLinter: "access-to-create-pods",
            Polaris: "clusterrolePodExecAttach",
            Polaris: "rolePodExecAttach",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports Role and ClusterRole rules granting `create` or `get` (or any verb that \
            changes an object) on `pods/exec` or `pods/attach`, and rules granting create, \
            update, patch, delete, deletecollection, impersonate or `*` on pods, deployments, \
            daemonsets, statefulsets, replicasets, replicationcontrollers, jobs or cronjobs. \
            Each finding carries the aliases it matches: Trivy KSV-0053 (a change verb on \
            `pods/exec`), Polaris `clusterrolePodExecAttach` / `rolePodExecAttach` (`create` \
            on exec or attach, roles named `system:*` exempt), Trivy KSV-0048 (workloads), \
            kube-linter `access-to-create-pods` (`create`).",
        why: "Exec is a shell in every matching pod; whoever creates or changes pods can mount \
            any ServiceAccount, Secret or host path the namespace allows.",
        example: "```yaml\nrules:\n- resources: [pods/exec]\n  verbs: [create]   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

/// The rule.
pub static META: RuleMeta = BASE;

narrowed! {
    EXEC = [];
    EXEC_TRIVY = [Trivy: "KSV-0053"];
    EXEC_CLUSTER = [Polaris: "clusterrolePodExecAttach"];
    EXEC_ROLE = [Polaris: "rolePodExecAttach"];
    EXEC_TRIVY_CLUSTER = [Trivy: "KSV-0053", Polaris: "clusterrolePodExecAttach"];
    EXEC_TRIVY_ROLE = [Trivy: "KSV-0053", Polaris: "rolePodExecAttach"];
    WORKLOADS = [Trivy: "KSV-0048"];
    WORKLOADS_CREATE = [Trivy: "KSV-0048", KubeLinter: "access-to-create-pods"];
}

/// Pods and the workload resources that create them.
const WORKLOAD_RESOURCES: [&str; 8] = [
    "pods",
    "deployments",
    "daemonsets",
    "statefulsets",
    "replicasets",
    "replicationcontrollers",
    "jobs",
    "cronjobs",
];

/// Whether a rule grants exec or attach as Polaris reads it: `create` or `get` (a web socket)
/// on `pods/exec`, `pods/attach` or `*`, in the core group (or `*`).
pub(crate) fn grants_exec(r: &super::ks040_rbac_wildcard::RbacRule<'_>) -> bool {
    (r.has_res("pods/exec") || r.has_res("pods/attach"))
        && r.any_verb(&["create", "get"])
        && (r.groups.contains(&"") || r.groups.contains(&"*"))
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    use super::ks041_rbac_read_secrets::CHANGE_VERBS;
    let kind = ctx.doc.kind().unwrap_or("");
    let cluster = kind == "ClusterRole";
    let system = ctx.doc.name().is_some_and(|n| n.starts_with("system:"));
    for r in super::ks040_rbac_wildcard::rbac_rules(ctx) {
        // Trivy's KSV-0053 reads any change verb on `pods/exec` itself.
        let trivy = r.resources.contains(&"pods/exec") && r.any_verb(&CHANGE_VERBS);
        let exec = (r.has_res("pods/exec") || r.has_res("pods/attach"))
            && r.any_verb(&["create", "get"]);
        let (rule, msg): (&'static RuleMeta, _) = if exec || trivy {
            let polaris = grants_exec(&r) && !system;
            let rule = match (trivy, polaris, cluster) {
                (false, false, _) => &EXEC,
                (true, false, _) => &EXEC_TRIVY,
                (false, true, true) => &EXEC_CLUSTER,
                (false, true, false) => &EXEC_ROLE,
                (true, true, true) => &EXEC_TRIVY_CLUSTER,
                (true, true, false) => &EXEC_TRIVY_ROLE,
            };
            (rule, "allows exec or attach into pods".to_string())
        } else if WORKLOAD_RESOURCES.iter().any(|x| r.resources.contains(x)) {
            if r.any_verb(&["create"]) {
                (&WORKLOADS_CREATE, "can create pods or workloads".to_string())
            } else if let Some(v) = r.verbs.iter().find(|v| CHANGE_VERBS.contains(v)) {
                (&WORKLOADS, format!("can change pods or workloads (`{v}`)"))
            } else {
                continue;
            }
        } else {
            continue;
        };
        ctx.report(
            rule,
            &format!("/rules/{}/resources", r.i),
            None,
            format!("{kind} rule {} {msg}", r.i),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- apiGroups: [\"\"]\n  resources: [pods/exec]\n  verbs: [create]\n- resources: [deployments]\n  verbs: [create]\n- resources: [replicationcontrollers]\n  verbs: [patch]\n- resources: [pods/attach]\n  verbs: [get]\n";
        assert_lines(&super::META, y, &[6, 8, 10, 12]);
        let a = aliases_at(&super::META, y, "restricted");
        assert_eq!(a[0], ["KSV-0053", "rolePodExecAttach"]);
        assert_eq!(a[1], ["KSV-0048", "access-to-create-pods"]);
        assert_eq!(a[2], ["KSV-0048"]);
        assert!(a[3].is_empty());
        // Polaris exempts the system roles; ClusterRoles get the cluster variant.
        let y = y.replace("kind: Role\nmetadata: {name: a}", "kind: ClusterRole\nmetadata: {name: \"system:x\"}");
        assert_eq!(aliases_at(&super::META, &y, "restricted")[0], ["KSV-0053"]);
        let y = y.replace("system:x", "x");
        assert_eq!(
            aliases_at(&super::META, &y, "restricted")[0],
            ["KSV-0053", "clusterrolePodExecAttach"]
        );
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- resources: [pods/log]\n  verbs: [get]\n- resources: [pods, deployments]\n  verbs: [get, list, watch]\n";
        assert_lines(&super::META, y, &[]);
    }
}
