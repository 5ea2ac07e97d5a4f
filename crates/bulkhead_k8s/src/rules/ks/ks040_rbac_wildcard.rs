//! KS040 `rbac-wildcard`: rBAC rule grants wildcard verbs or resources.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
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
        what: "Reports Role and ClusterRole rules with `*` in `verbs`, `resources` or `apiGroups`.",
        why: "Wildcards grant everything, including resources and verbs added in future releases.",
        example: "```yaml\nrules:\n- apiGroups: [\"\"]\n  resources: [\"*\"]   # \
            flagged\n  verbs: [get]\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

/// One rule of a Role or ClusterRole: its index and string lists.
pub(crate) struct RbacRule<'a> {
    pub i: usize,
    pub verbs: Vec<&'a str>,
    pub resources: Vec<&'a str>,
    pub groups: Vec<&'a str>,
}

impl RbacRule<'_> {
    /// Whether it grants one of `verbs` (or `*`).
    pub(crate) fn any_verb(&self, verbs: &[&str]) -> bool {
        self.verbs.iter().any(|v| *v == "*" || verbs.contains(v))
    }
    /// Whether it covers resource `r` (or `*`).
    pub(crate) fn has_res(&self, r: &str) -> bool {
        self.resources.iter().any(|x| *x == r || *x == "*")
    }
}

/// The rules of a Role or ClusterRole (none for other kinds); shared by KS040-KS043.
pub(crate) fn rbac_rules<'a>(ctx: &Ctx<'a>) -> Vec<RbacRule<'a>> {
    if !matches!(ctx.doc.kind(), Some("Role" | "ClusterRole")) {
        return Vec::new();
    }
    let Some(Value::Array(rules)) = ctx.doc.value.get("rules") else {
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
        })
        .collect()
}

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    for r in rbac_rules(ctx) {
        for (field, list) in [
            ("verbs", &r.verbs),
            ("resources", &r.resources),
            ("apiGroups", &r.groups),
        ] {
            if let Some(j) = list.iter().position(|x| *x == "*") {
                ctx.report(
                    &META,
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
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- apiGroups: [\"\"]\n  resources: [pods]\n  verbs: [get, list]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nrules: [{verbs: [\"*\"]}]\n";
        assert_lines(&super::META, y, &[]);
    }
}
