//! DC002 `compose-cap-add`: Compose service adds a dangerous capability.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "DC002",
        name: "compose-cap-add",
        summary: "Compose service adds a dangerous capability",
        severity: High,
        category: Security,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Reports `cap_add` entries outside Docker's default set (AUDIT_WRITE, CHOWN, \
            DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, NET_RAW, SETFCAP, \
            SETGID, SETPCAP, SETUID, SYS_CHROOT), and `ALL`.",
        why: "SYS_ADMIN, NET_ADMIN, SYS_PTRACE and friends are the usual container escape routes.",
        example: "```yaml\nservices:\n  app:\n    cap_add: [SYS_ADMIN]   # flagged\n```",
        fix_safety: "No automatic fix: the change alters how the service runs.",
    }
}

pub(crate) static HOOK: Hook = Hook::Service(check);

/// Docker's default capability set.
const DEFAULT_CAPS: [&str; 14] = [
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "NET_RAW",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

fn check(s: &mut Service<'_, '_>) {
    let Some(Value::Array(caps)) = s.svc.get("cap_add") else {
        return;
    };
    for (i, c) in caps.iter().enumerate() {
        let c = c.as_str().unwrap_or("");
        if !DEFAULT_CAPS.contains(&crate::rules::util::norm_cap(c).as_str()) {
            let msg = format!("service `{}` adds capability `{c}`", s.name);
            s.report(&META, &format!("/cap_add/{i}"), msg);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "services:\n  web:\n    cap_add:\n    - CHOWN\n    - SYS_ADMIN\n    - all\n";
        assert_compose_lines(&super::META, y, &[5, 6]);
    }

    #[test]
    fn near_misses() {
        let y = "services:\n  web:\n    cap_add: [NET_RAW, KILL]\n    cap_drop: [SYS_ADMIN]\n";
        assert_compose_lines(&super::META, y, &[]);
    }
}
