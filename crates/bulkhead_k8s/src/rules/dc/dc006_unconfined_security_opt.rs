//! DC006 `compose-unconfined-security-opt`: Compose service disables seccomp, AppArmor or SELinux
//! confinement.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "DC006",
        name: "compose-unconfined-security-opt",
        summary: "Compose service disables seccomp, AppArmor or SELinux confinement",
        severity: High,
        category: Security,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Reports `security_opt` entries `seccomp:unconfined`, `apparmor:unconfined`, \
            `label:disable` (either `:` or `=` separator) and `no-new-privileges:false`.",
        why: "These turn off the kernel-level confinement that blocks most container escapes.",
        example: "```yaml\nservices:\n  app:\n    security_opt: [\"seccomp:unconfined\"]   # \
            flagged\n```",
        fix_safety: "No automatic fix: the change alters how the service runs.",
    }
}

pub(crate) static HOOK: Hook = Hook::Service(check);

fn check(s: &mut Service<'_, '_>) {
    let Some(Value::Array(opts)) = s.svc.get("security_opt") else {
        return;
    };
    for (i, o) in opts.iter().enumerate() {
        let o = o.as_str().unwrap_or("").replace('=', ":");
        if matches!(
            o.as_str(),
            "seccomp:unconfined" | "apparmor:unconfined" | "label:disable" | "no-new-privileges:false"
        ) {
            let msg = format!("service `{}` sets `{o}`", s.name);
            s.report(&META, &format!("/security_opt/{i}"), msg);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "services:\n  web:\n    security_opt:\n    - seccomp=unconfined\n    - label:disable\n    - no-new-privileges:false\n";
        assert_compose_lines(&super::META, y, &[4, 5, 6]);
    }

    #[test]
    fn near_misses() {
        let y = "services:\n  web:\n    security_opt: [\"no-new-privileges:true\", \"seccomp:/p.json\", \"apparmor:docker-default\"]\n";
        assert_compose_lines(&super::META, y, &[]);
    }
}
