//! Exposure analysis (netpol-analyzer's `--exposure`): for each workload and direction, the
//! potential connectivity with peers that are not in the input — the entire cluster, or
//! "representative" pods/namespaces described by the selectors of rules that could match
//! pods the manifests do not contain — plus its connections with external ranges, and the
//! workloads no policy protects.

use crate::conn::ConnSet;
use crate::engine::{Analysis, rule_ports, rule_ports_ext};
use crate::model::{Direction, NS_NAME_LABEL, PeerSpec};
use crate::output::ConnLine;
use crate::selector::{Op, Selector};

/// One textual exposure line: `peer => other` (egress) or `peer <= other` (ingress).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ExposureLine {
    pub peer: String,
    pub other: String,
    pub conn: String,
}

/// One exposure edge for the graph: `rep` is `None` for the entire cluster, else the
/// (namespace label, pod label) of the representative peer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphExposure {
    pub peer: String,
    pub rep: Option<(String, String)>,
    pub conn: String,
}

/// The exposure section of a list.
#[derive(Debug, Clone, Default)]
pub struct ExposureReport {
    pub egress: Vec<ExposureLine>,
    pub ingress: Vec<ExposureLine>,
    /// `ns/wl[Kind] is not protected on Ingress`.
    pub unprotected: Vec<String>,
    /// Workloads appearing in the exposure results (graph nodes).
    pub peers: Vec<String>,
    pub ingress_graph: Vec<GraphExposure>,
    pub egress_graph: Vec<GraphExposure>,
}

/// A representative peer: namespace selector (`None` = the policy's namespace) and pod
/// selector (`None` = all pods).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Rep {
    ns: RepNs,
    pods: Selector,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum RepNs {
    Named(String),
    Sel(Selector),
}

/// netpol-analyzer's rendering of a selector inside `[... with {..}]`.
fn selector_text(s: &Selector) -> String {
    let mut parts: Vec<String> = s
        .match_labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let mut reqs: Vec<String> = s
        .exprs
        .iter()
        .map(|r| {
            let op = match r.op {
                Op::In => "In",
                Op::NotIn => "NotIn",
                Op::Exists => "Exists",
                Op::DoesNotExist => "DoesNotExist",
            };
            format!(
                "{{Key:{},Operator:{},Values:[{}],}}",
                r.key,
                op,
                r.values.join(" ")
            )
        })
        .collect();
    reqs.sort();
    parts.extend(reqs);
    parts.join(",")
}

fn ns_label(ns: &RepNs, txt: bool) -> String {
    let res = match ns {
        RepNs::Named(n) => return n.clone(),
        RepNs::Sel(s) => {
            if s.match_labels.len() == 1
                && s.exprs.is_empty()
                && let Some(n) = s.match_labels.get(NS_NAME_LABEL)
            {
                return n.clone();
            }
            if s.is_empty() {
                "all namespaces".to_string()
            } else {
                format!("namespace with {{{}}}", selector_text(s))
            }
        }
    };
    if txt { format!("[{res}]") } else { res }
}

fn pod_label(s: &Selector, txt: bool) -> String {
    let res = if s.is_empty() {
        "all pods".to_string()
    } else {
        format!("pod with {{{}}}", selector_text(s))
    };
    if txt { format!("[{res}]") } else { res }
}

/// netpol-analyzer's normal form of a rule selector: a single-value `In` is a label; the
/// other requirements sorted. Values keep their written order (they are displayed).
fn normalize(s: &Selector) -> Selector {
    let mut out = Selector {
        match_labels: s.match_labels.clone(),
        exprs: Vec::new(),
    };
    for r in &s.exprs {
        if r.op == Op::In && r.values.len() == 1 {
            out.match_labels.insert(r.key.clone(), r.values[0].clone());
        } else {
            out.exprs.push(r.clone());
        }
    }
    out.exprs.sort_by_key(|r| {
        let mut v = r.values.clone();
        v.sort();
        (r.key.clone(), r.op, v)
    });
    out
}

/// Equality key of a selector (normalized, values sorted).
fn sel_key(s: &Selector) -> Selector {
    let mut k = normalize(s);
    for r in &mut k.exprs {
        r.values.sort();
    }
    k
}

