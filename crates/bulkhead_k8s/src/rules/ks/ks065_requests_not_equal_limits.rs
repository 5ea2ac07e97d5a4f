//! KS065 `requests-not-equal-limits`: container resource requests differ from its limits.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS065",
        name: "requests-not-equal-limits",
        summary: "Container resource requests differ from its limits",
        severity: Low,
        category: Reliability,
        aliases: [
            KubeScore: "container-resource-requests-equal-limits",
            KubeScore: "container-cpu-requests-equal-limits",
            KubeScore: "container-memory-requests-equal-limits",
            KubeScore: "container-ephemeral-storage-request-equals-limit",
        ],
        fix: None,
        default_enabled: false,
        what: "Follows kube-score's optional checks: reports init and regular containers whose \
            CPU or memory request is not equal to the limit (a request without a limit is \
            reported), and whose ephemeral-storage request and limit are both set and differ. \
            Unlike kube-score, a limit without a request is not reported: the API server sets the \
            missing request to the limit. Quantities are compared by value (`1` = `1000m`, `1Gi` \
            = `1024Mi`); templated values are skipped. Off by default, as in kube-score: \
            burstable pods are a deliberate and common choice.",
        why: "A container that uses more than it requests competes with its neighbours when the \
            node is busy: CPU beyond the request is throttled, and memory beyond it makes the pod \
            a first candidate for eviction or the OOM killer. Equal requests and limits (the \
            Guaranteed QoS class, when every container has them) make its resources predictable.",
        example: "```yaml\nresources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {cpu: \
            500m, memory: 128Mi}   # flagged: cpu differs\n```",
        fix_safety: "No automatic fix: set the request to the limit (or the limit to the request) \
            for the resources you want guaranteed.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

/// A resource quantity (`500m`, `1.5`, `256Mi`, `1G`, `1e3`) as a number; `None` when it is
/// not one (templated, malformed).
fn quantity(v: &Value) -> Option<f64> {
    if let Some(n) = v.as_f64() {
        return Some(n);
    }
    let s = v.as_str()?.trim();
    let at = s
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '+' | '-')))
        .unwrap_or(s.len());
    let (number, suffix) = s.split_at(at);
    let n: f64 = number.parse().ok()?;
    let binary = |e: i32| 1024f64.powi(e);
    let m = match suffix {
        "" => 1.0,
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        "Ki" => binary(1),
        "Mi" => binary(2),
        "Gi" => binary(3),
        "Ti" => binary(4),
        "Pi" => binary(5),
        "Ei" => binary(6),
        e if e.starts_with(['e', 'E']) => 10f64.powi(e[1..].parse().ok()?),
        _ => return None,
    };
    Some(n * m)
}

/// Requests that differ from limits (kube-score's optional checks: a CPU or memory request
/// without a limit counts; ephemeral storage only when both are set; a limit without a request
/// never, since the request defaults to it).
fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    if cc.c.kind == ContainerKind::Ephemeral {
        return;
    }
    let res = cc.c.c.get("resources");
    let get = |kind: &str, r: &str| {
        res.and_then(|x| x.get(kind))
            .and_then(|x| x.get(r))
            .filter(|x| !x.is_null())
    };
    let name = cc.name;
    for r in ["cpu", "memory", "ephemeral-storage"] {
        let (req, lim) = (get("requests", r), get("limits", r));
        // No request with a limit: the API server sets the request to the limit.
        if req.is_none() || r == "ephemeral-storage" && lim.is_none() {
            continue;
        }
        let (Some(a), Some(b)) = (req.and_then(quantity), lim.map_or(Some(0.0), quantity)) else {
            continue;
        };
        if (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) {
            continue;
        }
        let req = req.map(display).unwrap_or_default();
        let msg = match lim {
            Some(l) => format!(
                "container `{name}` requests {req} of {r} but is limited to {}",
                display(l)
            ),
            None => format!("container `{name}` requests {req} of {r} and sets no limit"),
        };
        ctx.report(
            &META,
            &format!("{}/resources/requests/{r}", cc.ptr),
            Some(name),
            msg,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn triggers() {
        let y = pod("initContainers:\n- name: init\n  image: i:1\n  resources:\n    requests: {cpu: 100m}\ncontainers:\n- name: burst\n  image: a:1\n  resources:\n    requests: {cpu: 250m, memory: 1Gi, ephemeral-storage: 1Gi}\n    limits: {cpu: 1, memory: 1024Mi, ephemeral-storage: 2Gi}\n");
        assert_lines(&super::META, &y, &[10, 15, 15]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: same\n  image: a:1\n  resources:\n    requests: {cpu: \"1\", memory: 268435456, ephemeral-storage: 1G}\n    limits: {cpu: 1000m, memory: 256Mi}\n- name: templated\n  image: a:1\n  resources:\n    requests: {cpu: \"{{ .Values.cpu }}\"}\n    limits: {cpu: 2}\n- name: limit-only\n  image: a:1\n  resources:\n    limits: {cpu: 1, memory: 1Gi}\n");
        assert_lines(&super::META, &y, &[]);
    }

    #[test]
    fn quantities() {
        assert_eq!(super::quantity(&json!("1.5Gi")), Some(1.5 * 1024f64.powi(3)));
        assert_eq!(super::quantity(&json!("1e3")), Some(1000.0));
        assert_eq!(super::quantity(&json!("2E")), Some(2e18));
        assert_eq!(super::quantity(&json!("lots")), None);
    }
}
