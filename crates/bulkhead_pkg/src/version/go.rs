//! Go module versions, ordered as `golang.org/x/mod/semver` orders them.
//!
//! Owns: the `v` prefix (optional here, since OSV ranges drop it), the `vMAJOR` and
//! `vMAJOR.MINOR` shorthands, `+incompatible` (build metadata, ignored for order),
//! pseudo-versions (`v0.0.0-20191109021931-daa7c04131f5`, ordinary prereleases) and Go
//! toolchain spellings (`go1.21.3`, `go1.22rc1`) as found in binaries' build info.

use super::semver::{Identifier, SemVersion};
use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A Go module version.
#[derive(Debug, Clone)]
pub struct GoVersion {
    text: Box<str>,
    semver: SemVersion,
}

fn err(input: &str, reason: &'static str) -> VersionError {
    VersionError::invalid(Scheme::Go, input, reason)
}

/// `go1.21`, `go1.21.3`, `go1.22rc1`, `go1.9beta2` -> SemVer.
fn toolchain(input: &str, rest: &str) -> Result<SemVersion, VersionError> {
    let cut = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let (nums, pre) = rest.split_at(cut);
    let parts: Vec<&str> = nums.split('.').collect();
    if parts.is_empty() || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
        return Err(err(input, "not a Go toolchain version"));
    }
    let n = |i: usize| -> Result<u64, VersionError> {
        parts.get(i).map_or(Ok(0), |p| {
            p.parse().map_err(|_| err(input, "number is too large"))
        })
    };
    let mut v = SemVersion::new(n(0)?, n(1)?, n(2)?);
    if !pre.is_empty() {
        let (label, num) =
            pre.split_at(pre.find(|c: char| c.is_ascii_digit()).unwrap_or(pre.len()));
        if !matches!(label, "rc" | "beta" | "alpha") || num.is_empty() {
            return Err(err(input, "Go prerelease must be rcN, betaN or alphaN"));
        }
        let num: u64 = num
            .parse()
            .map_err(|_| err(input, "bad prerelease number"))?;
        v.pre = vec![
            Identifier::Alphanumeric(label.into()),
            Identifier::Numeric(num),
        ];
    }
    Ok(v)
}

impl GoVersion {
    /// Parses a module version with or without its `v`, or a `go1.x` toolchain version.
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        let s = input.trim();
        if let Some(rest) = s.strip_prefix("go") {
            return Ok(GoVersion {
                text: s.into(),
                semver: toolchain(input, rest)?,
            });
        }
        let body = s.strip_prefix('v').unwrap_or(s);
        if body.is_empty() || body.starts_with(['v', '=', ' ']) {
            return Err(err(input, "expected vMAJOR[.MINOR[.PATCH[-PRE][+BUILD]]]"));
        }
        let dots = body
            .split(['-', '+'])
            .next()
            .unwrap_or("")
            .matches('.')
            .count();
        let semver = if dots < 2 && !body.contains(['-', '+']) {
            // x/mod/semver shorthand: v1 == v1.0.0, v1.2 == v1.2.0.
            let full = if dots == 0 {
                format!("{body}.0.0")
            } else {
                format!("{body}.0")
            };
            SemVersion::parse(&full).map_err(|_| err(input, "not a valid Go module version"))?
        } else {
            SemVersion::parse(body).map_err(|e| match e {
                VersionError::InvalidVersion { reason, .. } => err(input, reason),
                other => other,
            })?
        };
        Ok(GoVersion {
            text: s.into(),
            semver,
        })
    }

    /// The SemVer reading of this version.
    pub fn semver(&self) -> &SemVersion {
        &self.semver
    }

    /// Whether this is a pseudo-version (`vX.Y.Z-[pre.]yyyymmddhhmmss-abcdefabcdef`).
    pub fn is_pseudo(&self) -> bool {
        let Some(Identifier::Alphanumeric(last)) = self.semver.pre.last() else {
            return false;
        };
        let mut parts = last.rsplitn(2, '-');
        let (Some(hash), Some(time)) = (parts.next(), parts.next()) else {
            return false;
        };
        let time = time.rsplit(['.', '-']).next().unwrap_or(time);
        hash.len() == 12
            && hash.bytes().all(|c| c.is_ascii_hexdigit())
            && time.len() == 14
            && time.bytes().all(|c| c.is_ascii_digit())
    }

    /// Whether the version carries `+incompatible`.
    pub fn is_incompatible(&self) -> bool {
        self.semver.build.iter().any(|b| &**b == "incompatible")
    }
}

impl FromStr for GoVersion {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        GoVersion::parse(s)
    }
}

impl fmt::Display for GoVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Ord for GoVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.semver.cmp(&other.semver)
    }
}

impl PartialOrd for GoVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for GoVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for GoVersion {}

pub(crate) fn compare_str(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(GoVersion::parse(a)?.cmp(&GoVersion::parse(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// golang.org/x/mod/semver's own ordering table: ascending, equal neighbours grouped.
    #[test]
    fn x_mod_semver_order() {
        let groups: &[&[&str]] = &[
            &["v1.0.0-alpha"],
            &["v1.0.0-alpha.1"],
            &["v1.0.0-alpha.beta"],
            &["v1.0.0-beta"],
            &["v1.0.0-beta.2"],
            &["v1.0.0-beta.11"],
            &["v1.0.0-rc.1"],
            &["v1", "v1.0", "v1.0.0"],
            &["v1.2", "v1.2.0"],
            &["v1.2.3-456"],
            &["v1.2.3-456.789"],
            &["v1.2.3-456-789"],
            &["v1.2.3-456a"],
            &["v1.2.3-pre", "v1.2.3-pre+meta"],
            &["v1.2.3-pre.1"],
            &["v1.2.3-zzz"],
            &[
                "v1.2.3",
                "v1.2.3+meta",
                "v1.2.3+meta-pre",
                "v1.2.3+meta-pre.sha.256a",
            ],
        ];
        let flat: Vec<(usize, &str)> = groups
            .iter()
            .enumerate()
            .flat_map(|(g, vs)| vs.iter().map(move |v| (g, *v)))
            .collect();
        for (gi, a) in &flat {
            for (gj, b) in &flat {
                assert_eq!(compare_str(a, b).unwrap(), gi.cmp(gj), "{a} {b}");
            }
        }
        assert_eq!(compare_str("v1.19", "v1.2").unwrap(), Ordering::Greater);
    }

    #[test]
    fn go_versions() {
        let v = |s: &str| GoVersion::parse(s).unwrap();
        assert_eq!(v("v1.2.3+incompatible"), v("1.2.3"));
        assert!(v("v0.0.0-20191109021931-daa7c04131f5") < v("v0.0.1"));
        assert!(v("v0.0.0-20191109021931-daa7c04131f5").is_pseudo());
        assert!(v("v1.2.4-0.20191109021931-daa7c04131f5").is_pseudo());
        assert_eq!(v("v1"), v("v1.0.0"));
        assert!(v("go1.22rc1") < v("go1.22.0"));
        assert_eq!(v("go1.21"), v("1.21.0"));
        for bad in [
            "",
            "v",
            "bad",
            "vv1.2.3",
            "v1.2.3.4",
            "v01.2.3",
            "go1.x",
            "v1-pre",
            "v1+meta",
            "v1.2-pre",
            "v1.2+meta",
            "v1.2.3-01",
        ] {
            assert!(GoVersion::parse(bad).is_err(), "{bad:?}");
        }
    }
}
