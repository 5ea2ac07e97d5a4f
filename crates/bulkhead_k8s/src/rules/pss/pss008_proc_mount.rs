//! PSS008 `pss-proc-mount`: container unmasks /proc.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS008",
        name: "pss-proc-mount",
        summary: "Container unmasks /proc",
        severity: High,
        category: Security,
        aliases: [
            Pss: "procMount",
            Trivy: "KSV-0027",
            KubeLinter: "unsafe-proc-mount",
            Polaris: "procMount",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports `securityContext.procMount` other than `Default` (baseline; from v1.35 any \
            value is allowed when `hostUsers: false`).\n\nPod Security Standards check \
            `procMount`; it runs when the `--pss` level includes it at the chosen version.",
        why: "An Unmasked /proc exposes kernel interfaces that the default masking hides from \
            containers.",
        example: "```yaml\nsecurityContext:\n  procMount: Unmasked   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

fn check(e: &mut Eval<'_, '_>) {
    // From v1.35 a user-namespaced pod may unmask /proc at baseline.
    if !e.user_ns() {
        unmasked_proc(e, None);
    }
}

/// Report every container whose `procMount` is not `Default` (shared with PSS019, for which
/// it also fails this check, `also`).
pub(crate) fn unmasked_proc(e: &mut Eval<'_, '_>, also: Option<Check>) {
    for c in e.cs {
        if let Some(pm) = c.sc_field("procMount")
            && pm.as_str() != Some("Default")
        {
            e.push_also(
                At::Spec(format!("{}/securityContext/procMount", c.rel_ptr())),
                Some(c.name()),
                format!(
                    "container `{}` sets procMount `{}`; only Default is allowed",
                    c.name(),
                    display(pm)
                ),
                also,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    procMount: Unmasked\n");
        assert_lines_at(&super::META, &y, "baseline", &[9]);
        assert_lines_at(&super::META, &y, "restricted@v1.34", &[9]);
        let y = pod("hostUsers: false\ncontainers:\n- name: c\n  securityContext:\n    procMount: Unmasked\n");
        assert_lines_at(&super::META, &y, "baseline@v1.34", &[10]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    procMount: Default\n");
        assert_lines_at(&super::META, &y, "baseline", &[]);
        let y = pod("hostUsers: false\ncontainers:\n- name: c\n  securityContext:\n    procMount: Unmasked\n");
        assert_lines_at(&super::META, &y, "baseline@v1.35", &[]);
    }
}
