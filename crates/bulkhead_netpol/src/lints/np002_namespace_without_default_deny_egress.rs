//! NP002: a namespace with workloads and no default-deny egress policy (unless
//! [`Settings::require_default_deny_egress`](super::Settings) is off).
//!
//! Owns the rule's metadata and documentation, its check and its tests.

use super::{Context, at, namespaces_without_default_deny};
use crate::model::Direction;
use bulkhead_diagnostics::{Category, Finding, FixKind, RuleMeta, Severity};

/// A namespace with workloads has no policy selecting all its pods for Egress.
pub static NO_DEFAULT_DENY_EGRESS: RuleMeta = RuleMeta {
    code: "NP002",
    name: "namespace-without-default-deny-egress",
    summary: "A namespace with workloads has no policy selecting all its pods for Egress",
    severity: Severity::Low,
    category: Category::Network,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: concat!(
        "## What it does\n",
        "Reports a namespace with no policy that has an empty `podSelector` and `Egress` in its `policyTypes`.\n",
        "\n",
        "## Why is this bad?\n",
        "Without egress isolation a compromised pod can reach every service in the cluster and the internet.\n",
        "\n",
        "## Example\n",
        "```yaml\n",
        "spec: {podSelector: {}, policyTypes: [Egress]}\n",
        "```\n",
        "Add a default-deny egress policy and allow DNS and the flows you need.\n",
        "\n",
        "## Fix safety\n",
        "No automatic fix.\n",
    ),
};

/// One finding per namespace with workloads and no empty-`podSelector` Egress policy, at its
/// first workload.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.settings.require_default_deny_egress {
        return;
    }
    for (ns, o) in namespaces_without_default_deny(cx, Direction::Egress) {
        out.push(at(
            &NO_DEFAULT_DENY_EGRESS,
            &o,
            format!("namespace `{ns}` has no default-deny egress policy (empty podSelector)"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::Settings;
    use crate::lints::testing::{WEB, lines_of, lines_with, with_web};

    const INGRESS_ONLY: &str = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: demo}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n";

    #[test]
    fn ingress_only_default_deny_is_reported() {
        assert_eq!(lines_of(WEB, "NP002"), [1]);
        assert_eq!(lines_of(&with_web(INGRESS_ONLY), "NP002"), [1]);
    }

    #[test]
    fn default_deny_egress_or_setting_off_is_clean() {
        let both = with_web(&INGRESS_ONLY.replace("[Ingress]", "[Ingress, Egress]"));
        assert!(lines_of(&both, "NP002").is_empty());
        let off = Settings {
            require_default_deny_egress: false,
        };
        assert!(lines_with(WEB, "NP002", &off).is_empty());
    }
}
