//! KS012 `no-security-context`: neither the pod nor the container has a securityContext.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS012",
        name: "no-security-context",
        summary: "Neither the pod nor the container has a securityContext",
        severity: Medium,
        category: Security,
        aliases: [Trivy: "KSV-0118", Checkov: "CKV_K8S_29", Checkov: "CKV_K8S_30"],
        fix: Unsafe,
        default_enabled: true,
        what: "Reports containers without a `securityContext` in pods without one either.",
        why: "Every security setting is left at the runtime's permissive default.",
        example: "```yaml\nspec:\n  containers:\n  - name: app   # flagged\n    image: app:1.0\n\
            ```",
        fix_safety: "Unsafe: the fix writes the hardened pod securityContext (see PSS015).",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    if cc.c.sc().is_some() || pod.pod_sc.is_some() {
        return;
    }
    let mut ed = Editor::new(ctx);
    let fix = ed
        .ensure(
            &format!("{}/securityContext", pod.ps.spec_ptr),
            &crate::fix::seed_pod_entries(pod.ps),
        )
        .and_then(|()| {
            ed.finish(
                "Add a pod securityContext: non-root UID/GID 10001, RuntimeDefault seccomp",
                Applicability::Unsafe,
            )
        });
    let f = ctx.report(
        &META,
        &cc.ptr,
        Some(cc.name),
        format!("container `{}` has no securityContext, and neither has the pod", cc.name),
    );
    f.fix = fix;
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  image: i:1\n- name: d\n  image: i:1\n");
        assert_lines(&super::META, &y, &[7, 9]);
        assert_fixed(&super::META, &y, "  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n    runAsGroup: 10001\n    fsGroup: 10001\n    seccompProfile:\n      type: RuntimeDefault\n", true);
    }

    #[test]
    fn near_misses() {
        let y = pod("securityContext: {}\ncontainers:\n- name: c\n  image: i:1\n");
        assert_lines(&super::META, &y, &[]);
        let y = pod("containers:\n- name: c\n  securityContext: {}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
