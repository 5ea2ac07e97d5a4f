//! Names for `fd.sip.name` as Falco gives them: Falco does not look up the addresses a process
//! connects to; it resolves the host names written in the rules (`fd.sip.name =
//! kubernetes.default.svc.cluster.local`) and a connection's server address has those names
//! when it is one of their addresses.
//!
//! Owns: the names to resolve (collected from the compiled rules), the address -> names table,
//! and its refresh. Resolution (`getaddrinfo`, through std's `ToSocketAddrs`) happens only in
//! [`Resolver::refresh`], which a background thread calls ([`Resolver::spawn`]); evaluation
//! reads the table with a `try_read`, so it never waits on the network or on the refresh (a
//! comparison made during the instant the table is swapped sees no resolved name).

use std::collections::HashMap;
use std::net::{IpAddr, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// The rules' host names and the addresses they resolved to at the last refresh.
#[derive(Debug, Default)]
pub struct Resolver {
    names: Vec<String>,
    by_ip: RwLock<HashMap<IpAddr, Vec<Arc<str>>>>,
}

impl Resolver {
    /// A resolver for `names` (nothing resolved yet). Duplicates are dropped.
    pub fn new(mut names: Vec<String>) -> Resolver {
        names.sort();
        names.dedup();
        Resolver {
            names,
            by_ip: RwLock::new(HashMap::new()),
        }
    }

    /// The names the rules compare `fd.sip.name` with.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Whether `f` holds for one of the names `ip` resolved from. Never blocks: while the
    /// table is being replaced, no name.
    pub fn any_name(&self, ip: IpAddr, mut f: impl FnMut(&str) -> bool) -> bool {
        let Ok(t) = self.by_ip.try_read() else {
            return false;
        };
        t.get(&ip).is_some_and(|ns| ns.iter().any(|n| f(n)))
    }

    /// Replace the table with `resolved` (name -> its addresses).
    pub fn set(&self, resolved: &[(String, Vec<IpAddr>)]) {
        let mut t: HashMap<IpAddr, Vec<Arc<str>>> = HashMap::new();
        for (name, ips) in resolved {
            let n: Arc<str> = name.as_str().into();
            for ip in ips {
                let v = t.entry(*ip).or_default();
                if !v.contains(&n) {
                    v.push(n.clone());
                }
            }
        }
        if let Ok(mut w) = self.by_ip.write() {
            *w = t;
        }
    }

    /// Resolve every name now (blocking: `getaddrinfo`, hosts files then DNS as the system is
    /// configured) and replace the table; a name that does not resolve has no address. Returns
    /// how many names resolved.
    pub fn refresh(&self) -> usize {
        let resolved: Vec<(String, Vec<IpAddr>)> = self
            .names
            .iter()
            .map(|n| {
                let ips = (n.as_str(), 0u16)
                    .to_socket_addrs()
                    .map(|it| it.map(|a| a.ip()).collect())
                    .unwrap_or_default();
                (n.clone(), ips)
            })
            .collect();
        let ok = resolved.iter().filter(|(_, ips)| !ips.is_empty()).count();
        self.set(&resolved);
        ok
    }

    /// A thread refreshing the table at once and then every `every`, until `stop` is set
    /// (checked every 100 ms; a lookup in progress finishes first). Nothing to do without names.
    pub fn spawn(self: Arc<Self>, every: Duration, stop: Arc<AtomicBool>) {
        if self.names.is_empty() {
            return;
        }
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                self.refresh();
                let mut waited = Duration::ZERO;
                while waited < every && !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(100));
                    waited += Duration::from_millis(100);
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_map_to_the_names_they_resolved_from() {
        let r = Resolver::new(vec![
            "b.example".into(),
            "a.example".into(),
            "a.example".into(),
        ]);
        assert_eq!(r.names(), ["a.example", "b.example"]);
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        r.set(&[
            ("a.example".into(), vec![ip("10.0.0.1"), ip("::1")]),
            ("b.example".into(), vec![ip("10.0.0.1")]),
        ]);
        let mut seen = Vec::new();
        assert!(!r.any_name(ip("10.0.0.1"), |n| {
            seen.push(n.to_string());
            false
        }));
        assert_eq!(seen, ["a.example", "b.example"]);
        assert!(r.any_name(ip("::1"), |n| n == "a.example"));
        assert!(!r.any_name(ip("10.0.0.2"), |_| true));
        // localhost resolves from the hosts file; a name under .invalid never does.
        let r = Resolver::new(vec!["localhost".into(), "nothing.invalid".into()]);
        assert_eq!(r.refresh(), 1);
        assert!(r.any_name(ip("127.0.0.1"), |n| n == "localhost"));
    }
}
