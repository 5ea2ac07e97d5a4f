//! npm version ranges, evaluated as node-semver's `satisfies` evaluates them.
//!
//! Owns: the range grammar (`||` alternatives of whitespace-separated comparators; `^`, `~`,
//! `~>`, x-ranges `1.x`/`1.2.*`/partial versions, hyphen ranges `A - B`, `<`, `<=`, `>`,
//! `>=`, `=`), their desugaring into primitive comparators, node-semver's prerelease rule (a
//! prerelease version only matches a set that names a prerelease of the same
//! `major.minor.patch`, unless `include_prerelease`), and loose mode (where comparators that
//! do not parse are dropped, as node-semver drops them).

use crate::VersionError;
use crate::version::semver::{Identifier, SemVersion};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// node-semver's options.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct NpmOptions {
    /// Accept sloppy versions (`1.2.3beta`, `=v1.2.3`, leading zeros).
    pub loose: bool,
    /// Let prerelease versions match any comparator, not only those naming a prerelease of
    /// the same `major.minor.patch`.
    pub include_prerelease: bool,
}

/// A primitive comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `=`
    Eq,
}

impl Op {
    fn test(self, o: Ordering) -> bool {
        match self {
            Op::Lt => o == Ordering::Less,
            Op::Le => o != Ordering::Greater,
            Op::Gt => o == Ordering::Greater,
            Op::Ge => o != Ordering::Less,
            Op::Eq => o == Ordering::Equal,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Eq => "",
        }
    }
}

/// A primitive comparator: any version, or an operator and a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparator {
    /// Matches every version (`*`, empty).
    Any,
    /// `op version`.
    Cmp(Op, SemVersion),
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Comparator::Any => f.write_str("*"),
            Comparator::Cmp(op, v) => write!(f, "{}{v}", op.as_str()),
        }
    }
}

/// A parsed npm range: alternatives (`||`) of comparator sets (all must hold).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NpmRange {
    /// The comparator sets, desugared.
    pub sets: Vec<Vec<Comparator>>,
    /// The options the range was parsed with (they also govern matching).
    pub options: NpmOptions,
}

fn bad(input: &str, reason: impl Into<String>) -> VersionError {
    VersionError::range("npm-range", input, reason)
}

const MAX_SAFE: u64 = (1 << 53) - 1;

/// A partial version: missing or `x`/`X`/`*` parts are `None`.
#[derive(Debug, Clone)]
struct Partial {
    major: Option<u64>,
    minor: Option<u64>,
    patch: Option<u64>,
    pre: Vec<Identifier>,
}

impl Partial {
    fn full(&self) -> Option<SemVersion> {
        Some(SemVersion {
            major: self.major?,
            minor: self.minor?,
            patch: self.patch?,
            pre: self.pre.clone(),
            build: Vec::new(),
        })
    }
}

fn ver(major: u64, minor: u64, patch: u64, pre0: bool) -> SemVersion {
    let mut v = SemVersion::new(major, minor, patch);
    if pre0 {
        v.pre = vec![Identifier::Numeric(0)];
    }
    v
}

fn prerelease_ids(s: &str, loose: bool) -> Option<Vec<Identifier>> {
    s.split('.')
        .map(|id| {
            if id.is_empty() || !id.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-') {
                return None;
            }
            if id.bytes().all(|c| c.is_ascii_digit()) {
                if !loose && id.len() > 1 && id.starts_with('0') {
                    return None;
                }
                return Some(match id.parse::<u64>() {
                    Ok(n) if n <= MAX_SAFE => Identifier::Numeric(n),
                    _ => Identifier::Alphanumeric(id.into()),
                });
            }
            Some(Identifier::Alphanumeric(id.into()))
        })
        .collect()
}

