//! PSS016 `pss-run-as-user`: Pod or container runs as UID 0.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS016",
        name: "pss-run-as-user",
        summary: "Pod or container runs as UID 0",
        severity: Medium,
        category: Security,
        aliases: [
            Pss: "runAsUser",
            Trivy: "KSV-0105",
            KubeLinter: "run-as-non-root",
            Polaris: "runAsRootAllowed",
        ],
        fix: Unsafe,
        default_enabled: true,
        what: "Reports `runAsUser: 0` on the pod or a container (restricted, from v1.23; relaxed \
            with `hostUsers: false` from v1.35).\n\nPod Security Standards check `runAsUser`; it \
            runs when the `--pss` level includes it at the chosen version.",
        why: "UID 0 is root.",
        example: "```yaml\nsecurityContext:\n  runAsUser: 0   # flagged\n```",
        fix_safety: "Unsafe: the fix changes the UID to 10001; files owned by root become \
            unwritable.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, Some(fix));

fn check(e: &mut Eval<'_, '_>) {
    if e.user_ns() {
        return;
    }
    e.each_sc_field(
        "runAsUser",
        "",
        |v| v.as_f64() == Some(0.0),
        |c, _| match c {
            None => "the pod sets runAsUser=0 (root)".into(),
            Some(c) => format!("container `{c}` sets runAsUser=0 (root)"),
        },
    );
}

fn fix(ctx: &Ctx<'_>, ps: &PodSpec<'_>, v: &Violation) -> Option<Fix> {
    let mut ed = Editor::new(ctx);
    ed.replace_scalar(ctx.doc.node(&v.abs_ptr(ps)?)?, crate::fix::FIX_UID)?;
    ed.finish("Run as UID 10001 instead of root", Applicability::Unsafe)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("securityContext:\n  runAsUser: 0\ncontainers:\n- name: c\n  securityContext: {runAsUser: 0}\n");
        assert_lines(&super::META, &y, &[7, 10]);
        assert_lines_at(&super::META, &y, "restricted@v1.22", &[]);
        assert_fixed(&super::META, &y, "  runAsUser: 10001\n", true);
    }

    #[test]
    fn near_misses() {
        let y = pod("securityContext:\n  runAsUser: 1000\ncontainers:\n- name: c\n  securityContext: {runAsUser: \"0\"}\n");
        assert_lines(&super::META, &y, &[]);
        let y = pod("hostUsers: false\nsecurityContext:\n  runAsUser: 0\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines_at(&super::META, &y, "restricted@v1.35", &[]);
    }
}
