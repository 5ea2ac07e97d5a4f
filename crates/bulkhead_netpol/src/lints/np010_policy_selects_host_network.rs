//! NP010: a NetworkPolicy that selects a `hostNetwork` workload (undefined behaviour).
//!
//! Owns the rule's metadata and documentation, its check and its tests.

use super::{Context, at_policy, selector_origin};
use bulkhead_diagnostics::{Category, Finding, FixKind, RuleMeta, Severity};

/// A NetworkPolicy selects a hostNetwork workload.
pub static SELECTS_HOST_NETWORK: RuleMeta = RuleMeta {
    code: "NP010",
    name: "policy-selects-host-network",
    summary: "A NetworkPolicy selects a hostNetwork workload",
    severity: Severity::Low,
    category: Category::Network,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: concat!(
        "## What it does\n",
        "Reports a policy whose `podSelector` matches a workload running with `hostNetwork: true`.\n",
        "\n",
        "## Why is this bad?\n",
        "The behaviour of NetworkPolicy for host-network pods is undefined: most plugins ignore it, so the workload is not protected.\n",
        "\n",
        "## Example\n",
        "A DaemonSet with `hostNetwork: true` selected by `podSelector: {}`.\n",
        "Protect host-network workloads with host firewalling instead.\n",
        "\n",
        "## Fix safety\n",
        "No automatic fix.\n",
    ),
};

/// One finding per (policy, selected host-network workload), at the policy's `podSelector`.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ws = &cx.cluster.workloads;
    for (_, p, selected) in cx.policies() {
        for &i in selected {
            if ws[i].host_network {
                out.push(
                    at_policy(&SELECTS_HOST_NETWORK, &selector_origin(p), p, format!(
                            "NetworkPolicy {} selects {} which uses hostNetwork (policy behaviour is undefined)",
                            p.display(),
                            ws[i].display()
                        )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::testing::lines_of;

    const AGENT: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: agent, namespace: demo, labels: {app: agent}}\nspec:\n  hostNetwork: true\n  containers: [{name: c, image: i}]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: demo}\nspec:\n  podSelector: {matchLabels: {app: agent}}\n";

    #[test]
    fn policy_selecting_host_network_pod_is_reported_at_the_selector() {
        assert_eq!(lines_of(AGENT, "NP010"), [12]);
    }

    #[test]
    fn pod_network_or_unselected_pod_is_clean() {
        assert!(
            lines_of(
                &AGENT.replace("hostNetwork: true", "hostNetwork: false"),
                "NP010"
            )
            .is_empty()
        );
        assert!(
            lines_of(
                &AGENT.replace("matchLabels: {app: agent}", "matchLabels: {app: other}"),
                "NP010"
            )
            .is_empty()
        );
    }
}
