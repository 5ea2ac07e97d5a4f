//! KS042 `rbac-pod-exec`: rBAC rule allows exec or attach into pods, or creating pods.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS042",
        name: "rbac-pod-exec",
        summary: "RBAC rule allows exec or attach into pods, or creating pods",
        severity: Medium,
        category: Security,
        aliases: [Trivy: "KSV-0053", Trivy: "KSV-0048", KubeLinter: "access-to-create-pods"],
        fix: None,
        default_enabled: true,
        what: "Reports rules granting `create` (or `get`) on `pods/exec`, `pods/attach`, or \
            `create` on pods and workload resources.",
        why: "Exec is a shell in every matching pod; creating pods lets one mount any \
            ServiceAccount of the namespace.",
        example: "```yaml\nrules:\n- resources: [pods/exec]\n  verbs: [create]   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    for r in super::ks040_rbac_wildcard::rbac_rules(ctx) {
        let msg = if (r.has_res("pods/exec") || r.has_res("pods/attach"))
            && r.any_verb(&["create", "get"])
        {
            "allows exec or attach into pods"
        } else if [
            "pods",
            "deployments",
            "daemonsets",
            "statefulsets",
            "replicasets",
            "jobs",
            "cronjobs",
        ]
        .iter()
        .any(|x| r.resources.contains(x))
            && r.any_verb(&["create"])
        {
            "can create pods or workloads"
        } else {
            continue;
        };
        ctx.report(
            &META,
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
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- resources: [pods/exec]\n  verbs: [create]\n- resources: [deployments]\n  verbs: [create]\n";
        assert_lines(&super::META, y, &[5, 7]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules:\n- resources: [pods/log]\n  verbs: [get]\n- resources: [pods]\n  verbs: [get, list]\n";
        assert_lines(&super::META, y, &[]);
    }
}
