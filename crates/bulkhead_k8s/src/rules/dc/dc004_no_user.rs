//! DC004 `compose-no-user`: Compose service sets no non-root `user`.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "DC004",
        name: "compose-no-user",
        summary: "Compose service sets no non-root `user`",
        severity: Medium,
        category: Security,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Reports services without `user`, or with `user: root` / `0`.",
        why: "Without `user`, the image's user applies, which is root for most images.",
        example: "```yaml\nservices:\n  app:\n    image: app:1.0   # flagged: no user\n```",
        fix_safety: "No automatic fix: the change alters how the service runs.",
    }
}

pub(crate) static HOOK: Hook = Hook::Service(check);

fn check(s: &mut Service<'_, '_>) {
    let user = match s.svc.get("user") {
        Some(Value::String(u)) => u.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let uid = user.split(':').next().unwrap_or("");
    if !(uid.is_empty() || uid == "root" || uid == "0") {
        return;
    }
    let name = s.name;
    if user.is_empty() {
        let msg = format!("service `{name}` sets no `user`: it runs as the image's user (often root)");
        s.report(&META, "", msg);
    } else {
        let msg = format!("service `{name}` runs as root (`user: {user}`)");
        s.report(&META, "/user", msg);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "services:\n  web:\n    image: nginx:1\n  db:\n    user: \"0:0\"\n  cache:\n    user: root\n";
        assert_compose_lines(&super::META, y, &[2, 5, 7]);
    }

    #[test]
    fn near_misses() {
        let y = "services:\n  web:\n    user: \"1000\"\n  db:\n    user: 999\n  app:\n    user: app:app\n";
        assert_compose_lines(&super::META, y, &[]);
    }
}
