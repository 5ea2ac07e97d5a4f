//! DC005 `compose-writable-root`: Compose service has a writable root filesystem.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "DC005",
        name: "compose-writable-root",
        summary: "Compose service has a writable root filesystem",
        severity: Low,
        category: Security,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Reports services without `read_only: true`.",
        why: "A writable root filesystem lets an attacker persist tools and modify binaries; use \
            `read_only: true` with `tmpfs: [/tmp]`.",
        example: "```yaml\nservices:\n  app:\n    image: app:1.0   # flagged: no read_only: true\n\
            ```",
        fix_safety: "No automatic fix: the change alters how the service runs.",
    }
}

pub(crate) static HOOK: Hook = Hook::Service(check);

fn check(s: &mut Service<'_, '_>) {
    if s.svc.get("read_only").and_then(Value::as_bool) != Some(true) {
        let msg = format!(
            "service `{}` has a writable root filesystem; set `read_only: true`",
            s.name
        );
        s.report(&META, "/read_only", msg);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "services:\n  web:\n    image: nginx:1\n  db:\n    read_only: false\n";
        assert_compose_lines(&super::META, y, &[2, 5]);
    }

    #[test]
    fn near_misses() {
        let y = "services:\n  web:\n    read_only: true\n";
        assert_compose_lines(&super::META, y, &[]);
    }
}
