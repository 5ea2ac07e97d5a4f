//! SemVer 2.0.0 versions with SemVer precedence (build metadata ignored), as node-semver
//! compares them.
//!
//! Owns: the strict parser (plus node-semver's leading `v`/`=` and surrounding whitespace),
//! the loose parser used by npm ranges in loose mode, and precedence. Not ranges: those live
//! in `range::npm`.

use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// One dot-separated prerelease identifier.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Identifier {
    /// All digits: compared numerically, and below any alphanumeric identifier.
    Numeric(u64),
    /// Anything else: compared by ASCII.
    Alphanumeric(Box<str>),
}

impl Ord for Identifier {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Identifier::Numeric(a), Identifier::Numeric(b)) => a.cmp(b),
            (Identifier::Numeric(_), Identifier::Alphanumeric(_)) => Ordering::Less,
            (Identifier::Alphanumeric(_), Identifier::Numeric(_)) => Ordering::Greater,
            (Identifier::Alphanumeric(a), Identifier::Alphanumeric(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for Identifier {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Identifier::Numeric(n) => write!(f, "{n}"),
            Identifier::Alphanumeric(s) => f.write_str(s),
        }
    }
}

/// A SemVer version. Equality and order are SemVer precedence: build metadata is kept for
/// display but ignored.
#[derive(Debug, Clone)]
pub struct SemVersion {
    /// Major version.
    pub major: u64,
    /// Minor version.
    pub minor: u64,
    /// Patch version.
    pub patch: u64,
    /// Prerelease identifiers (empty for a release).
    pub pre: Vec<Identifier>,
    /// Build metadata identifiers (ignored for precedence).
    pub build: Vec<Box<str>>,
}

fn err(input: &str, reason: &'static str) -> VersionError {
    VersionError::invalid(Scheme::Semver, input, reason)
}

/// node-semver's MAX_SAFE_INTEGER bound on numeric parts.
const MAX_SAFE: u64 = (1 << 53) - 1;

fn number(s: &str, input: &str, strict_zero: bool) -> Result<u64, VersionError> {
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
        return Err(err(input, "major, minor and patch must be numbers"));
    }
    if strict_zero && s.len() > 1 && s.starts_with('0') {
        return Err(err(input, "numbers must not have leading zeros"));
    }
    s.parse::<u64>()
        .ok()
        .filter(|&n| n <= MAX_SAFE)
        .ok_or_else(|| err(input, "number is too large"))
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}

fn prerelease(s: &str, input: &str, strict: bool) -> Result<Vec<Identifier>, VersionError> {
    s.split('.')
        .map(|id| {
            if id.is_empty() || !id.bytes().all(is_ident_char) {
                return Err(err(input, "prerelease identifiers must be [0-9A-Za-z-]+"));
            }
            if id.bytes().all(|c| c.is_ascii_digit()) {
                if strict && id.len() > 1 && id.starts_with('0') {
                    return Err(err(
                        input,
                        "numeric prerelease identifiers must not have leading zeros",
                    ));
                }
                match id.parse::<u64>() {
                    Ok(n) if n <= MAX_SAFE => Ok(Identifier::Numeric(n)),
                    _ => Ok(Identifier::Alphanumeric(id.into())),
                }
            } else {
                Ok(Identifier::Alphanumeric(id.into()))
            }
        })
        .collect()
}

impl SemVersion {
    /// Builds a release version.
    pub fn new(major: u64, minor: u64, patch: u64) -> Self {
        SemVersion {
            major,
            minor,
            patch,
            pre: Vec::new(),
            build: Vec::new(),
        }
    }

