//! Go module versions, ordered as `golang.org/x/mod/semver` orders them.
//!
//! Owns: the `v` prefix (optional here, since OSV ranges drop it), the `vMAJOR` and
//! `vMAJOR.MINOR` shorthands, `+incompatible` (build metadata, ignored for order),
//! pseudo-versions (`v0.0.0-20191109021931-daa7c04131f5`, ordinary prereleases) and Go
//! toolchain spellings (`go1.21.3`, `go1.22rc1`) as found in binaries' build info.

use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A Go module version: `golang.org/x/mod/semver`'s reading, numbers of any size.
#[derive(Debug, Clone)]
pub struct GoVersion {
    text: Box<str>,
    major: Box<str>,
    minor: Box<str>,
    patch: Box<str>,
    /// Dot-separated prerelease identifiers without the leading `-` (empty for a release).
    pre: Box<str>,
    /// Build metadata without the leading `+` (ignored for order).
    build: Box<str>,
}

fn err(input: &str, reason: &'static str) -> VersionError {
    VersionError::invalid(Scheme::Go, input, reason)
}

/// x/mod's numbers: `0` or digits without a leading zero.
fn is_good_num(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
}

/// Dot-separated identifiers of `[0-9A-Za-z-]`; prerelease numbers without leading zeros.
fn idents_ok(s: &str, prerelease: bool) -> bool {
    s.split('.').all(|id| {
        !id.is_empty()
            && id.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
            && !(prerelease
                && id.bytes().all(|c| c.is_ascii_digit())
                && id.len() > 1
                && id.starts_with('0'))
    })
}

/// Integers as digit strings without leading zeros: longer is bigger, then digit by digit.
fn cmp_int(a: &str, b: &str) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// x/mod's `comparePrerelease`: a release sorts after its prereleases; identifiers compare
/// numerically when both are numbers, numbers before words, then by ASCII.
fn cmp_pre(x: &str, y: &str) -> Ordering {
    if x == y {
        return Ordering::Equal;
    }
    if x.is_empty() {
        return Ordering::Greater;
    }
    if y.is_empty() {
        return Ordering::Less;
    }
    let (mut xs, mut ys) = (x.split('.'), y.split('.'));
    loop {
        match (xs.next(), ys.next()) {
            (Some(dx), Some(dy)) if dx != dy => {
                let nx = dx.bytes().all(|c| c.is_ascii_digit());
                let ny = dy.bytes().all(|c| c.is_ascii_digit());
                return match (nx, ny) {
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                    (true, true) => cmp_int(dx, dy),
                    (false, false) => dx.cmp(dy),
                };
            }
            (Some(_), Some(_)) => {}
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
        }
    }
}

fn digits_trimmed(s: &str) -> Box<str> {
    let t = s.trim_start_matches('0');
    if t.is_empty() { "0".into() } else { t.into() }
}

