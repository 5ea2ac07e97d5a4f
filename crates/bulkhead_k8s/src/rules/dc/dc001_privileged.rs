//! DC001 `compose-privileged`: Compose service runs privileged.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "DC001",
        name: "compose-privileged",
        summary: "Compose service runs privileged",
        severity: Critical,
        category: Security,
        aliases: [Checkov: "CKV_DOCKER_COMPOSE_1"],
        fix: None,
        default_enabled: true,
        what: "Reports `privileged: true`.",
        why: "A privileged container has every capability and device of the host.",
        example: "```yaml\nservices:\n  app:\n    image: app:1.0\n    privileged: true   # \
            flagged\n```",
        fix_safety: "No automatic fix: the change alters how the service runs.",
    }
}

pub(crate) static HOOK: Hook = Hook::Service(check);

fn check(s: &mut Service<'_, '_>) {
    if s.svc.get("privileged").and_then(Value::as_bool) == Some(true) {
        let msg = format!("service `{}` runs privileged", s.name);
        s.report(&META, "/privileged", msg);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "x-base: &base\n  privileged: true\nservices:\n  web:\n    <<: *base\n    image: nginx:1\n  db:\n    privileged: true\n";
        assert_compose_lines(&super::META, y, &[2, 8]);
    }

    #[test]
    fn near_misses() {
        let y = "services:\n  web:\n    privileged: false\n  db:\n    privileged: \"true\"\n";
        assert_compose_lines(&super::META, y, &[]);
    }
}
