//! RubyGems versions, parsed and ordered as `Gem::Version`.
//!
//! Owns: the `Gem::Version` grammar (`1.2.3`, `1.2.3.pre1`, `1.2.3-rc1` meaning
//! `1.2.3.pre.rc1`), segments (digit runs are numbers, letter runs are strings; any string
//! makes a prerelease), and `<=>` on canonical segments (trailing zeros dropped from the
//! numeric and the string part).

use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// One segment of a gem version.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GemSegment {
    /// A digit run.
    Number(u64),
    /// A letter run (prerelease marker).
    Text(Box<str>),
}

/// A RubyGems version.
#[derive(Debug, Clone)]
pub struct GemVersion {
    text: Box<str>,
    canonical: Vec<GemSegment>,
    prerelease: bool,
}

fn err(input: &str, reason: &'static str) -> VersionError {
    VersionError::invalid(Scheme::Gem, input, reason)
}

fn is_valid(s: &str) -> bool {
    // [0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?
    let (main, pre) = match s.find('-') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut parts = main.split('.');
    let first_ok = parts
        .next()
        .is_some_and(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
    let rest_ok = parts.all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_alphanumeric()));
    let pre_ok = pre.is_none_or(|p| {
        p.split('.')
            .all(|q| !q.is_empty() && q.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'))
    });
    first_ok && rest_ok && pre_ok
}

impl GemVersion {
    /// Parses like `Gem::Version.new` (an empty or blank string is version `0`).
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        let s = input.trim();
        let s = if s.is_empty() { "0" } else { s };
        if !is_valid(s) {
            return Err(err(input, "malformed version number string"));
        }
        let normal = s.replace('-', ".pre.");
        let mut segs = Vec::new();
        let b = normal.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let start = i;
            if b[i].is_ascii_digit() {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                let n = normal[start..i]
                    .parse::<u64>()
                    .map_err(|_| err(input, "number is too large"))?;
                segs.push(GemSegment::Number(n));
            } else if b[i].is_ascii_alphabetic() {
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                segs.push(GemSegment::Text(normal[start..i].into()));
            } else {
                i += 1;
            }
        }
        let prerelease = s.bytes().any(|c| c.is_ascii_alphabetic());
        let split = segs
            .iter()
            .position(|x| matches!(x, GemSegment::Text(_)))
            .unwrap_or(segs.len());
        let trim = |v: &[GemSegment]| -> Vec<GemSegment> {
            let n = v
                .iter()
                .rposition(|x| *x != GemSegment::Number(0))
                .map_or(0, |i| i + 1);
            v[..n].to_vec()
        };
        let mut canonical = trim(&segs[..split]);
        canonical.extend(trim(&segs[split..]));
        Ok(GemVersion {
            text: s.into(),
            canonical,
            prerelease,
        })
    }

    /// Whether the version contains a letter.
    pub fn is_prerelease(&self) -> bool {
        self.prerelease
    }

    /// The canonical segments compared by `<=>`.
    pub fn canonical_segments(&self) -> &[GemSegment] {
        &self.canonical
    }
}

impl FromStr for GemVersion {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        GemVersion::parse(s)
    }
}

impl fmt::Display for GemVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Ord for GemVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        let zero = GemSegment::Number(0);
        let n = self.canonical.len().max(other.canonical.len());
        for i in 0..n {
            let a = self.canonical.get(i).unwrap_or(&zero);
            let b = other.canonical.get(i).unwrap_or(&zero);
            let o = match (a, b) {
                (GemSegment::Number(x), GemSegment::Number(y)) => x.cmp(y),
                (GemSegment::Text(_), GemSegment::Number(_)) => Ordering::Less,
                (GemSegment::Number(_), GemSegment::Text(_)) => Ordering::Greater,
                (GemSegment::Text(x), GemSegment::Text(y)) => x.cmp(y),
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    }
}

impl PartialOrd for GemVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for GemVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for GemVersion {}

pub(crate) fn compare_str(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(GemVersion::parse(a)?.cmp(&GemVersion::parse(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gem_order() {
        let v = |s: &str| GemVersion::parse(s).unwrap();
        assert!(v("1.0.a") < v("1.0"));
        assert!(v("1.0.0.pre1") < v("1.0.0"));
        assert_eq!(v("1.0"), v("1"));
        assert_eq!(v("1.0-rc1"), v("1.0.pre.rc1"));
        assert!(v("1.0.b1") > v("1.0.a2"));
        assert!(v("1.9.3") < v("1.10"));
        assert!(v("2.0.0.rc2") < v("2.0.0"));
        for bad in ["a", "1..2", "1.2.", "1 2", "-1"] {
            assert!(GemVersion::parse(bad).is_err(), "{bad:?}");
        }
    }
}