/// Parses `[v=]*M[.m[.p[-pre][+build]]]` with `x`, `X`, `*` wildcards.
fn partial(text: &str, loose: bool) -> Option<Partial> {
    let s = text.trim_start_matches(|c: char| c == 'v' || c == '=' || c.is_whitespace());
    let (s, build) = match s.split_once('+') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    if let Some(b) = build
        && !b
            .split('.')
            .all(|x| !x.is_empty() && x.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'))
    {
        return None;
    }
    // The numeric/wildcard head: up to three dot-separated parts.
    let mut parts: Vec<Option<u64>> = Vec::new();
    let mut rest = s;
    loop {
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, 'x' | 'X' | '*')))
            .unwrap_or(rest.len());
        let tok = &rest[..end];
        if tok.is_empty() {
            return None;
        }
        let part = if matches!(tok, "x" | "X" | "*") {
            None
        } else {
            if !tok.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            if !loose && tok.len() > 1 && tok.starts_with('0') {
                return None;
            }
            Some(tok.parse::<u64>().ok().filter(|&n| n <= MAX_SAFE)?)
        };
        parts.push(part);
        rest = &rest[end..];
        if parts.len() < 3 && rest.starts_with('.') {
            rest = &rest[1..];
            continue;
        }
        break;
    }
    let pre = if rest.is_empty() {
        Vec::new()
    } else if parts.len() == 3 && parts.iter().all(Option::is_some) {
        if let Some(p) = rest.strip_prefix('-') {
            prerelease_ids(p, loose)?
        } else if loose {
            prerelease_ids(rest, true)?
        } else {
            return None;
        }
    } else {
        return None;
    };
    // A part after a wildcard is a wildcard too (`1.x.3` is `1.x.x`).
    let major = parts[0];
    let minor = major.and(parts.get(1).copied().flatten());
    let patch = minor.and(parts.get(2).copied().flatten());
    Some(Partial {
        major,
        minor,
        patch,
        pre,
    })
}

/// Desugars one comparator token into primitives.
fn comparator(tok: &str, o: NpmOptions, out: &mut Vec<Comparator>) -> Option<()> {
    let inc = o.include_prerelease;
    let (op, rest) = if let Some(r) = tok.strip_prefix("~>") {
        ("~", r)
    } else if let Some(r) = tok.strip_prefix('~') {
        ("~", r)
    } else if let Some(r) = tok.strip_prefix('^') {
        ("^", r)
    } else if let Some(r) = tok.strip_prefix(">=") {
        (">=", r)
    } else if let Some(r) = tok.strip_prefix("<=") {
        ("<=", r)
    } else if let Some(r) = tok.strip_prefix('>') {
        (">", r)
    } else if let Some(r) = tok.strip_prefix('<') {
        ("<", r)
    } else if let Some(r) = tok.strip_prefix('=') {
        ("=", r)
    } else {
        ("", tok)
    };
    let p = partial(rest, o.loose)?;
    if matches!(op, "" | ">=" | "<=" | ">" | "<" | "=") && p.full().is_some() {
        // node-semver keeps a full version's text as written, and its strict comparator
        // pattern allows one `v` but no `=` there (`>==1.5.2` is invalid, `>==1.5` is not).
        strict_full(rest.trim_start(), o)?;
    }
    let ge = |v: SemVersion| Comparator::Cmp(Op::Ge, v);
    let lt = |v: SemVersion| Comparator::Cmp(Op::Lt, v);
    match op {
        "^" => match (p.major, p.minor, p.patch) {
            (None, _, _) => out.push(if inc {
                ge(ver(0, 0, 0, true))
            } else {
                Comparator::Any
            }),
            (Some(m), None, _) => {
                out.push(ge(ver(m, 0, 0, inc)));
                out.push(lt(ver(m + 1, 0, 0, true)));
            }
            (Some(m), Some(n), None) => {
                out.push(ge(ver(m, n, 0, inc)));
                out.push(lt(if m == 0 {
                    ver(m, n + 1, 0, true)
                } else {
                    ver(m + 1, 0, 0, true)
                }));
            }
            (Some(m), Some(n), Some(q)) => {
                out.push(ge(p.full()?));
                out.push(lt(if m != 0 {
                    ver(m + 1, 0, 0, true)
                } else if n != 0 {
                    ver(0, n + 1, 0, true)
                } else {
                    ver(0, 0, q + 1, true)
                }));
            }
        },
        "~" => match (p.major, p.minor, p.patch) {
            (None, _, _) => out.push(if inc {
                ge(ver(0, 0, 0, true))
            } else {
                Comparator::Any
            }),
            (Some(m), None, _) => {
                out.push(ge(ver(m, 0, 0, inc)));
                out.push(lt(ver(m + 1, 0, 0, true)));
            }
            (Some(m), Some(n), None) => {
                out.push(ge(ver(m, n, 0, inc)));
                out.push(lt(ver(m, n + 1, 0, true)));
            }
            (Some(m), Some(n), Some(_)) => {
                out.push(ge(p.full()?));
                out.push(lt(ver(m, n + 1, 0, true)));
            }
        },
        _ => {
            let any_x = p.patch.is_none();
            let gtlt = if op == "=" && any_x { "" } else { op };
            match (p.major, p.minor, p.patch) {
                (None, _, _) => {
                    if gtlt == ">" || gtlt == "<" {
                        out.push(lt(ver(0, 0, 0, true)));
                    } else {
                        out.push(if inc {
                            ge(ver(0, 0, 0, true))
                        } else {
                            Comparator::Any
                        });
                    }
                }
                (Some(m), minor, None) if !gtlt.is_empty() => {
                    let xm = minor.is_none();
                    let (mut mj, mut mn) = (m, minor.unwrap_or(0));
                    let mut g = gtlt;
                    let mut pre0 = inc;
                    if g == ">" {
                        g = ">=";
                        if xm {
                            mj += 1;
                            mn = 0;
                        } else {
                            mn += 1;
                        }
                    } else if g == "<=" {
                        g = "<";
                        if xm {
                            mj += 1;
                        } else {
                            mn += 1;
                        }
                    }
                    if g == "<" {
                        pre0 = true;
                    }
                    let v = ver(mj, mn, 0, pre0);
                    out.push(match g {
                        ">=" => ge(v),
                        "<" => lt(v),
                        _ => Comparator::Cmp(Op::Eq, v),
                    });
                }
                (Some(m), None, _) => {
                    out.push(ge(ver(m, 0, 0, inc)));
                    out.push(lt(ver(m + 1, 0, 0, true)));
                }
                (Some(m), Some(n), None) => {
                    out.push(ge(ver(m, n, 0, inc)));
                    out.push(lt(ver(m, n + 1, 0, true)));
                }
                (Some(_), Some(_), Some(_)) => {
                    let v = p.full()?;
                    out.push(Comparator::Cmp(
                        match gtlt {
                            "<" => Op::Lt,
                            "<=" => Op::Le,
                            ">" => Op::Gt,
                            ">=" => Op::Ge,
                            _ => Op::Eq,
                        },
                        v,
                    ));
                }
            }
        }
    }
    Some(())
}

