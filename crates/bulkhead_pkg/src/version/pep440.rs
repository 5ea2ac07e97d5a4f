//! Python package versions (PEP 440), parsed and ordered as `packaging.version.Version`.
//!
//! Owns: the permissive PEP 440 grammar (case-insensitive; `v` prefix; `-`, `_`, `.`
//! separators; `alpha`/`a`, `beta`/`b`, `c`/`pre`/`preview`/`rc`; `post`/`rev`/`r` and `-N`
//! post releases; implicit numbers), normalisation (`Display` is the normal form) and the
//! ordering (epoch, release without trailing zeros, pre, post, dev, local). Specifiers live in
//! `range::pep440`.

use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A prerelease kind, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PreKind {
    /// `a`, `alpha`.
    Alpha,
    /// `b`, `beta`.
    Beta,
    /// `rc`, `c`, `pre`, `preview`.
    Rc,
}

/// A non-negative integer of any size, as `packaging` reads one (Python's `int`): stored
/// without leading zeros, so the derived equality is numeric equality.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Number {
    /// Up to `u64::MAX`.
    Small(u64),
    /// Digits (no leading zero) of a number above `u64::MAX`.
    Big(Box<str>),
}

impl Number {
    /// Zero.
    pub const ZERO: Number = Number::Small(0);

    fn from_digits(digits: &str) -> Number {
        match digits.parse::<u64>() {
            Ok(n) => Number::Small(n),
            Err(_) => Number::Big(digits.trim_start_matches('0').into()),
        }
    }

    /// Whether this is zero.
    pub fn is_zero(&self) -> bool {
        *self == Number::ZERO
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Self {
        Number::Small(n)
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Number::Small(a), Number::Small(b)) => a.cmp(b),
            (Number::Small(_), Number::Big(_)) => Ordering::Less,
            (Number::Big(_), Number::Small(_)) => Ordering::Greater,
            (Number::Big(a), Number::Big(b)) => a.len().cmp(&b.len()).then_with(|| a.cmp(b)),
        }
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Small(n) => write!(f, "{n}"),
            Number::Big(d) => f.write_str(d),
        }
    }
}

/// One segment of a local version label: numbers sort after strings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LocalSegment {
    /// A lowercased alphanumeric segment.
    Text(Box<str>),
    /// An all-digit segment.
    Number(Number),
}

