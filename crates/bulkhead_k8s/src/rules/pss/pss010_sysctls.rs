//! PSS010 `pss-sysctls`: Pod sets an unsafe sysctl.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "PSS010",
        name: "pss-sysctls",
        summary: "Pod sets an unsafe sysctl",
        severity: High,
        category: Security,
        aliases: [Pss: "sysctls", Trivy: "KSV-0026", KubeLinter: "unsafe-sysctls"],
        fix: None,
        default_enabled: true,
        what: "Reports `securityContext.sysctls` names outside the safe set of the chosen version \
            (baseline).\n\nPod Security Standards check `sysctls`; it runs when the `--pss` level \
            includes it at the chosen version.",
        why: "Unsafe sysctls change node-wide kernel settings or are not namespaced, so one pod \
            can affect every other pod of the node.",
        example: "```yaml\nsecurityContext:\n  sysctls:\n  - name: kernel.msgmax   # \
            flagged\n    value: \"65536\"\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pss(check, None);

/// Sysctls the baseline level allows at minor version `v`.
pub fn safe_sysctl(name: &str, v: u32) -> bool {
    match name {
        "kernel.shm_rmid_forced"
        | "net.ipv4.ip_local_port_range"
        | "net.ipv4.tcp_syncookies"
        | "net.ipv4.ping_group_range"
        | "net.ipv4.ip_unprivileged_port_start" => true,
        "net.ipv4.ip_local_reserved_ports" => v >= 27,
        "net.ipv4.tcp_keepalive_time"
        | "net.ipv4.tcp_fin_timeout"
        | "net.ipv4.tcp_keepalive_intvl"
        | "net.ipv4.tcp_keepalive_probes" => v >= 29,
        "net.ipv4.tcp_rmem" | "net.ipv4.tcp_wmem" => v >= 32,
        "net.ipv4.tcp_slow_start_after_idle" | "net.ipv4.tcp_notsent_lowat" => v >= 37,
        _ => false,
    }
}

fn check(e: &mut Eval<'_, '_>) {
    let Some(Value::Array(sysctls)) = e.pod_sc("sysctls") else {
        return;
    };
    for (i, s) in sysctls.iter().enumerate() {
        let name = str_of(s.get("name"));
        if !safe_sysctl(name, e.v) {
            e.push(
                At::Spec(format!("/securityContext/sysctls/{i}/name")),
                None,
                format!("sysctl `{name}` is not in the safe set"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("securityContext:\n  sysctls:\n  - {name: kernel.msgmax, value: \"1\"}\n  - name: net.ipv4.tcp_rmem\n    value: \"1\"\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines_at(&super::META, &y, "baseline@v1.31", &[8, 9]);
        assert_lines_at(&super::META, &y, "baseline@v1.32", &[8]);
    }

    #[test]
    fn near_misses() {
        let y = pod("securityContext:\n  sysctls:\n  - {name: net.ipv4.ping_group_range, value: \"0 1\"}\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines_at(&super::META, &y, "baseline", &[]);
    }
}
