//! The connectivity engine: exact Kubernetes NetworkPolicy semantics over a [`Cluster`].
//!
//! A connection from A to B is allowed on a port when A's egress allows it (A is not isolated
//! for egress, or some egress rule of a policy selecting A admits B on that port) and B's
//! ingress allows it (same, mirrored). Rules are unioned; isolation is per direction.
//!
//! Workloads are grouped into equivalence classes (namespace, labels, named ports): every
//! selector and named port resolves identically for members of a class, so rule matching is
//! computed once per (rule, class) and per-pair work runs on classes, not pods.

use crate::conn::{ConnSet, PortSet, Protocol};
use crate::ip::{IpRange, atoms};
use crate::model::{Cluster, Direction, PeerSpec, Policy, PortRef, Rule, Workload};
use crate::selector::Labels;
use std::collections::HashMap;

/// A peer of a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Peer {
    /// Index into [`Cluster::workloads`].
    Workload(usize),
    /// An IPv4 range outside the cluster.
    Ext(IpRange),
}

/// Which rules admitted a connection (for explanations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleRef {
    pub policy: usize,
    pub rule: usize,
}

/// One allowed connection between two peers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    pub src: Peer,
    pub dst: Peer,
    pub conn: ConnSet,
}

/// Precomputed matching for one cluster.
pub struct Analysis<'c> {
    pub cluster: &'c Cluster,
    /// Class of each workload.
    class_of: Vec<usize>,
    /// One representative workload per class.
    class_rep: Vec<usize>,
    /// Per class, the policies selecting it that affect ingress / egress.
    ingress_pols: Vec<Vec<usize>>,
    egress_pols: Vec<Vec<usize>>,
    /// Per policy, per direction, per rule: matched classes.
    rule_match: Vec<[Vec<Vec<bool>>; 2]>,
    /// Per policy, per direction, per rule: its connections when it names no port by name.
    rule_conns: Vec<[Vec<Option<ConnSet>>; 2]>,
    /// Members of each class.
    class_members: Vec<Vec<usize>>,
    /// Atoms of the external space for sources (split by ingress ipBlocks) and destinations.
    pub src_atoms: Vec<IpRange>,
    pub dst_atoms: Vec<IpRange>,
}

fn dir_idx(d: Direction) -> usize {
    match d {
        Direction::Ingress => 0,
        Direction::Egress => 1,
    }
}

/// Whether a policy selects a workload.
pub fn selects(p: &Policy, w: &Workload) -> bool {
    p.namespace == w.namespace && p.pod_selector.matches(&w.labels)
}

/// Whether one `from`/`to` entry of a policy in `policy_ns` matches a workload.
pub fn peer_matches(
    cluster: &Cluster,
    policy_ns: &str,
    peer: &PeerSpec,
    w_ns: &str,
    w_labels: &Labels,
) -> bool {
    match peer {
        PeerSpec::Ip(_) => false,
        PeerSpec::Pods { namespaces, pods } => {
            let ns_ok = match namespaces {
                None => w_ns == policy_ns,
                Some(sel) => cluster
                    .namespaces
                    .get(w_ns)
                    .is_some_and(|n| sel.matches(&n.labels)),
            };
            ns_ok && pods.as_ref().is_none_or(|s| s.matches(w_labels))
        }
    }
}

/// Whether a rule's peers admit an external range (an atom).
pub fn rule_matches_atom(rule: &Rule, atom: &IpRange) -> bool {
    match &rule.peers {
        None => true,
        Some(ps) => ps.iter().any(|p| match p {
            PeerSpec::Ip(b) => b.contains_atom(atom),
            PeerSpec::Pods { .. } => false,
        }),
    }
}

/// The connections a rule's `ports` admit toward `dst` (named ports resolve on the
/// destination workload; toward an external range they resolve to nothing).
pub fn rule_ports(rule: &Rule, dst: Option<&Workload>) -> ConnSet {
    rule_ports_ext(rule, dst, false)
}

/// Like [`rule_ports`]; with `keep_names`, named ports that do not resolve are kept by name
/// (exposure toward pods that are not in the input).
pub fn rule_ports_ext(rule: &Rule, dst: Option<&Workload>, keep_names: bool) -> ConnSet {
    if rule.ports.is_empty() {
        return ConnSet::all();
    }
    let mut c = ConnSet::none();
    for p in &rule.ports {
        let ps = match &p.port {
            None => PortSet::full(),
            Some(PortRef::Num(n)) => PortSet::range(*n, p.end_port.unwrap_or(*n).max(*n)),
            Some(PortRef::Name(name)) => match dst.and_then(|w| w.resolve(name, p.protocol)) {
                Some(n) => PortSet::range(n, n),
                None => {
                    if keep_names && dst.is_none() {
                        c.union_with(&ConnSet::named(p.protocol, name));
                    }
                    PortSet::default()
                }
            },
        };
        c.union_with(&ConnSet::single(p.protocol, ps));
    }
    c
}

