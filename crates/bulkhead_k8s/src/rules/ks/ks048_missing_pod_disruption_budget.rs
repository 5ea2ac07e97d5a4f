//! KS048 `missing-pod-disruption-budget`: multi-replica Deployment or StatefulSet has no
//! PodDisruptionBudget.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS048",
        name: "missing-pod-disruption-budget",
        summary: "Multi-replica Deployment or StatefulSet has no PodDisruptionBudget",
        severity: Low,
        category: Reliability,
        aliases: [
            KubeScore: "deployment-has-poddisruptionbudget",
            KubeScore: "statefulset-has-poddisruptionbudget",
            Polaris: "missingPodDisruptionBudget",
        ],
        fix: None,
        default_enabled: false,
        what: "Reports Deployments and StatefulSets with `replicas` of 2 or more when no \
            PodDisruptionBudget of the checked files (same namespace) selects their pod template. \
            Cross-object; off by default, since budgets are often managed apart from the \
            workloads.",
        why: "Without a budget, a node drain or cluster upgrade may evict every replica at once, \
            turning planned maintenance into an outage.",
        example: "```yaml\nkind: Deployment\nspec:\n  replicas: 3   # flagged: no \
            PodDisruptionBudget selects app=web\n  template:\n    metadata:\n      labels: {app: \
            web}\n```",
        fix_safety: "No automatic fix: add a PodDisruptionBudget (e.g. `maxUnavailable: 1`) \
            selecting the pods.",
    }
}

pub(crate) static HOOK: Hook = Hook::Set(check);

/// Whether a PodDisruptionBudget's `spec.selector` selects pods with `labels`. An empty
/// selector selects every pod of the namespace, a missing one none (policy/v1);
/// `matchExpressions` are assumed to match (no finding rather than a false one).
fn pdb_selects(pdb: &Document, labels: Option<&Map<String, Value>>) -> bool {
    let Some(Value::Object(sel)) = pdb.value.pointer("/spec/selector") else {
        return false;
    };
    match sel.get("matchLabels") {
        Some(Value::Object(ml)) => ml
            .iter()
            .all(|(k, v)| labels.is_some_and(|l| l.get(k) == Some(v))),
        _ => true,
    }
}

/// Deployments and StatefulSets of 2 or more replicas that no PodDisruptionBudget of the run
/// selects.
fn check(set: &SetCtx<'_>, out: &mut Vec<Finding>) {
    let pdbs: Vec<&Document> = set.of_kind("PodDisruptionBudget").map(|(_, d)| d).collect();
    for (path, doc) in set.of_kind("Deployment").chain(set.of_kind("StatefulSet")) {
        let kind = doc.kind().unwrap_or("");
        let Some(n) = doc.value.pointer("/spec/replicas").and_then(Value::as_f64) else {
            continue;
        };
        if n < 2.0 {
            continue;
        }
        let labels = doc
            .value
            .pointer("/spec/template/metadata/labels")
            .and_then(Value::as_object);
        if !pdbs
            .iter()
            .any(|p| ns_match(p.namespace(), doc.namespace()) && pdb_selects(p, labels))
        {
            out.push(finding(
                &META,
                path,
                doc,
                "/spec/replicas",
                format!("{kind} runs {n} replicas and no PodDisruptionBudget of the checked files selects its pods"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const DEPLOY: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: n}\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: a}\n";

    #[test]
    fn triggers() {
        let pdb = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b, namespace: n}\nspec:\n  selector: {matchLabels: {app: b}}\n";
        assert_set_lines(&super::META, &[("d.yaml", DEPLOY), ("pdb.yaml", pdb)], &[("d.yaml", 5)]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let pdb = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: a, namespace: n}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: a}}\n";
        assert_set_lines(&super::META, &[("d.yaml", DEPLOY), ("pdb.yaml", pdb)], &[]);
        let one = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 1\n";
        assert_set_lines(&super::META, &[("d.yaml", one)], &[]);
    }
}
