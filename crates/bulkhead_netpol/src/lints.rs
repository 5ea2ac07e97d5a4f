//! The `NP*` lints, run by `bulkhead check` over all Kubernetes objects of a run at once
//! (policies in one file select pods in another). Each rule's metadata and documentation is
//! here, in registry order; the checks share one [`Analysis`] of the objects.

use crate::conn::Protocol;
use crate::engine::{Analysis, peer_matches, rule_ports, selects};
use crate::model::{Cluster, Direction, ObjectRef, Origin, PeerSpec, Policy, PortRef};
use bulkhead_diagnostics::{Category, Finding, FixKind, K8sObject, RuleMeta, Severity};
use std::collections::BTreeSet;

/// Settings of the NP lints.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Also require a default-deny egress policy per namespace (NP002).
    pub require_default_deny_egress: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            require_default_deny_egress: true,
        }
    }
}

macro_rules! rule {
    ($id:ident, $code:literal, $name:literal, $sev:expr, $summary:literal, $docs:literal) => {
        #[doc = $summary]
        pub static $id: RuleMeta = RuleMeta {
            code: $code,
            name: $name,
            summary: $summary,
            severity: $sev,
            category: Category::Network,
            aliases: &[],
            fix: FixKind::None,
            default_enabled: true,
            docs: $docs,
        };
    };
}

rule!(
    NO_DEFAULT_DENY_INGRESS,
    "NP001",
    "namespace-without-default-deny-ingress",
    Severity::Medium,
    "A namespace with workloads has no policy selecting all its pods for Ingress",
    "## What it does\nReports a namespace whose workloads are not all isolated for ingress by a policy with an empty `podSelector` (a default deny).\n\n## Why is this bad?\nWithout policies any pod can reach any pod. The advice is \"default deny + explicit allow\": a new workload in the namespace is then closed until someone opens it.\n\n## Example\n```yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny-ingress, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n```\nAdd this policy; `bulkhead netpol synthesize` writes it with the allow rules.\n\n## Fix safety\nNo automatic fix: a default deny cuts traffic that is not explicitly allowed.\n"
);

rule!(
    NO_DEFAULT_DENY_EGRESS,
    "NP002",
    "namespace-without-default-deny-egress",
    Severity::Low,
    "A namespace with workloads has no policy selecting all its pods for Egress",
    "## What it does\nReports a namespace with no policy that has an empty `podSelector` and `Egress` in its `policyTypes`.\n\n## Why is this bad?\nWithout egress isolation a compromised pod can reach every service in the cluster and the internet.\n\n## Example\n```yaml\nspec: {podSelector: {}, policyTypes: [Egress]}\n```\nAdd a default-deny egress policy and allow DNS and the flows you need.\n\n## Fix safety\nNo automatic fix.\n"
);

rule!(
    WORKLOAD_NOT_SELECTED,
    "NP003",
    "workload-not-selected",
    Severity::Medium,
    "A workload is selected by no NetworkPolicy",
    "## What it does\nReports a workload (Deployment, StatefulSet, Pod...) that no NetworkPolicy selects, in either direction.\n\n## Why is this bad?\nThe workload accepts and opens every connection, whatever the other policies say.\n\n## Example\nA `Deployment` `metrics` in namespace `shop` whose labels match no policy's `podSelector`.\nSelect it with a policy (or a default deny for the namespace).\n\n## Fix safety\nNo automatic fix.\n"
);

rule!(
    POLICY_SELECTS_NOTHING,
    "NP004",
    "policy-selects-nothing",
    Severity::Low,
    "A NetworkPolicy's podSelector matches no workload of its namespace",
    "## What it does\nReports a policy whose `podSelector` matches none of the workloads given for its namespace.\n\n## Why is this bad?\nThe policy has no effect; often a label was renamed and the pods it should protect are open.\n\n## Example\n```yaml\nspec:\n  podSelector: {matchLabels: {app: frontent}}   # typo\n```\nFix the selector or delete the policy.\n\n## Fix safety\nNo automatic fix.\n"
);

rule!(
    EGRESS_BLOCKS_DNS,
    "NP005",
    "egress-blocks-dns",
    Severity::Medium,
    "Egress isolation leaves a workload without DNS (UDP 53)",
    "## What it does\nReports a policy that isolates workloads for egress when no egress rule of any policy selecting them allows UDP port 53.\n\n## Why is this bad?\nName resolution fails, so almost every outgoing connection fails in confusing ways.\n\n## Example\n```yaml\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]\n    ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]\n```\nAdd such a rule.\n\n## Fix safety\nNo automatic fix.\n"
);

