//! KS003 `run-as-group-low-gid`: container runs with a GID at or below 10000.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS003",
        name: "run-as-group-low-gid",
        summary: "Container runs with a GID at or below 10000",
        severity: Low,
        category: Security,
        aliases: [
            Trivy: "KSV-0021",
            KubeScore: "container-security-context-user-group-id",
            Kubesec: "RunAsGroup",
        ],
        fix: None,
        default_enabled: false,
        what: "Reports an effective `runAsGroup` of 10000 or less, or none. Off by default.",
        why: "Low GIDs collide with host groups.",
        example: "```yaml\nsecurityContext:\n  runAsGroup: 100   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    super::ks002_run_as_user_low_uid::low_id(ctx, pod, cc, &META, "runAsGroup", "GID");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("securityContext: {runAsGroup: 100}\ncontainers:\n- name: c\n  image: i:1\n- name: d\n  securityContext:\n    runAsGroup: 0\n");
        assert_lines(&super::META, &y, &[8, 12]);
    }

    #[test]
    fn near_misses() {
        let y = pod("securityContext: {runAsGroup: 10001}\ncontainers:\n- name: c\n  securityContext: {runAsUser: 1}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
