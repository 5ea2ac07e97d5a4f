//! KS048 `missing-pod-disruption-budget`: multi-replica Deployment or StatefulSet has no
//! PodDisruptionBudget.

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
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
            PodDisruptionBudget of the checked files (same namespace) selects their pod template \
            (kube-score's checks), and, as Polaris's `missingPodDisruptionBudget` does, \
            Deployments of one replica (or no `replicas`) that no budget selects. Cross-object; \
            off by default, since budgets are often managed apart from the workloads.",
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
fn pdb_selects(pdb: &Fact, labels: Option<&Map<String, Value>>) -> bool {
    let Some(Value::Object(sel)) = pdb.at("/spec/selector") else {
        return false;
    };
    match sel.get("matchLabels") {
        Some(Value::Object(ml)) => ml
            .iter()
            .all(|(k, v)| labels.is_some_and(|l| l.get(k) == Some(v))),
        _ => true,
    }
}

/// The rule.
pub static META: RuleMeta = BASE;

/// A single-replica Deployment: only Polaris asks for a budget.
static SINGLE: RuleMeta = RuleMeta {
    aliases: &[Alias::new(Tool::Polaris, "missingPodDisruptionBudget")],
    ..BASE
};

/// Deployments and StatefulSets of 2 or more replicas, and Deployments of one, that no
/// PodDisruptionBudget of the run selects.
fn check(set: &SetCtx<'_>, out: &mut Vec<Finding>) {
    let pdbs: Vec<&Fact> = set.of_kind("PodDisruptionBudget").map(|(_, d)| d).collect();
    for (path, doc) in set.of_kind("Deployment").chain(set.of_kind("StatefulSet")) {
        let kind = doc.kind().unwrap_or("");
        let replicas = doc.at("/spec/replicas");
        let n = match replicas {
            None if doc.has_spec() => 1.0,
            r => match num(r) {
                Some(n) => n,
                None => continue,
            },
        };
        // Scaled to zero; or a single StatefulSet replica, which no peer asks a budget for.
        if n < 1.0 || (n < 2.0 && kind != "Deployment") {
            continue;
        }
        let labels = doc
            .at("/spec/template/metadata/labels")
            .and_then(Value::as_object);
        if !pdbs
            .iter()
            .any(|p| ns_match(p.namespace(), doc.namespace()) && pdb_selects(p, labels))
        {
            let (rule, ptr) = match (n >= 2.0, replicas.is_some()) {
                (true, _) => (&META, "/spec/replicas"),
                (false, true) => (&SINGLE, "/spec/replicas"),
                (false, false) => (&SINGLE, "/spec"),
            };
            out.push(finding(
                rule,
                path,
                doc,
                ptr,
                if n >= 2.0 {
                    format!("{kind} runs {n} replicas and no PodDisruptionBudget of the checked files selects its pods")
                } else {
                    format!("{kind} runs {n} replica and no PodDisruptionBudget of the checked files selects its pods")
                },
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
    fn polaris_cases() {
        // Polaris asks every Deployment for a budget, whatever its replicas.
        let one = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 1\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\nspec:\n  template: {}\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: c}\nspec:\n  replicas: 1\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 0\n";
        assert_set_lines(&super::META, &[("d.yaml", one)], &[("d.yaml", 5), ("d.yaml", 10)]);
        let out = crate::check_files(&[("d.yaml", one)], &crate::Settings::default());
        let f = out.outcomes[0].findings.iter().find(|f| f.rule.code == "KS048").unwrap();
        assert_eq!(f.rule.aliases.len(), 1);
    }

    #[test]
    fn near_misses() {
        let pdb = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: a, namespace: n}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: a}}\n";
        assert_set_lines(&super::META, &[("d.yaml", DEPLOY), ("pdb.yaml", pdb)], &[]);
        let one = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: a}\nspec:\n  replicas: 1\n";
        assert_set_lines(&super::META, &[("d.yaml", one)], &[]);
    }
}
