//! KS034 `readiness-probe-missing`: container has no readiness probe.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS034",
        name: "readiness-probe-missing",
        summary: "Container has no readiness probe",
        severity: Low,
        category: Reliability,
        aliases: [
            Checkov: "CKV_K8S_9",
            KubeLinter: "no-readiness-probe",
            KubeScore: "pod-probes",
            Polaris: "readinessProbeMissing",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports regular containers of long-running workloads without `readinessProbe`.",
        why: "Traffic reaches the pod before it can serve, and during rollouts requests fail.",
        example: "```yaml\ncontainers:\n- name: app   # flagged\n  image: app:1.0\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    super::ks033_liveness_probe_missing::missing(ctx, pod, cc, &META, "readinessProbe", "readiness");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  livenessProbe: {tcpSocket: {port: 80}}\n");
        assert_lines(&super::META, &y, &[7]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  readinessProbe: {tcpSocket: {port: 80}}\nephemeralContainers:\n- name: d\n  image: i:1\n");
        assert_lines(&super::META, &y, &[]);
    }
}
