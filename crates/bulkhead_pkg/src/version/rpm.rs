//! RPM versions (`[epoch:]version[-release]`) ordered as rpm's `rpmvercmp` and `rpmverCmp`.
//!
//! Owns: EVR splitting as rpm's `parseEVR` does it, and `rpmvercmp` with `~` (sorts before
//! everything, even the end) and `^` (sorts after the end but before any further segment).
//! Like rpm, the release is compared only when both sides carry one. The comparison works on
//! borrowed text and never allocates.

use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A parsed RPM EVR.
///
/// `Ord` is total: a missing release sorts before any release. [`crate::compare`] with
/// [`Scheme::Rpm`] follows rpm instead and ignores the release when either side lacks one
/// (`1.0` matches `1.0-3`), which is what dependency and advisory matching want.
#[derive(Debug, Clone)]
pub struct RpmVersion {
    text: Box<str>,
    epoch: u64,
    version: (usize, usize),
    release: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts<'a> {
    epoch: u64,
    version: &'a [u8],
    release: Option<&'a [u8]>,
}

fn err(input: &str, reason: &'static str) -> VersionError {
    VersionError::invalid(Scheme::Rpm, input, reason)
}

pub(crate) fn parts(input: &str) -> Result<Parts<'_>, VersionError> {
    let b = input.as_bytes();
    if b.is_empty() {
        return Err(err(input, "version string is empty"));
    }
    // One pass: reject whitespace and control characters, find the last '-'.
    let mut last_hyphen = usize::MAX;
    for (i, &c) in b.iter().enumerate() {
        if c <= b' ' || c == 0x7f {
            return Err(err(
                input,
                "version string has whitespace or control characters",
            ));
        }
        if c == b'-' {
            last_hyphen = i;
        }
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let (epoch, start) = if b.get(digits) == Some(&b':') {
        let mut e: u64 = 0;
        for &d in &b[..digits] {
            e = e
                .checked_mul(10)
                .and_then(|e| e.checked_add(u64::from(d - b'0')))
                .ok_or_else(|| err(input, "epoch is too big"))?;
        }
        (e, digits + 1)
    } else {
        (0, 0)
    };
    let (version, release) = if last_hyphen != usize::MAX && last_hyphen >= start {
        (&b[start..last_hyphen], Some(&b[last_hyphen + 1..]))
    } else {
        (&b[start..], None)
    };
    if version.is_empty() {
        return Err(err(input, "version is empty"));
    }
    if release.is_some_and(<[u8]>::is_empty) {
        return Err(err(input, "release is empty"));
    }
    Ok(Parts {
        epoch,
        version,
        release,
    })
}

#[inline]
fn is_sep(c: u8) -> bool {
    !c.is_ascii_alphanumeric() && c != b'~' && c != b'^'
}

/// rpm's `rpmvercmp` on one EVR element.
pub(crate) fn rpmvercmp(a: &[u8], b: &[u8]) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (mut i, mut j) = (0, 0);
    loop {
        while i < a.len() && is_sep(a[i]) {
            i += 1;
        }
        while j < b.len() && is_sep(b[j]) {
            j += 1;
        }
        let ca = if i < a.len() { a[i] } else { 0 };
        let cb = if j < b.len() { b[j] } else { 0 };
        // `~` sorts before everything, even the end.
        if ca == b'~' || cb == b'~' {
            if ca != b'~' {
                return Ordering::Greater;
            }
            if cb != b'~' {
                return Ordering::Less;
            }
            i += 1;
            j += 1;
            continue;
        }
        // `^` sorts after the end but before anything else.
        if ca == b'^' || cb == b'^' {
            if ca == 0 {
                return Ordering::Less;
            }
            if cb == 0 {
                return Ordering::Greater;
            }
            if ca != b'^' {
                return Ordering::Greater;
            }
            if cb != b'^' {
                return Ordering::Less;
            }
            i += 1;
            j += 1;
            continue;
        }
        if ca == 0 || cb == 0 {
            break;
        }
        let (si, sj) = (i, j);
        if ca.is_ascii_digit() {
            while i < a.len() && a[i].is_ascii_digit() {
                i += 1;
            }
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if sj == j {
                // A number against letters: numbers are newer.
                return Ordering::Greater;
            }
            let mut x = si;
            while x < i && a[x] == b'0' {
                x += 1;
            }
            let mut y = sj;
            while y < j && b[y] == b'0' {
                y += 1;
            }
            let o = (i - x).cmp(&(j - y)).then_with(|| a[x..i].cmp(&b[y..j]));
            if o != Ordering::Equal {
                return o;
            }
        } else {
            while i < a.len() && a[i].is_ascii_alphabetic() {
                i += 1;
            }
            while j < b.len() && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            if sj == j {
                return Ordering::Less;
            }
            let o = a[si..i].cmp(&b[sj..j]);
            if o != Ordering::Equal {
                return o;
            }
        }
    }
    match (i >= a.len(), j >= b.len()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        _ => Ordering::Greater,
    }
}

