//! KS032 `ephemeral-storage-missing`: container has no ephemeral-storage request or limit.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS032",
        name: "ephemeral-storage-missing",
        summary: "Container has no ephemeral-storage request or limit",
        severity: Info,
        category: Reliability,
        aliases: [KubeScore: "container-ephemeral-storage-request-and-limit"],
        fix: None,
        default_enabled: false,
        what: "Reports containers without `ephemeral-storage` request and limit. Off by default.",
        why: "A container that fills its writable layer or emptyDir gets the node evicting \
            unrelated pods.",
        example: "```yaml\nresources: {}   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    use super::ks029_cpu_request_missing::{has, missing};
    let set = has(cc, "requests", "ephemeral-storage") && has(cc, "limits", "ephemeral-storage");
    missing(ctx, cc, &META, set, "ephemeral-storage request and limit");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  resources:\n    requests: {ephemeral-storage: 1Gi}\n");
        assert_lines(&super::META, &y, &[8]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  resources:\n    requests: {ephemeral-storage: 1Gi}\n    limits: {ephemeral-storage: 2Gi}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
