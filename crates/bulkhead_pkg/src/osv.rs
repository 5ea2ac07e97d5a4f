//! OSV `affected[]` entries: their ranges, and whether an installed version is affected.
//!
//! Owns: [`OsvAffected`] (deserialised straight from an OSV JSON `affected[]` entry; the
//! `package`, `severity` and `*_specific` fields are ignored), the evaluation of `ECOSYSTEM`
//! and `SEMVER` ranges with `introduced` / `fixed` / `last_affected` / `limit` events as the
//! OSV schema's reference algorithm defines it, explicit `versions` lists, and the "fixed in"
//! versions. `GIT` ranges name commits, which an installed version cannot be ordered against,
//! so they are skipped.

use crate::version::go::GoVersion;
use crate::version::semver::SemVersion;
use crate::{Scheme, VersionError, compare};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// One `affected[]` entry of an OSV advisory (the parts that decide a match).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OsvAffected {
    /// `ranges[]`.
    #[serde(default)]
    pub ranges: Vec<OsvRange>,
    /// `versions[]`: versions listed as affected one by one.
    #[serde(default)]
    pub versions: Vec<String>,
}

/// One `ranges[]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OsvRange {
    /// `type`.
    #[serde(rename = "type")]
    pub kind: RangeKind,
    /// `events[]`, in any order.
    #[serde(default)]
    pub events: Vec<OsvEvent>,
    /// `repo`, for `GIT` ranges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repo: Option<String>,
}

/// The `type` of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RangeKind {
    /// Versions in the ecosystem's own ordering.
    Ecosystem,
    /// SemVer 2.0.0 versions (without a `v` prefix).
    Semver,
    /// Git commits: not evaluated against versions.
    Git,
}

/// One event of a range: `{"introduced": "1.0"}` and so on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OsvEvent {
    /// The first affected version (`"0"`: every version before the next event).
    Introduced(String),
    /// The first version no longer affected.
    Fixed(String),
    /// The last affected version.
    LastAffected(String),
    /// Versions at or above this are outside the range (`"*"`: no limit).
    Limit(String),
}

impl OsvEvent {
    /// The version the event names.
    pub fn version(&self) -> &str {
        match self {
            OsvEvent::Introduced(v)
            | OsvEvent::Fixed(v)
            | OsvEvent::LastAffected(v)
            | OsvEvent::Limit(v) => v,
        }
    }

    /// Order among events naming equal versions: a fix or last-affected at the version
    /// where the range was introduced closes it.
    fn tie_rank(&self) -> u8 {
        match self {
            OsvEvent::Introduced(_) => 0,
            OsvEvent::LastAffected(_) => 1,
            OsvEvent::Fixed(_) => 2,
            OsvEvent::Limit(_) => 3,
        }
    }
}

impl OsvAffected {
    /// Every `fixed` version of the ECOSYSTEM and SEMVER ranges, in the order given.
    pub fn all_fixed(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for r in self.ranges.iter().filter(|r| r.kind != RangeKind::Git) {
            for e in &r.events {
                if let OsvEvent::Fixed(v) = e
                    && !out.contains(&v.as_str())
                {
                    out.push(v);
                }
            }
        }
        out
    }
}

/// The comparison a range uses: the scheme's own for ECOSYSTEM ranges; SemVer (Go's reading
/// for Go modules, which may carry a `v`) for SEMVER ranges.
fn range_cmp(scheme: Scheme, kind: RangeKind, a: &str, b: &str) -> Result<Ordering, VersionError> {
    match (kind, scheme) {
        (RangeKind::Semver, Scheme::Go) => Ok(GoVersion::parse(a)?.cmp(&GoVersion::parse(b)?)),
        (RangeKind::Semver, _) => Ok(SemVersion::parse(a)?.cmp(&SemVersion::parse(b)?)),
        _ => compare(scheme, a, b),
    }
}

/// Whether the event's condition holds for `version` (`introduced`/`fixed`: version >= event;
/// `last_affected`: version > event).
fn holds(
    scheme: Scheme,
    kind: RangeKind,
    version: &str,
    event: &OsvEvent,
) -> Result<bool, VersionError> {
    if let OsvEvent::Introduced(v) = event
        && v == "0"
    {
        return Ok(true);
    }
    let o = range_cmp(scheme, kind, version, event.version())?;
    Ok(match event {
        OsvEvent::LastAffected(_) => o == Ordering::Greater,
        _ => o != Ordering::Less,
    })
}

/// Event order: by version (`introduced: "0"` first), then by [`OsvEvent::tie_rank`].
fn event_cmp(
    scheme: Scheme,
    kind: RangeKind,
    a: &OsvEvent,
    b: &OsvEvent,
) -> Result<Ordering, VersionError> {
    let zero = |e: &OsvEvent| matches!(e, OsvEvent::Introduced(v) if v == "0");
    let by_version = match (zero(a), zero(b)) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => range_cmp(scheme, kind, a.version(), b.version())?,
    };
    Ok(by_version.then(a.tie_rank().cmp(&b.tie_rank())))
}

