//! KS029 `cpu-request-missing`: container has no CPU request.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS029",
        name: "cpu-request-missing",
        summary: "Container has no CPU request",
        severity: Low,
        category: Reliability,
        aliases: [
            Trivy: "KSV-0015",
            Checkov: "CKV_K8S_10",
            KubeLinter: "unset-cpu-requirements",
            KubeScore: "container-resources",
            Polaris: "cpuRequestsMissing",
            Kubesec: "RequestsCPU",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports containers without `resources.requests.cpu`.",
        why: "The scheduler cannot place the pod sensibly, and under contention it gets the \
            smallest share.",
        example: "```yaml\ncontainers:\n- name: app   # flagged\n  image: app:1.0\n```",
        fix_safety: "No automatic fix: only you know the figure.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

/// Whether the container sets `resources.<kind>.<resource>` (not null); shared with KS030,
/// KS031 and KS032.
pub(crate) fn has(cc: &ContainerCtx<'_>, kind: &str, resource: &str) -> bool {
    cc.c.c
        .get("resources")
        .and_then(|x| x.get(kind))
        .and_then(|x| x.get(resource))
        .is_some_and(|x| !x.is_null())
}

/// Report `rule` on the container's `resources` unless it is ephemeral (ephemeral containers
/// cannot have resources) or `set`.
pub(crate) fn missing(
    ctx: &mut Ctx<'_>,
    cc: &ContainerCtx<'_>,
    rule: &'static RuleMeta,
    set: bool,
    what: &str,
) {
    if cc.c.kind != ContainerKind::Ephemeral && !set {
        ctx.report(
            rule,
            &format!("{}/resources", cc.ptr),
            Some(cc.name),
            format!("container `{}` has no {what}", cc.name),
        );
    }
}

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    missing(ctx, cc, &META, has(cc, "requests", "cpu"), "CPU request");
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  resources:\n    limits: {cpu: 1}\n- name: b\n  resources:\n    requests: {cpu: null}\n");
        assert_lines(&super::META, &y, &[8, 11]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  resources:\n    requests: {cpu: 100m}\nephemeralContainers:\n- name: d\n  image: i:1\n");
        assert_lines(&super::META, &y, &[]);
    }
}
