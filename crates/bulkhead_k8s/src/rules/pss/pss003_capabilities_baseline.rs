//! PSS003 `pss-capabilities-baseline`: container adds a capability outside the baseline set.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS003",
        name: "pss-capabilities-baseline",
        summary: "Container adds a capability outside the baseline set",
        severity: High,
        category: Security,
        aliases: [
            Pss: "capabilities_baseline",
            Trivy: "KSV-0022",
            Checkov: "CKV_K8S_25",
            Polaris: "dangerousCapabilities",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports `capabilities.add` entries other than AUDIT_WRITE, CHOWN, DAC_OVERRIDE, \
            FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and \
            SYS_CHROOT (exact, case-sensitive, no `CAP_` prefix) (baseline).\n\nPod Security \
            Standards check `capabilities_baseline`; it runs when the `--pss` level includes it \
            at the chosen version.",
        why: "Capabilities such as SYS_ADMIN, NET_ADMIN or SYS_PTRACE give a container root-like \
            power over the kernel and are the usual escape route.",
        example: "```yaml\nsecurityContext:\n  capabilities:\n    add: [\"SYS_ADMIN\"]   # \
            flagged\n```",
        fix_safety: "No automatic fix: removing a capability the program uses breaks it.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

/// Capabilities the baseline level lets a container add.
pub(crate) const CAPS_BASELINE: [&str; 13] = [
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

fn check(e: &mut Eval<'_, '_>) {
    for c in e.cs {
        let Some(Value::Array(add)) = c.sc_field("capabilities").and_then(|x| x.get("add")) else {
            continue;
        };
        for (i, cap) in add.iter().enumerate() {
            let name = cap.as_str().unwrap_or("");
            if !CAPS_BASELINE.contains(&name) {
                e.push(
                    At::Spec(format!(
                        "{}/securityContext/capabilities/add/{i}",
                        c.rel_ptr()
                    )),
                    Some(c.name()),
                    format!(
                        "container `{}` adds capability `{}`, outside the baseline set",
                        c.name(),
                        display(cap)
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    capabilities:\n      add: [CHOWN, SYS_ADMIN, CAP_KILL, kill]\n");
        assert_lines_at(&super::META, &y, "baseline", &[10, 10, 10]);
        assert_lines_at(&super::META, &y, "restricted@v1.21", &[10, 10, 10]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    capabilities:\n      add: [NET_BIND_SERVICE, SYS_CHROOT]\n");
        assert_lines_at(&super::META, &y, "baseline", &[]);
        // At restricted from v1.22 capabilities_restricted replaces this check (PSS018
        // reports the capability, with this rule's aliases too).
        let y = pod("containers:\n- name: c\n  securityContext:\n    capabilities:\n      add: [SYS_ADMIN]\n");
        assert_lines_at(&super::META, &y, "restricted@v1.22", &[]);
        assert_lines_at(&super::META, &y, "restricted", &[]);
    }
}