impl GoVersion {
    /// Parses a module version with or without its `v`, or a `go1.x` toolchain version
    /// (`go1.21`, `go1.21.3`, `go1.22rc1`, `go1.9beta2`). Surrounding whitespace is refused,
    /// as x/mod refuses it.
    pub fn parse(input: &str) -> Result<Self, VersionError> {
        if let Some(rest) = input.strip_prefix("go") {
            return Self::toolchain(input, rest);
        }
        let body = input.strip_prefix('v').unwrap_or(input);
        let shape = || err(input, "expected vMAJOR[.MINOR[.PATCH[-PRE][+BUILD]]]");
        let (core, build) = match body.split_once('+') {
            Some((c, b)) => (c, Some(b)),
            None => (body, None),
        };
        let (nums, pre) = match core.split_once('-') {
            Some((n, p)) => (n, Some(p)),
            None => (core, None),
        };
        let mut it = nums.split('.');
        let (major, minor, patch) = (it.next(), it.next(), it.next());
        if it.next().is_some() {
            return Err(shape());
        }
        let (major, minor, patch) = match (major, minor, patch) {
            (Some(a), Some(b), Some(c)) => (a, b, c),
            // x/mod's shorthands `v1` and `v1.2` take no prerelease and no build.
            (Some(a), b, None) if pre.is_none() && build.is_none() => (a, b.unwrap_or("0"), "0"),
            _ => return Err(shape()),
        };
        if ![major, minor, patch].into_iter().all(is_good_num) {
            return Err(err(
                input,
                "major, minor and patch must be numbers without leading zeros",
            ));
        }
        if pre.is_some_and(|p| !idents_ok(p, true)) {
            return Err(err(
                input,
                "prerelease identifiers must be [0-9A-Za-z-]+, numbers without leading zeros",
            ));
        }
        if build.is_some_and(|b| !idents_ok(b, false)) {
            return Err(err(input, "build identifiers must be [0-9A-Za-z-]+"));
        }
        Ok(GoVersion {
            text: input.into(),
            major: major.into(),
            minor: minor.into(),
            patch: patch.into(),
            pre: pre.unwrap_or("").into(),
            build: build.unwrap_or("").into(),
        })
    }

    /// `go1.21`, `go1.21.3`, `go1.22rc1`, `go1.9beta2` -> `v1.21.0`, `v1.21.3`,
    /// `v1.22.0-rc.1`, `v1.9.0-beta.2`.
    fn toolchain(input: &str, rest: &str) -> Result<Self, VersionError> {
        let cut = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (nums, pre) = rest.split_at(cut);
        let parts: Vec<&str> = nums.split('.').collect();
        if parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(err(input, "not a Go toolchain version"));
        }
        let n = |i: usize| {
            parts
                .get(i)
                .map_or_else(|| "0".into(), |p| digits_trimmed(p))
        };
        let pre: Box<str> = if pre.is_empty() {
            "".into()
        } else {
            let (label, num) =
                pre.split_at(pre.find(|c: char| c.is_ascii_digit()).unwrap_or(pre.len()));
            if !matches!(label, "rc" | "beta" | "alpha")
                || num.is_empty()
                || !num.bytes().all(|c| c.is_ascii_digit())
            {
                return Err(err(input, "Go prerelease must be rcN, betaN or alphaN"));
            }
            format!("{label}.{}", digits_trimmed(num)).into()
        };
        Ok(GoVersion {
            text: input.into(),
            major: n(0),
            minor: n(1),
            patch: n(2),
            pre,
            build: "".into(),
        })
    }

    /// Whether this is a pseudo-version (`vX.Y.Z-[pre.]yyyymmddhhmmss-abcdefabcdef`).
    pub fn is_pseudo(&self) -> bool {
        let last = self.pre.rsplit('.').next().unwrap_or("");
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
        self.build.split('.').any(|b| b == "incompatible")
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
        cmp_int(&self.major, &other.major)
            .then_with(|| cmp_int(&self.minor, &other.minor))
            .then_with(|| cmp_int(&self.patch, &other.patch))
            .then_with(|| cmp_pre(&self.pre, &other.pre))
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
        // No numeric limit (x/mod compares digit strings).
        assert_eq!(
            compare_str("v9007199254740992.0.0", "v9007199254740991.0.0").unwrap(),
            Ordering::Greater
        );
        assert_eq!(
            compare_str(
                "v1.0.0-99999999999999999999",
                "v1.0.0-100000000000000000000"
            )
            .unwrap(),
            Ordering::Less
        );
        assert_eq!(
            compare_str("v1.0.0-99999999999999999999", "v1.0.0-a").unwrap(),
            Ordering::Less
        );
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
            " v1.2.3",
            "v1.2.3 ",
            "v1.2.3\n",
            "v1.2.3-",
            "v1.2.3-a..b",
            "v1.2.3+",
            "v1.2.3+a_b",
        ] {
            assert!(GoVersion::parse(bad).is_err(), "{bad:?}");
        }
    }
}
