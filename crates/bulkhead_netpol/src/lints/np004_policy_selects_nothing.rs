//! NP004: a NetworkPolicy whose `podSelector` matches no workload of its namespace.
//!
//! Owns the rule's metadata and documentation, its check and its tests.

use super::{Context, at_policy, selector_origin};
use bulkhead_diagnostics::{Category, Finding, FixKind, RuleMeta, Severity};

/// A NetworkPolicy's podSelector matches no workload of its namespace.
pub static POLICY_SELECTS_NOTHING: RuleMeta = RuleMeta {
    code: "NP004",
    name: "policy-selects-nothing",
    summary: "A NetworkPolicy's podSelector matches no workload of its namespace",
    severity: Severity::Low,
    category: Category::Network,
    aliases: &[],
    fix: FixKind::None,
    // `bulkhead check` reports this through its cross-object rule instead (see the docs).
    default_enabled: false,
    docs: concat!(
        "## What it does\n",
        "Reports a policy whose `podSelector` matches none of the workloads given for its namespace.\n",
        "`bulkhead netpol lint` always reports it over the cluster it is given. In `bulkhead check` it is off by default: KS063 reports policies that select no pod template there, and speaks only where the checked directory shows it manages them (so a fragment of a repository is not flagged).\n",
        "\n",
        "## Why is this bad?\n",
        "The policy has no effect; often a label was renamed and the pods it should protect are open.\n",
        "\n",
        "## Example\n",
        "```yaml\n",
        "spec:\n",
        "  podSelector: {matchLabels: {app: frontent}}   # typo\n",
        "```\n",
        "Fix the selector or delete the policy.\n",
        "\n",
        "## Fix safety\n",
        "No automatic fix.\n",
    ),
};

/// One finding per policy selecting nothing in a namespace that has workloads (a namespace
/// without any is probably just not part of the input), at its `podSelector`.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ws = &cx.cluster.workloads;
    for (_, p, selected) in cx.policies() {
        if selected.is_empty() && ws.iter().any(|w| w.namespace == p.namespace) {
            out.push(at_policy(
                &POLICY_SELECTS_NOTHING,
                &selector_origin(p),
                p,
                format!(
                    "NetworkPolicy {} selects no workload of namespace `{}`",
                    p.display(),
                    p.namespace
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::testing::{lines_of, with_web};

    const TYPO: &str = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: demo}\nspec:\n  podSelector: {matchLabels: {app: wbe}}\n";

    #[test]
    fn selector_matching_nothing_is_reported_at_the_selector() {
        assert_eq!(lines_of(&with_web(TYPO), "NP004"), [21]);
    }

    #[test]
    fn matching_selector_or_namespace_without_workloads_is_clean() {
        assert!(lines_of(&with_web(&TYPO.replace("wbe", "web")), "NP004").is_empty());
        let elsewhere = TYPO.replace("namespace: demo", "namespace: other");
        assert!(lines_of(&with_web(&elsewhere), "NP004").is_empty());
    }
}
