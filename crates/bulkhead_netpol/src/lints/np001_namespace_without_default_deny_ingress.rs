//! NP001: a namespace with workloads and no default-deny ingress policy.
//!
//! Owns the rule's metadata and documentation, its check and its tests.

use super::{Context, at, namespaces_without_default_deny};
use crate::model::Direction;
use bulkhead_diagnostics::{Category, Finding, FixKind, RuleMeta, Severity};

/// A namespace with workloads has no policy selecting all its pods for Ingress.
pub static NO_DEFAULT_DENY_INGRESS: RuleMeta = RuleMeta {
    code: "NP001",
    name: "namespace-without-default-deny-ingress",
    summary: "A namespace with workloads has no policy selecting all its pods for Ingress",
    severity: Severity::Medium,
    category: Category::Network,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: concat!(
        "## What it does\n",
        "Reports a namespace whose workloads are not all isolated for ingress by a policy with an empty `podSelector` (a default deny).\n",
        "\n",
        "## Why is this bad?\n",
        "Without policies any pod can reach any pod. The advice is \"default deny + explicit allow\": a new workload in the namespace is then closed until someone opens it.\n",
        "\n",
        "## Example\n",
        "```yaml\n",
        "apiVersion: networking.k8s.io/v1\n",
        "kind: NetworkPolicy\n",
        "metadata: {name: default-deny-ingress, namespace: shop}\n",
        "spec: {podSelector: {}, policyTypes: [Ingress]}\n",
        "```\n",
        "Add this policy; `bulkhead netpol synthesize` writes it with the allow rules.\n",
        "\n",
        "## Fix safety\n",
        "No automatic fix: a default deny cuts traffic that is not explicitly allowed.\n",
    ),
};

/// One finding per namespace with workloads and no empty-`podSelector` Ingress policy, at
/// its first workload.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (ns, o) in namespaces_without_default_deny(cx, Direction::Ingress) {
        out.push(at(
            &NO_DEFAULT_DENY_INGRESS,
            &o,
            format!("namespace `{ns}` has no default-deny ingress policy (empty podSelector)"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::testing::{WEB, lines_of, with_web};

    #[test]
    fn namespace_without_default_deny_is_reported_at_its_first_workload() {
        assert_eq!(lines_of(WEB, "NP001"), [1]);
        // A policy selecting only some pods is no default deny.
        let some = with_web(
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: demo}\nspec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}\n",
        );
        assert_eq!(lines_of(&some, "NP001"), [1]);
    }

    #[test]
    fn default_deny_ingress_is_enough() {
        let deny = with_web(
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: demo}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n",
        );
        assert!(lines_of(&deny, "NP001").is_empty());
        // Another namespace's default deny does not count.
        let other = deny.replace("namespace: demo}\nspec", "namespace: other}\nspec");
        assert_eq!(lines_of(&other, "NP001"), [1]);
    }
}