/// Every label set a plain selector (labels and `In` requirements) stands for.
fn combos(s: &Selector) -> Vec<crate::selector::Labels> {
    let mut out = vec![s.match_labels.clone()];
    for r in &s.exprs {
        let mut next = Vec::new();
        for base in &out {
            for v in &r.values {
                let mut l = base.clone();
                l.insert(r.key.clone(), v.clone());
                next.push(l);
            }
        }
        out = next;
    }
    out
}

/// Representatives from selectors with requirements are never refined (the reference
/// tool keeps them even when a real pod matches).
fn has_unusual(s: &Selector) -> bool {
    !s.exprs.is_empty()
}

/// The representative peer a rule entry describes, or `None` for the entire cluster.
fn rep_of(policy_ns: &str, namespaces: &Option<Selector>, pods: &Option<Selector>) -> Option<Rep> {
    let pods_sel = pods.clone().unwrap_or_default();
    let ns = match namespaces {
        None => RepNs::Named(policy_ns.to_string()),
        Some(s) if s.is_empty() && pods_sel.is_empty() => return None,
        Some(s) => {
            let n = normalize(s);
            if n.match_labels.len() == 1 && n.exprs.is_empty() {
                if let Some(n) = n.match_labels.get(NS_NAME_LABEL) {
                    RepNs::Named(n.clone())
                } else {
                    RepNs::Sel(s.clone())
                }
            } else {
                RepNs::Sel(s.clone())
            }
        }
    };
    Some(Rep { ns, pods: pods_sel })
}

/// Whether a rule entry (of a policy in `policy_ns`) admits a representative peer.
fn entry_admits(policy_ns: &str, peer: &PeerSpec, r: &Rep) -> bool {
    let PeerSpec::Pods { namespaces, pods } = peer else {
        return false;
    };
    let Some(mine) = rep_of(policy_ns, namespaces, pods) else {
        return true; // the entire cluster
    };
    let ns_ok = match (&mine.ns, namespaces) {
        (_, Some(s)) if s.is_empty() => true,
        (RepNs::Sel(a), _) => matches!(&r.ns, RepNs::Sel(b) if sel_key(a) == sel_key(b)),
        (m, _) => *m == r.ns,
    };
    ns_ok && (mine.pods.is_empty() || sel_key(&mine.pods) == sel_key(&r.pods))
}

