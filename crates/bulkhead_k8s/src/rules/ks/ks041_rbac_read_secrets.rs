//! KS041 `rbac-read-secrets`: RBAC rule can read Secrets.

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
        code: "KS041",
        name: "rbac-read-secrets",
        summary: "RBAC rule can read or manage Secrets",
        severity: Medium,
        category: Security,
        aliases: [Trivy: "KSV-0041", Trivy: "KSV-0113", KubeLinter: "access-to-secrets"],
        fix: None,
        default_enabled: true,
        what: "Reports Role and ClusterRole rules granting any of get, list, watch, create, \
            update, patch, delete, deletecollection, impersonate or `*` on `secrets` (or on \
            `*`). A ClusterRole's finding is Trivy's KSV-0041, a Role's KSV-0113; reading \
            (get, list, watch, `*`) is also kube-linter's `access-to-secrets`.",
        why: "Reading Secrets yields every credential of the namespace (or the cluster for a \
            ClusterRole), including service-account tokens; writing them replaces those \
            credentials.",
        example: "```yaml\nrules:\n- resources: [secrets]\n  verbs: [list]   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

/// The rule.
pub static META: RuleMeta = BASE;

static CLUSTER_READ: RuleMeta = RuleMeta {
    aliases: &[
        Alias::new(Tool::Trivy, "KSV-0041"),
        Alias::new(Tool::KubeLinter, "access-to-secrets"),
    ],
    ..BASE
};
static CLUSTER_MANAGE: RuleMeta = RuleMeta {
    aliases: &[Alias::new(Tool::Trivy, "KSV-0041")],
    ..BASE
};
static ROLE_READ: RuleMeta = RuleMeta {
    aliases: &[
        Alias::new(Tool::Trivy, "KSV-0113"),
        Alias::new(Tool::KubeLinter, "access-to-secrets"),
    ],
    ..BASE
};
static ROLE_MANAGE: RuleMeta = RuleMeta {
    aliases: &[Alias::new(Tool::Trivy, "KSV-0113")],
    ..BASE
};

/// Verbs that change an object (Trivy's list).
pub(crate) const CHANGE_VERBS: [&str; 6] = [
    "create",
    "update",
    "patch",
    "delete",
    "deletecollection",
    "impersonate",
];

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    let cluster = kind == "ClusterRole";
    for r in super::ks040_rbac_wildcard::rbac_rules(ctx) {
        if !r.has_res("secrets") {
            continue;
        }
        let (rule, msg) = if r.any_verb(&["get", "list", "watch"]) {
            (
                if cluster { &CLUSTER_READ } else { &ROLE_READ },
                format!("{kind} rule {} can read Secrets", r.i),
            )
        } else if let Some(v) = r.verbs.iter().find(|v| CHANGE_VERBS.contains(v)) {
            (
                if cluster { &CLUSTER_MANAGE } else { &ROLE_MANAGE },
                format!("{kind} rule {} can manage Secrets (`{v}`)", r.i),
            )
        } else {
            continue;
        };
        ctx.report(rule, &format!("/rules/{}/resources", r.i), None, msg);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- resources: [secrets]\n  verbs: [list]\n- resources: [\"*\"]\n  verbs: [\"*\"]\n- resources: [secrets]\n  verbs: [delete]\n";
        assert_lines(&super::META, y, &[5, 7, 9]);
        let a = aliases_at(&super::META, y, "restricted");
        assert_eq!(a[0], ["KSV-0113", "access-to-secrets"]);
        assert_eq!(a[2], ["KSV-0113"]);
        let y = y.replace("kind: Role", "kind: ClusterRole");
        assert_eq!(aliases_at(&super::META, &y, "restricted")[2], ["KSV-0041"]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- resources: [configmaps]\n  verbs: [get]\n- resources: [secrets]\n  verbs: [bind]\n";
        assert_lines(&super::META, y, &[]);
    }
}
