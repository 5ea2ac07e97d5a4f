//! Explanations: whether a connection between two peers is allowed, which policies isolate
//! each side, and which rules (with file and line) admit it.

use crate::conn::{ConnSet, Protocol};
use crate::engine::{Analysis, Peer, RuleRef};
use crate::ip::{IpRange, parse_cidr};
use crate::model::{Cluster, Direction, Origin, Policy, Rule};
use std::fmt::Write;
use std::net::Ipv4Addr;

/// A peer given on the command line that could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeerError {
    #[error("no workload matches `{0}` (use `name`, `namespace/name` or an IPv4 address/CIDR)")]
    NotFound(String),
    #[error("`{0}` matches several workloads: {1}")]
    Ambiguous(String, String),
    #[error("invalid port `{0}` (expected PORT or PORT/PROTO, e.g. 8080/TCP)")]
    BadPort(String),
}

/// Resolve `name`, `ns/name`, `ns/name[Kind]`, an IPv4 address or an IPv4 CIDR.
pub fn resolve_peer(cluster: &Cluster, spec: &str) -> Result<Peer, PeerError> {
    if let Ok(ip) = spec.parse::<Ipv4Addr>() {
        let v = u32::from(ip);
        return Ok(Peer::Ext(IpRange { lo: v, hi: v }));
    }
    if spec.contains('/')
        && let Ok(Some(r)) = parse_cidr(spec)
    {
        return Ok(Peer::Ext(r));
    }
    let hits: Vec<usize> = cluster
        .workloads
        .iter()
        .enumerate()
        .filter(|(_, w)| crate::focus_matches(w, spec))
        .map(|(i, _)| i)
        .collect();
    match hits.len() {
        0 => Err(PeerError::NotFound(spec.to_string())),
        1 => Ok(Peer::Workload(hits[0])),
        _ => Err(PeerError::Ambiguous(
            spec.to_string(),
            hits.iter()
                .map(|&i| cluster.workloads[i].display())
                .collect::<Vec<_>>()
                .join(", "),
        )),
    }
}

/// Parse `PORT`, `PORT/PROTO` or `PROTO/PORT` (protocol defaults to TCP).
pub fn parse_port(s: &str) -> Result<(Protocol, u32), PeerError> {
    let bad = || PeerError::BadPort(s.to_string());
    let (a, b) = s.split_once('/').unwrap_or((s, "TCP"));
    let (port, proto) = match (a.parse::<u32>(), b.parse::<u32>()) {
        (Ok(p), _) => (p, b),
        (_, Ok(p)) => (p, a),
        _ => return Err(bad()),
    };
    if !(1..=65535).contains(&port) {
        return Err(bad());
    }
    Ok((Protocol::parse(proto).ok_or_else(bad)?, port))
}

/// The explanation of one side (egress of the source or ingress of the destination).
#[derive(Debug, Clone)]
pub struct SideExplanation {
    pub direction: Direction,
    /// Policies isolating the workload in this direction (empty: not isolated). `None` for
    /// an external peer.
    pub isolating: Option<Vec<usize>>,
    /// Rules admitting the other peer, with what they admit.
    pub allowing: Vec<(RuleRef, ConnSet)>,
    /// What this side allows.
    pub allowed: ConnSet,
}

/// A full explanation.
#[derive(Debug, Clone)]
pub struct Explanation {
    pub src: String,
    pub dst: String,
    pub egress: SideExplanation,
    pub ingress: SideExplanation,
    pub allowed: ConnSet,
    /// The port asked about, and whether it is allowed.
    pub port: Option<((Protocol, u32), bool)>,
}

