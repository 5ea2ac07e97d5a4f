//! PEP 440 version specifiers (`>=1.0, !=1.3.*, <2`), matched as
//! `packaging.specifiers.SpecifierSet.contains` matches them.
//!
//! Owns: the operators `~=`, `==` (with `.*` prefix matching and local versions), `!=`,
//! `<=`, `>=`, `<`, `>` (with PEP 440's exclusions of pre-, post- and local releases of the
//! bound itself), `===`; and the prerelease rule (prereleases match only when a specifier
//! names one, unless asked).

use crate::VersionError;
use crate::version::pep440::{Number, Pep440Version};
use std::cmp::Ordering;

/// A specifier operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpecOp {
    /// `~=` compatible release.
    Compatible,
    /// `==`.
    Equal,
    /// `!=`.
    NotEqual,
    /// `<=`.
    LessEqual,
    /// `>=`.
    GreaterEqual,
    /// `<`.
    Less,
    /// `>`.
    Greater,
    /// `===` arbitrary (string) equality.
    Arbitrary,
}

/// One specifier.
#[derive(Debug, Clone)]
pub struct Specifier {
    /// The operator.
    pub op: SpecOp,
    /// The version text as written (without `.*`).
    pub text: String,
    /// The parsed version (`None` only for `===` on a non-PEP 440 string).
    pub version: Option<Pep440Version>,
    /// Whether `==`/`!=` ended with `.*`.
    pub wildcard: bool,
}

/// A comma-separated set of specifiers (all must hold; empty matches everything).
#[derive(Debug, Clone, Default)]
pub struct SpecifierSet {
    /// The specifiers.
    pub specifiers: Vec<Specifier>,
}

fn bad(input: &str, reason: impl Into<String>) -> VersionError {
    VersionError::range("pep440", input, reason)
}

impl Specifier {
    /// Parses one specifier.
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        let s = input.trim();
        let ops: [(&str, SpecOp); 8] = [
            ("===", SpecOp::Arbitrary),
            ("~=", SpecOp::Compatible),
            ("==", SpecOp::Equal),
            ("!=", SpecOp::NotEqual),
            ("<=", SpecOp::LessEqual),
            (">=", SpecOp::GreaterEqual),
            ("<", SpecOp::Less),
            (">", SpecOp::Greater),
        ];
        let (op, rest) = ops
            .iter()
            .find_map(|(p, op)| s.strip_prefix(p).map(|r| (*op, r.trim())))
            .ok_or_else(|| {
                bad(
                    input,
                    "expected an operator (~=, ==, !=, <=, >=, <, >, ===)",
                )
            })?;
        if rest.is_empty() {
            return Err(bad(input, "missing version"));
        }
        if op == SpecOp::Arbitrary {
            return Ok(Specifier {
                op,
                text: rest.to_owned(),
                version: Pep440Version::parse(rest).ok(),
                wildcard: false,
            });
        }
        let (text, wildcard) = match rest.strip_suffix(".*") {
            Some(t) if matches!(op, SpecOp::Equal | SpecOp::NotEqual) => (t, true),
            Some(_) => return Err(bad(input, "'.*' is only allowed with == and !=")),
            None => (rest, false),
        };
        let version = Pep440Version::parse(text).map_err(|e| bad(input, e.to_string()))?;
        if !version.local.is_empty() && !matches!(op, SpecOp::Equal | SpecOp::NotEqual) {
            return Err(bad(input, "local versions are only allowed with == and !="));
        }
        if wildcard && !version.local.is_empty() {
            return Err(bad(input, "a prefix match cannot have a local version"));
        }
        if op == SpecOp::Compatible && version.release.len() < 2 {
            return Err(bad(input, "~= needs at least two release segments"));
        }
        Ok(Specifier {
            op,
            text: text.to_owned(),
            version: Some(version),
            wildcard,
        })
    }

    /// Whether the specifier names a prerelease (which lets prereleases match).
    fn names_prerelease(&self) -> bool {
        self.op != SpecOp::NotEqual
            && self
                .version
                .as_ref()
                .is_some_and(Pep440Version::is_prerelease)
    }

    /// Whether `v` satisfies this specifier (prerelease filtering aside).
    pub fn contains(&self, v: &Pep440Version, raw: &str) -> bool {
        let Some(spec) = &self.version else {
            return raw.trim().eq_ignore_ascii_case(self.text.trim());
        };
        match self.op {
            SpecOp::Arbitrary => raw.trim().eq_ignore_ascii_case(self.text.trim()),
            SpecOp::Equal if self.wildcard => prefix_match(v, spec),
            SpecOp::NotEqual if self.wildcard => !prefix_match(v, spec),
            SpecOp::Equal => equal(v, spec),
            SpecOp::NotEqual => !equal(v, spec),
            SpecOp::LessEqual => v.public().cmp(spec) != Ordering::Greater,
            SpecOp::GreaterEqual => v.public().cmp(spec) != Ordering::Less,
            SpecOp::Less => {
                v < spec && !(!spec.is_prerelease() && v.is_prerelease() && base(v) == base(spec))
            }
            SpecOp::Greater => {
                v > spec
                    && !(spec.post.is_none() && v.post.is_some() && base(v) == base(spec))
                    && (v.local.is_empty() || base(v) != base(spec))
            }
            SpecOp::Compatible => {
                let mut prefix = spec.clone();
                prefix.release.pop();
                prefix.pre = None;
                prefix.post = None;
                prefix.dev = None;
                prefix.local.clear();
                v.public().cmp(spec) != Ordering::Less && prefix_match(v, &prefix)
            }
        }
    }
}

