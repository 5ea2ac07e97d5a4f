//! The `NP*` lints, run by `bulkhead check` over all Kubernetes objects of a run at once
//! (policies in one file select pods in another).
//!
//! Owns: the ordered registry [`RULES`], [`Settings`], the entry points [`lint`] and
//! [`lint_cluster`], and what the checks share: one `Context` (the cluster, its
//! [`Analysis`], the workloads each policy selects) and the helpers that walk a policy's rules,
//! ports and peers with the range each points at. Each rule lives in its own file (its
//! metadata and documentation, its check, its tests); nothing rule-specific is here.

use crate::engine::{Analysis, selects};
use crate::model::{Cluster, Direction, ObjectRef, Origin, Policy, PortSpec, Rule};
use bulkhead_diagnostics::{Finding, K8sObject, RuleMeta};

mod np001_namespace_without_default_deny_ingress;
mod np002_namespace_without_default_deny_egress;
mod np003_workload_not_selected;
mod np004_policy_selects_nothing;
mod np005_egress_blocks_dns;
mod np006_named_port_unresolved;
mod np007_rules_for_missing_policy_type;
mod np008_except_outside_cidr;
mod np009_endport_with_named_port;
mod np010_policy_selects_host_network;
mod np011_peer_and_or_mistake;

pub use np001_namespace_without_default_deny_ingress::NO_DEFAULT_DENY_INGRESS;
pub use np002_namespace_without_default_deny_egress::NO_DEFAULT_DENY_EGRESS;
pub use np003_workload_not_selected::WORKLOAD_NOT_SELECTED;
pub use np004_policy_selects_nothing::POLICY_SELECTS_NOTHING;
pub use np005_egress_blocks_dns::EGRESS_BLOCKS_DNS;
pub use np006_named_port_unresolved::NAMED_PORT_UNRESOLVED;
pub use np007_rules_for_missing_policy_type::RULES_WITHOUT_POLICY_TYPE;
pub use np008_except_outside_cidr::EXCEPT_OUTSIDE_CIDR;
pub use np009_endport_with_named_port::ENDPORT_WITH_NAMED_PORT;
pub use np010_policy_selects_host_network::SELECTS_HOST_NETWORK;
pub use np011_peer_and_or_mistake::PEER_AND_OR_MISTAKE;

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

