//! KS002 `run-as-user-low-uid`: container runs with a UID at or below 10000.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS002",
        name: "run-as-user-low-uid",
        summary: "Container runs with a UID at or below 10000",
        severity: Low,
        category: Security,
        aliases: [
            Trivy: "KSV-0020",
            Checkov: "CKV_K8S_40",
            KubeScore: "container-security-context-user-group-id",
            Kubesec: "RunAsUser",
        ],
        fix: None,
        default_enabled: false,
        what: "Reports an effective `runAsUser` (container, else pod) of 10000 or less, or none \
            at all. Off by default: an opinion of kube-score and Trivy.",
        why: "Low UIDs collide with host users; should the container escape, it acts as that host \
            user.",
        example: "```yaml\nsecurityContext:\n  runAsUser: 1000   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    low_id(ctx, pod, cc, &META, "runAsUser", "UID");
}

/// Report an effective `field` (the container's, else the pod's) of 10000 or less, or none
/// (shared with KS003).
pub(crate) fn low_id(
    ctx: &mut Ctx<'_>,
    pod: &PodCtx<'_>,
    cc: &ContainerCtx<'_>,
    rule: &'static RuleMeta,
    field: &str,
    what: &str,
) {
    let eff = workload::effective(pod.ps.spec, &cc.c, field);
    if eff.is_some_and(|(v, _)| v.as_f64().is_some_and(|u| u > 10000.0)) {
        return;
    }
    let is = eff
        .map(|(v, _)| format!("runs as {what} {v}"))
        .unwrap_or_else(|| format!("sets no {field}"));
    ctx.report(
        rule,
        &format!("{}/{field}", cc.sc_ptr),
        Some(cc.name),
        format!("container `{}` {is}; use a {what} above 10000", cc.name),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("securityContext: {runAsUser: 1000}\ncontainers:\n- name: c\n  image: i:1\n- name: d\n  securityContext:\n    runAsUser: 10000\n");
        assert_lines(&super::META, &y, &[8, 12]);
        let y = pod("containers:\n- name: c\n  image: i:1\n");
        assert_lines(&super::META, &y, &[7]);
    }

    #[test]
    fn near_misses() {
        let y = pod("securityContext: {runAsUser: 10001}\ncontainers:\n- name: c\n  image: i:1\n- name: d\n  securityContext: {runAsUser: 65534}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
