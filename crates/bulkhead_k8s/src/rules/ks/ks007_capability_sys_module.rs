//! KS007 `capability-sys-module`: container adds SYS_MODULE.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS007",
        name: "capability-sys-module",
        summary: "Container adds SYS_MODULE",
        severity: High,
        category: Security,
        aliases: [Trivy: "KSV-0120"],
        fix: None,
        default_enabled: true,
        what: "Reports `capabilities.add` containing `SYS_MODULE`.",
        why: "Loading kernel modules is arbitrary kernel code execution.",
        example: "```yaml\nsecurityContext:\n  capabilities:\n    add: [SYS_MODULE]   # flagged\n\
            ```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    super::ks005_capability_sys_admin::added(ctx, cc, &META, &["SYS_MODULE"]);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    capabilities:\n      add: [CAP_SYS_MODULE]\n");
        assert_lines(&super::META, &y, &[10]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    capabilities:\n      add: [ALL, SYS_ADMIN]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