/// A full version kept as written must read `v?M.m.p...` in strict mode.
fn strict_full(text: &str, o: NpmOptions) -> Option<()> {
    let t = text.strip_prefix('v').unwrap_or(text);
    (o.loose || t.starts_with(|c: char| c.is_ascii_digit())).then_some(())
}

/// `A - B`.
fn hyphen(from: &str, to: &str, o: NpmOptions, out: &mut Vec<Comparator>) -> Option<()> {
    let inc = o.include_prerelease;
    let f = partial(from, o.loose)?;
    let t = partial(to, o.loose)?;
    match (f.major, f.minor, f.patch) {
        (None, _, _) => {}
        (Some(m), None, _) => out.push(Comparator::Cmp(Op::Ge, ver(m, 0, 0, inc))),
        (Some(m), Some(n), None) => out.push(Comparator::Cmp(Op::Ge, ver(m, n, 0, inc))),
        (Some(_), Some(_), Some(_)) => {
            // node-semver writes `>=` before the text as given (`=0.3.5 - 2` is invalid).
            strict_full(from, o)?;
            let mut v = f.full()?;
            if v.pre.is_empty() && inc {
                v.pre = vec![Identifier::Numeric(0)];
            }
            out.push(Comparator::Cmp(Op::Ge, v));
        }
    }
    match (t.major, t.minor, t.patch) {
        (None, _, _) => {}
        (Some(m), None, _) => out.push(Comparator::Cmp(Op::Lt, ver(m + 1, 0, 0, true))),
        (Some(m), Some(n), None) => out.push(Comparator::Cmp(Op::Lt, ver(m, n + 1, 0, true))),
        (Some(m), Some(n), Some(q)) => {
            let v = t.full()?;
            if v.pre.is_empty() && inc {
                out.push(Comparator::Cmp(Op::Lt, ver(m, n, q + 1, true)));
            } else {
                if v.pre.is_empty() {
                    // Only here is the text kept as written (`<=` + text).
                    strict_full(to, o)?;
                }
                out.push(Comparator::Cmp(Op::Le, v));
            }
        }
    }
    if out.is_empty() {
        out.push(Comparator::Any);
    }
    Some(())
}

