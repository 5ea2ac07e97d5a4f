//! Least-privilege synthesis: from a set of allowed flows between workloads (declared in a
//! short YAML file, or the current connectivity of the manifests), write one default-deny
//! policy per namespace plus, per workload, the minimal ingress and egress allow policies.
//!
//! Selectors are exact: a workload is selected by all its labels, plus `DoesNotExist` for a
//! label of every other workload of the namespace whose labels include its own. External
//! ranges become one `ipBlock` per range (`cidr` + `except`), so listing the synthesized
//! policies splits the external space exactly as the flows do.

use crate::conn::{ConnSet, PortSet, Protocol};
use crate::engine::{Analysis, Peer};
use crate::ip::{IpRange, parse_cidr, range_to_cidrs};
use crate::model::{Cluster, NS_NAME_LABEL, Workload};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// One allowed flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    pub src: Peer,
    pub dst: Peer,
    pub conn: ConnSet,
}

/// A problem with a declared-connectivity file or with synthesis.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SynthError {
    #[error("connectivity file: {0}")]
    Parse(String),
    #[error("flow #{index}: {message}")]
    Flow { index: usize, message: String },
}

/// The current connectivity of a cluster as flows.
pub fn flows_from_cluster(a: &Analysis<'_>) -> Vec<Flow> {
    a.connections()
        .into_iter()
        .map(|c| Flow {
            src: c.src,
            dst: c.dst,
            conn: c.conn,
        })
        .collect()
}

/// Parse a ports list entry: `all`, `TCP`, `8080`, `8080/TCP`, `TCP/8080`, `UDP/5000-5010`.
fn parse_ports(v: Option<&Value>) -> Result<ConnSet, String> {
    let Some(v) = v else {
        return Ok(ConnSet::all());
    };
    let items: Vec<String> = match v {
        Value::Array(a) => a.iter().map(crate::selector::scalar).collect(),
        other => vec![crate::selector::scalar(other)],
    };
    let mut c = ConnSet::none();
    for it in items {
        let it = it.trim();
        if it.eq_ignore_ascii_case("all") {
            return Ok(ConnSet::all());
        }
        if let Some(p) = Protocol::parse(it) {
            c.union_with(&ConnSet::single(p, PortSet::full()));
            continue;
        }
        let (a, b) = it.split_once('/').unwrap_or((it, "TCP"));
        let (range, proto) = if Protocol::parse(a).is_some() {
            (b, a)
        } else {
            (a, b)
        };
        let proto = Protocol::parse(proto).ok_or_else(|| format!("unknown protocol in `{it}`"))?;
        let (lo, hi) = range.split_once('-').unwrap_or((range, range));
        let lo: u32 = lo.parse().map_err(|_| format!("bad port in `{it}`"))?;
        let hi: u32 = hi.parse().map_err(|_| format!("bad port in `{it}`"))?;
        if !(1..=65535).contains(&lo) || hi < lo || hi > 65535 {
            return Err(format!("bad port range in `{it}`"));
        }
        c.union_with(&ConnSet::single(proto, PortSet::range(lo, hi)));
    }
    Ok(c)
}

/// Parse a declared-connectivity file:
///
/// ```yaml
/// flows:
/// - from: shop/frontend          # workload: name, ns/name or ns/name[Kind]
///   to: shop/backend
///   ports: [8080/TCP]            # omitted or `all`: every port
/// - from: 0.0.0.0/0              # external: an IPv4 CIDR or address
///   to: shop/frontend
///   ports: [443]
/// ```
pub fn parse_declared(cluster: &Cluster, text: &str) -> Result<Vec<Flow>, SynthError> {
    let loaded = bulkhead_k8s::loader::load("", text);
    if let Some(e) = loaded.errors.first() {
        return Err(SynthError::Parse(match e.range {
            Some(r) => format!("line {}: {}", r.start.line, e.message),
            None => e.message.clone(),
        }));
    }
    let v = loaded
        .docs
        .into_iter()
        .next()
        .map(|d| d.value)
        .unwrap_or_default();
    let flows = v
        .get("flows")
        .and_then(Value::as_array)
        .ok_or_else(|| SynthError::Parse("expected a top-level `flows:` list".into()))?;
    let mut out = Vec::new();
    for (index, f) in flows.iter().enumerate() {
        let err = |message: String| SynthError::Flow {
            index: index + 1,
            message,
        };
        let peer = |k: &str| -> Result<Peer, SynthError> {
            let s = f
                .get(k)
                .map(crate::selector::scalar)
                .ok_or_else(|| err(format!("missing `{k}`")))?;
            crate::explain::resolve_peer(cluster, &s).map_err(|e| err(e.to_string()))
        };
        let src = peer("from")?;
        let dst = peer("to")?;
        if matches!((src, dst), (Peer::Ext(_), Peer::Ext(_))) {
            return Err(err("a flow needs at least one workload".into()));
        }
        let conn = parse_ports(f.get("ports")).map_err(err)?;
        out.push(Flow { src, dst, conn });
    }
    Ok(out)
}

