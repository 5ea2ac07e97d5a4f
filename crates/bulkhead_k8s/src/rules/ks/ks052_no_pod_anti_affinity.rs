//! KS052 `no-pod-anti-affinity`: multi-replica workload neither spreads its pods nor uses pod
//! anti-affinity.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS052",
        name: "no-pod-anti-affinity",
        summary: "Multi-replica workload neither spreads its pods nor uses pod anti-affinity",
        severity: Low,
        category: Reliability,
        aliases: [
            KubeLinter: "no-anti-affinity",
            KubeScore: "deployment-has-host-podantiaffinity",
            KubeScore: "statefulset-has-host-podantiaffinity",
            Polaris: "topologySpreadConstraint",
        ],
        fix: None,
        default_enabled: false,
        what: "Reports Deployments and StatefulSets with `replicas` of 2 or more whose pod \
            template has neither a `podAntiAffinity` term (required or preferred) nor a \
            `topologySpreadConstraints` entry that has a `topologyKey` and selects the pods of \
            the template itself (through its `labelSelector` or `matchLabelKeys`). A term whose \
            selector matches other pods spreads nothing and does not count. Off by default, like \
            KS037 and KS048: availability is an opinion that depends on the cluster (a \
            single-node or single-zone cluster cannot spread anyway), and many clusters spread \
            pods with default scheduler constraints instead.",
        why: "The scheduler may put every replica on the same node (or zone): one node failure, \
            drain or upgrade takes all of them down at once, and the extra replicas bought no \
            availability.",
        example: "```yaml\nkind: Deployment\nspec:\n  replicas: 3   # flagged: no anti-affinity \
            or topology spread\n  template:\n    spec:\n      containers: [{name: app, image: \
            app:1.0}]\n```",
        fix_safety: "No automatic fix: add e.g. `topologySpreadConstraints: [{maxSkew: 1, \
            topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, \
            labelSelector: {matchLabels: {app: web}}}]`.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

/// Whether a pod-affinity term or topology-spread constraint spreads the template's own pods:
/// a topology key, and a selector that matches the template labels (or `matchLabelKeys`).
fn spreads_own_pods(term: &Value, labels: Option<&Map<String, Value>>) -> bool {
    if str_of(term.get("topologyKey")).is_empty() {
        return false;
    }
    if term
        .get("matchLabelKeys")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty())
    {
        return true;
    }
    // A template without labels is a fragment (a kustomize patch): its labels come from
    // elsewhere, so any selector is given the benefit of the doubt.
    match term.get("labelSelector") {
        Some(Value::Object(sel)) => {
            labels.is_none() || crate::selector::first_unmet(sel, labels).is_none()
        }
        _ => false,
    }
}

/// Deployments and StatefulSets of 2 or more replicas with no anti-affinity or topology
/// spread that applies to their own pods.
fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    if !matches!(kind, "Deployment" | "StatefulSet") {
        return;
    }
    let v = &ctx.doc.value;
    let Some(n) = num(v.pointer("/spec/replicas")) else {
        return;
    };
    if n < 2.0 {
        return;
    }
    let Some(spec) = v.pointer("/spec/template/spec").and_then(Value::as_object) else {
        return;
    };
    let labels = v
        .pointer("/spec/template/metadata/labels")
        .and_then(Value::as_object);
    let anti = spec
        .get("affinity")
        .and_then(|a| a.get("podAntiAffinity"))
        .filter(|a| a.is_object());
    let mut terms = Vec::new();
    if let Some(a) = anti {
        if let Some(Value::Array(req)) = a.get("requiredDuringSchedulingIgnoredDuringExecution") {
            terms.extend(req.iter());
        }
        if let Some(Value::Array(pref)) = a.get("preferredDuringSchedulingIgnoredDuringExecution") {
            terms.extend(pref.iter().filter_map(|p| p.get("podAffinityTerm")));
        }
    }
    if let Some(Value::Array(tsc)) = spec.get("topologySpreadConstraints") {
        terms.extend(tsc.iter());
    }
    if terms.iter().any(|t| spreads_own_pods(t, labels)) {
        return;
    }
    let (ptr, msg) = if anti.is_some() || spec.contains_key("topologySpreadConstraints") {
        (
            if anti.is_some() {
                "/spec/template/spec/affinity/podAntiAffinity"
            } else {
                "/spec/template/spec/topologySpreadConstraints"
            },
            format!(
                "{kind} runs {n} replicas but its anti-affinity and spread constraints do not select its own pods (or have no topologyKey)"
            ),
        )
    } else {
        (
            "/spec/replicas",
            format!(
                "{kind} runs {n} replicas with no pod anti-affinity or topology spread: they may all land on one node"
            ),
        )
    };
    ctx.report(&META, ptr, None, msg);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: b}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: b}}\n  template:\n    metadata:\n      labels: {app: b}\n    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 100\n            podAffinityTerm:\n              labelSelector: {matchLabels: {app: other}}\n              topologyKey: kubernetes.io/hostname\n      containers: [{name: c, image: i:1}]\n";
        assert_lines(&super::META, y, &[5, 24]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        // Anti-affinity on its own pods (required or preferred), a spread constraint with
        // matchLabelKeys, a single replica, a DaemonSet, a template without labels.
        let y = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: a, tier: x}\n    spec:\n      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n          - labelSelector: {matchLabels: {app: a}}\n            topologyKey: kubernetes.io/hostname\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: b}\n    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 50\n            podAffinityTerm:\n              labelSelector:\n                matchExpressions: [{key: app, operator: In, values: [b]}]\n              topologyKey: topology.kubernetes.io/zone\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: c}\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: c}\n    spec:\n      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/hostname\n        whenUnsatisfiable: ScheduleAnyway\n        matchLabelKeys: [pod-template-hash]\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: e}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: f}\nspec:\n  replicas: 2\n  template:\n    spec:\n      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n          - labelSelector: {matchLabels: {app: f}}\n            topologyKey: kubernetes.io/hostname\n";
        assert_lines(&super::META, y, &[]);
    }
}