impl<'c> Analysis<'c> {
    /// Precompute classes and rule matches.
    pub fn new(cluster: &'c Cluster) -> Self {
        Self::with_cuts(cluster, &[], &[])
    }

    /// The `ipBlock` address sets of a cluster's ingress and egress rules (where the external
    /// space is cut).
    pub fn ip_cuts(cluster: &Cluster) -> (Vec<IpRange>, Vec<IpRange>) {
        let mut in_ranges = Vec::new();
        let mut eg_ranges = Vec::new();
        for p in &cluster.policies {
            for (rules, out) in [(&p.ingress, &mut in_ranges), (&p.egress, &mut eg_ranges)] {
                for r in rules {
                    for peer in r.peers.iter().flatten() {
                        if let PeerSpec::Ip(b) = peer {
                            // Boundaries of the block's address set (cidr minus excepts,
                            // merged), as netpol-analyzer splits the space.
                            out.extend(b.set.iter().copied());
                        }
                    }
                }
            }
        }
        (in_ranges, eg_ranges)
    }

    /// Like [`Analysis::new`], also cutting the external space at the given ranges (so two
    /// manifest sets can be compared range by range).
    pub fn with_cuts(cluster: &'c Cluster, extra_in: &[IpRange], extra_eg: &[IpRange]) -> Self {
        let mut classes: HashMap<(&str, &Labels, &[crate::model::NamedPort]), usize> =
            HashMap::new();
        let mut class_of = Vec::with_capacity(cluster.workloads.len());
        let mut class_rep = Vec::new();
        for (i, w) in cluster.workloads.iter().enumerate() {
            let key = (w.namespace.as_str(), &w.labels, w.named_ports.as_slice());
            let next = class_rep.len();
            let c = *classes.entry(key).or_insert(next);
            if c == next {
                class_rep.push(i);
            }
            class_of.push(c);
        }
        let n = class_rep.len();
        let mut ingress_pols = vec![Vec::new(); n];
        let mut egress_pols = vec![Vec::new(); n];
        let mut rule_match = Vec::with_capacity(cluster.policies.len());
        for (pi, p) in cluster.policies.iter().enumerate() {
            for (c, &rep) in class_rep.iter().enumerate() {
                let w = &cluster.workloads[rep];
                if selects(p, w) {
                    if p.affects_ingress {
                        ingress_pols[c].push(pi);
                    }
                    if p.affects_egress {
                        egress_pols[c].push(pi);
                    }
                }
            }
            let per_dir = |rules: &[Rule]| -> Vec<Vec<bool>> {
                rules
                    .iter()
                    .map(|r| {
                        class_rep
                            .iter()
                            .map(|&rep| {
                                let w = &cluster.workloads[rep];
                                match &r.peers {
                                    None => true,
                                    Some(ps) => ps.iter().any(|peer| {
                                        peer_matches(
                                            cluster,
                                            &p.namespace,
                                            peer,
                                            &w.namespace,
                                            &w.labels,
                                        )
                                    }),
                                }
                            })
                            .collect()
                    })
                    .collect()
            };
            rule_match.push([per_dir(&p.ingress), per_dir(&p.egress)]);
        }
        let (mut in_ranges, mut eg_ranges) = Self::ip_cuts(cluster);
        in_ranges.extend_from_slice(extra_in);
        eg_ranges.extend_from_slice(extra_eg);
        let rule_conns = cluster
            .policies
            .iter()
            .map(|p| {
                let f = |rules: &[Rule]| -> Vec<Option<ConnSet>> {
                    rules
                        .iter()
                        .map(|r| {
                            let named = r
                                .ports
                                .iter()
                                .any(|p| matches!(p.port, Some(PortRef::Name(_))));
                            (!named).then(|| rule_ports(r, None))
                        })
                        .collect()
                };
                [f(&p.ingress), f(&p.egress)]
            })
            .collect();
        let mut class_members = vec![Vec::new(); class_rep.len()];
        for (w, &c) in class_of.iter().enumerate() {
            class_members[c].push(w);
        }
        Analysis {
            cluster,
            class_of,
            class_rep,
            rule_conns,
            class_members,
            ingress_pols,
            egress_pols,
            rule_match,
            src_atoms: atoms(&in_ranges),
            dst_atoms: atoms(&eg_ranges),
        }
    }

    /// Number of equivalence classes of workloads.
    pub fn class_count(&self) -> usize {
        self.class_rep.len()
    }

    /// The equivalence class of workload `w`.
    pub fn class_of(&self, w: usize) -> usize {
        self.class_of[w]
    }

    /// The representative workload of class `c`.
    pub fn class_rep(&self, c: usize) -> usize {
        self.class_rep[c]
    }

    /// Policies selecting workload `w` that affect direction `d`.
    pub fn selecting(&self, w: usize, d: Direction) -> &[usize] {
        let c = self.class_of[w];
        match d {
            Direction::Ingress => &self.ingress_pols[c],
            Direction::Egress => &self.egress_pols[c],
        }
    }

