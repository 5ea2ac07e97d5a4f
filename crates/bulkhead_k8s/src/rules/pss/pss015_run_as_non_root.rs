//! PSS015 `pss-run-as-non-root`: container may run as root (runAsNonRoot not true).

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS015",
        name: "pss-run-as-non-root",
        summary: "Container may run as root (runAsNonRoot not true)",
        severity: Medium,
        category: Security,
        aliases: [
            Pss: "runAsNonRoot",
            Trivy: "KSV-0012",
            Checkov: "CKV_K8S_23",
            KubeLinter: "run-as-non-root",
            Polaris: "runAsRootAllowed",
            Kubesec: "RunAsNonRoot",
        ],
        fix: Unsafe,
        default_enabled: true,
        what: "Reports a pod or container that sets `runAsNonRoot: false`, and containers that do \
            not set it while the pod does not set it to true (restricted). `runAsUser` other than \
            0 does not satisfy this check.\n\nPod Security Standards check `runAsNonRoot`; it \
            runs when the `--pss` level includes it at the chosen version.",
        why: "A process running as UID 0 in the container is root on the host once any isolation \
            layer fails.",
        example: "```yaml\nspec:\n  containers:\n  - name: app   # flagged: neither the pod nor \
            the container sets runAsNonRoot: true\n    image: app:1.0\n```",
        fix_safety: "Unsafe: the fix sets `runAsNonRoot: true` and a fixed `runAsUser` at pod \
            level; an image that needs root then fails to start.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, Some(fix));

fn check(e: &mut Eval<'_, '_>) {
    if e.user_ns() {
        return;
    }
    let mut pod_true = false;
    if let Some(p) = e.pod_sc("runAsNonRoot") {
        if p.as_bool() == Some(true) {
            pod_true = true;
        } else {
            e.push(
                At::Spec("/securityContext/runAsNonRoot".into()),
                None,
                "the pod sets runAsNonRoot=false".into(),
            );
        }
    }
    for c in e.cs {
        let msg = match c.sc_field("runAsNonRoot") {
            Some(v) if v.as_bool() == Some(true) => continue,
            Some(_) => format!("container `{}` sets runAsNonRoot=false", c.name()),
            None if !pod_true => format!(
                "container `{}` must set securityContext.runAsNonRoot=true (or the pod must)",
                c.name()
            ),
            None => continue,
        };
        e.push(
            At::Spec(format!("{}/securityContext/runAsNonRoot", c.rel_ptr())),
            Some(c.name()),
            msg,
        );
    }
}

fn fix(ctx: &Ctx<'_>, ps: &PodSpec<'_>, v: &Violation) -> Option<Fix> {
    let ptr = v.abs_ptr(ps)?;
    let mut ed = Editor::new(ctx);
    if let Some(n) = ctx.doc.node(&ptr) {
        // An explicit false.
        ed.replace_scalar(n, "true")?;
        return ed.finish("Set `runAsNonRoot: true`", Applicability::Unsafe);
    }
    let entries = crate::fix::seed_pod_entries(ps);
    ed.ensure(&format!("{}/securityContext", ps.spec_ptr), &entries)?;
    ed.finish(
        "Run the pod as non-root UID 10001 (pod securityContext)",
        Applicability::Unsafe,
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("securityContext:\n  runAsNonRoot: false\ncontainers:\n- name: c\n  image: i:1\n- name: d\n  securityContext: {runAsNonRoot: false}\n");
        assert_lines(&super::META, &y, &[7, 9, 12]);
        assert_fixed(&super::META, &y, "  runAsNonRoot: true\n", true);
    }

    #[test]
    fn near_misses() {
        let y = pod("securityContext:\n  runAsNonRoot: true\ncontainers:\n- name: c\n  image: i:1\n- name: d\n  securityContext: {runAsNonRoot: true, runAsUser: 0}\n");
        assert_lines(&super::META, &y, &[]);
        // runAsUser alone does not satisfy the check.
        let y = pod("containers:\n- name: c\n  securityContext: {runAsUser: 1000}\n");
        assert_lines(&super::META, &y, &[8]);
        let y = pod("hostUsers: false\ncontainers:\n- name: c\n  image: i:1\n");
        assert_lines_at(&super::META, &y, "restricted@v1.35", &[]);
    }
}
