//! Debian package versions (`[epoch:]upstream[-revision]`) ordered as `dpkg --compare-versions`.
//!
//! Owns: parsing with dpkg's syntax checks, and the `verrevcmp` ordering (`~` sorts before
//! everything, even the end of the string; letters before other characters; digit runs
//! compared as numbers). The comparison works on borrowed text and never allocates, because
//! the advisory matcher runs it millions of times.

use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A parsed Debian version. Equality is dpkg equality (`1.0` equals `0:1.0-0` and `1.00`).
#[derive(Debug, Clone)]
pub struct DpkgVersion {
    text: Box<str>,
    epoch: u32,
    upstream: (usize, usize),
    revision: (usize, usize),
}

/// The borrowed parts of a Debian version.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts<'a> {
    epoch: u32,
    upstream: &'a [u8],
    revision: &'a [u8],
}

fn err(input: &str, reason: &'static str) -> VersionError {
    VersionError::invalid(Scheme::Dpkg, input, reason)
}

/// Character classes: allowed in the upstream version (alphanumerics and `.+~-:`), allowed in
/// the revision (alphanumerics and `.+~`).
const UPSTREAM: u8 = 1;
const REVISION: u8 = 2;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c.is_ascii_alphanumeric() || c == b'.' || c == b'+' || c == b'~' {
            UPSTREAM | REVISION
        } else if c == b'-' || c == b':' {
            UPSTREAM
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Splits and checks a version the way dpkg's `parseversion` does, treating its warnings
/// (bad characters, no leading digit) as errors. One pass over the bytes for well-formed
/// versions; anything unusual goes to [`parts_slow`] for the precise error.
#[inline]
pub(crate) fn parts(input: &str) -> Result<Parts<'_>, VersionError> {
    let b = input.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return parts_slow(input);
    };
    if first.is_ascii_whitespace() || last.is_ascii_whitespace() {
        return parts_slow(input);
    }
    let mut all = UPSTREAM;
    let mut first_colon = usize::MAX;
    let mut last_colon = 0;
    let mut last_hyphen = 0;
    let mut has_hyphen = false;
    for (i, &c) in b.iter().enumerate() {
        all &= CLASS[c as usize];
        if c == b':' {
            if first_colon == usize::MAX {
                first_colon = i;
            }
            last_colon = i;
        } else if c == b'-' {
            last_hyphen = i;
            has_hyphen = true;
        }
    }
    if all == 0 {
        return parts_slow(input);
    }
    let (epoch, start) = if first_colon == usize::MAX {
        (0, 0)
    } else {
        let e = &b[..first_colon];
        if e.is_empty() || e.len() > 9 || !e.iter().all(u8::is_ascii_digit) {
            return parts_slow(input);
        }
        let v = e.iter().fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'));
        (v, first_colon + 1)
    };
    let (upstream, revision): (&[u8], &[u8]) = if has_hyphen && last_hyphen >= start {
        if last_hyphen + 1 == b.len() || (first_colon != usize::MAX && last_colon > last_hyphen) {
            return parts_slow(input);
        }
        (&b[start..last_hyphen], &b[last_hyphen + 1..])
    } else {
        (&b[start..], b"")
    };
    if upstream.first().is_none_or(|c| !c.is_ascii_digit()) {
        return parts_slow(input);
    }
    Ok(Parts {
        epoch,
        upstream,
        revision,
    })
}

/// The careful path: every check in dpkg's order, each with dpkg's message.
#[cold]
fn parts_slow(input: &str) -> Result<Parts<'_>, VersionError> {
    let s = input.trim_matches(|c: char| c.is_ascii_whitespace());
    if s.is_empty() {
        return Err(err(input, "version string is empty"));
    }
    let b = s.as_bytes();
    if b.iter().any(|c| c.is_ascii_whitespace()) {
        return Err(err(input, "version string has embedded spaces"));
    }
    let (epoch, rest) = match b.iter().position(|&c| c == b':') {
        Some(i) => {
            let e = &b[..i];
            if e.is_empty() {
                return Err(err(input, "epoch in version is empty"));
            }
            if !e.iter().all(u8::is_ascii_digit) {
                return Err(err(input, "epoch in version is not number"));
            }
            let mut v: u32 = 0;
            for &d in e {
                v = v
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(u32::from(d - b'0')))
                    .filter(|&v| v <= i32::MAX as u32)
                    .ok_or_else(|| err(input, "epoch in version is too big"))?;
            }
            (v, &b[i + 1..])
        }
        None => (0, b),
    };
    let (upstream, revision): (&[u8], &[u8]) = match rest.iter().rposition(|&c| c == b'-') {
        Some(i) => {
            if i + 1 == rest.len() {
                return Err(err(input, "revision number is empty"));
            }
            (&rest[..i], &rest[i + 1..])
        }
        None => (rest, b""),
    };
    if upstream.is_empty() {
        return Err(err(input, "version number is empty"));
    }
    if !upstream[0].is_ascii_digit() {
        return Err(err(input, "version number does not start with digit"));
    }
    if !upstream
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'+' | b'~' | b':'))
    {
        return Err(err(input, "invalid character in version number"));
    }
    if !revision
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'~'))
    {
        return Err(err(input, "invalid character in revision number"));
    }
    Ok(Parts {
        epoch,
        upstream,
        revision,
    })
}