    /// Whether rule `r` of policy `p` (direction `d`) admits `peer`.
    pub fn rule_admits(&self, p: usize, d: Direction, r: usize, peer: Peer) -> bool {
        match peer {
            Peer::Workload(w) => self.rule_match[p][dir_idx(d)][r][self.class_of[w]],
            Peer::Ext(a) => rule_matches_atom(&self.cluster.policies[p].rules(d)[r], &a),
        }
    }

    /// What `target`'s side allows in direction `d` with `other` (the source for ingress, the
    /// destination for egress). `dst` is the workload named ports resolve on. Also returns the
    /// rules that contributed, and whether the target is isolated in that direction.
    pub fn side(
        &self,
        target: usize,
        d: Direction,
        other: Peer,
        dst: Option<&Workload>,
        mut contrib: Option<&mut Vec<(RuleRef, ConnSet)>>,
    ) -> (ConnSet, bool) {
        let pols = self.selecting(target, d);
        if pols.is_empty() {
            return (ConnSet::all(), false);
        }
        let mut c = ConnSet::none();
        for &pi in pols {
            let p = &self.cluster.policies[pi];
            for (ri, r) in p.rules(d).iter().enumerate() {
                if self.rule_admits(pi, d, ri, other) {
                    let computed;
                    let ports = match self.rule_conns[pi][dir_idx(d)][ri].as_ref() {
                        Some(p) => p,
                        None => {
                            computed = rule_ports(r, dst);
                            &computed
                        }
                    };
                    if let Some(v) = contrib.as_deref_mut() {
                        v.push((
                            RuleRef {
                                policy: pi,
                                rule: ri,
                            },
                            ports.clone(),
                        ));
                    }
                    if ports.is_all() {
                        c = ConnSet::all();
                    } else {
                        c.union_with(ports);
                    }
                }
            }
        }
        (c, true)
    }

    /// Allowed connections from `src` to `dst` (at least one of them a workload).
    pub fn allowed(&self, src: Peer, dst: Peer) -> ConnSet {
        let ws = &self.cluster.workloads;
        let dst_w = match dst {
            Peer::Workload(d) => Some(&ws[d]),
            Peer::Ext(_) => None,
        };
        let eg = match src {
            Peer::Workload(s) => self.side(s, Direction::Egress, dst, dst_w, None).0,
            Peer::Ext(_) => ConnSet::all(),
        };
        if eg.is_empty() {
            return eg;
        }
        let ing = match dst {
            Peer::Workload(d) => self.side(d, Direction::Ingress, src, dst_w, None).0,
            Peer::Ext(_) => ConnSet::all(),
        };
        eg.intersect(&ing)
    }

    /// Every allowed connection between distinct workloads and between workloads and
    /// external ranges, in no particular order. Pairs are computed once per pair of classes,
    /// source classes in parallel.
    pub fn connections(&self) -> Vec<Connection> {
        use rayon::prelude::*;
        let ws = &self.cluster.workloads;
        let n = self.class_rep.len();
        let mut out: Vec<Connection> = (0..n)
            .into_par_iter()
            .flat_map_iter(|cs| {
                let mut v = Vec::new();
                let src_rep = Peer::Workload(self.class_rep[cs]);
                for cd in 0..n {
                    let conn = self.allowed(src_rep, Peer::Workload(self.class_rep[cd]));
                    if conn.is_empty() {
                        continue;
                    }
                    for &s in &self.class_members[cs] {
                        for &d in &self.class_members[cd] {
                            if s != d {
                                v.push(Connection {
                                    src: Peer::Workload(s),
                                    dst: Peer::Workload(d),
                                    conn: conn.clone(),
                                });
                            }
                        }
                    }
                }
                v.into_iter()
            })
            .collect();
        let ext: Vec<Connection> = (0..ws.len())
            .into_par_iter()
            .flat_map_iter(|w| {
                let mut v = Vec::new();
                for a in &self.src_atoms {
                    let conn = self.allowed(Peer::Ext(*a), Peer::Workload(w));
                    if !conn.is_empty() {
                        v.push(Connection {
                            src: Peer::Ext(*a),
                            dst: Peer::Workload(w),
                            conn,
                        });
                    }
                }
                for a in &self.dst_atoms {
                    let conn = self.allowed(Peer::Workload(w), Peer::Ext(*a));
                    if !conn.is_empty() {
                        v.push(Connection {
                            src: Peer::Workload(w),
                            dst: Peer::Ext(*a),
                            conn,
                        });
                    }
                }
                v.into_iter()
            })
            .collect();
        out.extend(ext);
        out
    }

    /// Display name of a peer.
    pub fn name(&self, p: Peer) -> String {
        match p {
            Peer::Workload(i) => self.cluster.workloads[i].display(),
            Peer::Ext(r) => format!("{r}[External]"),
        }
    }
}

/// Whether a named port exists anywhere for a protocol (used by lints).
pub fn named_port_exists(cluster: &Cluster, name: &str, proto: Protocol) -> bool {
    cluster
        .workloads
        .iter()
        .any(|w| w.resolve(name, proto).is_some())
}
