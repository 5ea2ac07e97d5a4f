//! NP011: a peer list with a namespaceSelector-only entry next to a podSelector-only entry
//! (OR), probably meant as one entry with both (AND).
//!
//! Owns the rule's metadata and documentation, its check and its tests.

use super::{Context, at_policy};
use crate::model::PeerSpec;
use bulkhead_diagnostics::{Category, Finding, FixKind, RuleMeta, Severity};

/// A peer list has a namespaceSelector entry and a podSelector entry that were probably meant as one.
pub static PEER_AND_OR_MISTAKE: RuleMeta = RuleMeta {
    code: "NP011",
    name: "peer-and-or-mistake",
    summary: "A peer list has a namespaceSelector entry and a podSelector entry that were probably meant as one",
    severity: Severity::Low,
    category: Category::Network,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: concat!(
        "## What it does\n",
        "Reports a `from`/`to` list with an entry holding only a `namespaceSelector` next to an entry holding only a `podSelector`.\n",
        "\n",
        "## Why is this bad?\n",
        "Two entries are OR: every pod of the namespaces plus the pods of the policy's namespace. One entry with both selectors is AND. A missing `-` changes the meaning.\n",
        "\n",
        "## Example\n",
        "```yaml\n",
        "  from:\n",
        "  - namespaceSelector: {matchLabels: {team: a}}\n",
        "  - podSelector: {matchLabels: {app: db}}   # probably meant without the dash\n",
        "```\n",
        "\n",
        "## Fix safety\n",
        "No automatic fix: only the author knows which was meant.\n",
    ),
};

/// One finding per rule whose peers mix a non-empty namespaceSelector-only entry and a
/// non-empty podSelector-only entry, at the rule.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for r in cx.rules() {
        let Some(peers) = &r.rule.peers else {
            continue;
        };
        let only_ns = peers.iter().any(
            |x| matches!(x, PeerSpec::Pods { namespaces: Some(s), pods: None } if !s.is_empty()),
        );
        let only_pods = peers.iter().any(
            |x| matches!(x, PeerSpec::Pods { namespaces: None, pods: Some(s) } if !s.is_empty()),
        );
        if only_ns && only_pods {
            out.push(
                at_policy(&PEER_AND_OR_MISTAKE, &r.origin(), r.policy, format!(
                        "{} rule #{} of {} lists a namespaceSelector and a podSelector as separate peers (OR); one peer with both would mean AND",
                        r.direction.as_str(),
                        r.rule.index + 1,
                        r.policy.display()
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::testing::{lines_of, with_web};

    const POLICY: &str = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: demo}\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: a}}\n    - podSelector: {matchLabels: {app: db}}\n";

    #[test]
    fn separate_namespace_and_pod_peers_are_reported_at_the_rule() {
        assert_eq!(lines_of(&with_web(POLICY), "NP011"), [23]);
    }

    #[test]
    fn one_peer_with_both_selectors_is_clean() {
        let and = POLICY.replace("    - podSelector", "      podSelector");
        assert!(lines_of(&with_web(&and), "NP011").is_empty());
        // An empty selector is a deliberate "all", not a forgotten AND.
        let all = POLICY.replace("{matchLabels: {team: a}}", "{}");
        assert!(lines_of(&with_web(&all), "NP011").is_empty());
    }
}
