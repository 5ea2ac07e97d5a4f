//! Sets of connections: per protocol (TCP, UDP, SCTP) a set of port ranges 1-65535, with the
//! netpol-analyzer rendering (`All Connections`, `SCTP 9003,TCP 8080,UDP 1-52,54-65535`).

use std::fmt;

/// A transport protocol a NetworkPolicy can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Protocol {
    Sctp,
    Tcp,
    Udp,
}

impl Protocol {
    /// In rendering order.
    pub const ALL: [Protocol; 3] = [Protocol::Sctp, Protocol::Tcp, Protocol::Udp];

    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Sctp => "SCTP",
            Protocol::Tcp => "TCP",
            Protocol::Udp => "UDP",
        }
    }

    /// Parse `TCP`/`tcp`...
    pub fn parse(s: &str) -> Option<Protocol> {
        match s.to_ascii_uppercase().as_str() {
            "TCP" => Some(Protocol::Tcp),
            "UDP" => Some(Protocol::Udp),
            "SCTP" => Some(Protocol::Sctp),
            _ => None,
        }
    }

    fn idx(self) -> usize {
        match self {
            Protocol::Sctp => 0,
            Protocol::Tcp => 1,
            Protocol::Udp => 2,
        }
    }
}

pub const MIN_PORT: u32 = 1;
pub const MAX_PORT: u32 = 65535;

/// A set of ports as sorted, disjoint, non-adjacent inclusive ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PortSet(Vec<(u32, u32)>);

impl PortSet {
    pub fn full() -> Self {
        PortSet(vec![(MIN_PORT, MAX_PORT)])
    }
    pub fn range(lo: u32, hi: u32) -> Self {
        let lo = lo.max(MIN_PORT);
        let hi = hi.min(MAX_PORT);
        if lo > hi {
            PortSet::default()
        } else {
            PortSet(vec![(lo, hi)])
        }
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn is_full(&self) -> bool {
        self.0 == [(MIN_PORT, MAX_PORT)]
    }
    pub fn ranges(&self) -> &[(u32, u32)] {
        &self.0
    }
    pub fn contains(&self, p: u32) -> bool {
        self.0.iter().any(|&(a, b)| a <= p && p <= b)
    }
    pub fn union(&self, o: &PortSet) -> PortSet {
        let mut all: Vec<(u32, u32)> = self.0.iter().chain(o.0.iter()).copied().collect();
        all.sort_unstable();
        let mut out: Vec<(u32, u32)> = Vec::with_capacity(all.len());
        for (a, b) in all {
            match out.last_mut() {
                Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
                _ => out.push((a, b)),
            }
        }
        PortSet(out)
    }
    pub fn intersect(&self, o: &PortSet) -> PortSet {
        let mut out = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < self.0.len() && j < o.0.len() {
            let (a1, b1) = self.0[i];
            let (a2, b2) = o.0[j];
            let lo = a1.max(a2);
            let hi = b1.min(b2);
            if lo <= hi {
                out.push((lo, hi));
            }
            if b1 < b2 {
                i += 1;
            } else {
                j += 1;
            }
        }
        PortSet(out)
    }
    pub fn subtract(&self, o: &PortSet) -> PortSet {
        let mut out = Vec::new();
        for &(a, b) in &self.0 {
            let mut cur = a;
            for &(c, d) in &o.0 {
                if d < cur || c > b {
                    continue;
                }
                if c > cur {
                    out.push((cur, c - 1));
                }
                cur = d + 1;
                if cur > b {
                    break;
                }
            }
            if cur <= b {
                out.push((cur, b));
            }
        }
        PortSet(out)
    }
}

impl fmt::Display for PortSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|&(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}-{b}")
                }
            })
            .collect();
        f.write_str(&parts.join(","))
    }
}

/// Allowed connections: a port set per protocol.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConnSet {
    ports: [PortSet; 3],
    /// Named ports that could not be resolved (exposure toward unknown pods only), sorted.
    names: Vec<(Protocol, String)>,
}