/// A rule's check: push its findings for the whole cluster.
type Check = fn(&Context<'_>, &mut Vec<Finding>);

/// The checks, in registry order.
const CHECKS: &[Check] = &[
    np001_namespace_without_default_deny_ingress::check,
    np002_namespace_without_default_deny_egress::check,
    np003_workload_not_selected::check,
    np004_policy_selects_nothing::check,
    np005_egress_blocks_dns::check,
    np006_named_port_unresolved::check,
    np007_rules_for_missing_policy_type::check,
    np008_except_outside_cidr::check,
    np009_endport_with_named_port::check,
    np010_policy_selects_host_network::check,
    np011_peer_and_or_mistake::check,
];

/// Run every NP lint over all objects of a run. Findings are not yet filtered by selection
/// nor suppressed.
pub fn lint(objects: &[ObjectRef<'_>], settings: &Settings) -> Vec<Finding> {
    let cluster = Cluster::build(objects);
    lint_cluster(&cluster, settings)
}

/// [`lint`] on an already built cluster; findings sorted by path, line, column, code.
pub fn lint_cluster(cluster: &Cluster, settings: &Settings) -> Vec<Finding> {
    let cx = Context::new(cluster, settings);
    let mut out = Vec::new();
    for check in CHECKS {
        check(&cx, &mut out);
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// What every check reads: computed once per run.
pub(crate) struct Context<'a> {
    pub cluster: &'a Cluster,
    pub analysis: Analysis<'a>,
    pub settings: &'a Settings,
    /// For each policy (cluster order), the indices of the workloads it selects.
    pub selected: Vec<Vec<usize>>,
}

impl<'a> Context<'a> {
    fn new(cluster: &'a Cluster, settings: &'a Settings) -> Self {
        let ws = &cluster.workloads;
        let selected = cluster
            .policies
            .iter()
            .map(|p| (0..ws.len()).filter(|&i| selects(p, &ws[i])).collect())
            .collect();
        Context {
            cluster,
            analysis: Analysis::new(cluster),
            settings,
            selected,
        }
    }

    /// Each policy with its index and the workloads it selects.
    pub fn policies(&self) -> impl Iterator<Item = (usize, &'a Policy, &[usize])> + '_ {
        self.cluster
            .policies
            .iter()
            .enumerate()
            .map(|(i, p)| (i, p, self.selected[i].as_slice()))
    }

    /// Every ingress and egress rule of every policy, with the policy's index.
    pub fn rules(&self) -> impl Iterator<Item = RuleAt<'a>> + '_ {
        self.cluster
            .policies
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| {
                [Direction::Ingress, Direction::Egress]
                    .into_iter()
                    .flat_map(move |d| {
                        p.rules(d).iter().map(move |rule| RuleAt {
                            policy_index: pi,
                            policy: p,
                            direction: d,
                            rule,
                        })
                    })
            })
    }
}

/// One rule of a policy, in one direction.
#[derive(Clone, Copy)]
pub(crate) struct RuleAt<'a> {
    pub policy_index: usize,
    pub policy: &'a Policy,
    pub direction: Direction,
    pub rule: &'a Rule,
}

impl<'a> RuleAt<'a> {
    /// Where the rule is (the policy when the rule has no range).
    pub fn origin(&self) -> Origin {
        Origin {
            path: self.policy.origin.path.clone(),
            range: self.rule.range.or(self.policy.origin.range),
        }
    }

    /// The rule's ports, each with where it is (the rule when the port has no range).
    pub fn ports(&self) -> impl Iterator<Item = (&'a PortSpec, Origin)> + '_ {
        self.rule.ports.iter().enumerate().map(|(j, port)| {
            let o = Origin {
                path: self.policy.origin.path.clone(),
                range: self
                    .rule
                    .port_ranges
                    .get(j)
                    .copied()
                    .flatten()
                    .or(self.origin().range),
            };
            (port, o)
        })
    }

    /// Where the rule's `j`-th peer is (the rule when the peer has no range).
    pub fn peer_origin(&self, j: usize) -> Origin {
        Origin {
            path: self.policy.origin.path.clone(),
            range: self
                .rule
                .peer_ranges
                .get(j)
                .copied()
                .flatten()
                .or(self.origin().range),
        }
    }

    /// `ingress rule #2 of ns/name` (direction in lower case, 1-based rule number).
    pub fn describe(&self) -> String {
        format!(
            "{} rule #{} of {}",
            self.direction.as_str().to_lowercase(),
            self.rule.index + 1,
            self.policy.display()
        )
    }
}

/// The namespaces with workloads where no policy with an empty `podSelector` isolates
/// direction `d`, each with where its first workload (in name order) is declared.
pub(crate) fn namespaces_without_default_deny(
    cx: &Context<'_>,
    d: Direction,
) -> Vec<(String, Origin)> {
    let ws = &cx.cluster.workloads;
    let nss: std::collections::BTreeSet<&str> = ws.iter().map(|w| w.namespace.as_str()).collect();
    nss.into_iter()
        .filter(|ns| {
            !cx.cluster
                .policies
                .iter()
                .any(|p| p.namespace == *ns && p.pod_selector.is_empty() && p.affects(d))
        })
        .map(|ns| {
            let first = ws
                .iter()
                .find(|w| w.namespace == ns)
                .map(|w| w.origin.clone());
            (ns.to_string(), first.unwrap_or_default())
        })
        .collect()
}

/// Where a policy's `podSelector` is (the policy when it has no range).
pub(crate) fn selector_origin(p: &Policy) -> Origin {
    Origin {
        path: p.origin.path.clone(),
        range: p.selector_range.or(p.origin.range),
    }
}

/// The policy's identity for findings.
pub(crate) fn policy_obj(p: &Policy) -> K8sObject {
    K8sObject {
        api_version: "networking.k8s.io/v1".into(),
        kind: "NetworkPolicy".into(),
        namespace: Some(p.namespace.clone()),
        name: Some(p.name.clone()),
    }
}

/// A finding of `rule` at `o`.
pub(crate) fn at(rule: &'static RuleMeta, o: &Origin, msg: String) -> Finding {
    Finding::new(rule, o.path.clone(), o.range, msg)
}

/// A finding of `rule` at `o` about policy `p` (the object every NP finding names).
pub(crate) fn at_policy(rule: &'static RuleMeta, o: &Origin, p: &Policy, msg: String) -> Finding {
    at(rule, o, msg).with_object(policy_obj(p))
}

#[cfg(test)]
pub(crate) mod testing {
    //! Running the lints over a YAML text, for the rules' unit tests.

    /// The start line of every finding of `code` on `yaml` (default settings).
    pub fn lines_of(yaml: &str, code: &str) -> Vec<u32> {
        lines_with(yaml, code, &super::Settings::default())
    }

    /// [`lines_of`] with settings.
    pub fn lines_with(yaml: &str, code: &str, settings: &super::Settings) -> Vec<u32> {
        let (docs, errs) = crate::load::parse_text("t.yaml", yaml);
        assert!(errs.is_empty(), "{errs:?}");
        let cluster = crate::cluster_from_documents(&docs);
        assert!(cluster.errors.is_empty(), "{:?}", cluster.errors);
        super::lint_cluster(&cluster, settings)
            .iter()
            .filter(|f| f.rule.code == code)
            .map(|f| f.range.map_or(0, |r| r.start.line))
            .collect()
    }

    /// A namespace `demo` with a Deployment `web` (labels `app: web`, container port `http`
    /// 8080/TCP) on lines 1-15; policies appended after it start on line 17.
    pub const WEB: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: demo
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: c
        image: nginx
        ports: [{name: http, containerPort: 8080}]
---
";

    /// `WEB` followed by `policies` (which start on line 17).
    pub fn with_web(policies: &str) -> String {
        format!("{WEB}{policies}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn registry_is_well_formed() {
        let p = bulkhead_diagnostics::rule::registry_problems(super::RULES);
        assert!(p.is_empty(), "{p:#?}");
    }

    #[test]
    fn checks_follow_the_registry() {
        assert_eq!(super::CHECKS.len(), super::RULES.len());
    }
}
