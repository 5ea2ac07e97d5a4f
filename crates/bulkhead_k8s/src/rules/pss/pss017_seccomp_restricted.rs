//! PSS017 `pss-seccomp-restricted`: Seccomp profile not set to RuntimeDefault or Localhost.

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
        code: "PSS017",
        name: "pss-seccomp-restricted",
        summary: "Seccomp profile not set to RuntimeDefault or Localhost",
        severity: Medium,
        category: Security,
        aliases: [
            Pss: "seccompProfile_restricted",
            Trivy: "KSV-0030",
            Checkov: "CKV_K8S_31",
            KubeScore: "container-seccomp-profile",
            Polaris: "linuxHardening",
            Kubesec: "SeccompAny",
        ],
        fix: Safe,
        default_enabled: true,
        what: "Reports containers whose effective seccomp profile (their own, else the pod's when \
            valid) is not RuntimeDefault or Localhost (restricted, from v1.19; Windows pods \
            exempt from v1.25).\n\nPod Security Standards check `seccompProfile_restricted`; it \
            runs when the `--pss` level includes it at the chosen version.",
        why: "Kubernetes runs containers unconfined by default; the runtime's default profile \
            blocks the rarely used system calls that most kernel exploits need.",
        example: "```yaml\nspec:\n  containers:\n  - name: app   # flagged: no seccompProfile on \
            the pod or the container\n    image: app:1.0\n```",
        fix_safety: "Safe: the fix sets `seccompProfile: {type: RuntimeDefault}` at pod level; \
            the runtime default profile allows every system call ordinary programs make.",
    }
}

/// The rule.
pub static META: RuleMeta = BASE;

/// As reported for a field that also fails the baseline check this one replaces: with that
/// check's aliases too.
pub(crate) static ALSO_BASELINE: RuleMeta = RuleMeta {
    aliases: &[
        Alias::new(Tool::Pss, "seccompProfile_restricted"),
        Alias::new(Tool::Trivy, "KSV-0030"),
        Alias::new(Tool::Checkov, "CKV_K8S_31"),
        Alias::new(Tool::KubeScore, "container-seccomp-profile"),
        Alias::new(Tool::Polaris, "linuxHardening"),
        Alias::new(Tool::Kubesec, "SeccompAny"),
        Alias::new(Tool::Pss, "seccompProfile_baseline"),
        Alias::new(Tool::Trivy, "KSV-0104"),
        Alias::new(Tool::Kubesec, "SeccompUnconfined"),
    ],
    ..BASE
};

pub(crate) static HOOK: Hook = Hook::Pss(check, Some(fix));

use super::pss009_seccomp_baseline::valid_seccomp;

fn check(e: &mut Eval<'_, '_>) {
    if e.windows_exempt() {
        return;
    }
    let mut pod_ok = false;
    if let Some(p) = e.pod_sc("seccompProfile") {
        if valid_seccomp(p) {
            pod_ok = true;
        } else {
            e.push_also(
                At::Spec("/securityContext/seccompProfile/type".into()),
                None,
                format!(
                    "pod seccomp profile type is `{}`; use RuntimeDefault or Localhost",
                    str_of(p.get("type"))
                ),
                Some(Check::SeccompProfileBaseline),
            );
        }
    }
    for c in e.cs {
        let (ptr, msg) = match c.sc_field("seccompProfile") {
            Some(p) if valid_seccomp(p) => continue,
            Some(p) => (
                "/type",
                format!(
                    "container `{}` seccomp profile type is `{}`; use RuntimeDefault or Localhost",
                    c.name(),
                    str_of(p.get("type"))
                ),
            ),
            None if !pod_ok => (
                "",
                format!(
                    "container `{}` must set securityContext.seccompProfile.type to RuntimeDefault or Localhost (or the pod must)",
                    c.name()
                ),
            ),
            None => continue,
        };
        // An explicit profile other than RuntimeDefault or Localhost also fails baseline.
        let also = (!ptr.is_empty()).then_some(Check::SeccompProfileBaseline);
        e.push_also(
            At::Spec(format!("{}/securityContext/seccompProfile{ptr}", c.rel_ptr())),
            Some(c.name()),
            msg,
            also,
        );
    }
}

/// `seccompProfile: {type: RuntimeDefault}` on the pod, only when nothing is set: an explicit
/// profile is the author's choice.
fn fix(ctx: &Ctx<'_>, ps: &PodSpec<'_>, v: &Violation) -> Option<Fix> {
    let ptr = v.abs_ptr(ps)?;
    if !ptr.ends_with("/seccompProfile")
        || workload::pod_sc_field(ps.spec, "seccompProfile").is_some()
    {
        return None;
    }
    let mut ed = Editor::new(ctx);
    ed.ensure(
        &format!("{}/securityContext", ps.spec_ptr),
        &[("seccompProfile", m(&[("type", s("RuntimeDefault"))]))],
    )?;
    ed.finish(
        "Set `seccompProfile: {type: RuntimeDefault}` on the pod",
        Applicability::Safe,
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  image: i:1\n- name: d\n  securityContext:\n    seccompProfile: {type: Unconfined}\n");
        assert_lines(&super::META, &y, &[7, 11]);
        assert_fixed(&super::META, &y, "  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n", false);
        let y = pod("securityContext:\n  seccompProfile: {type: Unconfined}\ncontainers:\n- name: c\n  image: i:1\n");
        assert_lines(&super::META, &y, &[7, 9]);
    }

    #[test]
    fn unconfined_carries_the_baseline_aliases() {
        // Explicitly unconfined fails seccompProfile_baseline too (KSV-0104); unset does not.
        let y = pod("containers:\n- name: c\n  image: i:1\n- name: d\n  securityContext:\n    seccompProfile: {type: Unconfined}\n");
        let got = aliases_at(&super::META, &y, "restricted");
        assert!(!got[0].contains(&"KSV-0104") && got[0].contains(&"KSV-0030"));
        assert!(got[1].contains(&"KSV-0104") && got[1].contains(&"seccompProfile_baseline"));
    }

    #[test]
    fn near_misses() {
        let y = pod("securityContext:\n  seccompProfile: {type: RuntimeDefault}\ncontainers:\n- name: c\n  image: i:1\n");
        assert_lines(&super::META, &y, &[]);
        let y = pod("os: {name: windows}\ncontainers:\n- name: c\n  image: i:1\n");
        assert_lines_at(&super::META, &y, "restricted@v1.25", &[]);
        assert_lines_at(&super::META, &y, "restricted@v1.18", &[]);
    }
}