/// Explain the connection from `src` to `dst`, optionally for one port.
pub fn explain(
    a: &Analysis<'_>,
    src: Peer,
    dst: Peer,
    port: Option<(Protocol, u32)>,
) -> Explanation {
    let ws = &a.cluster.workloads;
    let dst_w = match dst {
        Peer::Workload(i) => Some(&ws[i]),
        Peer::Ext(_) => None,
    };
    let side = |target: Peer, d: Direction, other: Peer| -> SideExplanation {
        match target {
            Peer::Ext(_) => SideExplanation {
                direction: d,
                isolating: None,
                allowing: Vec::new(),
                allowed: ConnSet::all(),
            },
            Peer::Workload(w) => {
                let mut contrib = Vec::new();
                let (allowed, _) = a.side(w, d, other, dst_w, Some(&mut contrib));
                SideExplanation {
                    direction: d,
                    isolating: Some(a.selecting(w, d).to_vec()),
                    allowing: contrib,
                    allowed,
                }
            }
        }
    };
    let egress = side(src, Direction::Egress, dst);
    let ingress = side(dst, Direction::Ingress, src);
    let allowed = if src == dst {
        ConnSet::all()
    } else {
        egress.allowed.intersect(&ingress.allowed)
    };
    let port = port.map(|(p, n)| ((p, n), allowed.contains(p, n)));
    Explanation {
        src: a.name(src),
        dst: a.name(dst),
        egress,
        ingress,
        allowed,
        port,
    }
}

fn rule_line(p: &Policy, d: Direction, r: &Rule) -> String {
    let o = Origin {
        path: p.origin.path.clone(),
        range: r.range.or(p.origin.range),
    };
    format!(
        "NetworkPolicy {} {} rule #{} ({})",
        p.display(),
        d.as_str().to_lowercase(),
        r.index + 1,
        o.display()
    )
}

/// Render an explanation as text.
pub fn render(cluster: &Cluster, e: &Explanation) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} => {}", e.src, e.dst);
    match e.port {
        Some(((p, n), ok)) => {
            let _ = writeln!(
                s,
                "  {} {}: {}",
                p.as_str(),
                n,
                if ok { "ALLOWED" } else { "DENIED" }
            );
        }
        None => {
            let denied = ConnSet::all().subtract(&e.allowed);
            let _ = writeln!(
                s,
                "  allowed: {}",
                if e.allowed.is_empty() {
                    "none".to_string()
                } else {
                    e.allowed.to_string()
                }
            );
            let _ = writeln!(
                s,
                "  denied:  {}",
                if denied.is_empty() {
                    "none".to_string()
                } else {
                    denied.to_string()
                }
            );
        }
    }
    for (side, who) in [(&e.egress, &e.src), (&e.ingress, &e.dst)] {
        let d = side.direction;
        let _ = writeln!(s);
        let _ = writeln!(s, "{} of {}:", d.as_str(), who);
        match &side.isolating {
            None => {
                let _ = writeln!(s, "  external peer: no policy applies (all allowed)");
            }
            Some(v) if v.is_empty() => {
                let _ = writeln!(
                    s,
                    "  not isolated: no NetworkPolicy selects it for {} (all allowed by default)",
                    d.as_str()
                );
            }
            Some(v) => {
                for &pi in v {
                    let p = &cluster.policies[pi];
                    let _ = writeln!(
                        s,
                        "  isolated by NetworkPolicy {} ({})",
                        p.display(),
                        Origin {
                            path: p.origin.path.clone(),
                            range: p.selector_range.or(p.origin.range),
                        }
                        .display()
                    );
                }
                let relevant: Vec<&(RuleRef, ConnSet)> = side
                    .allowing
                    .iter()
                    .filter(|(_, c)| match e.port {
                        Some(((p, n), _)) => c.contains(p, n),
                        None => !c.is_empty(),
                    })
                    .collect();
                if relevant.is_empty() {
                    let what = match e.port {
                        Some(((p, n), _)) => format!("{} {}", p.as_str(), n),
                        None => "any connection".to_string(),
                    };
                    let other = if d == Direction::Egress {
                        &e.dst
                    } else {
                        &e.src
                    };
                    let _ = writeln!(
                        s,
                        "  denied: no {} rule admits {} with {}",
                        d.as_str().to_lowercase(),
                        what,
                        other
                    );
                }
                for (r, c) in relevant {
                    let p = &cluster.policies[r.policy];
                    let _ = writeln!(
                        s,
                        "  allowed by {}: {}",
                        rule_line(p, d, &p.rules(d)[r.rule]),
                        c
                    );
                }
            }
        }
    }
    let _ = writeln!(s);
    let verdict = match e.port {
        Some((_, true)) => "ALLOWED".to_string(),
        Some((_, false)) => "DENIED".to_string(),
        None if e.allowed.is_empty() => "DENIED (no connection allowed)".to_string(),
        None => format!("ALLOWED: {}", e.allowed),
    };
    let _ = writeln!(s, "Result: {verdict}");
    s
}
