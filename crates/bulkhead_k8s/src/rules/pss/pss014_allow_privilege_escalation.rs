//! PSS014 `pss-allow-privilege-escalation`: container may gain privileges (allowPrivilegeEscalation
//! not false).

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS014",
        name: "pss-allow-privilege-escalation",
        summary: "Container may gain privileges (allowPrivilegeEscalation not false)",
        severity: Medium,
        category: Security,
        aliases: [
            Pss: "allowPrivilegeEscalation",
            Trivy: "KSV-0001",
            Checkov: "CKV_K8S_20",
            KubeLinter: "privilege-escalation-container",
            Polaris: "privilegeEscalationAllowed",
            Kubesec: "AllowPrivilegeEscalation",
        ],
        fix: Safe,
        default_enabled: true,
        what: "Reports containers that do not set `securityContext.allowPrivilegeEscalation: \
            false` explicitly; unset counts as allowed (restricted, from v1.8; Windows pods \
            exempt from v1.25).\n\nPod Security Standards check `allowPrivilegeEscalation`; it \
            runs when the `--pss` level includes it at the chosen version.",
        why: "Without `no_new_privs`, setuid binaries and file capabilities let a process gain \
            more privileges than it started with.",
        example: "```yaml\ncontainers:\n- name: app\n  image: app:1.0   # flagged: no \
            securityContext.allowPrivilegeEscalation: false\n```",
        fix_safety: "Safe: the fix adds `allowPrivilegeEscalation: false`; only setuid programs \
            (sudo, ping without capabilities) stop gaining privileges, which is the point.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, Some(fix));

fn check(e: &mut Eval<'_, '_>) {
    if e.windows_exempt() {
        return;
    }
    for c in e.cs {
        if c.sc_field("allowPrivilegeEscalation").and_then(Value::as_bool) != Some(false) {
            e.push(
                At::Spec(format!(
                    "{}/securityContext/allowPrivilegeEscalation",
                    c.rel_ptr()
                )),
                Some(c.name()),
                format!(
                    "container `{}` must set securityContext.allowPrivilegeEscalation=false",
                    c.name()
                ),
            );
        }
    }
}

fn fix(ctx: &Ctx<'_>, ps: &PodSpec<'_>, v: &Violation) -> Option<Fix> {
    let ptr = v.abs_ptr(ps)?;
    let (sc, _) = ptr.rsplit_once('/')?;
    let mut ed = Editor::new(ctx);
    ed.ensure(sc, &[("allowPrivilegeEscalation", s("false"))])?;
    ed.finish("Set `allowPrivilegeEscalation: false`", Applicability::Safe)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  image: i:1\n- name: d\n  securityContext:\n    allowPrivilegeEscalation: true\n");
        assert_lines(&super::META, &y, &[7, 11]);
        assert_lines_at(&super::META, &y, "restricted@v1.8", &[7, 11]);
        assert_fixed(&super::META, &y, "    allowPrivilegeEscalation: false\n", false);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  securityContext: {allowPrivilegeEscalation: false}\n");
        assert_lines(&super::META, &y, &[]);
        let y = pod("os: {name: windows}\ncontainers:\n- name: c\n  image: i:1\n");
        assert_lines_at(&super::META, &y, "restricted@v1.25", &[]);
        assert_lines_at(&super::META, &y, "restricted@v1.24", &[8]);
        assert_lines_at(&super::META, &y, "restricted@v1.7", &[]);
    }
}