/// An exact selector for workload `w` among the workloads of its namespace.
fn exact_selector(cluster: &Cluster, w: &Workload) -> Value {
    let mut exprs: Vec<Value> = Vec::new();
    let mut excluded: Vec<String> = Vec::new();
    for v in &cluster.workloads {
        if v.namespace != w.namespace || v.labels == w.labels {
            continue;
        }
        let superset = w.labels.iter().all(|(k, val)| v.labels.get(k) == Some(val));
        if !superset {
            continue;
        }
        if let Some(k) = v.labels.keys().find(|k| !w.labels.contains_key(*k))
            && !excluded.contains(k)
        {
            excluded.push(k.clone());
        }
    }
    excluded.sort();
    for k in excluded {
        exprs.push(json!({"key": k, "operator": "DoesNotExist"}));
    }
    let mut m = Map::new();
    if !w.labels.is_empty() {
        m.insert("matchLabels".into(), json!(w.labels));
    }
    if !exprs.is_empty() {
        m.insert("matchExpressions".into(), Value::Array(exprs));
    }
    Value::Object(m)
}

fn ports_of(c: &ConnSet) -> Option<Value> {
    if c.is_all() {
        return None;
    }
    let mut v = Vec::new();
    for p in [Protocol::Tcp, Protocol::Udp, Protocol::Sctp] {
        let ps = c.ports(p);
        if ps.is_full() {
            v.push(json!({"protocol": p.as_str()}));
            continue;
        }
        for &(lo, hi) in ps.ranges() {
            if lo == hi {
                v.push(json!({"protocol": p.as_str(), "port": lo}));
            } else {
                v.push(json!({"protocol": p.as_str(), "port": lo, "endPort": hi}));
            }
        }
    }
    Some(Value::Array(v))
}

/// An `ipBlock` whose address set is exactly `r`.
fn ip_block(r: IpRange) -> Value {
    // Smallest enclosing CIDR.
    let mut len = 32u32;
    loop {
        let mask: u32 = if len == 0 { 0 } else { u32::MAX << (32 - len) };
        if r.lo & mask == r.hi & mask {
            let lo = r.lo & mask;
            let hi = lo | !mask;
            let mut except = Vec::new();
            if lo < r.lo {
                except.extend(range_to_cidrs(IpRange { lo, hi: r.lo - 1 }));
            }
            if hi > r.hi {
                except.extend(range_to_cidrs(IpRange { lo: r.hi + 1, hi }));
            }
            let cidr = format!("{}/{}", std::net::Ipv4Addr::from(lo), len);
            return if except.is_empty() {
                json!({"ipBlock": {"cidr": cidr}})
            } else {
                json!({"ipBlock": {"cidr": cidr, "except": except}})
            };
        }
        len -= 1;
    }
}

fn peer_value(cluster: &Cluster, p: Peer, policy_ns: &str) -> Value {
    match p {
        Peer::Ext(r) => ip_block(r),
        Peer::Workload(i) => {
            let w = &cluster.workloads[i];
            let sel = exact_selector(cluster, w);
            if w.namespace == policy_ns {
                json!({"podSelector": sel})
            } else {
                json!({
                    "namespaceSelector": {"matchLabels": {NS_NAME_LABEL: w.namespace}},
                    "podSelector": sel,
                })
            }
        }
    }
}

fn dns_name(s: &str) -> String {
    let mut out: String = s
        .to_ascii_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    out.truncate(200);
    out.trim_matches(['-', '.']).to_string()
}

/// Options of [`synthesize_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    /// Allow every workload's egress to the cluster DNS (pods labelled `k8s-app: kube-dns` in
    /// `kube-system`, UDP and TCP 53): without it the default-deny egress breaks name
    /// resolution (NP005).
    pub dns: bool,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions { dns: true }
    }
}

/// Write the policies (as Kubernetes objects) that allow exactly `flows` and nothing else
/// between the cluster's workloads, plus (by default) DNS egress to the cluster DNS.
pub fn synthesize_with(cluster: &Cluster, flows: &[Flow], opts: &SynthOptions) -> Vec<Value> {
    let mut out = synthesize(cluster, flows);
    if opts.dns {
        let mut namespaces: Vec<&str> = cluster
            .workloads
            .iter()
            .map(|w| w.namespace.as_str())
            .collect();
        namespaces.sort_unstable();
        namespaces.dedup();
        // After each namespace's default-deny, so the file reads deny, then DNS, then allows.
        let at = namespaces.len().min(out.len());
        let dns: Vec<Value> = namespaces
            .iter()
            .map(|ns| {
                json!({
                    "apiVersion": "networking.k8s.io/v1",
                    "kind": "NetworkPolicy",
                    "metadata": {"name": "bulkhead-allow-dns", "namespace": ns},
                    "spec": {
                        "podSelector": {},
                        "policyTypes": ["Egress"],
                        "egress": [{
                            "to": [{
                                "namespaceSelector": {"matchLabels": {NS_NAME_LABEL: "kube-system"}},
                                "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}},
                            }],
                            "ports": [{"port": 53, "protocol": "UDP"}, {"port": 53, "protocol": "TCP"}],
                        }],
                    },
                })
            })
            .collect();
        out.splice(at..at, dns);
    }
    out
}

