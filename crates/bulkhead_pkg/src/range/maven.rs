//! Maven version ranges (`[1.0,2.0)`, `(,1.0],[1.2,)`, `[1.5]`, soft `1.0`), matched as
//! Maven's `VersionRange.containsVersion`.
//!
//! Owns: parsing with Maven's checks (single versions must be bracketed `[v]`, bounds must not
//! defy the ordering, ranges must not overlap) and containment. Like Maven, a bare version is
//! a soft requirement ("recommended"), which every version satisfies.

use crate::VersionError;
use crate::version::maven::MavenVersion;
use std::cmp::Ordering;

/// One `[lower,upper)` restriction.
#[derive(Debug, Clone)]
pub struct Restriction {
    /// Lower bound, `None` for unbounded.
    pub lower: Option<MavenVersion>,
    /// Whether the lower bound is included.
    pub lower_inclusive: bool,
    /// Upper bound, `None` for unbounded.
    pub upper: Option<MavenVersion>,
    /// Whether the upper bound is included.
    pub upper_inclusive: bool,
}

impl Restriction {
    fn contains(&self, v: &MavenVersion) -> bool {
        if let Some(l) = &self.lower {
            match l.cmp(v) {
                Ordering::Greater => return false,
                Ordering::Equal if !self.lower_inclusive => return false,
                _ => {}
            }
        }
        if let Some(u) = &self.upper {
            match u.cmp(v) {
                Ordering::Less => return false,
                Ordering::Equal if !self.upper_inclusive => return false,
                _ => {}
            }
        }
        true
    }
}

/// A parsed Maven version specification.
#[derive(Debug, Clone)]
pub struct MavenRange {
    /// The restrictions (their union); one unbounded restriction for a soft requirement.
    pub restrictions: Vec<Restriction>,
    /// The recommended version of a soft requirement.
    pub recommended: Option<MavenVersion>,
}

fn bad(input: &str, reason: impl Into<String>) -> VersionError {
    VersionError::range("maven", input, reason)
}

fn version(input: &str, s: &str) -> Result<MavenVersion, VersionError> {
    MavenVersion::parse(s.trim()).map_err(|e| bad(input, e.to_string()))
}

impl MavenRange {
    /// Parses like `VersionRange.createFromVersionSpec`.
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        let spec = input.trim();
        if spec.is_empty() {
            return Err(bad(input, "empty version specification"));
        }
        if !spec.starts_with(['[', '(']) {
            if spec.contains([']', ')', ',']) {
                return Err(bad(input, "a range must start with '[' or '('"));
            }
            return Ok(MavenRange {
                restrictions: vec![Restriction {
                    lower: None,
                    lower_inclusive: false,
                    upper: None,
                    upper_inclusive: false,
                }],
                recommended: Some(version(input, spec)?),
            });
        }
        let mut restrictions: Vec<Restriction> = Vec::new();
        let mut rest = spec;
        while !rest.is_empty() {
            let close = rest
                .find([']', ')'])
                .ok_or_else(|| bad(input, "unbounded range: missing ']' or ')'"))?;
            let part = &rest[..=close];
            let r = restriction(input, part)?;
            if let (Some(prev), Some(lower)) =
                (restrictions.last().and_then(|p| p.upper.as_ref()), &r.lower)
                && lower < prev
            {
                return Err(bad(input, "ranges overlap"));
            }
            restrictions.push(r);
            rest = rest[close + 1..].trim_start();
            if let Some(r2) = rest.strip_prefix(',') {
                rest = r2.trim_start();
                if rest.is_empty() {
                    return Err(bad(input, "trailing ','"));
                }
            } else if !rest.is_empty() {
                return Err(bad(input, "ranges must be separated by ','"));
            }
            if !rest.is_empty() && !rest.starts_with(['[', '(']) {
                return Err(bad(input, "a range must start with '[' or '('"));
            }
        }
        Ok(MavenRange {
            restrictions,
            recommended: None,
        })
    }

    /// Whether `v` lies in the range (always, for a soft requirement).
    pub fn contains(&self, v: &MavenVersion) -> bool {
        self.restrictions.iter().any(|r| r.contains(v))
    }
}

fn restriction(input: &str, part: &str) -> Result<Restriction, VersionError> {
    let lower_inclusive = part.starts_with('[');
    let upper_inclusive = part.ends_with(']');
    let inner = &part[1..part.len() - 1];
    if inner.contains(['[', '(']) {
        return Err(bad(input, "nested range bracket"));
    }
    match inner.split_once(',') {
        None => {
            if !lower_inclusive || !upper_inclusive {
                return Err(bad(input, "a single version must be surrounded by []"));
            }
            let v = version(input, inner)?;
            Ok(Restriction {
                lower: Some(v.clone()),
                lower_inclusive: true,
                upper: Some(v),
                upper_inclusive: true,
            })
        }
        Some((lo, hi)) => {
            let lower = (!lo.trim().is_empty())
                .then(|| version(input, lo))
                .transpose()?;
            let upper = (!hi.trim().is_empty())
                .then(|| version(input, hi))
                .transpose()?;
            if let (Some(l), Some(u)) = (&lower, &upper) {
                if u < l {
                    return Err(bad(input, "range defies version ordering"));
                }
                if l == u && !(lower_inclusive && upper_inclusive) {
                    return Err(bad(input, "empty range"));
                }
            }
            Ok(Restriction {
                lower,
                lower_inclusive,
                upper,
                upper_inclusive,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(r: &str, v: &str) -> bool {
        MavenRange::parse(r)
            .unwrap()
            .contains(&MavenVersion::parse(v).unwrap())
    }

    #[test]
    fn ranges() {
        assert!(has("[1.0,2.0)", "1.5"));
        assert!(!has("[1.0,2.0)", "2.0"));
        assert!(has("[1.0,2.0)", "2.0-SNAPSHOT"));
        assert!(has("(,1.0],[1.2,)", "1.3"));
        assert!(!has("(,1.0],[1.2,)", "1.1"));
        assert!(has("[1.5]", "1.5.0"));
        assert!(!has("[1.5]", "1.5.1"));
        assert!(has("1.0", "7"));
        for bad in [
            "",
            "[1.0",
            "(1.0)",
            "[2.0,1.0]",
            "[1.0,2.0],[1.5,3.0]",
            "[1.0],",
            "1.0]",
        ] {
            assert!(MavenRange::parse(bad).is_err(), "{bad:?}");
        }
    }
}
