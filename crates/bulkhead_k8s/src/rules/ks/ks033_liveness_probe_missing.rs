//! KS033 `liveness-probe-missing`: container has no liveness probe.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS033",
        name: "liveness-probe-missing",
        summary: "Container has no liveness probe",
        severity: Low,
        category: Reliability,
        aliases: [
            Checkov: "CKV_K8S_8",
            KubeLinter: "no-liveness-probe",
            KubeScore: "pod-probes",
            Polaris: "livenessProbeMissing",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports regular containers of long-running workloads (not Jobs, CronJobs, init or \
            ephemeral containers) without `livenessProbe`.",
        why: "A hung process is never restarted.",
        example: "```yaml\ncontainers:\n- name: app   # flagged\n  image: app:1.0\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

/// The container's probe `field` (not null) when the container should have probes: a regular
/// container or sidecar of a long-running workload (shared with KS034, KS035).
pub(crate) fn probe<'a>(pod: &PodCtx<'_>, cc: &ContainerCtx<'a>, field: &str) -> Option<Option<&'a Value>> {
    ((cc.c.kind == ContainerKind::Regular || cc.c.is_sidecar()) && !pod.ps.batch)
        .then(|| cc.c.c.get(field).filter(|x| !x.is_null()))
}

/// Report `rule` at the container when it should have the probe `field` and has not.
pub(crate) fn missing(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>, cc: &ContainerCtx<'_>, rule: &'static RuleMeta, field: &str, what: &str) {
    if let Some(None) = probe(pod, cc, field) {
        ctx.report(
            rule,
            &cc.ptr,
            Some(cc.name),
            format!("container `{}` has no {what} probe", cc.name),
        );
    }
}

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    missing(ctx, pod, cc, &META, "livenessProbe", "liveness");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("initContainers:\n- name: s\n  image: i:1\n  restartPolicy: Always\ncontainers:\n- name: a\n  image: i:1\n  livenessProbe: null\n");
        assert_lines(&super::META, &y, &[7, 11]);
    }

    #[test]
    fn near_misses() {
        let y = pod("initContainers:\n- name: i\n  image: i:1\ncontainers:\n- name: a\n  livenessProbe: {tcpSocket: {port: 80}}\n");
        assert_lines(&super::META, &y, &[]);
        let y = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: j, image: j:1}]\n";
        assert_lines(&super::META, y, &[]);
    }
}
