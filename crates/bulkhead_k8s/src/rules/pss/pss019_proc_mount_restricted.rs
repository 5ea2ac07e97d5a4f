//! PSS019 `pss-proc-mount-restricted`: container unmasks /proc (restricted, no user-namespace
//! relaxation).

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
        code: "PSS019",
        name: "pss-proc-mount-restricted",
        summary: "Container unmasks /proc (restricted, no user-namespace relaxation)",
        severity: High,
        category: Security,
        aliases: [Pss: "procMount_restricted", Trivy: "KSV-0027"],
        fix: None,
        default_enabled: true,
        what: "Reports `securityContext.procMount` other than `Default`, even with `hostUsers: \
            false` (restricted, from v1.35, replacing PSS008).\n\nPod Security Standards check \
            `procMount_restricted`; it runs when the `--pss` level includes it at the chosen \
            version.",
        why: "See PSS008; the restricted level does not relax it for user-namespaced pods.",
        example: "```yaml\nsecurityContext:\n  procMount: Unmasked   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

/// The rule.
pub static META: RuleMeta = BASE;

/// As reported for a field that also fails the baseline check this one replaces: with that
/// check's aliases too.
pub(crate) static ALSO_BASELINE: RuleMeta = RuleMeta {
    aliases: &[
        Alias::new(Tool::Pss, "procMount_restricted"),
        Alias::new(Tool::Trivy, "KSV-0027"),
        Alias::new(Tool::Pss, "procMount"),
        Alias::new(Tool::KubeLinter, "unsafe-proc-mount"),
        Alias::new(Tool::Polaris, "procMount"),
    ],
    ..BASE
};

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

fn check(e: &mut Eval<'_, '_>) {
    // Without a user namespace, baseline's procMount fails too.
    let also = (!e.user_ns()).then_some(Check::ProcMount);
    super::pss008_proc_mount::unmasked_proc(e, also);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("hostUsers: false\ncontainers:\n- name: c\n  securityContext:\n    procMount: Unmasked\n");
        assert_lines(&super::META, &y, &[10]);
        assert_lines_at(&super::META, &y, "restricted@v1.35", &[10]);
    }

    #[test]
    fn carries_the_baseline_aliases_unless_user_namespaced() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    procMount: Unmasked\n");
        assert!(aliases_at(&super::META, &y, "restricted")[0].contains(&"unsafe-proc-mount"));
        let y = pod("hostUsers: false\ncontainers:\n- name: c\n  securityContext:\n    procMount: Unmasked\n");
        assert!(!aliases_at(&super::META, &y, "restricted")[0].contains(&"unsafe-proc-mount"));
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    procMount: Unmasked\n");
        // Before v1.35 (and at baseline) procMount (PSS008) reports it.
        assert_lines_at(&super::META, &y, "restricted@v1.34", &[]);
        assert_lines_at(&super::META, &y, "baseline", &[]);
    }
}