/// Whether `version` is inside one range: the last event (in version order) whose condition
/// holds decides, as in the OSV schema's reference algorithm; `limit` events bound it.
pub fn range_includes(
    scheme: Scheme,
    version: &str,
    range: &OsvRange,
) -> Result<bool, VersionError> {
    if range.kind == RangeKind::Git {
        return Ok(false);
    }
    let mut last: Option<&OsvEvent> = None;
    let mut limits = Vec::new();
    for e in &range.events {
        if let OsvEvent::Limit(l) = e {
            limits.push(l.as_str());
            continue;
        }
        if holds(scheme, range.kind, version, e)? {
            last = match last {
                Some(best) if event_cmp(scheme, range.kind, e, best)? != Ordering::Greater => {
                    Some(best)
                }
                _ => Some(e),
            };
        }
    }
    let inside = matches!(last, Some(OsvEvent::Introduced(_)));
    if !inside || limits.is_empty() {
        return Ok(inside);
    }
    for l in limits {
        if l == "*" || range_cmp(scheme, range.kind, version, l)? == Ordering::Less {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether `version` is affected: inside any ECOSYSTEM or SEMVER range, or listed in
/// `versions` (by text, or equal under the scheme).
///
/// Errors when the installed version or an event's version is not a version of the scheme.
pub fn osv_affected(
    scheme: Scheme,
    version: &str,
    affected: &OsvAffected,
) -> Result<bool, VersionError> {
    compare(scheme, version, version)?;
    for r in &affected.ranges {
        if range_includes(scheme, version, r)? {
            return Ok(true);
        }
    }
    Ok(affected
        .versions
        .iter()
        .any(|v| v == version || compare(scheme, version, v).is_ok_and(|o| o == Ordering::Equal)))
}

/// The `fixed` versions that would cure `version`: for each range that contains it, the
/// lowest fix above it; lowest first, without duplicates. Empty when no range contains it or no fix
/// exists.
pub fn fixed_versions(
    scheme: Scheme,
    version: &str,
    affected: &OsvAffected,
) -> Result<Vec<String>, VersionError> {
    let mut out: Vec<String> = Vec::new();
    for r in &affected.ranges {
        if !range_includes(scheme, version, r)? {
            continue;
        }
        // The fix that closes the segment holding the version: the lowest fix above it.
        let mut best: Option<&String> = None;
        for e in &r.events {
            if let OsvEvent::Fixed(f) = e
                && range_cmp(scheme, r.kind, f, version)? == Ordering::Greater
                && match best {
                    None => true,
                    Some(b) => range_cmp(scheme, r.kind, f, b)? == Ordering::Less,
                }
            {
                best = Some(f);
            }
        }
        if let Some(f) = best
            && !out.contains(f)
        {
            out.push(f.clone());
        }
    }
    // Insertion sort: never panics, even where a scheme's comparison is not a total order
    // (rpm ignores a missing release) or a SEMVER range's fix does not parse under the scheme.
    for i in 1..out.len() {
        let mut j = i;
        while j > 0
            && compare(scheme, &out[j - 1], &out[j])
                .map_or_else(|_| out[j - 1] > out[j], |o| o == Ordering::Greater)
        {
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn affected(json: &str) -> OsvAffected {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn ecosystem_range_with_fix() {
        let a = affected(
            r#"{"package":{"ecosystem":"PyPI","name":"x"},"ranges":[{"type":"ECOSYSTEM",
            "events":[{"introduced":"0"},{"fixed":"1.2.0"},{"introduced":"2.0"},{"fixed":"2.0.3"}]}],
            "versions":["0.9"]}"#,
        );
        let is = |v| osv_affected(Scheme::Pep440, v, &a).unwrap();
        assert!(is("0.1"));
        assert!(is("1.1.9"));
        assert!(!is("1.2"));
        assert!(!is("1.9"));
        assert!(is("2.0.0"));
        assert!(is("2.0.3rc1"));
        assert!(!is("2.0.3"));
        assert_eq!(
            fixed_versions(Scheme::Pep440, "2.0.1", &a).unwrap(),
            ["2.0.3"]
        );
        assert_eq!(
            fixed_versions(Scheme::Pep440, "1.0", &a).unwrap(),
            ["1.2.0"]
        );
        assert!(
            fixed_versions(Scheme::Pep440, "1.5", &a)
                .unwrap()
                .is_empty()
        );
        assert_eq!(a.all_fixed(), ["1.2.0", "2.0.3"]);
    }

    #[test]
    fn last_affected_and_limit() {
        let a = affected(
            r#"{"ranges":[{"type":"SEMVER","events":[{"introduced":"1.0.0"},{"last_affected":"1.4.0"}]},
            {"type":"ECOSYSTEM","events":[{"introduced":"3.0.0"},{"limit":"3.5.0"}]},
            {"type":"GIT","repo":"https://x","events":[{"introduced":"abc"}]}]}"#,
        );
        let is = |v| osv_affected(Scheme::Semver, v, &a).unwrap();
        assert!(!is("0.9.0"));
        assert!(is("1.4.0"));
        assert!(!is("1.4.1"));
        assert!(is("3.4.9"));
        assert!(!is("3.5.0"));
        assert!(osv_affected(Scheme::Semver, "garbage", &a).is_err());
    }

    #[test]
    fn go_semver_ranges_take_v_prefixed_versions() {
        let a = affected(
            r#"{"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"0.17.0"}]}]}"#,
        );
        assert!(osv_affected(Scheme::Go, "v0.16.0", &a).unwrap());
        assert!(osv_affected(Scheme::Go, "v0.0.0-20220101000000-abcdefabcdef", &a).unwrap());
        assert!(!osv_affected(Scheme::Go, "v0.17.0", &a).unwrap());
        assert_eq!(
            fixed_versions(Scheme::Go, "v0.16.0", &a).unwrap(),
            ["0.17.0"]
        );
    }

    #[test]
    fn events_in_any_order() {
        let a = affected(
            r#"{"ranges":[{"type":"ECOSYSTEM","events":[{"fixed":"1.0.5-r0"},{"introduced":"1.0.0-r0"}]}]}"#,
        );
        assert!(osv_affected(Scheme::Apk, "1.0.3-r2", &a).unwrap());
        assert!(!osv_affected(Scheme::Apk, "1.0.5-r0", &a).unwrap());
    }
}
