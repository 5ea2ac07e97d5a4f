//! Comparator lists for schemes without a range language of their own (dpkg, rpm, apk, Go,
//! SemVer), RubyGems requirements (which add `~>`), and NuGet interval ranges.
//!
//! Owns: `op version` lists joined by `,` or whitespace (all must hold) and alternatives
//! joined by `||`; operators `<`, `<=`, `>`, `>=`, `=`, `==`, `!=` (a bare version means
//! `=`; dpkg's `<<` and `>>` are accepted too); gem's pessimistic `~> 2.2` (`>= 2.2, < 3`);
//! NuGet's `[1.0,2.0)` intervals where a bare `1.0` means `>= 1.0`.

use crate::scheme::compare_in_range;
use crate::version::gem::{GemSegment, GemVersion};
use crate::{Scheme, VersionError, compare};
use std::cmp::Ordering;

fn bad(input: &str, reason: impl Into<String>) -> VersionError {
    VersionError::range("comparator", input, reason)
}

fn split_op(tok: &str) -> (&str, &str) {
    for op in ["~>", "<<", ">>", "<=", ">=", "==", "!=", "<", ">", "="] {
        if let Some(rest) = tok.strip_prefix(op) {
            return (op, rest.trim());
        }
    }
    ("=", tok.trim())
}

/// Joins operators written apart from their version (`>= 1.0` -> `>=1.0`).
fn comparators(set: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for w in set.split([',', ' ', '\t']).filter(|w| !w.is_empty()) {
        if w.bytes()
            .all(|c| matches!(c, b'<' | b'>' | b'=' | b'!' | b'~'))
        {
            pending.push_str(w);
        } else {
            out.push(format!("{pending}{w}"));
            pending.clear();
        }
    }
    if !pending.is_empty() {
        out.push(pending);
    }
    out
}

/// The upper bound of `~> v`: drop the last release segment, bump the one before.
fn pessimistic_upper(input: &str, v: &str) -> Result<String, VersionError> {
    let g = GemVersion::parse(v).map_err(|e| bad(input, e.to_string()))?;
    let nums: Vec<u64> = g
        .canonical_segments()
        .iter()
        .map_while(|s| match s {
            GemSegment::Number(n) => Some(*n),
            GemSegment::Text(_) => None,
        })
        .collect();
    let written = v
        .split('.')
        .take_while(|p| p.bytes().all(|c| c.is_ascii_digit()))
        .count();
    let keep = written.saturating_sub(1).max(1);
    let mut up: Vec<u64> = (0..keep)
        .map(|i| nums.get(i).copied().unwrap_or(0))
        .collect();
    if let Some(last) = up.last_mut() {
        *last += 1;
    }
    Ok(up.iter().map(u64::to_string).collect::<Vec<_>>().join("."))
}

/// Whether `version` satisfies a comparator list under `scheme`.
pub fn satisfies_comparators(
    scheme: Scheme,
    version: &str,
    range: &str,
) -> Result<bool, VersionError> {
    compare(scheme, version, version)?;
    let mut any = false;
    for alt in range.split("||") {
        let toks = comparators(alt);
        let mut ok = true;
        for tok in &toks {
            let (op, v) = split_op(tok);
            if v.is_empty() {
                return Err(bad(range, format!("comparator {tok:?} has no version")));
            }
            let c = |x: &str| {
                compare_in_range(scheme, version, x).map_err(|e| {
                    if scheme == Scheme::Semver {
                        // `>=1.0`, `^1.2`, `1.x`: the npm range language reads these.
                        bad(
                            range,
                            format!(
                                "{e}; comparator lists of the semver scheme take full \
                                 MAJOR.MINOR.PATCH versions: for partial versions and `^`, `~`, \
                                 `x` ranges use the npm-range language"
                            ),
                        )
                    } else {
                        bad(range, e.to_string())
                    }
                })
            };
            let holds = match op {
                "<" | "<<" => c(v)? == Ordering::Less,
                "<=" => c(v)? != Ordering::Greater,
                ">" | ">>" => c(v)? == Ordering::Greater,
                ">=" => c(v)? != Ordering::Less,
                "!=" => c(v)? != Ordering::Equal,
                "~>" => {
                    if scheme != Scheme::Gem {
                        return Err(bad(range, "'~>' is a RubyGems operator"));
                    }
                    let upper = pessimistic_upper(range, v)?;
                    c(v)? != Ordering::Less && c(&upper)? == Ordering::Less
                }
                _ => c(v)? == Ordering::Equal,
            };
            ok &= holds;
        }
        any |= ok;
    }
    Ok(any)
}

/// NuGet ranges: `1.0` (>= 1.0), `[1.0]`, `[1.0,2.0)`, `(,2.0]`, `(1.0,)`.
pub fn satisfies_nuget(version: &str, range: &str) -> Result<bool, VersionError> {
    let c = |a: &str, b: &str| compare(Scheme::Nuget, a, b);
    c(version, version)?;
    let r = range.trim();
    let err = |reason: &str| VersionError::range("nuget", range, reason);
    if !r.starts_with(['[', '(']) {
        return Ok(c(version, r).map_err(|e| err(&e.to_string()))? != Ordering::Less);
    }
    let (li, ui) = (r.starts_with('['), r.ends_with(']'));
    if !(r.ends_with(']') || r.ends_with(')')) || r.len() < 2 {
        return Err(err("missing closing ']' or ')'"));
    }
    let inner = &r[1..r.len() - 1];
    let (lo, hi) = match inner.split_once(',') {
        Some((l, h)) => (l.trim(), h.trim()),
        None if li && ui => (inner.trim(), inner.trim()),
        None => return Err(err("a single version must be surrounded by []")),
    };
    if lo.is_empty() && hi.is_empty() {
        return Err(err("at least one bound is needed"));
    }
    let mut ok = true;
    if !lo.is_empty() {
        let o = c(version, lo).map_err(|e| err(&e.to_string()))?;
        ok &= if li {
            o != Ordering::Less
        } else {
            o == Ordering::Greater
        };
    }
    if !hi.is_empty() {
        let o = c(version, hi).map_err(|e| err(&e.to_string()))?;
        ok &= if ui {
            o != Ordering::Greater
        } else {
            o == Ordering::Less
        };
    }
    Ok(ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparator_lists() {
        let s = |sc, v, r| satisfies_comparators(sc, v, r).unwrap();
        assert!(s(Scheme::Dpkg, "1.2-1", ">= 1.0, << 2.0"));
        assert!(!s(Scheme::Dpkg, "2.0~rc1", ">=2.0"));
        assert!(s(Scheme::Rpm, "1.0-1", "<1.0-2 || >3"));
        assert!(s(Scheme::Apk, "1.2.3-r1", "1.2.3-r1"));
        assert!(s(Scheme::Gem, "2.9", "~> 2.2"));
        assert!(!s(Scheme::Gem, "3.0", "~> 2.2"));
        assert!(s(Scheme::Gem, "2.2.9", "~> 2.2.0"));
        assert!(!s(Scheme::Gem, "2.3", "~> 2.2.0"));
        assert!(satisfies_comparators(Scheme::Dpkg, "1.0", ">= x").is_err());
        let n = |v, r| satisfies_nuget(v, r).unwrap();
        assert!(n("1.5", "1.0"));
        assert!(!n("0.9", "1.0"));
        assert!(n("1.5", "[1.0,2.0)"));
        assert!(!n("2.0", "[1.0,2.0)"));
        assert!(n("1.0", "[1.0]"));
        assert!(satisfies_nuget("1.0", "(1.0)").is_err());
    }
}
