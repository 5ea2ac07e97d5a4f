//! KS045 `binding-to-public-group`: binding grants a role to anonymous, all authenticated users or
//! system:masters.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS045",
        name: "binding-to-public-group",
        summary: "Binding grants a role to anonymous, all authenticated users or system:masters",
        severity: Critical,
        category: Security,
        aliases: [Trivy: "KSV-0122", Trivy: "KSV-0123"],
        fix: None,
        default_enabled: true,
        what: "Reports bindings whose subjects include `system:anonymous`, \
            `system:unauthenticated`, `system:authenticated` or `system:masters`.",
        why: "The role is given to anyone who can reach the API server (or to a group that \
            bypasses RBAC).",
        example: "```yaml\nsubjects:\n- kind: Group\n  name: system:unauthenticated   # flagged\n\
            ```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    let v = &ctx.doc.value;
    if !matches!(kind, "RoleBinding" | "ClusterRoleBinding") {
        return;
    }
    let Some(Value::Array(subjects)) = v.get("subjects") else {
        return;
    };
    for (i, s) in subjects.iter().enumerate() {
        let n = str_of(s.get("name"));
        if matches!(
            n,
            "system:anonymous" | "system:unauthenticated" | "system:authenticated" | "system:masters"
        ) {
            ctx.report(
                &META,
                &format!("/subjects/{i}/name"),
                None,
                format!("{kind} grants `{}` to `{n}`", str_of(v.pointer("/roleRef/name"))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: a}\nroleRef: {kind: Role, name: r}\nsubjects:\n- kind: Group\n  name: system:unauthenticated\n- {kind: Group, name: system:authenticated}\n";
        assert_lines(&super::META, y, &[7, 8]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: a}\nroleRef: {kind: Role, name: r}\nsubjects:\n- {kind: Group, name: system:serviceaccounts:ns}\n- {kind: User, name: alice}\n";
        assert_lines(&super::META, y, &[]);
    }
}