rule!(
    NAMED_PORT_UNRESOLVED,
    "NP006",
    "named-port-unresolved",
    Severity::Medium,
    "A named port in a rule resolves on no destination workload",
    "## What it does\nReports a rule port given by name (`port: http`) when no destination pod has a container port with that name and protocol.\n\n## Why is this bad?\nNamed ports resolve on the destination pod; when none has the name, the rule admits nothing.\n\n## Example\n```yaml\n  ports: [{port: http}]   # the pods name their port `web`\n```\nUse the port's real name or its number.\n\n## Fix safety\nNo automatic fix.\n"
);

rule!(
    RULES_WITHOUT_POLICY_TYPE,
    "NP007",
    "rules-for-missing-policy-type",
    Severity::Medium,
    "A policy has rules for a direction that its policyTypes leave out",
    "## What it does\nReports `ingress` (or `egress`) rules in a policy whose explicit `policyTypes` lack `Ingress` (or `Egress`).\n\n## Why is this bad?\nThe rules are ignored, so the author's intent silently does not apply.\n\n## Example\n```yaml\nspec:\n  policyTypes: [Ingress]\n  egress: [{to: [{podSelector: {}}]}]   # ignored\n```\nAdd `Egress` to `policyTypes` or remove the rules.\n\n## Fix safety\nNo automatic fix.\n"
);

rule!(
    EXCEPT_OUTSIDE_CIDR,
    "NP008",
    "except-outside-cidr",
    Severity::Medium,
    "An ipBlock except range is not inside its cidr",
    "## What it does\nReports an `ipBlock.except` entry that is not contained in the block's `cidr`.\n\n## Why is this bad?\nThe API server rejects it, or the exception does not do what was meant.\n\n## Example\n```yaml\n- ipBlock: {cidr: 10.0.0.0/16, except: [192.168.0.0/24]}\n```\nKeep only exceptions inside the cidr.\n\n## Fix safety\nNo automatic fix.\n"
);

rule!(
    ENDPORT_WITH_NAMED_PORT,
    "NP009",
    "endport-with-named-port",
    Severity::Medium,
    "endPort is used with a named port or is below port",
    "## What it does\nReports a rule port with `endPort` when `port` is a name, is missing, or is greater than `endPort`.\n\n## Why is this bad?\n`endPort` only applies to a numeric `port`; otherwise the API server rejects the policy or the range is empty.\n\n## Example\n```yaml\n  ports: [{port: http, endPort: 9000}]\n```\nUse a numeric `port`.\n\n## Fix safety\nNo automatic fix.\n"
);

rule!(
    SELECTS_HOST_NETWORK,
    "NP010",
    "policy-selects-host-network",
    Severity::Low,
    "A NetworkPolicy selects a hostNetwork workload",
    "## What it does\nReports a policy whose `podSelector` matches a workload running with `hostNetwork: true`.\n\n## Why is this bad?\nThe behaviour of NetworkPolicy for host-network pods is undefined: most plugins ignore it, so the workload is not protected.\n\n## Example\nA DaemonSet with `hostNetwork: true` selected by `podSelector: {}`.\nProtect host-network workloads with host firewalling instead.\n\n## Fix safety\nNo automatic fix.\n"
);

rule!(
    PEER_AND_OR_MISTAKE,
    "NP011",
    "peer-and-or-mistake",
    Severity::Low,
    "A peer list has a namespaceSelector entry and a podSelector entry that were probably meant as one",
    "## What it does\nReports a `from`/`to` list with an entry holding only a `namespaceSelector` next to an entry holding only a `podSelector`.\n\n## Why is this bad?\nTwo entries are OR: every pod of the namespaces plus the pods of the policy's namespace. One entry with both selectors is AND. A missing `-` changes the meaning.\n\n## Example\n```yaml\n  from:\n  - namespaceSelector: {matchLabels: {team: a}}\n  - podSelector: {matchLabels: {app: db}}   # probably meant without the dash\n```\n\n## Fix safety\nNo automatic fix: only the author knows which was meant.\n"
);

/// The NP rules, in registry order.
pub static RULES: &[&RuleMeta] = &[
    &NO_DEFAULT_DENY_INGRESS,
    &NO_DEFAULT_DENY_EGRESS,
    &WORKLOAD_NOT_SELECTED,
    &POLICY_SELECTS_NOTHING,
    &EGRESS_BLOCKS_DNS,
    &NAMED_PORT_UNRESOLVED,
    &RULES_WITHOUT_POLICY_TYPE,
    &EXCEPT_OUTSIDE_CIDR,
    &ENDPORT_WITH_NAMED_PORT,
    &SELECTS_HOST_NETWORK,
    &PEER_AND_OR_MISTAKE,
];