/// `epoch!release` only.
fn base(v: &Pep440Version) -> Pep440Version {
    Pep440Version {
        epoch: v.epoch.clone(),
        release: v.release.clone(),
        pre: None,
        post: None,
        dev: None,
        local: Vec::new(),
    }
}

fn equal(v: &Pep440Version, spec: &Pep440Version) -> bool {
    if spec.local.is_empty() {
        v.public() == *spec
    } else {
        v == spec
    }
}

/// `==spec.*`: the candidate (without local label), release zero-padded, starts with spec.
fn prefix_match(v: &Pep440Version, spec: &Pep440Version) -> bool {
    if v.epoch != spec.epoch {
        return false;
    }
    let n = spec.release.len();
    let padded = |i: usize| v.release.get(i).unwrap_or(&Number::ZERO);
    if (0..n).any(|i| *padded(i) != spec.release[i]) {
        return false;
    }
    let has_suffix = spec.pre.is_some() || spec.post.is_some() || spec.dev.is_some();
    if !has_suffix {
        return true;
    }
    // A suffix in the prefix must match exactly, and the candidate's release must end there.
    v.release.len() <= n
        && v.pre == spec.pre
        && (spec.post.is_none() || v.post == spec.post)
        && (spec.dev.is_none() || v.dev == spec.dev)
}

impl SpecifierSet {
    /// Parses `spec[, spec]...` (an empty string is the empty set).
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        let specifiers = input
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Specifier::parse)
            .collect::<Result<_, _>>()?;
        Ok(SpecifierSet { specifiers })
    }

    /// `SpecifierSet.contains(version, prereleases)`: `None` lets prereleases match only if
    /// a specifier names a prerelease.
    pub fn contains(&self, version: &str, prereleases: Option<bool>) -> Result<bool, VersionError> {
        let v = Pep440Version::parse(version)?;
        let allow_pre =
            prereleases.unwrap_or_else(|| self.specifiers.iter().any(Specifier::names_prerelease));
        if v.is_prerelease() && !allow_pre {
            return Ok(false);
        }
        Ok(self.specifiers.iter().all(|s| s.contains(&v, version)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(spec: &str, v: &str) -> bool {
        SpecifierSet::parse(spec)
            .unwrap()
            .contains(v, None)
            .unwrap()
    }

    #[test]
    fn specifiers() {
        assert!(has(">=1.0, <2.0", "1.5"));
        assert!(!has(">=1.0, <2.0", "2.0"));
        assert!(!has(">=1.0", "2.0b1"));
        assert!(has(">=1.0b1", "2.0b1"));
        assert!(has("~=2.2", "2.9"));
        assert!(!has("~=2.2", "3.0"));
        assert!(has("~=1.4.5", "1.4.9"));
        assert!(!has("~=1.4.5", "1.5.0"));
        assert!(has("==1.1.*", "1.1.post1"));
        assert!(!has("==1.1.*", "1.2"));
        assert!(has("!=1.1.*", "1.2"));
        assert!(has("==1.0", "1.0+local"));
        assert!(!has("==1.0+a", "1.0+b"));
        assert!(!has("<1.0", "1.0rc1") || has("<1.0rc2", "1.0rc1"));
        assert!(!has(">1.0", "1.0.post1"));
        assert!(has(">1.0.post1", "1.0.post2"));
        assert!(has("", "3"));
        assert!(has("===1.0", "1.0"));
        for bad in ["1.0", ">=", "~=1", ">=1.0.*", "<1.0+l", "==1.0+a.*"] {
            assert!(SpecifierSet::parse(bad).is_err(), "{bad:?}");
        }
    }
}
