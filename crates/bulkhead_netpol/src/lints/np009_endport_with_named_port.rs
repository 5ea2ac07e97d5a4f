//! NP009: `endPort` with a named or missing `port`, or below `port`.
//!
//! Owns the rule's metadata and documentation, its check and its tests.

use super::{Context, at_policy};
use crate::model::PortRef;
use bulkhead_diagnostics::{Category, Finding, FixKind, RuleMeta, Severity};

/// endPort is used with a named port or is below port.
pub static ENDPORT_WITH_NAMED_PORT: RuleMeta = RuleMeta {
    code: "NP009",
    name: "endport-with-named-port",
    summary: "endPort is used with a named port or is below port",
    severity: Severity::Medium,
    category: Category::Network,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: concat!(
        "## What it does\n",
        "Reports a rule port with `endPort` when `port` is a name, is missing, or is greater than `endPort`.\n",
        "\n",
        "## Why is this bad?\n",
        "`endPort` only applies to a numeric `port`; otherwise the API server rejects the policy or the range is empty.\n",
        "\n",
        "## Example\n",
        "```yaml\n",
        "  ports: [{port: http, endPort: 9000}]\n",
        "```\n",
        "Use a numeric `port`.\n",
        "\n",
        "## Fix safety\n",
        "No automatic fix.\n",
    ),
};

/// One finding per port entry whose `endPort` has no numeric `port` at or below it, at the
/// port entry.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for r in cx.rules() {
        for (port, o) in r.ports() {
            let Some(end) = port.end_port else {
                continue;
            };
            let bad = match &port.port {
                Some(PortRef::Num(n)) => *n > end,
                _ => true,
            };
            if bad {
                out.push(at_policy(
                    &ENDPORT_WITH_NAMED_PORT,
                    &o,
                    r.policy,
                    format!(
                        "endPort {end} needs a numeric port not above it ({})",
                        r.describe()
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::testing::{lines_of, with_web};

    const POLICY: &str = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: demo}\nspec:\n  podSelector: {}\n  ingress:\n  - ports:\n    - {port: 80}\n    - {port: http, endPort: 9000}\n";

    #[test]
    fn endport_with_named_or_higher_port_is_reported_at_the_port() {
        assert_eq!(lines_of(&with_web(POLICY), "NP009"), [25]);
        let above = POLICY.replace("port: http,", "port: 9001,");
        assert_eq!(lines_of(&with_web(&above), "NP009"), [25]);
    }

    #[test]
    fn numeric_port_range_is_clean() {
        let ok = POLICY.replace("port: http,", "port: 8000,");
        assert!(lines_of(&with_web(&ok), "NP009").is_empty());
    }
}
