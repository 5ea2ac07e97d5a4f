//! PSS011 `pss-windows-host-process`: Windows HostProcess container.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS011",
        name: "pss-windows-host-process",
        summary: "Windows HostProcess container",
        severity: Critical,
        category: Security,
        aliases: [Pss: "windowsHostProcess", Trivy: "KSV-0103", Polaris: "hostProcess"],
        fix: None,
        default_enabled: true,
        what: "Reports `windowsOptions.hostProcess: true` on the pod or a container \
            (baseline).\n\nPod Security Standards check `windowsHostProcess`; it runs when the \
            `--pss` level includes it at the chosen version.",
        why: "A HostProcess container runs directly on the Windows node with host privileges.",
        example: "```yaml\nsecurityContext:\n  windowsOptions:\n    hostProcess: true   # \
            flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

fn check(e: &mut Eval<'_, '_>) {
    e.each_sc_field(
        "windowsOptions",
        "/hostProcess",
        |w| is_true(w.get("hostProcess")),
        |c, _| match c {
            None => "the pod runs as a Windows HostProcess".into(),
            Some(c) => format!("container `{c}` runs as a Windows HostProcess"),
        },
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("securityContext:\n  windowsOptions: {hostProcess: true}\ncontainers:\n- name: c\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n");
        assert_lines_at(&super::META, &y, "baseline", &[7, 12]);
    }

    #[test]
    fn near_misses() {
        let y = pod("securityContext:\n  windowsOptions: {hostProcess: false}\ncontainers:\n- name: c\n  securityContext:\n    windowsOptions: {runAsUserName: x}\n");
        assert_lines_at(&super::META, &y, "baseline", &[]);
    }
}
