//! NP008: an `ipBlock.except` range that is not inside the block's `cidr`.
//!
//! Owns the rule's metadata and documentation, its check and its tests.

use super::{Context, at_policy};
use crate::model::PeerSpec;
use bulkhead_diagnostics::{Category, Finding, FixKind, RuleMeta, Severity};

/// An ipBlock except range is not inside its cidr.
pub static EXCEPT_OUTSIDE_CIDR: RuleMeta = RuleMeta {
    code: "NP008",
    name: "except-outside-cidr",
    summary: "An ipBlock except range is not inside its cidr",
    severity: Severity::Medium,
    category: Category::Network,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: concat!(
        "## What it does\n",
        "Reports an `ipBlock.except` entry that is not contained in the block's `cidr`.\n",
        "\n",
        "## Why is this bad?\n",
        "The API server rejects it, or the exception does not do what was meant.\n",
        "\n",
        "## Example\n",
        "```yaml\n",
        "- ipBlock: {cidr: 10.0.0.0/16, except: [192.168.0.0/24]}\n",
        "```\n",
        "Keep only exceptions inside the cidr.\n",
        "\n",
        "## Fix safety\n",
        "No automatic fix.\n",
    ),
};

/// One finding per `except` entry outside its `cidr`, at the peer.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for r in cx.rules() {
        let Some(peers) = &r.rule.peers else {
            continue;
        };
        for (j, peer) in peers.iter().enumerate() {
            let PeerSpec::Ip(b) = peer else {
                continue;
            };
            let Some(c) = b.cidr else {
                continue;
            };
            for (text, e) in &b.except {
                if e.is_some_and(|e| !c.contains_range(&e)) {
                    out.push(at_policy(
                        &EXCEPT_OUTSIDE_CIDR,
                        &r.peer_origin(j),
                        r.policy,
                        format!(
                            "except {text} is not inside cidr {} in {}",
                            b.cidr_text,
                            r.describe()
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::testing::{lines_of, with_web};

    const POLICY: &str = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: demo}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - podSelector: {}\n    - ipBlock: {cidr: 10.0.0.0/16, except: [192.168.0.0/24]}\n";

    #[test]
    fn except_outside_cidr_is_reported_at_the_peer() {
        assert_eq!(lines_of(&with_web(POLICY), "NP008"), [26]);
    }

    #[test]
    fn except_inside_cidr_is_clean() {
        let inside = POLICY.replace("192.168.0.0/24", "10.0.1.0/24");
        assert!(lines_of(&with_web(&inside), "NP008").is_empty());
    }
}