/// Write the policies (as Kubernetes objects) that allow exactly `flows` and nothing else
/// between the cluster's workloads (no DNS policy: see [`synthesize_with`]).
pub fn synthesize(cluster: &Cluster, flows: &[Flow]) -> Vec<Value> {
    let mut out = Vec::new();
    let mut namespaces: Vec<&str> = cluster
        .workloads
        .iter()
        .map(|w| w.namespace.as_str())
        .collect();
    namespaces.sort_unstable();
    namespaces.dedup();
    for ns in &namespaces {
        out.push(json!({
            "apiVersion": "networking.k8s.io/v1",
            "kind": "NetworkPolicy",
            "metadata": {"name": "bulkhead-default-deny", "namespace": ns},
            "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]},
        }));
    }
    // Per workload: ingress rules (from sources) and egress rules (to destinations).
    let mut ingress: BTreeMap<usize, Vec<(Peer, &ConnSet)>> = BTreeMap::new();
    let mut egress: BTreeMap<usize, Vec<(Peer, &ConnSet)>> = BTreeMap::new();
    for f in flows {
        if f.conn.is_empty() || f.src == f.dst {
            continue;
        }
        if let Peer::Workload(d) = f.dst {
            ingress.entry(d).or_default().push((f.src, &f.conn));
        }
        if let Peer::Workload(s) = f.src {
            egress.entry(s).or_default().push((f.dst, &f.conn));
        }
    }
    let ws = &cluster.workloads;
    let mut emitted: std::collections::BTreeSet<(String, String)> = Default::default();
    for (dir, map, key, peer_key) in [
        ("ingress", &ingress, "ingress", "from"),
        ("egress", &egress, "egress", "to"),
    ] {
        for (&w, list) in map {
            let wl = &ws[w];
            let sel = exact_selector(cluster, wl);
            let mut rules: Vec<Value> = Vec::new();
            for (peer, conn) in list {
                let mut rule = Map::new();
                rule.insert(
                    peer_key.into(),
                    Value::Array(vec![peer_value(cluster, *peer, &wl.namespace)]),
                );
                if let Some(p) = ports_of(conn) {
                    rule.insert("ports".into(), p);
                }
                rules.push(Value::Object(rule));
            }
            let name = dns_name(&format!(
                "bulkhead-{}-{}-{}",
                wl.name,
                wl.kind.to_ascii_lowercase(),
                dir
            ));
            // Workloads with identical labels share one selector: one policy for them.
            let spec = json!({
                "podSelector": sel,
                "policyTypes": [if dir == "ingress" { "Ingress" } else { "Egress" }],
                key: rules,
            });
            if !emitted.insert((wl.namespace.clone(), spec.to_string())) {
                continue;
            }
            out.push(json!({
                "apiVersion": "networking.k8s.io/v1",
                "kind": "NetworkPolicy",
                "metadata": {"name": name, "namespace": wl.namespace},
                "spec": spec,
            }));
        }
    }
    out
}

/// Render objects as a multi-document YAML stream.
pub fn to_yaml(objects: &[Value]) -> String {
    let mut s = String::new();
    for o in objects {
        s.push_str("---\n");
        s.push_str(&serde_saphyr::to_string(o).unwrap_or_default());
        if !s.ends_with('\n') {
            s.push('\n');
        }
    }
    s
}

/// Parse a CIDR or address into a range (for declared files and tests).
pub fn parse_range(s: &str) -> Option<IpRange> {
    if let Ok(ip) = s.parse::<std::net::Ipv4Addr>() {
        let v = u32::from(ip);
        return Some(IpRange { lo: v, hi: v });
    }
    parse_cidr(s).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_file_errors_carry_their_line() {
        let c = Cluster::default();
        let e = parse_declared(&c, "flows:\n- from: a\n  to: [\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "connectivity file: line 3: invalid YAML: unclosed bracket '['"
        );
        let e = parse_declared(&c, "nope: 1\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "connectivity file: expected a top-level `flows:` list"
        );
        assert_eq!(parse_declared(&c, "flows: []\n").unwrap(), []);
    }
}