pub(crate) fn cmp_native(a: &Parts<'_>, b: &Parts<'_>) -> Ordering {
    a.epoch
        .cmp(&b.epoch)
        .then_with(|| rpmvercmp(a.version, b.version))
        .then_with(|| match (a.release, b.release) {
            (Some(x), Some(y)) => rpmvercmp(x, y),
            _ => Ordering::Equal,
        })
}

/// Compares two EVRs as rpm does, without allocating.
pub(crate) fn compare_str(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(cmp_native(&parts(a)?, &parts(b)?))
}

impl RpmVersion {
    /// The epoch (0 when absent).
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The version part.
    pub fn version(&self) -> &str {
        &self.text[self.version.0..self.version.1]
    }

    /// The release part, when present.
    pub fn release(&self) -> Option<&str> {
        self.release.map(|(s, e)| &self.text[s..e])
    }

    /// rpm's own comparison: the release only counts when both sides have one.
    pub fn cmp_native(&self, other: &Self) -> Ordering {
        cmp_native(&self.parts(), &other.parts())
    }

    fn parts(&self) -> Parts<'_> {
        Parts {
            epoch: self.epoch,
            version: self.version().as_bytes(),
            release: self.release().map(str::as_bytes),
        }
    }
}

impl FromStr for RpmVersion {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text: Box<str> = s.into();
        let p = parts(&text)?;
        let base = text.as_ptr() as usize;
        let span = |x: &[u8]| {
            let start = x.as_ptr() as usize - base;
            (start, start + x.len())
        };
        let (epoch, version, release) = (p.epoch, span(p.version), p.release.map(span));
        Ok(RpmVersion {
            text,
            epoch,
            version,
            release,
        })
    }
}

impl fmt::Display for RpmVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Ord for RpmVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.parts(), other.parts());
        a.epoch
            .cmp(&b.epoch)
            .then_with(|| rpmvercmp(a.version, b.version))
            .then_with(|| match (a.release, b.release) {
                (Some(x), Some(y)) => rpmvercmp(x, y),
                (x, y) => x.is_some().cmp(&y.is_some()),
            })
    }
}

impl PartialOrd for RpmVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for RpmVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for RpmVersion {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evr() {
        let v: RpmVersion = "1:2.3-4.el9".parse().unwrap();
        assert_eq!(
            (v.epoch(), v.version(), v.release()),
            (1, "2.3", Some("4.el9"))
        );
        assert_eq!(compare_str("1.0", "1.0-3").unwrap(), Ordering::Equal);
        assert_eq!(compare_str("1.0-2", "1.0-10").unwrap(), Ordering::Less);
        assert_eq!(compare_str("1:1.0", "2.0").unwrap(), Ordering::Greater);
        assert!("".parse::<RpmVersion>().is_err());
        assert!("1.0-".parse::<RpmVersion>().is_err());
    }
}
