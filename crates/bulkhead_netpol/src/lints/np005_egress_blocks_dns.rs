//! NP005: egress isolation that leaves a workload without DNS (no rule allows UDP 53).
//!
//! Owns the rule's metadata and documentation, its check and its tests.

use super::{Context, at_policy, selector_origin};
use crate::conn::Protocol;
use crate::engine::rule_ports;
use crate::model::Direction;
use bulkhead_diagnostics::{Category, Finding, FixKind, RuleMeta, Severity};

/// Egress isolation leaves a workload without DNS (UDP 53).
pub static EGRESS_BLOCKS_DNS: RuleMeta = RuleMeta {
    code: "NP005",
    name: "egress-blocks-dns",
    summary: "Egress isolation leaves a workload without DNS (UDP 53)",
    severity: Severity::Medium,
    category: Category::Network,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: concat!(
        "## What it does\n",
        "Reports a policy that isolates workloads for egress when no egress rule of any policy selecting them allows UDP port 53.\n",
        "\n",
        "## Why is this bad?\n",
        "Name resolution fails, so almost every outgoing connection fails in confusing ways.\n",
        "\n",
        "## Example\n",
        "```yaml\n",
        "spec:\n",
        "  podSelector: {}\n",
        "  policyTypes: [Egress]\n",
        "  egress:\n",
        "  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]\n",
        "    ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]\n",
        "```\n",
        "Add such a rule.\n",
        "\n",
        "## Fix safety\n",
        "No automatic fix.\n",
    ),
};

/// One finding per policy isolating egress of workloads that no egress rule (of any policy
/// selecting them) lets reach UDP 53, at its `podSelector`. A workload is reported once, on
/// the first policy (input order) that isolates it.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ws = &cx.cluster.workloads;
    let allows_dns = |pi: &usize| {
        cx.cluster.policies[*pi]
            .egress
            .iter()
            .any(|r| rule_ports(r, None).contains(Protocol::Udp, 53))
    };
    for (pi, p, selected) in cx.policies() {
        if !p.affects_egress {
            continue;
        }
        let blocked: Vec<String> = selected
            .iter()
            .filter(|&&i| {
                let isolating = cx.analysis.selecting(i, Direction::Egress);
                isolating.first() == Some(&pi) && !isolating.iter().any(allows_dns)
            })
            .map(|&i| ws[i].display())
            .collect();
        if !blocked.is_empty() {
            out.push(at_policy(
                &EGRESS_BLOCKS_DNS,
                &selector_origin(p),
                p,
                format!(
                    "NetworkPolicy {} isolates egress of {} but no egress rule allows UDP 53 (DNS)",
                    p.display(),
                    blocked.join(", ")
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lints::testing::{lines_of, with_web};

    const DENY: &str = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: demo}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n";

    #[test]
    fn egress_isolation_without_dns_is_reported_at_the_selector() {
        assert_eq!(lines_of(&with_web(DENY), "NP005"), [21]);
        // TCP 53 alone is not enough.
        let tcp = format!("{DENY}  egress:\n  - ports: [{{port: 53, protocol: TCP}}]\n");
        assert_eq!(lines_of(&with_web(&tcp), "NP005"), [21]);
    }

    #[test]
    fn dns_allowed_by_any_selecting_policy_is_clean() {
        let dns = "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: dns, namespace: demo}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress:\n  - ports: [{port: 53, protocol: UDP}]\n";
        assert!(lines_of(&with_web(&format!("{DENY}{dns}")), "NP005").is_empty());
    }
}
