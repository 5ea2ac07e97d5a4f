//! KS040 `rbac-wildcard`: RBAC rule grants wildcard verbs or resources.

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
        code: "KS040",
        name: "rbac-wildcard",
        summary: "RBAC rule grants wildcard verbs or resources",
        severity: High,
        category: Security,
        aliases: [
            Trivy: "KSV-0044",
            Trivy: "KSV-0045",
            Trivy: "KSV-0046",
            Checkov: "CKV_K8S_49",
            KubeLinter: "wildcard-in-rules",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports Role and ClusterRole rules with `*` in `verbs`, `resources` or `apiGroups`. \
            Each finding carries the aliases of what it is: Trivy KSV-0045 for a wildcard verb on \
            a sensitive resource, KSV-0046 (ClusterRole) or KSV-0112 (Role) for wildcard \
            resources, KSV-0044 when the rule is wildcard in all three.",
        why: "Wildcards grant everything, including resources and verbs added in future releases.",
        example: "```yaml\nrules:\n- apiGroups: [\"\"]\n  resources: [\"*\"]   # \
            flagged\n  verbs: [get]\n```",
        fix_safety: "No automatic fix.",
    }
}

/// The rule.
pub static META: RuleMeta = BASE;

// The finding's field, and what the peers call it. `_ALL`: the rule is `*` in all three.
narrowed! {
    VERBS = [Checkov: "CKV_K8S_49", KubeLinter: "wildcard-in-rules"];
    VERBS_SENSITIVE = [Trivy: "KSV-0045", Checkov: "CKV_K8S_49", KubeLinter: "wildcard-in-rules"];
    VERBS_ALL = [Trivy: "KSV-0044", Trivy: "KSV-0045", Checkov: "CKV_K8S_49", KubeLinter: "wildcard-in-rules"];
    RESOURCES = [Checkov: "CKV_K8S_49", KubeLinter: "wildcard-in-rules"];
    RESOURCES_CLUSTER = [Trivy: "KSV-0046", Checkov: "CKV_K8S_49", KubeLinter: "wildcard-in-rules"];
    RESOURCES_ROLE = [Trivy: "KSV-0112", Checkov: "CKV_K8S_49", KubeLinter: "wildcard-in-rules"];
    RESOURCES_CLUSTER_ALL = [Trivy: "KSV-0044", Trivy: "KSV-0046", Checkov: "CKV_K8S_49", KubeLinter: "wildcard-in-rules"];
    RESOURCES_ROLE_ALL = [Trivy: "KSV-0044", Trivy: "KSV-0112", Checkov: "CKV_K8S_49", KubeLinter: "wildcard-in-rules"];
    GROUPS = [Checkov: "CKV_K8S_49"];
    GROUPS_ALL = [Trivy: "KSV-0044", Checkov: "CKV_K8S_49"];
}

/// Resources on which a wildcard verb is Trivy's KSV-0045.
const SENSITIVE: [&str; 15] = [
    "secrets",
    "pods",
    "deployments",
    "daemonsets",
    "statefulsets",
    "replicationcontrollers",
    "replicasets",
    "cronjobs",
    "jobs",
    "roles",
    "clusterroles",
    "rolebindings",
    "clusterrolebindings",
    "users",
    "groups",
];

/// Verbs with which wildcard resources are Trivy's KSV-0046 / KSV-0112.
const MANAGE_ALL: [&str; 8] = [
    "create",
    "update",
    "delete",
    "deletecollection",
    "impersonate",
    "*",
    "list",
    "get",
];

