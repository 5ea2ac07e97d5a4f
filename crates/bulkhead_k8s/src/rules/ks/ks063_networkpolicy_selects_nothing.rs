//! KS063 `networkpolicy-selects-nothing`: NetworkPolicy selects no pod template.

use crate::crossobj::PodFacts;
use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS063",
        name: "networkpolicy-selects-nothing",
        summary: "NetworkPolicy selects no pod template",
        severity: Medium,
        category: Network,
        aliases: [KubeLinter: "dangling-networkpolicy", KubeScore: "networkpolicy-targets-pod"],
        fix: None,
        default_enabled: true,
        what: "Reports NetworkPolicies whose non-empty `spec.podSelector` matches the pod \
            template labels of no workload of their namespace in the checked files (`matchLabels` \
            and `matchExpressions`). Like the other \"not defined\" rules it speaks only when the \
            policy's directory defines workloads of its namespace and no custom resources (which \
            may create pods from templates Bulkhead cannot see), and it ignores selectors on \
            labels that controllers add to pods (`statefulset.kubernetes.io/pod-name`...). An \
            empty `podSelector` selects every pod of the namespace and is never reported.",
        why: "A policy that selects nothing isolates nothing: the pods it was written for \
            (usually after a label was renamed) accept and send any traffic, while the manifest \
            suggests they are locked down.",
        example: "```yaml\nkind: NetworkPolicy\nspec:\n  podSelector:   # flagged: no workload \
            has app=api\n    matchLabels: {app: api}\n```",
        fix_safety: "No automatic fix: correct the selector to the pod template's labels \
            (`bulkhead netpol list` shows which pods each policy selects).",
    }
}

pub(crate) static HOOK: Hook = Hook::Set(check);

/// A NetworkPolicy: its path, the document, and its `podSelector` (`None` when it selects
/// every pod of its namespace).
pub(crate) type Policy<'d> = (&'d str, &'d Fact, Option<&'d Map<String, Value>>);

/// Whether a NetworkPolicy `podSelector` is empty (it selects every pod of its namespace).
fn empty_selector(sel: &Map<String, Value>) -> bool {
    ["matchLabels", "matchExpressions"]
        .iter()
        .all(|k| match sel.get(*k) {
            Some(Value::Object(m)) => m.is_empty(),
            Some(Value::Array(a)) => a.is_empty(),
            _ => true,
        })
}

/// The NetworkPolicies of the run (shared with KS064).
pub(crate) fn policies<'a>(set: &SetCtx<'a>) -> Vec<Policy<'a>> {
    set.of_kind("NetworkPolicy")
        .filter(|(_, d)| !is_custom_resource(d.api_version().unwrap_or("")))
        .map(|(p, d)| {
            let sel = d
                .at("/spec/podSelector")
                .and_then(Value::as_object)
                .filter(|s| !empty_selector(s));
            (p, d, sel)
        })
        .collect()
}

/// Whether a `matchLabels` pair of plain strings is plainly not in `labels` (a check without
/// allocation before the full evaluation, which builds its explanation).
fn plainly_unmet(sel: &Map<String, Value>, labels: Option<&Map<String, Value>>) -> bool {
    let Some(Value::Object(ml)) = sel.get("matchLabels") else {
        return false;
    };
    ml.iter().any(|(k, v)| {
        let (Some(want), false) = (v.as_str(), crate::selector::templated(k)) else {
            return false;
        };
        match labels.and_then(|l| l.get(k)) {
            None => !crate::selector::templated(want),
            Some(Value::String(have)) => {
                have != want
                    && !crate::selector::templated(want)
                    && !crate::selector::templated(have)
            }
            Some(_) => false,
        }
    })
}

/// Whether a policy's selector (`None`: every pod) selects the pod template's pods.
pub(crate) fn selects(sel: Option<&Map<String, Value>>, ps: &PodFacts) -> bool {
    sel.is_none_or(|s| {
        let labels = pod_labels(ps);
        !plainly_unmet(s, labels) && crate::selector::first_unmet(s, labels).is_none()
    })
}

/// NetworkPolicies selecting no pod template, when their directory defines workloads of their
/// namespace and no custom resources.
fn check(set: &SetCtx<'_>, out: &mut Vec<Finding>) {
    let policies = policies(set);
    if policies.is_empty() {
        return;
    }
    let pods = &set.pods;
    // Pods that `by_label` cannot find: a label value that is not a plain string.
    let irregular: Vec<usize> = pods
        .iter()
        .enumerate()
        .filter(|(_, (_, _, ps))| {
            pod_labels(ps).is_some_and(|l| {
                l.values()
                    .any(|v| v.as_str().is_none_or(crate::selector::templated))
            })
        })
        .map(|(i, _)| i)
        .collect();
    for (path, doc, sel) in &policies {
        let Some(sel) = sel else {
            continue;
        };
        let match_labels = sel.get("matchLabels").and_then(Value::as_object);
        let controller_label = match_labels
            .into_iter()
            .flat_map(|m| m.keys().map(String::as_str))
            .chain(
                sel.get("matchExpressions")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|e| e.get("key").and_then(Value::as_str)),
            )
            .any(|k| CONTROLLER_LABELS.contains(&k));
        let ns = doc.namespace();
        if controller_label || !set.pods_here(path, ns) {
            continue;
        }
        // Candidates: the pods carrying one plain pair of the selector, else every pod.
        let pair = match_labels.and_then(|m| {
            m.iter().find_map(|(k, v)| {
                let v = v.as_str()?;
                (!crate::selector::templated(k) && !crate::selector::templated(v))
                    .then_some((k.as_str(), v))
            })
        });
        let hit = |i: &usize| {
            let (_, d, ps) = &pods[*i];
            ns_match(d.namespace(), ns) && selects(Some(sel), ps)
        };
        let selected = match pair {
            Some(pair) => {
                set.by_label.get(&pair).is_some_and(|c| c.iter().any(hit))
                    || irregular.iter().any(hit)
            }
            None => (0..pods.len()).any(|i| hit(&i)),
        };
        if !selected {
            out.push(finding(
                &META,
                path,
                doc,
                "/spec/podSelector",
                "NetworkPolicy `podSelector` matches no pod template of its namespace in the checked files".into(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: web}\nspec:\n  containers: [{name: c, image: i:1}]\n";

    #[test]
    fn triggers() {
        let np = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec:\n  podSelector:\n    matchLabels: {app: wbe}\n";
        assert_set_lines(&super::META, &[("d/p.yaml", POD), ("d/n.yaml", np)], &[("d/n.yaml", 5)]);
    }

    #[test]
    fn near_misses() {
        let np = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec:\n  podSelector: {matchLabels: {app: web}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: all}\nspec:\n  podSelector: {}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: job}\nspec:\n  podSelector: {matchLabels: {job-name: x}}\n";
        assert_set_lines(&super::META, &[("d/p.yaml", POD), ("d/n.yaml", np)], &[]);
    }
}
