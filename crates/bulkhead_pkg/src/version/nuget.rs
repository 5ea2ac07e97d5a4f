//! NuGet package versions, ordered as `NuGet.Versioning.NuGetVersion`.
//!
//! Owns: `Major[.Minor[.Patch[.Revision]]][-label(.label)*][+metadata]` (missing parts are
//! zero), release labels compared part by part (numbers numerically and below text, text
//! case-insensitively), metadata ignored.

use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A NuGet version.
#[derive(Debug, Clone)]
pub struct NugetVersion {
    text: Box<str>,
    numbers: [u32; 4],
    release: Vec<Box<str>>,
}

fn err(input: &str, reason: &'static str) -> VersionError {
    VersionError::invalid(Scheme::Nuget, input, reason)
}

impl NugetVersion {
    /// Parses like `NuGetVersion.Parse`.
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(err(input, "version string is empty"));
        }
        let (rest, meta) = match s.split_once('+') {
            Some((r, m)) => (r, Some(m)),
            None => (s, None),
        };
        let (nums, label) = match rest.split_once('-') {
            Some((n, l)) => (n, Some(l)),
            None => (rest, None),
        };
        let parts: Vec<&str> = nums.split('.').collect();
        if parts.len() > 4 {
            return Err(err(input, "at most four numeric parts"));
        }
        let mut numbers = [0u32; 4];
        for (i, p) in parts.iter().enumerate() {
            if p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit()) {
                return Err(err(input, "numeric parts must be digits"));
            }
            numbers[i] =
                p.parse::<i32>()
                    .map_err(|_| err(input, "numeric part is too large"))? as u32;
        }
        let ident =
            |x: &str| !x.is_empty() && x.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-');
        let release: Vec<Box<str>> = match label {
            None => Vec::new(),
            Some(l) => {
                let v: Vec<&str> = l.split('.').collect();
                if !v.iter().all(|x| ident(x)) {
                    return Err(err(input, "release labels must be [0-9A-Za-z-]+"));
                }
                v.into_iter().map(Into::into).collect()
            }
        };
        if let Some(m) = meta
            && !m.split('.').all(ident)
        {
            return Err(err(input, "metadata must be [0-9A-Za-z-]+ parts"));
        }
        Ok(NugetVersion {
            text: s.into(),
            numbers,
            release,
        })
    }

    /// Whether the version has a release label.
    pub fn is_prerelease(&self) -> bool {
        !self.release.is_empty()
    }
}

fn label_cmp(a: &str, b: &str) -> Ordering {
    let num = |s: &str| {
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse::<u64>().ok()
        } else {
            None
        }
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a
            .bytes()
            .map(|c| c.to_ascii_uppercase())
            .cmp(b.bytes().map(|c| c.to_ascii_uppercase())),
    }
}

impl FromStr for NugetVersion {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NugetVersion::parse(s)
    }
}

impl fmt::Display for NugetVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Ord for NugetVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.numbers.cmp(&other.numbers).then_with(|| {
            match (self.release.is_empty(), other.release.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => {
                    for (a, b) in self.release.iter().zip(&other.release) {
                        let o = label_cmp(a, b);
                        if o != Ordering::Equal {
                            return o;
                        }
                    }
                    self.release.len().cmp(&other.release.len())
                }
            }
        })
    }
}

impl PartialOrd for NugetVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for NugetVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for NugetVersion {}

pub(crate) fn compare_str(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(NugetVersion::parse(a)?.cmp(&NugetVersion::parse(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nuget_order() {
        let v = |s: &str| NugetVersion::parse(s).unwrap();
        assert_eq!(v("1.0"), v("1.0.0.0"));
        assert!(v("1.0.0-beta") < v("1.0.0"));
        assert_eq!(v("1.0.0-Beta"), v("1.0.0-beta+abc"));
        assert!(v("1.0.0-beta.2") < v("1.0.0-beta.10"));
        assert!(v("1.0.0-1") < v("1.0.0-a"));
        for bad in ["", "a", "1.2.3.4.5", "1.-2", "1.0-", "1.0+"] {
            assert!(NugetVersion::parse(bad).is_err(), "{bad:?}");
        }
    }
}
