//! KS005 `capability-sys-admin`: container adds SYS_ADMIN.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS005",
        name: "capability-sys-admin",
        summary: "Container adds SYS_ADMIN",
        severity: High,
        category: Security,
        aliases: [
            Trivy: "KSV-0005",
            Checkov: "CKV_K8S_39",
            Polaris: "dangerousCapabilities",
            Kubesec: "CapSysAdmin",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports `capabilities.add` containing `SYS_ADMIN` (or `CAP_SYS_ADMIN`, `ALL`).",
        why: "SYS_ADMIN is close to full root: mounts, namespaces, BPF, and most known container \
            escapes.",
        example: "```yaml\nsecurityContext:\n  capabilities:\n    add: [SYS_ADMIN]   # flagged\n\
            ```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    added(ctx, cc, &META, &["SYS_ADMIN", "ALL"]);
}

/// Report every `capabilities.add` entry that is one of `caps` once normalised (`CAP_`
/// prefix and case ignored); shared with KS006 and KS007.
pub(crate) fn added(ctx: &mut Ctx<'_>, cc: &ContainerCtx<'_>, rule: &'static RuleMeta, caps: &[&str]) {
    let add = cc.c.sc_field("capabilities").and_then(|x| x.get("add"));
    for (i, cap) in strings(add) {
        if caps.contains(&crate::rules::util::norm_cap(cap).as_str()) {
            ctx.report(
                rule,
                &format!("{}/capabilities/add/{i}", cc.sc_ptr),
                Some(cc.name),
                format!("container `{}` adds `{cap}`", cc.name),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    capabilities:\n      add:\n      - CAP_SYS_ADMIN\n      - ALL\n");
        assert_lines(&super::META, &y, &[11, 12]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  securityContext:\n    capabilities:\n      add: [NET_ADMIN, SYS_ADMINX]\n      drop: [SYS_ADMIN]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
