//! RPM versions (`[epoch:]version[-release]`) ordered as rpm's `rpmvercmp` and its EVR
//! comparison (`rpm.ver` in rpm's Python bindings).
//!
//! Owns: EVR splitting as rpm's `parseEVR` does it (leading digits then `:` make the epoch,
//! the last `-` after them starts the release; anything else, spaces and empty parts
//! included, is left to `rpmvercmp`), and `rpmvercmp` with `~` (sorts before everything, even
//! the end) and `^` (sorts after the end but before any further segment). Two orderings:
//! the native one (a missing release sorts before any release, as `rpm.ver` orders; a total
//! order) and the dependency-matching one used by range evaluation (the release is ignored
//! when either side lacks it, so `>= 1.0` matches `1.0-3`). Epochs are compared as digit
//! strings, so any size orders as rpm orders it. The comparison works on borrowed text and
//! never allocates.

use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A parsed RPM EVR.
///
/// `Ord` is rpm's EVR order: epoch, version, then release, where a missing release sorts
/// before any release (`4 < 4-1`). [`RpmVersion::cmp_range`] is the dependency-matching
/// order, which ignores the release when either side lacks one.
#[derive(Debug, Clone)]
pub struct RpmVersion {
    text: Box<str>,
    epoch: Option<(usize, usize)>,
    version: (usize, usize),
    release: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts<'a> {
    /// The epoch digits (`""` for `:1.0`, read as 0); `None` when absent.
    epoch: Option<&'a [u8]>,
    version: &'a [u8],
    release: Option<&'a [u8]>,
}

fn err(input: &str, reason: &'static str) -> VersionError {
    VersionError::invalid(Scheme::Rpm, input, reason)
}

/// Splits an EVR as rpm's `parseEVR`: only the empty string is refused (rpm refuses it too).
pub(crate) fn parts(input: &str) -> Result<Parts<'_>, VersionError> {
    let b = input.as_bytes();
    if b.is_empty() {
        return Err(err(input, "version string is empty"));
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let (epoch, start) = if b.get(digits) == Some(&b':') {
        (Some(&b[..digits]), digits + 1)
    } else {
        (None, 0)
    };
    // rpm looks for the release from the end of the epoch digits on.
    let (version, release) = match b[digits..].iter().rposition(|&c| c == b'-') {
        Some(k) => (&b[start..digits + k], Some(&b[digits + k + 1..])),
        None => (&b[start..], None),
    };
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

/// Epochs: absent or empty reads as `0`; compared as rpm does, with `rpmvercmp`.
fn cmp_epoch(a: Option<&[u8]>, b: Option<&[u8]>) -> Ordering {
    fn e(x: Option<&[u8]>) -> &[u8] {
        x.filter(|x| !x.is_empty()).unwrap_or(b"0")
    }
    rpmvercmp(e(a), e(b))
}

/// rpm's EVR order: a missing release sorts before any release.
pub(crate) fn cmp_native(a: &Parts<'_>, b: &Parts<'_>) -> Ordering {
    cmp_epoch(a.epoch, b.epoch)
        .then_with(|| rpmvercmp(a.version, b.version))
        .then_with(|| match (a.release, b.release) {
            (Some(x), Some(y)) => rpmvercmp(x, y),
            (x, y) => x.is_some().cmp(&y.is_some()),
        })
}

/// The dependency-matching order of range evaluation: the release counts only when both
/// sides carry one (`1.0` matches `1.0-3`).
pub(crate) fn cmp_range(a: &Parts<'_>, b: &Parts<'_>) -> Ordering {
    cmp_epoch(a.epoch, b.epoch)
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

/// Compares two EVRs as a range bound is matched (see [`cmp_range`]).
pub(crate) fn compare_range_str(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(cmp_range(&parts(a)?, &parts(b)?))
}

impl RpmVersion {
    /// The epoch digits as written (`None` when absent; an empty `:` prefix gives `""`).
    pub fn epoch(&self) -> Option<&str> {
        self.epoch.map(|(s, e)| &self.text[s..e])
    }

    /// The version part.
    pub fn version(&self) -> &str {
        &self.text[self.version.0..self.version.1]
    }

    /// The release part, when present (`""` for `1.0-`).
    pub fn release(&self) -> Option<&str> {
        self.release.map(|(s, e)| &self.text[s..e])
    }

    /// rpm's EVR order (the same as `Ord`).
    pub fn cmp_native(&self, other: &Self) -> Ordering {
        cmp_native(&self.parts(), &other.parts())
    }

    /// The dependency-matching order: the release only counts when both sides have one.
    pub fn cmp_range(&self, other: &Self) -> Ordering {
        cmp_range(&self.parts(), &other.parts())
    }

    fn parts(&self) -> Parts<'_> {
        Parts {
            epoch: self.epoch().map(str::as_bytes),
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
        let (epoch, version, release) = (p.epoch.map(span), span(p.version), p.release.map(span));
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
        self.cmp_native(other)
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
            (Some("1"), "2.3", Some("4.el9"))
        );
        assert_eq!(compare_range_str("1.0", "1.0-3").unwrap(), Ordering::Equal);
        assert_eq!(compare_str("1.0", "1.0-3").unwrap(), Ordering::Less);
        assert_eq!(compare_str("1.0-2", "1.0-10").unwrap(), Ordering::Less);
        assert_eq!(compare_str("1:1.0", "2.0").unwrap(), Ordering::Greater);
        assert!("".parse::<RpmVersion>().is_err());
        let e: RpmVersion = "1.0-".parse().unwrap();
        assert_eq!(
            (e.epoch(), e.version(), e.release()),
            (None, "1.0", Some(""))
        );
    }

    /// Each pair as rpm 4.18's Python bindings order it (`rpm.ver(a)` against `rpm.ver(b)`).
    #[test]
    fn edge_cases_as_rpm_orders_them() {
        use Ordering::{Equal as E, Greater as G, Less as L};
        for (a, b, want) in [
            ("4-1", "4", G),
            ("4", "4-2", L),
            ("7-", "7", G),
            ("7-", "7-0", L),
            ("1:", "0", G),
            ("1:", "1:0", L),
            (" 1.0", "1.0", E),
            ("1.0 ", "1.0", E),
            (" 1:2", "0:2", L),
            ("99999999999999999999999:1", "1:1", G),
            ("99999999999999999999999:1", "99999999999999999999998:1", G),
            ("-", "0", L),
            (":", "0", L),
            ("1:-1", "1:0-1", L),
            ("0:1", "1", E),
            ("007:1", "7:1", E),
            ("1.0-1-2", "1.0-1", G),
            ("a\u{1}b", "ab", L),
        ] {
            assert_eq!(compare_str(a, b).unwrap(), want, "{a:?} {b:?}");
            assert_eq!(compare_str(b, a).unwrap(), want.reverse(), "{b:?} {a:?}");
        }
    }
}
