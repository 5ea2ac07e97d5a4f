//! KS030 `cpu-limit-missing`: container has no CPU limit.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS030",
        name: "cpu-limit-missing",
        summary: "Container has no CPU limit",
        severity: Info,
        category: Reliability,
        aliases: [
            Trivy: "KSV-0011",
            Checkov: "CKV_K8S_11",
            KubeScore: "container-resources",
            Polaris: "cpuLimitsMissing",
            Kubesec: "LimitsCPU",
        ],
        fix: None,
        default_enabled: false,
        what: "Reports containers without `resources.limits.cpu`. Off by default: many teams \
            deliberately avoid CPU limits (throttling).",
        why: "One busy container can starve its neighbours.",
        example: "```yaml\nresources:\n  requests: {cpu: 100m}   # flagged: no limits.cpu\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    use super::ks029_cpu_request_missing::{has, missing};
    missing(ctx, cc, &META, has(cc, "limits", "cpu"), "CPU limit");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  resources:\n    requests: {cpu: 1}\n- name: b\n  image: i:1\n");
        assert_lines(&super::META, &y, &[8, 10]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  resources:\n    limits: {cpu: 100m}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
