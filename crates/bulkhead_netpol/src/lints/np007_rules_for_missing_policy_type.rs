//! NP007: `ingress`/`egress` rules that explicit `policyTypes` leave out (ignored).
//!
//! Owns the rule's metadata and documentation, its check and its tests.

use super::{Context, at_policy};
use bulkhead_diagnostics::{Category, Finding, FixKind, RuleMeta, Severity};

/// A policy has rules for a direction that its policyTypes leave out.
pub static RULES_WITHOUT_POLICY_TYPE: RuleMeta = RuleMeta {
    code: "NP007",
    name: "rules-for-missing-policy-type",
    summary: "A policy has rules for a direction that its policyTypes leave out",
    severity: Severity::Medium,
    category: Category::Network,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: concat!(
        "## What it does\n",
        "Reports `ingress` (or `egress`) rules in a policy whose explicit `policyTypes` lack `Ingress` (or `Egress`).\n",
        "\n",
        "## Why is this bad?\n",
        "The rules are ignored, so the author's intent silently does not apply.\n",
        "\n",
        "## Example\n",
        "```yaml\n",
        "spec:\n",
        "  policyTypes: [Ingress]\n",
        "  egress: [{to: [{podSelector: {}}]}]   # ignored\n",
        "```\n",
        "Add `Egress` to `policyTypes` or remove the rules.\n",
        "\n",
        "## Fix safety\n",
        "No automatic fix.\n",
    ),
};

/// One finding per rule of a direction that the policy's explicit, non-empty `policyTypes`
/// omit, at the rule.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for r in cx.rules() {
        let (p, d) = (r.policy, r.direction);
        if p.policy_types.as_ref().is_some_and(|t| !t.is_empty()) && !p.affects(d) {
            out.push(at_policy(
                &RULES_WITHOUT_POLICY_TYPE,
                &r.origin(),
                p,
                format!(
                    "{} rule #{} of {} is ignored: policyTypes lacks {}",
                    d.as_str(),
                    r.rule.index + 1,
                    p.display(),
                    d.as_str()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::testing::{lines_of, with_web};

    const POLICY: &str = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: demo}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n  egress:\n  - to: [{podSelector: {}}]\n";

    #[test]
    fn egress_rule_without_egress_type_is_reported_at_the_rule() {
        assert_eq!(lines_of(&with_web(POLICY), "NP007"), [24]);
    }

    #[test]
    fn listed_or_defaulted_policy_types_are_clean() {
        let listed = POLICY.replace("[Ingress]", "[Ingress, Egress]");
        assert!(lines_of(&with_web(&listed), "NP007").is_empty());
        // Without policyTypes, egress rules imply Egress.
        let defaulted = POLICY.replace("  policyTypes: [Ingress]\n", "");
        assert!(lines_of(&with_web(&defaulted), "NP007").is_empty());
    }
}
