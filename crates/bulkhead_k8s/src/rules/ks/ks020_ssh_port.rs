//! KS020 `ssh-port`: container exposes port 22.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS020",
        name: "ssh-port",
        summary: "Container exposes port 22",
        severity: Low,
        category: Security,
        aliases: [KubeLinter: "ssh-port"],
        fix: None,
        default_enabled: true,
        what: "Reports `containerPort: 22`.",
        why: "An SSH server in a container is a second way in that bypasses the orchestrator's \
            access control and audit.",
        example: "```yaml\nports:\n- containerPort: 22   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    for (ptr, port) in super::ks019_privileged_port::ports(cc) {
        if port == 22.0 {
            ctx.report(
                &META,
                &ptr,
                Some(cc.name),
                format!("container `{}` exposes port 22 (SSH)", cc.name),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  ports:\n  - containerPort: 8080\n  - containerPort: 22\n");
        assert_lines(&super::META, &y, &[10]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  ports:\n  - {containerPort: 2222}\n  - {containerPort: 80, hostPort: 22}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
