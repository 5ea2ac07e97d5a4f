//! KS035 `identical-probes`: liveness and readiness probes are identical.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS035",
        name: "identical-probes",
        summary: "Liveness and readiness probes are identical",
        severity: Low,
        category: Reliability,
        aliases: [KubeScore: "pod-probes-identical"],
        fix: None,
        default_enabled: true,
        what: "Reports containers whose liveness and readiness probes are the same.",
        why: "A temporary overload makes the pod unready *and* restarts it, turning a slowdown \
            into an outage.",
        example: "```yaml\nlivenessProbe: {httpGet: {path: /healthz, port: 8080}}\n\
            readinessProbe: {httpGet: {path: /healthz, port: 8080}}   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    use super::ks033_liveness_probe_missing::probe;
    if let (Some(Some(l)), Some(Some(r))) = (
        probe(pod, cc, "livenessProbe"),
        probe(pod, cc, "readinessProbe"),
    ) && l == r
    {
        ctx.report(
            &META,
            &format!("{}/readinessProbe", cc.ptr),
            Some(cc.name),
            format!("container `{}` has identical liveness and readiness probes", cc.name),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  livenessProbe: {httpGet: {path: /, port: 80}}\n  readinessProbe:\n    httpGet: {path: /, port: 80}\n");
        assert_lines(&super::META, &y, &[9]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  livenessProbe: {httpGet: {path: /live, port: 80}}\n  readinessProbe: {httpGet: {path: /ready, port: 80}}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
