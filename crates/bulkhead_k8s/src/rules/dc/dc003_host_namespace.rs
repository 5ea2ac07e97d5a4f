//! DC003 `compose-host-namespace`: Compose service shares the host's network, PID or IPC namespace.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "DC003",
        name: "compose-host-namespace",
        summary: "Compose service shares the host's network, PID or IPC namespace",
        severity: High,
        category: Security,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Reports `network_mode: host`, `pid: host`, `ipc: host` (and `userns_mode: host`).",
        why: "The service sees and can interfere with the host's processes, sockets or shared \
            memory.",
        example: "```yaml\nservices:\n  app:\n    network_mode: host   # flagged\n```",
        fix_safety: "No automatic fix: the change alters how the service runs.",
    }
}

pub(crate) static HOOK: Hook = Hook::Service(check);

fn check(s: &mut Service<'_, '_>) {
    for k in ["network_mode", "pid", "ipc", "userns_mode"] {
        if s.str(k) == "host" {
            let msg = format!("service `{}` uses the host's namespace (`{k}: host`)", s.name);
            s.report(&META, &format!("/{k}"), msg);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "services:\n  web:\n    network_mode: host\n    pid: host\n    userns_mode: host\n";
        assert_compose_lines(&super::META, y, &[3, 4, 5]);
    }

    #[test]
    fn near_misses() {
        let y = "services:\n  web:\n    network_mode: bridge\n    ipc: shareable\n    pid: \"service:db\"\n";
        assert_compose_lines(&super::META, y, &[]);
    }
}