fn policy_obj(p: &Policy) -> K8sObject {
    K8sObject {
        api_version: "networking.k8s.io/v1".into(),
        kind: "NetworkPolicy".into(),
        namespace: Some(p.namespace.clone()),
        name: Some(p.name.clone()),
    }
}

fn at(rule: &'static RuleMeta, o: &Origin, msg: String) -> Finding {
    Finding::new(rule, o.path.clone(), o.range, msg)
}

/// Run every NP lint over all objects of a run. Findings are not yet filtered by selection
/// nor suppressed.
pub fn lint(objects: &[ObjectRef<'_>], settings: &Settings) -> Vec<Finding> {
    let cluster = Cluster::build(objects);
    lint_cluster(&cluster, settings)
}

/// [`lint`] on an already built cluster.
pub fn lint_cluster(cluster: &Cluster, settings: &Settings) -> Vec<Finding> {
    let a = Analysis::new(cluster);
    let mut out = Vec::new();
    let ws = &cluster.workloads;
    // NP001/NP002 per namespace with workloads.
    let nss: BTreeSet<&str> = ws.iter().map(|w| w.namespace.as_str()).collect();
    for ns in nss {
        for (d, rule) in [
            (Direction::Ingress, &NO_DEFAULT_DENY_INGRESS),
            (Direction::Egress, &NO_DEFAULT_DENY_EGRESS),
        ] {
            if d == Direction::Egress && !settings.require_default_deny_egress {
                continue;
            }
            let covered = cluster
                .policies
                .iter()
                .any(|p| p.namespace == ns && p.pod_selector.is_empty() && p.affects(d));
            if !covered {
                let first = ws
                    .iter()
                    .find(|w| w.namespace == ns)
                    .map(|w| w.origin.clone());
                let o = first.unwrap_or_default();
                out.push(at(
                    rule,
                    &o,
                    format!(
                        "namespace `{ns}` has no default-deny {} policy (empty podSelector)",
                        d.as_str().to_lowercase()
                    ),
                ));
            }
        }
    }
    // NP003
    for (i, w) in ws.iter().enumerate() {
        if a.selecting(i, Direction::Ingress).is_empty()
            && a.selecting(i, Direction::Egress).is_empty()
        {
            out.push(
                at(
                    &WORKLOAD_NOT_SELECTED,
                    &w.origin,
                    format!("{} is selected by no NetworkPolicy", w.display()),
                )
                .with_object(K8sObject {
                    api_version: String::new(),
                    kind: w.kind.clone(),
                    namespace: Some(w.namespace.clone()),
                    name: Some(w.name.clone()),
                }),
            );
        }
    }
    for p in &cluster.policies {
        let sel_origin = Origin {
            path: p.origin.path.clone(),
            range: p.selector_range.or(p.origin.range),
        };
        let selected: Vec<usize> = (0..ws.len()).filter(|&i| selects(p, &ws[i])).collect();
        let ns_has_workloads = ws.iter().any(|w| w.namespace == p.namespace);
        // NP004
        if selected.is_empty() && ns_has_workloads {
            out.push(
                at(
                    &POLICY_SELECTS_NOTHING,
                    &sel_origin,
                    format!(
                        "NetworkPolicy {} selects no workload of namespace `{}`",
                        p.display(),
                        p.namespace
                    ),
                )
                .with_object(policy_obj(p)),
            );
        }
        // NP005: egress-isolated workloads of this policy with no UDP 53 anywhere.
        if p.affects_egress {
            let me = cluster.policies.iter().position(|q| std::ptr::eq(q, p));
            // Reported once per workload, on the first policy (input order) isolating it.
            let blocked: Vec<String> = selected
                .iter()
                .filter(|&&i| {
                    a.selecting(i, Direction::Egress).first().copied() == me
                        && !a.selecting(i, Direction::Egress).iter().any(|&pi| {
                            cluster.policies[pi]
                                .egress
                                .iter()
                                .any(|r| rule_ports(r, None).contains(Protocol::Udp, 53))
                        })
                })
                .map(|&i| ws[i].display())
                .collect();
            if !blocked.is_empty() {
                out.push(
                    at(
                        &EGRESS_BLOCKS_DNS,
                        &sel_origin,
                        format!(
                            "NetworkPolicy {} isolates egress of {} but no egress rule allows UDP 53 (DNS)",
                            p.display(),
                            blocked.join(", ")
                        ),
                    )
                    .with_object(policy_obj(p)),
                );
            }
        }
        for d in [Direction::Ingress, Direction::Egress] {
            for r in p.rules(d) {
                let ro = Origin {
                    path: p.origin.path.clone(),
                    range: r.range.or(p.origin.range),
                };
                // NP007
                if p.policy_types.as_ref().is_some_and(|t| !t.is_empty()) && !p.affects(d) {
                    out.push(
                        at(
                            &RULES_WITHOUT_POLICY_TYPE,
                            &ro,
                            format!(
                                "{} rule #{} of {} is ignored: policyTypes lacks {}",
                                d.as_str(),
                                r.index + 1,
                                p.display(),
                                d.as_str()
                            ),
                        )
                        .with_object(policy_obj(p)),
                    );
                }
                for (pj, port) in r.ports.iter().enumerate() {
                    let po = Origin {
                        path: p.origin.path.clone(),
                        range: r.port_ranges.get(pj).copied().flatten().or(ro.range),
                    };
                    // NP009
                    if let Some(end) = port.end_port {
                        let bad = match &port.port {
                            Some(PortRef::Num(n)) => *n > end,
                            _ => true,
                        };
                        if bad {
                            out.push(
                                at(
                                    &ENDPORT_WITH_NAMED_PORT,
                                    &po,
                                    format!(
                                        "endPort {end} needs a numeric port not above it ({} rule #{} of {})",
                                        d.as_str().to_lowercase(),
                                        r.index + 1,
                                        p.display()
                                    ),
                                )
                                .with_object(policy_obj(p)),
                            );
                        }
                    }
                    // NP006
                    if let Some(PortRef::Name(name)) = &port.port {
                        let dests: Vec<usize> = match d {
                            Direction::Ingress => selected.clone(),
                            Direction::Egress => (0..ws.len())
                                .filter(|&i| match &r.peers {
                                    None => true,
                                    Some(ps) => ps.iter().any(|peer| {
                                        peer_matches(
                                            cluster,
                                            &p.namespace,
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
                            out.push(
                                at(
                                    &NAMED_PORT_UNRESOLVED,
                                    &po,
                                    format!(
                                        "named port `{name}` ({}) resolves on no destination of {} rule #{} of {}",
                                        port.protocol.as_str(),
                                        d.as_str().to_lowercase(),
                                        r.index + 1,
                                        p.display()
                                    ),
                                )
                                .with_object(policy_obj(p)),
                            );
                        }
                    }
                }
                if let Some(peers) = &r.peers {
                    // NP008
                    for (pj, peer) in peers.iter().enumerate() {
                        let peer_o = Origin {
                            path: p.origin.path.clone(),
                            range: r.peer_ranges.get(pj).copied().flatten().or(ro.range),
                        };
                        if let PeerSpec::Ip(b) = peer
                            && let Some(c) = b.cidr
                        {
                            for (t, e) in &b.except {
                                if e.is_some_and(|e| !c.contains_range(&e)) {
                                    out.push(
                                        at(
                                            &EXCEPT_OUTSIDE_CIDR,
                                            &peer_o,
                                            format!(
                                                "except {t} is not inside cidr {} in {} rule #{} of {}",
                                                b.cidr_text,
                                                d.as_str().to_lowercase(),
                                                r.index + 1,
                                                p.display()
                                            ),
                                        )
                                        .with_object(policy_obj(p)),
                                    );
                                }
                            }
                        }
                    }
                    // NP011
                    let only_ns = peers.iter().any(|x| {
                        matches!(x, PeerSpec::Pods { namespaces: Some(s), pods: None } if !s.is_empty())
                    });
                    let only_pods = peers.iter().any(|x| {
                        matches!(x, PeerSpec::Pods { namespaces: None, pods: Some(s) } if !s.is_empty())
                    });
                    if only_ns && only_pods {
                        out.push(
                            at(
                                &PEER_AND_OR_MISTAKE,
                                &ro,
                                format!(
                                    "{} rule #{} of {} lists a namespaceSelector and a podSelector as separate peers (OR); one peer with both would mean AND",
                                    d.as_str(),
                                    r.index + 1,
                                    p.display()
                                ),
                            )
                            .with_object(policy_obj(p)),
                        );
                    }
                }
            }
        }
        // NP010
        for &i in &selected {
            if ws[i].host_network {
                out.push(
                    at(
                        &SELECTS_HOST_NETWORK,
                        &sel_origin,
                        format!(
                            "NetworkPolicy {} selects {} which uses hostNetwork (policy behaviour is undefined)",
                            p.display(),
                            ws[i].display()
                        ),
                    )
                    .with_object(policy_obj(p)),
                );
            }
        }
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn registry_is_well_formed() {
        let p = bulkhead_diagnostics::rule::registry_problems(super::RULES);
        assert!(p.is_empty(), "{p:#?}");
    }
}