/// Splits a comparator set into tokens, gluing operators to the version that follows
/// (`>= 1.0` -> `>=1.0`, `~> 1` -> `~>1`, `^ 1` -> `^1`).
fn tokens(set: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending = String::new();
    for w in set.split_whitespace() {
        let is_op = !w.is_empty()
            && w.bytes()
                .all(|c| matches!(c, b'<' | b'>' | b'=' | b'~' | b'^'));
        if is_op {
            pending.push_str(w);
            continue;
        }
        if pending.is_empty() {
            out.push(w.to_owned());
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

/// node-semver's simplification of alternatives: sets that match nothing (`<0.0.0-0`) are
/// dropped while another remains, and a set that is only `*` makes the whole range `*` (so
/// `* || >=1.0.0-0` does not let a prerelease through).
fn collapse(sets: &mut Vec<Vec<Comparator>>) {
    if sets.len() < 2 {
        return;
    }
    let null = Comparator::Cmp(Op::Lt, ver(0, 0, 0, true));
    let first = sets[0].clone();
    sets.retain(|s| s.first() != Some(&null));
    if sets.is_empty() {
        sets.push(first);
    } else if let Some(any) = sets
        .iter()
        .position(|s| s.len() == 1 && s[0] == Comparator::Any)
    {
        let keep = sets.swap_remove(any);
        *sets = vec![keep];
    }
}

impl NpmRange {
    /// Parses a range with node-semver's options.
    pub fn parse(input: &str, options: NpmOptions) -> Result<Self, VersionError> {
        let mut sets = Vec::new();
        for alt in input.split("||") {
            let alt = alt.trim();
            let mut set = Vec::new();
            let words: Vec<&str> = alt.split_whitespace().collect();
            if words.len() == 3 && words[1] == "-" {
                if hyphen(words[0], words[2], options, &mut set).is_none() {
                    return Err(bad(input, format!("invalid hyphen range {alt:?}")));
                }
            } else {
                for tok in tokens(alt) {
                    let mut one = Vec::new();
                    match comparator(&tok, options, &mut one) {
                        Some(()) => set.extend(one),
                        None if options.loose => {}
                        None => return Err(bad(input, format!("invalid comparator {tok:?}"))),
                    }
                }
                if set.is_empty() && (alt.is_empty() || !options.loose) {
                    set.push(Comparator::Any);
                }
            }
            if !set.is_empty() {
                sets.push(set);
            }
        }
        if sets.is_empty() {
            return Err(bad(input, "no valid comparator"));
        }
        collapse(&mut sets);
        Ok(NpmRange { sets, options })
    }

    /// Whether `version` satisfies the range.
    pub fn matches(&self, version: &SemVersion) -> bool {
        self.sets.iter().any(|set| self.test_set(set, version))
    }

    fn test_set(&self, set: &[Comparator], v: &SemVersion) -> bool {
        let all = set.iter().all(|c| match c {
            Comparator::Any => true,
            Comparator::Cmp(op, x) => op.test(v.cmp(x)),
        });
        if !all {
            return false;
        }
        if v.is_prerelease() && !self.options.include_prerelease {
            return set.iter().any(|c| match c {
                Comparator::Any => false,
                Comparator::Cmp(_, x) => x.is_prerelease() && x.triple() == v.triple(),
            });
        }
        true
    }
}

impl FromStr for NpmRange {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NpmRange::parse(s, NpmOptions::default())
    }
}

impl fmt::Display for NpmRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, set) in self.sets.iter().enumerate() {
            if i > 0 {
                f.write_str(" || ")?;
            }
            for (j, c) in set.iter().enumerate() {
                if j > 0 {
                    f.write_str(" ")?;
                }
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// node-semver's `satisfies(version, range, options)`: errors when the range does not parse
/// or the version is not a SemVer version (node-semver answers `false` for both).
pub fn npm_satisfies(
    version: &str,
    range: &str,
    options: NpmOptions,
) -> Result<bool, VersionError> {
    let r = NpmRange::parse(range, options)?;
    let v = if options.loose {
        SemVersion::parse_loose(version)?
    } else {
        SemVersion::parse(version)?
    };
    Ok(r.matches(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sat(v: &str, r: &str) -> bool {
        npm_satisfies(v, r, NpmOptions::default()).unwrap()
    }

    #[test]
    fn caret_tilde_x_hyphen() {
        assert!(sat("1.8.1", "^1.2.3"));
        assert!(!sat("2.0.0", "^1.2.3"));
        assert!(!sat("0.0.2", "^0.0.1"));
        assert!(sat("1.2.9", "~1.2.3"));
        assert!(sat("1.9.9", "1.x || >=2.5.0"));
        assert!(sat("2.4.3", "1.2.3 - 2.4.3"));
        assert!(!sat("1.2.4-beta", "^1.2.3"));
        assert!(sat("1.2.4-beta", ">=1.2.4-alpha <2"));
        assert_eq!(
            NpmRange::parse("^1.2.3 || ~0.1", NpmOptions::default())
                .unwrap()
                .to_string(),
            ">=1.2.3 <2.0.0-0 || >=0.1.0 <0.2.0-0"
        );
        assert!(NpmRange::parse(">=foo", NpmOptions::default()).is_err());
    }
}