/// Compute the exposure report. `lines` are the (already focused) connectivity lines, whose
/// external-range entries are repeated in the exposure sections.
pub fn exposure(
    a: &Analysis<'_>,
    lines: &[ConnLine],
    focus: &dyn Fn(usize) -> bool,
) -> ExposureReport {
    let cluster = a.cluster;
    let mut rep = ExposureReport::default();
    // 1. Representative peers of every rule entry, deduplicated.
    let mut reps: Vec<Rep> = Vec::new();
    for p in &cluster.policies {
        for r in p.ingress.iter().chain(p.egress.iter()) {
            for peer in r.peers.iter().flatten() {
                if let PeerSpec::Pods { namespaces, pods } = peer
                    && let Some(x) = rep_of(&p.namespace, namespaces, pods)
                {
                    let key = |r: &Rep| {
                        let ns = match &r.ns {
                            RepNs::Sel(s) => RepNs::Sel(sel_key(s)),
                            n => n.clone(),
                        };
                        (ns, sel_key(&r.pods))
                    };
                    if !reps.iter().any(|y| key(y) == key(&x)) {
                        reps.push(x);
                    }
                }
            }
        }
    }
    // 2. Refine: a representative with plain labels that a real pod matches is that pod.
    reps.retain(|r| {
        let ns_any = matches!(&r.ns, RepNs::Sel(s) if s.is_empty());
        if ns_any || r.pods.is_empty() || has_unusual(&r.pods) {
            return true;
        }
        if let RepNs::Sel(s) = &r.ns
            && has_unusual(s)
        {
            return true;
        }
        // Refined only when a real pod stands for every label combination.
        let ns_combos: Vec<Option<crate::selector::Labels>> = match &r.ns {
            RepNs::Named(_) => vec![None],
            RepNs::Sel(s) => combos(&normalize(s)).into_iter().map(Some).collect(),
        };
        let subset = |small: &crate::selector::Labels, big: &crate::selector::Labels| {
            small.iter().all(|(k, v)| big.get(k) == Some(v))
        };
        ns_combos.iter().any(|nc| {
            combos(&normalize(&r.pods)).iter().any(|pc| {
                !cluster.workloads.iter().any(|w| {
                    subset(pc, &w.labels)
                        && match (&r.ns, nc) {
                            (RepNs::Named(n), _) => *n == w.namespace,
                            (_, Some(nl)) => cluster
                                .namespaces
                                .get(&w.namespace)
                                .is_some_and(|n| subset(nl, &n.labels)),
                            _ => false,
                        }
                })
            })
        })
    });
    reps.sort();
    for (wi, w) in cluster.workloads.iter().enumerate() {
        if !focus(wi) {
            continue;
        }
        let name = w.display();
        let mut any = false;
        for d in [Direction::Egress, Direction::Ingress] {
            let pols = a.selecting(wi, d);
            let (text, graph) = match d {
                Direction::Ingress => (&mut rep.ingress, &mut rep.ingress_graph),
                Direction::Egress => (&mut rep.egress, &mut rep.egress_graph),
            };
            if pols.is_empty() {
                any = true;
                text.push(ExposureLine {
                    peer: name.clone(),
                    other: "entire-cluster".into(),
                    conn: ConnSet::all().to_string(),
                });
                graph.push(GraphExposure {
                    peer: name.clone(),
                    rep: None,
                    conn: ConnSet::all().to_string(),
                });
                rep.unprotected
                    .push(format!("{name} is not protected on {}", d.as_str()));
                continue;
            }
            let ports_of = |r: &crate::model::Rule| match d {
                Direction::Ingress => rule_ports(r, Some(w)),
                Direction::Egress => rule_ports_ext(r, None, true),
            };
            let mut entire = ConnSet::none();
            for &pi in pols {
                let p = &cluster.policies[pi];
                for r in p.rules(d) {
                    let all = match &r.peers {
                        None => true,
                        Some(peers) => peers.iter().any(|peer| {
                            matches!(peer, PeerSpec::Pods { namespaces, pods }
                                if rep_of(&p.namespace, namespaces, pods).is_none())
                        }),
                    };
                    if all {
                        entire.union_with(&ports_of(r));
                    }
                }
            }
            if !entire.is_empty() {
                any = true;
                text.push(ExposureLine {
                    peer: name.clone(),
                    other: "entire-cluster".into(),
                    conn: entire.to_string(),
                });
                graph.push(GraphExposure {
                    peer: name.clone(),
                    rep: None,
                    conn: entire.to_string(),
                });
            }
            for x in &reps {
                let mut c = ConnSet::none();
                for &pi in pols {
                    let p = &cluster.policies[pi];
                    for r in p.rules(d) {
                        let admits = match &r.peers {
                            None => true,
                            Some(peers) => {
                                peers.iter().any(|peer| entry_admits(&p.namespace, peer, x))
                            }
                        };
                        if admits {
                            c.union_with(&ports_of(r));
                        }
                    }
                }
                if c.is_empty() || (!entire.is_empty() && c.is_subset(&entire)) {
                    continue;
                }
                any = true;
                text.push(ExposureLine {
                    peer: name.clone(),
                    other: format!("{}/{}", ns_label(&x.ns, true), pod_label(&x.pods, true)),
                    conn: c.to_string(),
                });
                graph.push(GraphExposure {
                    peer: name.clone(),
                    rep: Some((ns_label(&x.ns, false), pod_label(&x.pods, false))),
                    conn: c.to_string(),
                });
            }
        }
        if any {
            rep.peers.push(name);
        }
    }
    for l in lines {
        if l.src.ends_with("[External]") {
            rep.ingress.push(ExposureLine {
                peer: l.dst.clone(),
                other: l.src.clone(),
                conn: l.conn.clone(),
            });
        }
        if l.dst.ends_with("[External]") {
            rep.egress.push(ExposureLine {
                peer: l.src.clone(),
                other: l.dst.clone(),
                conn: l.conn.clone(),
            });
        }
    }
    rep.egress.sort();
    rep.ingress.sort();
    rep
}
