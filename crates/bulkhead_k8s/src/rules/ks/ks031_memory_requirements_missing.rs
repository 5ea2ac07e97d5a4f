//! KS031 `memory-requirements-missing`: container has no memory request or limit.

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
        code: "KS031",
        name: "memory-requirements-missing",
        summary: "Container has no memory request or limit",
        severity: Low,
        category: Reliability,
        aliases: [
            Trivy: "KSV-0016",
            Trivy: "KSV-0018",
            Checkov: "CKV_K8S_12",
            Checkov: "CKV_K8S_13",
            KubeLinter: "unset-memory-requirements",
            KubeScore: "container-resources",
            Polaris: "memoryRequestsMissing",
            Polaris: "memoryLimitsMissing",
            Kubesec: "RequestsMemory",
            Kubesec: "LimitsMemory",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports containers without `resources.requests.memory` or \
            `resources.limits.memory`.",
        why: "A memory leak in one container gets the node's other pods OOM-killed; without a \
            request the scheduler overcommits.",
        example: "```yaml\nresources:\n  requests: {memory: 64Mi}   # flagged: no limits.memory\n\
            ```",
        fix_safety: "No automatic fix.",
    }
}

/// The rule (both halves missing).
pub static META: RuleMeta = BASE;

/// Only the request is missing.
static REQUEST: RuleMeta = RuleMeta {
    aliases: &[
        Alias::new(Tool::Trivy, "KSV-0016"),
        Alias::new(Tool::Checkov, "CKV_K8S_12"),
        Alias::new(Tool::KubeLinter, "unset-memory-requirements"),
        Alias::new(Tool::KubeScore, "container-resources"),
        Alias::new(Tool::Polaris, "memoryRequestsMissing"),
        Alias::new(Tool::Kubesec, "RequestsMemory"),
    ],
    ..BASE
};

/// Only the limit is missing.
static LIMIT: RuleMeta = RuleMeta {
    aliases: &[
        Alias::new(Tool::Trivy, "KSV-0018"),
        Alias::new(Tool::Checkov, "CKV_K8S_13"),
        Alias::new(Tool::KubeLinter, "unset-memory-requirements"),
        Alias::new(Tool::KubeScore, "container-resources"),
        Alias::new(Tool::Polaris, "memoryLimitsMissing"),
        Alias::new(Tool::Kubesec, "LimitsMemory"),
    ],
    ..BASE
};

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    use super::ks029_cpu_request_missing::{has, missing};
    let absent: Vec<&str> = [("requests", "request"), ("limits", "limit")]
        .into_iter()
        .filter(|(k, _)| !has(cc, k, "memory"))
        .map(|(_, w)| w)
        .collect();
    let what = format!("memory {}", absent.join(" or "));
    // Each finding carries the aliases of the half that is missing.
    let rule = match absent.as_slice() {
        ["request"] => &REQUEST,
        ["limit"] => &LIMIT,
        _ => &META,
    };
    missing(ctx, cc, rule, absent.is_empty(), &what);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  resources:\n    requests: {memory: 1Gi}\n- name: b\n  image: i:1\n");
        assert_lines(&super::META, &y, &[8, 10]);
    }

    #[test]
    fn each_half_carries_its_aliases() {
        let y = pod("containers:\n- name: a\n  resources:\n    requests: {memory: 1Gi}\n- name: b\n  resources:\n    limits: {memory: 1Gi}\n- name: c\n  image: i:1\n");
        let a = aliases_at(&super::META, &y, "restricted");
        assert!(a[0].contains(&"KSV-0018") && !a[0].contains(&"KSV-0016"));
        assert!(a[1].contains(&"KSV-0016") && !a[1].contains(&"KSV-0018"));
        assert!(a[2].contains(&"KSV-0016") && a[2].contains(&"KSV-0018"));
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  resources:\n    requests: {memory: 1Gi}\n    limits: {memory: 1Gi}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
