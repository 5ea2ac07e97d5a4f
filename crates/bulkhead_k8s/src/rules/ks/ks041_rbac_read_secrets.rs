//! KS041 `rbac-read-secrets`: rBAC rule can read Secrets.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS041",
        name: "rbac-read-secrets",
        summary: "RBAC rule can read Secrets",
        severity: Medium,
        category: Security,
        aliases: [Trivy: "KSV-0041", KubeLinter: "access-to-secrets"],
        fix: None,
        default_enabled: true,
        what: "Reports rules granting get, list or watch on `secrets`.",
        why: "Reading Secrets yields every credential of the namespace (or the cluster for a \
            ClusterRole), including service-account tokens.",
        example: "```yaml\nrules:\n- resources: [secrets]\n  verbs: [list]   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    for r in super::ks040_rbac_wildcard::rbac_rules(ctx) {
        if r.has_res("secrets") && r.any_verb(&["get", "list", "watch"]) {
            ctx.report(
                &META,
                &format!("/rules/{}/resources", r.i),
                None,
                format!("{kind} rule {} can read Secrets", r.i),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- resources: [secrets]\n  verbs: [list]\n- resources: [\"*\"]\n  verbs: [\"*\"]\n";
        assert_lines(&super::META, y, &[5, 7]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- resources: [configmaps]\n  verbs: [get]\n- resources: [secrets]\n  verbs: [create]\n";
        assert_lines(&super::META, y, &[]);
    }
}
