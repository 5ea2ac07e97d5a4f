//! Allocation-free matchers used by compiled conditions: a string set with a fast hash
//! (`in`), a path-component prefix tree (`pmatch`), fnmatch-style globs (`glob`, `iglob`),
//! ASCII case-insensitive search (`icontains`) and IP networks.
//!
//! Owns: matching only; the compiler builds these from list values.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::net::IpAddr;

/// FNV-1a, 64 bit: short keys (process names, paths) hash in a few nanoseconds, and the keys
/// come from the rules file, not from an attacker choosing collisions against a secret seed
/// (the set is built once; lookups of attacker strings only cost one hash and a probe).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of strings with the FNV hasher.
pub type StrSet = HashSet<Box<str>, BuildHasherDefault<Fnv>>;

/// A prefix tree over `/`-separated path components: `matches(p)` is true when `p` equals a
/// stored path or lies below one (Falco's `pmatch`).
#[derive(Debug, Default, Clone)]
pub struct PathTrie {
    root: TrieNode,
}

#[derive(Debug, Default, Clone)]
struct TrieNode {
    terminal: bool,
    children: HashMap<Box<str>, TrieNode, BuildHasherDefault<Fnv>>,
}

impl PathTrie {
    /// Add a path (`/usr/bin`, `/etc/`).
    pub fn insert(&mut self, path: &str) {
        let mut n = &mut self.root;
        for comp in path.split('/').filter(|c| !c.is_empty()) {
            n = n.children.entry(comp.into()).or_default();
        }
        n.terminal = true;
    }

    /// Whether `path` is one of the stored paths or below one.
    pub fn matches(&self, path: &str) -> bool {
        let mut n = &self.root;
        if n.terminal {
            return true;
        }
        for comp in path.split('/').filter(|c| !c.is_empty()) {
            match n.children.get(comp) {
                Some(c) => {
                    if c.terminal {
                        return true;
                    }
                    n = c;
                }
                None => return false,
            }
        }
        false
    }
}

/// fnmatch(3) without flags: `*` matches any run (including `/`), `?` one character,
/// `[...]` a class (`!` or `^` negates, ranges with `-`), `\` escapes.
pub fn glob_match(pattern: &str, text: &str, case_insensitive: bool) -> bool {
    let p = pattern.as_bytes();
    let t = text.as_bytes();
    let (mut pi, mut ti) = (0usize, 0usize);
    let (mut star_p, mut star_t) = (usize::MAX, 0usize);
    let eq = |a: u8, b: u8| {
        if case_insensitive {
            a.eq_ignore_ascii_case(&b)
        } else {
            a == b
        }
    };
    while ti < t.len() {
        if pi < p.len() {
            match p[pi] {
                b'*' => {
                    star_p = pi;
                    star_t = ti;
                    pi += 1;
                    continue;
                }
                b'?' => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                b'[' => {
                    if let Some((matched, next)) = class(p, pi, t[ti], case_insensitive) {
                        if matched {
                            pi = next;
                            ti += 1;
                            continue;
                        }
                    } else if eq(b'[', t[ti]) {
                        pi += 1;
                        ti += 1;
                        continue;
                    }
                }
                b'\\' if pi + 1 < p.len() => {
                    if eq(p[pi + 1], t[ti]) {
                        pi += 2;
                        ti += 1;
                        continue;
                    }
                }
                c => {
                    if eq(c, t[ti]) {
                        pi += 1;
                        ti += 1;
                        continue;
                    }
                }
            }
        }
        if star_p != usize::MAX {
            pi = star_p + 1;
            star_t += 1;
            ti = star_t;
            continue;
        }
        return false;
    }
    while pi < p.len() && p[pi] == b'*' {
        pi += 1;
    }
    pi == p.len()
}

