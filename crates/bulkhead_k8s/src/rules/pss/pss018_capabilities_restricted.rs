//! PSS018 `pss-capabilities-restricted`: container does not drop ALL capabilities, or adds one
//! other than NET_BIND_SERVICE.

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
        code: "PSS018",
        name: "pss-capabilities-restricted",
        summary: "Container does not drop ALL capabilities, or adds one other than \
            NET_BIND_SERVICE",
        severity: Medium,
        category: Security,
        aliases: [
            Pss: "capabilities_restricted",
            Trivy: "KSV-0003",
            Trivy: "KSV-0106",
            Checkov: "CKV_K8S_37",
            Polaris: "insecureCapabilities",
            Kubesec: "CapDropAll",
        ],
        fix: Unsafe,
        default_enabled: true,
        what: "Reports containers whose `capabilities.drop` does not contain `ALL`, and \
            `capabilities.add` entries other than NET_BIND_SERVICE (restricted, from v1.22; \
            Windows pods exempt from v1.25).\n\nPod Security Standards check \
            `capabilities_restricted`; it runs when the `--pss` level includes it at the chosen \
            version.",
        why: "The default capability set (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID...) is far more \
            than most programs need and widens every exploit.",
        example: "```yaml\ncontainers:\n- name: app   # flagged: capabilities.drop lacks \
            ALL\n  image: app:1.0\n```",
        fix_safety: "Unsafe: the fix adds `capabilities: {drop: [ALL]}`; a program that relies on \
            a default capability (binding port 80 as root, chown) stops working.",
    }
}

/// The rule.
pub static META: RuleMeta = BASE;

/// As reported for a field that also fails the baseline check this one replaces: with that
/// check's aliases too.
pub(crate) static ALSO_BASELINE: RuleMeta = RuleMeta {
    aliases: &[
        Alias::new(Tool::Pss, "capabilities_restricted"),
        Alias::new(Tool::Trivy, "KSV-0003"),
        Alias::new(Tool::Trivy, "KSV-0106"),
        Alias::new(Tool::Checkov, "CKV_K8S_37"),
        Alias::new(Tool::Polaris, "insecureCapabilities"),
        Alias::new(Tool::Kubesec, "CapDropAll"),
        Alias::new(Tool::Pss, "capabilities_baseline"),
        Alias::new(Tool::Trivy, "KSV-0022"),
        Alias::new(Tool::Checkov, "CKV_K8S_25"),
        Alias::new(Tool::Polaris, "dangerousCapabilities"),
    ],
    ..BASE
};

pub(crate) static HOOK: Hook = Hook::Pss(check, Some(fix));

fn check(e: &mut Eval<'_, '_>) {
    if e.windows_exempt() {
        return;
    }
    for c in e.cs {
        let caps = c.sc_field("capabilities");
        let drop_all = caps
            .and_then(|x| x.get("drop"))
            .and_then(Value::as_array)
            .is_some_and(|d| d.iter().any(|x| x.as_str() == Some("ALL")));
        if !drop_all {
            e.push(
                At::Spec(format!("{}/securityContext/capabilities/drop", c.rel_ptr())),
                Some(c.name()),
                format!(
                    "container `{}` must set securityContext.capabilities.drop=[\"ALL\"]",
                    c.name()
                ),
            );
        }
        if let Some(Value::Array(add)) = caps.and_then(|x| x.get("add")) {
            for (i, cap) in add.iter().enumerate() {
                if cap.as_str() != Some("NET_BIND_SERVICE") {
                    // Outside the baseline set it also fails capabilities_baseline.
                    let baseline = super::pss003_capabilities_baseline::CAPS_BASELINE
                        .contains(&cap.as_str().unwrap_or(""));
                    e.push_also(
                        At::Spec(format!(
                            "{}/securityContext/capabilities/add/{i}",
                            c.rel_ptr()
                        )),
                        Some(c.name()),
                        format!(
                            "container `{}` adds capability `{}`; only NET_BIND_SERVICE may be added",
                            c.name(),
                            display(cap)
                        ),
                        (!baseline).then_some(Check::CapabilitiesBaseline),
                    );
                }
            }
        }
    }
}

fn fix(ctx: &Ctx<'_>, ps: &PodSpec<'_>, v: &Violation) -> Option<Fix> {
    let ptr = v.abs_ptr(ps)?;
    if !ptr.ends_with("/capabilities/drop") {
        return None;
    }
    let mut ed = Editor::new(ctx);
    ed.ensure_item(&ptr, s("ALL"))?;
    ed.finish("Drop ALL capabilities", Applicability::Unsafe)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  image: i:1\n- name: d\n  securityContext:\n    capabilities:\n      drop: [ALL]\n      add: [NET_BIND_SERVICE, SYS_ADMIN]\n");
        assert_lines(&super::META, &y, &[7, 13]);
        assert_fixed(&super::META, &y, "      capabilities:\n        drop:\n          - ALL\n", true);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}\n");
        assert_lines(&super::META, &y, &[]);
        let y = pod("containers:\n- name: c\n  image: i:1\n");
        assert_lines_at(&super::META, &y, "restricted@v1.21", &[]);
        assert_lines_at(&super::META, &y, "baseline", &[]);
        // A Windows pod is exempt from v1.25, and capabilities_baseline no longer applies at
        // restricted: Pod Security Admission allows it.
        let y = pod("os: {name: windows}\ncontainers:\n- name: c\n  securityContext:\n    capabilities: {add: [SYS_ADMIN]}\n");
        assert_lines_at(&super::META, &y, "restricted@v1.25", &[]);
        assert_lines_at(&super::META, &y, "restricted", &[]);
        assert_lines_at(&super::META, &y, "restricted@v1.24", &[10, 10]);
    }

    #[test]
    fn adds_outside_baseline_carry_the_baseline_aliases() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    capabilities:\n      drop: [ALL]\n      add: [CHOWN, SYS_ADMIN]\n");
        let got = aliases_at(&super::META, &y, "restricted");
        assert_eq!(got.len(), 2);
        // CHOWN is allowed at baseline: only this rule's own aliases.
        assert!(!got[0].contains(&"KSV-0022") && got[0].contains(&"KSV-0106"));
        assert!(got[1].contains(&"KSV-0022") && got[1].contains(&"capabilities_baseline"));
    }
}