    /// Parses strictly (SemVer 2.0.0), accepting node-semver's leading `v` and surrounding
    /// whitespace (`=1.2.3` is not a strict version: node-semver's `valid` refuses it).
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        Self::parse_mode(input, false)
    }

    /// Parses in node-semver's loose mode: also `1.2.3beta`, `=v1.2.3`, leading zeros.
    pub fn parse_loose(input: &str) -> Result<Self, VersionError> {
        Self::parse_mode(input, true)
    }

    fn parse_mode(input: &str, loose: bool) -> Result<Self, VersionError> {
        let mut s = input.trim();
        if loose {
            s = s.trim_start_matches(|c: char| c == '=' || c.is_whitespace());
            s = s.strip_prefix(['v', 'V']).unwrap_or(s);
        } else {
            // node-semver's strict pattern allows a `v` but no `=` (`=1.2.3` is loose only).
            s = s.strip_prefix('v').unwrap_or(s);
        }
        if s.is_empty() {
            return Err(err(input, "version string is empty"));
        }
        let (rest, build) = match s.split_once('+') {
            Some((r, b)) => (r, Some(b)),
            None => (s, None),
        };
        let nums_end = rest
            .bytes()
            .position(|c| !(c.is_ascii_digit() || c == b'.'))
            .unwrap_or(rest.len());
        let (nums, tail) = rest.split_at(nums_end);
        let mut it = nums.split('.');
        let (Some(ma), Some(mi), Some(pa), None) = (it.next(), it.next(), it.next(), it.next())
        else {
            return Err(err(input, "expected MAJOR.MINOR.PATCH"));
        };
        let strict_zero = !loose;
        let (major, minor, patch) = (
            number(ma, input, strict_zero)?,
            number(mi, input, strict_zero)?,
            number(pa, input, strict_zero)?,
        );
        let pre = if tail.is_empty() {
            Vec::new()
        } else if let Some(p) = tail.strip_prefix('-') {
            prerelease(p, input, !loose)?
        } else if loose && tail.as_bytes()[0].is_ascii_alphabetic() {
            prerelease(tail, input, false)?
        } else {
            return Err(err(input, "unexpected text after MAJOR.MINOR.PATCH"));
        };
        let build = match build {
            None => Vec::new(),
            Some(b) => b
                .split('.')
                .map(|id| {
                    if id.is_empty() || !id.bytes().all(is_ident_char) {
                        Err(err(input, "build identifiers must be [0-9A-Za-z-]+"))
                    } else {
                        Ok(id.into())
                    }
                })
                .collect::<Result<_, _>>()?,
        };
        Ok(SemVersion {
            major,
            minor,
            patch,
            pre,
            build,
        })
    }

    /// Whether this is a prerelease.
    pub fn is_prerelease(&self) -> bool {
        !self.pre.is_empty()
    }

    /// Precedence order ignoring prerelease and build: (major, minor, patch).
    pub fn triple(&self) -> (u64, u64, u64) {
        (self.major, self.minor, self.patch)
    }
}

impl FromStr for SemVersion {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SemVersion::parse(s)
    }
}

impl fmt::Display for SemVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        for (i, p) in self.pre.iter().enumerate() {
            f.write_str(if i == 0 { "-" } else { "." })?;
            write!(f, "{p}")?;
        }
        for (i, b) in self.build.iter().enumerate() {
            f.write_str(if i == 0 { "+" } else { "." })?;
            f.write_str(b)?;
        }
        Ok(())
    }
}

impl Ord for SemVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.triple().cmp(&other.triple()).then_with(|| {
            match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => self.pre.cmp(&other.pre),
            }
        })
    }
}

impl PartialOrd for SemVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for SemVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for SemVersion {}

pub(crate) fn compare_str(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(SemVersion::parse(a)?.cmp(&SemVersion::parse(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence() {
        let v = |s: &str| SemVersion::parse(s).unwrap();
        assert!(v("1.0.0-alpha") < v("1.0.0-alpha.1"));
        assert!(v("1.0.0-beta.11") > v("1.0.0-beta.2"));
        assert_eq!(v("1.2.3+a"), v("v1.2.3+b"));
        assert_eq!(v("1.2.3-x.1+b").to_string(), "1.2.3-x.1+b");
        for bad in [
            "", "1", "1.2", "01.2.3", "1.2.3-", "1.2.3-01", "1.2.3+", "1.2.3.4", "a.b.c", "=1.2.3",
            "= 1.2.3", "==1.2.3",
        ] {
            assert!(SemVersion::parse(bad).is_err(), "{bad:?}");
        }
        assert!(SemVersion::parse_loose("1.2.3beta").is_ok());
        assert!(SemVersion::parse_loose("=1.2.3").is_ok());
    }
}