/// Match one byte against the class starting at `p[i] == '['`; returns (matched, index after
/// the class), or None when the class is not closed (then `[` is literal).
fn class(p: &[u8], i: usize, c: u8, ci: bool) -> Option<(bool, usize)> {
    let mut j = i + 1;
    let negate = j < p.len() && (p[j] == b'!' || p[j] == b'^');
    if negate {
        j += 1;
    }
    let mut matched = false;
    let mut first = true;
    while j < p.len() {
        let mut lo = p[j];
        if lo == b']' && !first {
            return Some((matched != negate, j + 1));
        }
        first = false;
        if lo == b'\\' && j + 1 < p.len() {
            j += 1;
            lo = p[j];
        }
        let mut hi = lo;
        if j + 2 < p.len() && p[j + 1] == b'-' && p[j + 2] != b']' {
            hi = p[j + 2];
            j += 2;
        }
        let in_range = |x: u8| lo <= x && x <= hi;
        if in_range(c)
            || (ci && (in_range(c.to_ascii_lowercase()) || in_range(c.to_ascii_uppercase())))
        {
            matched = true;
        }
        j += 1;
    }
    None
}

/// ASCII case-insensitive substring search; `needle` must already be lower case.
pub fn icontains(hay: &str, needle_lower: &str) -> bool {
    let h = hay.as_bytes();
    let n = needle_lower.as_bytes();
    if n.is_empty() {
        return true;
    }
    if n.len() > h.len() {
        return false;
    }
    let first = n[0];
    for i in 0..=h.len() - n.len() {
        if h[i].to_ascii_lowercase() == first
            && h[i + 1..i + n.len()]
                .iter()
                .zip(&n[1..])
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
        {
            return true;
        }
    }
    false
}

/// An IP network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    /// Network address.
    pub addr: IpAddr,
    /// Prefix length.
    pub len: u8,
}

impl Cidr {
    /// Parse `10.0.0.0/8`, `fe80::/10` or a bare address (a host network).
    pub fn parse(s: &str) -> Option<Cidr> {
        let (a, l) = match s.split_once('/') {
            Some((a, l)) => (a, Some(l)),
            None => (s, None),
        };
        let addr: IpAddr = a.trim().parse().ok()?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let len = match l {
            Some(l) => l.trim().parse::<u8>().ok().filter(|&l| l <= max)?,
            None => max,
        };
        Some(Cidr { addr, len })
    }

    /// Whether `ip` lies in this network.
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = if self.len == 0 {
                    0
                } else {
                    u32::MAX << (32 - u32::from(self.len))
                };
                u32::from(n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = if self.len == 0 {
                    0
                } else {
                    u128::MAX << (128 - u32::from(self.len))
                };
                u128::from(n) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("/home/*/.ssh/*", "/home/a/.ssh/id_rsa", false));
        assert!(glob_match("*../*../*", "/var/www/../../etc/passwd", false));
        assert!(!glob_match("*../*../*", "/var/www/../etc/passwd", false));
        assert!(glob_match("a?c", "abc", false));
        assert!(glob_match("[a-c]x", "bx", false));
        assert!(!glob_match("[!a-c]x", "bx", false));
        assert!(glob_match("A*", "abc", true));
        assert!(!glob_match("A*", "abc", false));
        assert!(glob_match("*", "", false));
        assert!(glob_match("[x", "[x", false));
    }

    #[test]
    fn pmatch_trie() {
        let mut t = PathTrie::default();
        t.insert("/etc/");
        t.insert("/usr/local/bin");
        assert!(t.matches("/etc/shadow"));
        assert!(t.matches("/etc"));
        assert!(t.matches("/usr/local/bin/x"));
        assert!(!t.matches("/usr/local"));
        assert!(!t.matches("/etcx/a"));
    }

    #[test]
    fn networks() {
        let n = Cidr::parse("10.0.0.0/8").unwrap();
        assert!(n.contains("10.2.3.4".parse().unwrap()));
        assert!(!n.contains("11.0.0.1".parse().unwrap()));
        assert!(
            Cidr::parse("0.0.0.0/0")
                .unwrap()
                .contains("1.1.1.1".parse().unwrap())
        );
        assert!(
            Cidr::parse("fe80::/10")
                .unwrap()
                .contains("fe80::1".parse().unwrap())
        );
        assert!(Cidr::parse("1.2.3.4/33").is_none());
    }

    #[test]
    fn case_insensitive_search() {
        assert!(icontains("xx AWS_ACCESS_KEY_ID yy", "aws_access_key_id"));
        assert!(!icontains("aws", "aws_x"));
    }
}