impl ConnSet {
    pub fn none() -> Self {
        ConnSet::default()
    }
    pub fn all() -> Self {
        ConnSet {
            ports: [PortSet::full(), PortSet::full(), PortSet::full()],
            names: Vec::new(),
        }
    }
    /// One protocol with a port set.
    pub fn single(p: Protocol, ports: PortSet) -> Self {
        let mut c = ConnSet::none();
        c.ports[p.idx()] = ports;
        c
    }
    pub fn ports(&self, p: Protocol) -> &PortSet {
        &self.ports[p.idx()]
    }
    /// One protocol with an unresolved port name.
    pub fn named(p: Protocol, name: &str) -> Self {
        ConnSet {
            ports: Default::default(),
            names: vec![(p, name.to_string())],
        }
    }
    pub fn is_empty(&self) -> bool {
        self.ports.iter().all(PortSet::is_empty) && self.names.is_empty()
    }
    pub fn is_all(&self) -> bool {
        self.ports.iter().all(PortSet::is_full)
    }
    pub fn union_with(&mut self, o: &ConnSet) {
        for i in 0..3 {
            if !o.ports[i].is_empty() {
                self.ports[i] = self.ports[i].union(&o.ports[i]);
            }
        }
        if !o.names.is_empty() {
            self.names.extend(o.names.iter().cloned());
            self.names.sort();
            self.names.dedup();
        }
    }
    pub fn union(&self, o: &ConnSet) -> ConnSet {
        let mut c = self.clone();
        c.union_with(o);
        c
    }
    pub fn intersect(&self, o: &ConnSet) -> ConnSet {
        ConnSet {
            ports: std::array::from_fn(|i| self.ports[i].intersect(&o.ports[i])),
            names: self
                .names
                .iter()
                .filter(|n| o.names.contains(n))
                .cloned()
                .collect(),
        }
    }
    pub fn subtract(&self, o: &ConnSet) -> ConnSet {
        ConnSet {
            ports: std::array::from_fn(|i| self.ports[i].subtract(&o.ports[i])),
            names: self
                .names
                .iter()
                .filter(|n| !o.names.contains(n))
                .cloned()
                .collect(),
        }
    }
    /// Whether `self` is a subset of `o`.
    pub fn is_subset(&self, o: &ConnSet) -> bool {
        self.subtract(o).is_empty()
    }
    pub fn contains(&self, p: Protocol, port: u32) -> bool {
        self.ports[p.idx()].contains(port)
    }
}

impl fmt::Display for ConnSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_all() && self.names.is_empty() {
            return f.write_str("All Connections");
        }
        if self.is_empty() {
            return f.write_str("No Connections");
        }
        let mut first = true;
        for p in Protocol::ALL {
            let ps = self.ports(p);
            let mut parts: Vec<String> = Vec::new();
            if !ps.is_empty() {
                parts.push(ps.to_string());
            }
            parts.extend(
                self.names
                    .iter()
                    .filter(|(q, _)| *q == p)
                    .map(|(_, n)| n.clone()),
            );
            if parts.is_empty() {
                continue;
            }
            if !first {
                f.write_str(",")?;
            }
            first = false;
            write!(f, "{} {}", p.as_str(), parts.join(","))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render() {
        let mut c = ConnSet::single(
            Protocol::Udp,
            PortSet::full().subtract(&PortSet::range(53, 53)),
        );
        c.union_with(&ConnSet::single(Protocol::Tcp, PortSet::range(80, 80)));
        assert_eq!(c.to_string(), "TCP 80,UDP 1-52,54-65535");
        assert_eq!(ConnSet::all().to_string(), "All Connections");
        assert_eq!(
            PortSet::range(1, 10)
                .union(&PortSet::range(11, 20))
                .to_string(),
            "1-20"
        );
    }
}
