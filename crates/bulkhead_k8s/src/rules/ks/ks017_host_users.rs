//! KS017 `host-users`: Pod does not use a user namespace (hostUsers: false).

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS017",
        name: "host-users",
        summary: "Pod does not use a user namespace (hostUsers: false)",
        severity: Info,
        category: Security,
        aliases: [Kubesec: "HostUsers"],
        fix: None,
        default_enabled: false,
        what: "Reports pod specs without `hostUsers: false`. Advisory, off by default: needs \
            Kubernetes 1.33+ and a supporting runtime.",
        why: "With a user namespace, root in the container is an unprivileged user on the node.",
        example: "```yaml\nspec:\n  containers: []   # flagged: no hostUsers: false\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pod(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>) {
    if pod.ps.spec.get("hostUsers").and_then(Value::as_bool) != Some(false) {
        ctx.report(
            &META,
            &format!("{}/hostUsers", pod.ps.spec_ptr),
            None,
            "the pod does not use a user namespace (`hostUsers: false`)".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("hostUsers: true\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[6]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let y = pod("hostUsers: false\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