/// The weight of one non-digit character: `~` below the end of the string, letters by
/// ASCII, everything else after the letters.
#[inline]
fn order(c: Option<&u8>) -> i32 {
    match c {
        None => 0,
        Some(&c) if c.is_ascii_digit() => 0,
        Some(&c) if c.is_ascii_alphabetic() => i32::from(c),
        Some(b'~') => -1,
        Some(&c) => i32::from(c) + 256,
    }
}

/// dpkg's `verrevcmp` on one part (upstream or revision).
pub(crate) fn verrevcmp(a: &[u8], b: &[u8]) -> Ordering {
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        while (i < a.len() && !a[i].is_ascii_digit()) || (j < b.len() && !b[j].is_ascii_digit()) {
            let (ac, bc) = (order(a.get(i)), order(b.get(j)));
            if ac != bc {
                return ac.cmp(&bc);
            }
            i += 1;
            j += 1;
        }
        while i < a.len() && a[i] == b'0' {
            i += 1;
        }
        while j < b.len() && b[j] == b'0' {
            j += 1;
        }
        let mut first_diff = Ordering::Equal;
        while i < a.len() && a[i].is_ascii_digit() && j < b.len() && b[j].is_ascii_digit() {
            if first_diff == Ordering::Equal {
                first_diff = a[i].cmp(&b[j]);
            }
            i += 1;
            j += 1;
        }
        if i < a.len() && a[i].is_ascii_digit() {
            return Ordering::Greater;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            return Ordering::Less;
        }
        if first_diff != Ordering::Equal {
            return first_diff;
        }
    }
    Ordering::Equal
}

pub(crate) fn cmp_parts(a: &Parts<'_>, b: &Parts<'_>) -> Ordering {
    a.epoch
        .cmp(&b.epoch)
        .then_with(|| verrevcmp(a.upstream, b.upstream))
        .then_with(|| verrevcmp(a.revision, b.revision))
}

/// Compares two Debian versions without allocating.
pub(crate) fn compare_str(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(cmp_parts(&parts(a)?, &parts(b)?))
}

impl DpkgVersion {
    /// The epoch (0 when absent).
    pub fn epoch(&self) -> u32 {
        self.epoch
    }

    /// The upstream version.
    pub fn upstream(&self) -> &str {
        &self.text[self.upstream.0..self.upstream.1]
    }

    /// The Debian revision (empty when absent).
    pub fn revision(&self) -> &str {
        &self.text[self.revision.0..self.revision.1]
    }

    fn parts(&self) -> Parts<'_> {
        Parts {
            epoch: self.epoch,
            upstream: self.upstream().as_bytes(),
            revision: self.revision().as_bytes(),
        }
    }
}

impl FromStr for DpkgVersion {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text: Box<str> = s.trim_matches(|c: char| c.is_ascii_whitespace()).into();
        let p = parts(&text)?;
        let base = text.as_ptr() as usize;
        let span = |x: &[u8]| {
            let start = x.as_ptr() as usize - base;
            (start, start + x.len())
        };
        let (epoch, upstream) = (p.epoch, span(p.upstream));
        let revision = if p.revision.is_empty() {
            (text.len(), text.len())
        } else {
            span(p.revision)
        };
        Ok(DpkgVersion {
            text,
            epoch,
            upstream,
            revision,
        })
    }
}

impl fmt::Display for DpkgVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Ord for DpkgVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_parts(&self.parts(), &other.parts())
    }
}

impl PartialOrd for DpkgVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for DpkgVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for DpkgVersion {}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(a: &str, b: &str) -> Ordering {
        compare_str(a, b).unwrap()
    }

    #[test]
    fn tilde_sorts_before_end() {
        assert_eq!(c("1.0~rc1-1", "1.0-1"), Ordering::Less);
        assert_eq!(c("1:0", "2"), Ordering::Greater);
        assert_eq!(c("1.0", "0:1.0-0"), Ordering::Equal);
        let v: DpkgVersion = "2:1.2~b3-0ubuntu1".parse().unwrap();
        assert_eq!(
            (v.epoch(), v.upstream(), v.revision()),
            (2, "1.2~b3", "0ubuntu1")
        );
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "", " ", "a1", "1 2", ":1", "x:1", "1-", "1.0_2", "1-a_b", "-1",
        ] {
            assert!(bad.parse::<DpkgVersion>().is_err(), "{bad:?}");
        }
    }
}

#[cfg(test)]
mod fast_path {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn fast_and_careful_paths_agree(s in r"[ 0-9a-zA-Z.:+~_-]{0,12}") {
            let fast = parts(&s).map(|p| (p.epoch, p.upstream.to_vec(), p.revision.to_vec()));
            let slow = parts_slow(&s).map(|p| (p.epoch, p.upstream.to_vec(), p.revision.to_vec()));
            prop_assert_eq!(fast, slow);
        }
    }
}