impl Ord for LocalSegment {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (LocalSegment::Number(a), LocalSegment::Number(b)) => a.cmp(b),
            (LocalSegment::Number(_), LocalSegment::Text(_)) => Ordering::Greater,
            (LocalSegment::Text(_), LocalSegment::Number(_)) => Ordering::Less,
            (LocalSegment::Text(a), LocalSegment::Text(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for LocalSegment {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A PEP 440 version. Equality is PEP 440 equality (`1.0` equals `1.0.0`, `1.0c1` equals
/// `1.0rc1`).
#[derive(Debug, Clone)]
pub struct Pep440Version {
    /// Epoch (`N!`).
    pub epoch: Number,
    /// Release numbers.
    pub release: Vec<Number>,
    /// Prerelease.
    pub pre: Option<(PreKind, Number)>,
    /// Post release number.
    pub post: Option<Number>,
    /// Development release number.
    pub dev: Option<Number>,
    /// Local version label segments.
    pub local: Vec<LocalSegment>,
}

fn err(input: &str, reason: &'static str) -> VersionError {
    VersionError::invalid(Scheme::Pep440, input, reason)
}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn sep(&mut self) -> bool {
        if matches!(self.peek(), Some(b'-' | b'_' | b'.')) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn number(&mut self) -> Option<Number> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        if start == self.i {
            return None;
        }
        let digits = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("0");
        Some(Number::from_digits(digits))
    }

    /// Matches the longest of `labels` (already lowercase) at the cursor, case-insensitively.
    fn label(&mut self, labels: &[&str]) -> Option<usize> {
        let rest = &self.s[self.i..];
        let mut best: Option<(usize, usize)> = None;
        for (k, l) in labels.iter().enumerate() {
            if rest.len() >= l.len()
                && rest[..l.len()].eq_ignore_ascii_case(l.as_bytes())
                && best.is_none_or(|(_, n)| l.len() > n)
            {
                best = Some((k, l.len()));
            }
        }
        let (k, n) = best?;
        self.i += n;
        Some(k)
    }
}

impl Pep440Version {
    /// Parses a version, accepting every spelling `packaging` accepts.
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        let trimmed = input.trim();
        let mut c = Cursor {
            s: trimmed.as_bytes(),
            i: 0,
        };
        if matches!(c.peek(), Some(b'v' | b'V')) {
            c.i += 1;
        }
        let first = c
            .number()
            .ok_or_else(|| err(input, "expected a release number"))?;
        let mut epoch = Number::ZERO;
        let mut release = vec![first];
        if c.peek() == Some(b'!') {
            c.i += 1;
            epoch = std::mem::replace(
                &mut release[0],
                c.number()
                    .ok_or_else(|| err(input, "expected a release number after the epoch"))?,
            );
        }
        loop {
            let save = c.i;
            if c.peek() == Some(b'.') {
                c.i += 1;
                if let Some(n) = c.number() {
                    release.push(n);
                    continue;
                }
            }
            c.i = save;
            break;
        }
        // Prerelease.
        let mut pre = None;
        let save = c.i;
        c.sep();
        const PRE: [&str; 7] = ["alpha", "a", "beta", "b", "preview", "pre", "c"];
        let pre_label = c
            .label(&PRE)
            .map(|k| match k {
                0 | 1 => PreKind::Alpha,
                2 | 3 => PreKind::Beta,
                _ => PreKind::Rc,
            })
            .or_else(|| c.label(&["rc"]).map(|_| PreKind::Rc));
        if let Some(kind) = pre_label {
            // As `packaging`'s pattern: a separator after the label is taken even when no
            // number follows (`1.0a.` is `1.0a0`); every later separator is optional.
            c.sep();
            pre = Some((kind, c.number().unwrap_or(Number::ZERO)));
        } else {
            c.i = save;
        }
        // Post release.
        let mut post = None;
        let save = c.i;
        if c.peek() == Some(b'-') {
            c.i += 1;
            if let Some(n) = c.number() {
                post = Some(n);
            } else {
                c.i = save;
            }
        }
        if post.is_none() {
            c.sep();
            if c.label(&["post", "rev", "r"]).is_some() {
                c.sep();
                post = Some(c.number().unwrap_or(Number::ZERO));
            } else {
                c.i = save;
            }
        }
        // Development release.
        let mut dev = None;
        let save = c.i;
        c.sep();
        if c.label(&["dev"]).is_some() {
            c.sep();
            dev = Some(c.number().unwrap_or(Number::ZERO));
        } else {
            c.i = save;
        }
        // Local version label.
        let mut local = Vec::new();
        if c.peek() == Some(b'+') {
            c.i += 1;
            let rest = std::str::from_utf8(&c.s[c.i..]).unwrap_or("");
            for seg in rest.split(['-', '_', '.']) {
                if seg.is_empty() || !seg.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return Err(err(input, "local version label must be [a-z0-9]+ segments"));
                }
                local.push(if seg.bytes().all(|b| b.is_ascii_digit()) {
                    LocalSegment::Number(Number::from_digits(seg))
                } else {
                    LocalSegment::Text(seg.to_ascii_lowercase().into())
                });
            }
            c.i = c.s.len();
        }
        if c.i != c.s.len() {
            return Err(err(input, "unexpected text in version"));
        }
        Ok(Pep440Version {
            epoch,
            release,
            pre,
            post,
            dev,
            local,
        })
    }

    /// Whether this is a pre- or development release.
    pub fn is_prerelease(&self) -> bool {
        self.pre.is_some() || self.dev.is_some()
    }

    /// The same version without its local label.
    pub fn public(&self) -> Pep440Version {
        Pep440Version {
            local: Vec::new(),
            ..self.clone()
        }
    }

    fn release_trimmed(&self) -> &[Number] {
        let n = self
            .release
            .iter()
            .rposition(|x| !x.is_zero())
            .map_or(0, |i| i + 1);
        &self.release[..n]
    }

    /// The comparison key of `packaging`: pre is "minus infinity" for a bare dev release,
    /// "plus infinity" for a final release.
    fn pre_key(&self) -> (i8, u8, &Number) {
        match (&self.pre, &self.post, &self.dev) {
            (None, None, Some(_)) => (-1, 0, &Number::ZERO),
            (None, _, _) => (1, 0, &Number::ZERO),
            (Some((k, n)), _, _) => (0, *k as u8, n),
        }
    }
}

impl FromStr for Pep440Version {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Pep440Version::parse(s)
    }
}

impl fmt::Display for Pep440Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.epoch.is_zero() {
            write!(f, "{}!", self.epoch)?;
        }
        for (i, r) in self.release.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{r}")?;
        }
        if let Some((k, n)) = &self.pre {
            let l = match k {
                PreKind::Alpha => "a",
                PreKind::Beta => "b",
                PreKind::Rc => "rc",
            };
            write!(f, "{l}{n}")?;
        }
        if let Some(p) = &self.post {
            write!(f, ".post{p}")?;
        }
        if let Some(d) = &self.dev {
            write!(f, ".dev{d}")?;
        }
        for (i, s) in self.local.iter().enumerate() {
            f.write_str(if i == 0 { "+" } else { "." })?;
            match s {
                LocalSegment::Number(n) => write!(f, "{n}")?,
                LocalSegment::Text(t) => f.write_str(t)?,
            }
        }
        Ok(())
    }
}

impl Ord for Pep440Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.epoch
            .cmp(&other.epoch)
            .then_with(|| self.release_trimmed().cmp(other.release_trimmed()))
            .then_with(|| self.pre_key().cmp(&other.pre_key()))
            // No post release sorts first: None < Some.
            .then_with(|| self.post.cmp(&other.post))
            // No dev release sorts last.
            .then_with(|| match (&self.dev, &other.dev) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Greater,
                (Some(_), None) => Ordering::Less,
                (Some(a), Some(b)) => a.cmp(b),
            })
            // No local label sorts first; then segment-wise.
            .then_with(|| self.local.cmp(&other.local))
    }
}

impl PartialOrd for Pep440Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Pep440Version {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Pep440Version {}

pub(crate) fn compare_str(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(Pep440Version::parse(a)?.cmp(&Pep440Version::parse(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises() {
        let n = |s: &str| Pep440Version::parse(s).unwrap().to_string();
        assert_eq!(n("1.0-ALPHA-1"), "1.0a1");
        assert_eq!(n("v1.0.r"), "1.0.post0");
        assert_eq!(n("1.0-5"), "1.0.post5");
        assert_eq!(n("00!1.2+AbC.5"), "1.2+abc.5");
        assert_eq!(n("1.0c1.dev2"), "1.0rc1.dev2");
        for bad in [
            "", "a", "1.0+", "1.0+a..b", "1.0-", "1.0.", "1.0foo", "1!", "1.0+a b",
        ] {
            assert!(Pep440Version::parse(bad).is_err(), "{bad:?}");
        }
    }
}