/// The narrowed rule a wildcard in `field` of `r` is reported under.
fn narrowed(cluster: bool, field: &str, r: &RbacRule<'_>) -> &'static RuleMeta {
    let star = |l: &[&str]| l.contains(&"*");
    let all = star(&r.verbs) && star(&r.resources) && star(&r.groups);
    match field {
        "verbs" if all => &VERBS_ALL,
        "verbs" if r.resources.iter().any(|x| SENSITIVE.contains(x)) => &VERBS_SENSITIVE,
        "verbs" => &VERBS,
        "resources" => {
            let manage = r.verbs.iter().any(|v| MANAGE_ALL.contains(v));
            match (manage, cluster, all) {
                (false, _, _) => &RESOURCES,
                (true, true, false) => &RESOURCES_CLUSTER,
                (true, false, false) => &RESOURCES_ROLE,
                (true, true, true) => &RESOURCES_CLUSTER_ALL,
                (true, false, true) => &RESOURCES_ROLE_ALL,
            }
        }
        _ if all => &GROUPS_ALL,
        _ => &GROUPS,
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

/// One rule of a Role or ClusterRole: its index and string lists.
pub(crate) struct RbacRule<'a> {
    pub i: usize,
    pub verbs: Vec<&'a str>,
    pub resources: Vec<&'a str>,
    pub groups: Vec<&'a str>,
    /// `resourceNames`.
    pub names: Vec<&'a str>,
}

impl RbacRule<'_> {
    /// Whether it grants one of `verbs` (or `*`).
    pub(crate) fn any_verb(&self, verbs: &[&str]) -> bool {
        self.verbs.iter().any(|v| *v == "*" || verbs.contains(v))
    }
    /// The first verb that changes objects (create, update, patch, delete, deletecollection,
    /// impersonate, `*`) it grants on one of `resources` (named exactly), as Trivy reads it.
    pub(crate) fn manages(&self, resources: &[&str]) -> Option<&str> {
        use super::ks041_rbac_read_secrets::CHANGE_VERBS;
        if !self.resources.iter().any(|x| resources.contains(x)) {
            return None;
        }
        self.verbs
            .iter()
            .find(|v| **v == "*" || CHANGE_VERBS.contains(v))
            .copied()
    }
    /// Whether it covers resource `r` (or `*`).
    pub(crate) fn has_res(&self, r: &str) -> bool {
        self.resources.iter().any(|x| *x == r || *x == "*")
    }
}

/// The rules of a Role or ClusterRole (none for other kinds); shared by KS040-KS043.
pub(crate) fn rbac_rules<'a>(ctx: &Ctx<'a>) -> Vec<RbacRule<'a>> {
    rules_of(ctx.doc)
}

/// The rules of a Role or ClusterRole document (none for other kinds).
pub(crate) fn rules_of(doc: &Document) -> Vec<RbacRule<'_>> {
    if !matches!(doc.kind(), Some("Role" | "ClusterRole")) {
        return Vec::new();
    }
    let Some(Value::Array(rules)) = doc.value.get("rules") else {
        return Vec::new();
    };
    rules
        .iter()
        .enumerate()
        .map(|(i, r)| RbacRule {
            i,
            verbs: strings(r.get("verbs")).map(|x| x.1).collect(),
            resources: strings(r.get("resources")).map(|x| x.1).collect(),
            groups: strings(r.get("apiGroups")).map(|x| x.1).collect(),
            names: strings(r.get("resourceNames")).map(|x| x.1).collect(),
        })
        .collect()
}

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    let cluster = kind == "ClusterRole";
    for r in rbac_rules(ctx) {
        for (field, list) in [
            ("verbs", &r.verbs),
            ("resources", &r.resources),
            ("apiGroups", &r.groups),
        ] {
            if let Some(j) = list.iter().position(|x| *x == "*") {
                ctx.report(
                    narrowed(cluster, field, &r),
                    &format!("/rules/{}/{field}/{j}", r.i),
                    None,
                    format!("{kind} rule {} grants `*` {field}", r.i),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: a}\nrules:\n- apiGroups: [\"*\"]\n  resources: [pods, \"*\"]\n  verbs:\n  - get\n  - \"*\"\n";
        assert_lines(&super::META, y, &[5, 6, 9]);
    }

    #[test]
    fn each_finding_carries_the_alias_it_matches() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- apiGroups: [apps]\n  resources: [deployments]\n  verbs: [\"*\"]\n- apiGroups: [\"\"]\n  resources: [\"*\"]\n  verbs: [get]\n- apiGroups: [\"*\"]\n  resources: [\"*\"]\n  verbs: [\"*\"]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: b}\nrules:\n- resources: [\"*\"]\n  verbs: [watch]\n- resources: [\"*\"]\n  verbs: [list]\n";
        let trivy: Vec<Vec<&str>> = aliases_at(&super::META, y, "restricted")
            .into_iter()
            .map(|a| a.into_iter().filter(|x| x.starts_with("KSV")).collect())
            .collect();
        assert_eq!(
            trivy,
            [
                vec!["KSV-0045"],
                vec!["KSV-0112"],
                vec!["KSV-0044"],
                vec!["KSV-0044", "KSV-0112"],
                vec!["KSV-0044", "KSV-0045"],
                vec![],
                vec!["KSV-0046"],
            ]
        );
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- apiGroups: [\"\"]\n  resources: [pods]\n  verbs: [get, list]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nrules: [{verbs: [\"*\"]}]\n";
        assert_lines(&super::META, y, &[]);
    }
}
