//! NP006: a named port in a rule that no destination workload declares.
//!
//! Owns the rule's metadata and documentation, its check and its tests.

use super::{Context, at_policy};
use crate::engine::peer_matches;
use crate::model::{Direction, PortRef};
use bulkhead_diagnostics::{Category, Finding, FixKind, RuleMeta, Severity};

/// A named port in a rule resolves on no destination workload.
pub static NAMED_PORT_UNRESOLVED: RuleMeta = RuleMeta {
    code: "NP006",
    name: "named-port-unresolved",
    summary: "A named port in a rule resolves on no destination workload",
    severity: Severity::Medium,
    category: Category::Network,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: true,
    docs: concat!(
        "## What it does\n",
        "Reports a rule port given by name (`port: http`) when no destination pod has a container port with that name and protocol.\n",
        "\n",
        "## Why is this bad?\n",
        "Named ports resolve on the destination pod; when none has the name, the rule admits nothing.\n",
        "\n",
        "## Example\n",
        "```yaml\n",
        "  ports: [{port: http}]   # the pods name their port `web`\n",
        "```\n",
        "Use the port's real name or its number.\n",
        "\n",
        "## Fix safety\n",
        "No automatic fix.\n",
    ),
};

/// One finding per named rule port that resolves on none of the rule's destinations (the
/// selected workloads for ingress, the peers' workloads for egress), at the port entry. A
/// rule with no destination at all is left alone.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ws = &cx.cluster.workloads;
    for r in cx.rules() {
        for (port, o) in r.ports() {
            let Some(PortRef::Name(name)) = &port.port else {
                continue;
            };
            let dests: Vec<usize> = match r.direction {
                Direction::Ingress => cx.selected[r.policy_index].clone(),
                Direction::Egress => (0..ws.len())
                    .filter(|&i| match &r.rule.peers {
                        None => true,
                        Some(ps) => ps.iter().any(|peer| {
                            peer_matches(
                                cx.cluster,
                                &r.policy.namespace,
                                peer,
                                &ws[i].namespace,
                                &ws[i].labels,
                            )
                        }),
                    })
                    .collect(),
            };
            if !dests.is_empty()
                && !dests
                    .iter()
                    .any(|&i| ws[i].resolve(name, port.protocol).is_some())
            {
                out.push(at_policy(
                    &NAMED_PORT_UNRESOLVED,
                    &o,
                    r.policy,
                    format!(
                        "named port `{name}` ({}) resolves on no destination of {}",
                        port.protocol.as_str(),
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

    const POLICY: &str = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: demo}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports:\n    - port: https\n";

    #[test]
    fn unknown_port_name_is_reported_at_the_port() {
        assert_eq!(lines_of(&with_web(POLICY), "NP006"), [24]);
        // The name exists, for another protocol.
        let udp = POLICY.replace("port: https", "port: http\n      protocol: UDP");
        assert_eq!(lines_of(&with_web(&udp), "NP006"), [24]);
    }

    #[test]
    fn declared_port_name_is_clean() {
        let ok = POLICY.replace("https", "http");
        assert!(lines_of(&with_web(&ok), "NP006").is_empty());
    }
}
