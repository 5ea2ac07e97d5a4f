//! NP003: a workload that no NetworkPolicy selects, in either direction.
//!
//! Owns the rule's metadata and documentation, its check and its tests.

use super::{Context, at};
use crate::model::Direction;
use bulkhead_diagnostics::{Category, Finding, FixKind, K8sObject, RuleMeta, Severity};

/// A workload is selected by no NetworkPolicy.
pub static WORKLOAD_NOT_SELECTED: RuleMeta = RuleMeta {
    code: "NP003",
    name: "workload-not-selected",
    summary: "A workload is selected by no NetworkPolicy",
    severity: Severity::Medium,
    category: Category::Network,
    aliases: &[],
    fix: FixKind::None,
    // `bulkhead check` reports this through its cross-object rule instead (see the docs).
    default_enabled: false,
    docs: concat!(
        "## What it does\n",
        "Reports a workload (Deployment, StatefulSet, Pod...) that no NetworkPolicy selects, in either direction.\n",
        "`bulkhead netpol lint` always reports it over the cluster it is given. In `bulkhead check` it is off by default and KS064 (also off) is the rule to select: it reports the same, and where a policy or workload leaves its namespace to apply time it only counts policies of the same directory.\n",
        "\n",
        "## Why is this bad?\n",
        "The workload accepts and opens every connection, whatever the other policies say.\n",
        "\n",
        "## Example\n",
        "A `Deployment` `metrics` in namespace `shop` whose labels match no policy's `podSelector`.\n",
        "Select it with a policy (or a default deny for the namespace).\n",
        "\n",
        "## Fix safety\n",
        "No automatic fix.\n",
    ),
};

/// One finding per workload selected by no policy, at the workload.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let a = &cx.analysis;
    for (i, w) in cx.cluster.workloads.iter().enumerate() {
        if a.selecting(i, Direction::Ingress).is_empty()
            && a.selecting(i, Direction::Egress).is_empty()
        {
            out.push(
                at(
                    &WORKLOAD_NOT_SELECTED,
                    &w.origin,
                    format!("{} is selected by no NetworkPolicy", w.display()),
                )
                .with_object(K8sObject {
                    api_version: String::new(),
                    kind: w.kind.clone(),
                    namespace: Some(w.namespace.clone()),
                    name: Some(w.name.clone()),
                }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::testing::{WEB, lines_of, with_web};

    #[test]
    fn unselected_workload_is_reported_at_the_workload() {
        assert_eq!(lines_of(WEB, "NP003"), [1]);
        let other_app = with_web(
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: demo}\nspec: {podSelector: {matchLabels: {app: db}}}\n",
        );
        assert_eq!(lines_of(&other_app, "NP003"), [1]);
    }

    #[test]
    fn workload_selected_in_one_direction_is_clean() {
        let egress = with_web(
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: demo}\nspec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Egress]}\n",
        );
        assert!(lines_of(&egress, "NP003").is_empty());
    }
}
