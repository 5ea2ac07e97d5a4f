//! PSS002 `pss-privileged`: container runs privileged.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS002",
        name: "pss-privileged",
        summary: "Container runs privileged",
        severity: Critical,
        category: Security,
        aliases: [
            Pss: "privileged",
            Trivy: "KSV-0017",
            Checkov: "CKV_K8S_16",
            KubeLinter: "privileged-container",
            KubeScore: "container-security-context-privileged",
            Polaris: "runAsPrivileged",
            Kubesec: "Privileged",
        ],
        fix: Unsafe,
        default_enabled: true,
        what: "Reports `securityContext.privileged: true` on any container, init container or \
            ephemeral container (baseline).\n\nPod Security Standards check `privileged`; it runs \
            when the `--pss` level includes it at the chosen version.",
        why: "A privileged container has every capability and every device of the host; escaping \
            to the node is trivial.",
        example: "```yaml\ncontainers:\n- name: app\n  securityContext:\n    privileged: true   # \
            flagged\n```",
        fix_safety: "Unsafe: the fix sets `privileged: false`, which breaks workloads that really \
            need device access.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, Some(fix));

fn check(e: &mut Eval<'_, '_>) {
    for c in e.cs {
        if is_true(c.sc_field("privileged")) {
            e.push(
                At::Spec(format!("{}/securityContext/privileged", c.rel_ptr())),
                Some(c.name()),
                format!("container `{}` is privileged", c.name()),
            );
        }
    }
}

fn fix(ctx: &Ctx<'_>, ps: &PodSpec<'_>, v: &Violation) -> Option<Fix> {
    let mut ed = Editor::new(ctx);
    ed.replace_scalar(ctx.doc.node(&v.abs_ptr(ps)?)?, "false")?;
    ed.finish("Set `privileged: false`", Applicability::Unsafe)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("initContainers:\n- name: i\n  securityContext: {privileged: true}\ncontainers:\n- name: c\n  securityContext:\n    privileged: true\n");
        assert_lines(&super::META, &y, &[8, 12]);
        assert_fixed(&super::META, &y, "    privileged: false", true);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    privileged: false\n- name: d\n  privileged: true\n");
        assert_lines(&super::META, &y, &[]);
    }
}
