//! OSV `affected[]` entries: their ranges, and whether an installed version is affected.
//!
//! Owns: [`OsvAffected`] (deserialised straight from an OSV JSON `affected[]` entry; the
//! `package`, `severity` and `*_specific` fields are ignored), the evaluation of `ECOSYSTEM`
//! and `SEMVER` ranges with `introduced` / `fixed` / `last_affected` / `limit` events as the
//! OSV schema's reference algorithm defines it, explicit `versions` lists, and the "fixed in"
//! versions. `GIT` ranges name commits, which an installed version cannot be ordered against,
//! so they are skipped.

use crate::version::apk::{self, ApkGeneration};
use crate::version::gem::GemVersion;
use crate::version::go::GoVersion;
use crate::version::maven::MavenVersion;
use crate::version::nuget::NugetVersion;
use crate::version::pep440::Pep440Version;
use crate::version::semver::SemVersion;
use crate::version::{dpkg, rpm};
use crate::{Scheme, VersionError, compare};
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
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
        _ => crate::scheme::compare_in_range(scheme, a, b),
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
    Ok(affected.versions.iter().any(|v| {
        v == version
            || crate::scheme::compare_in_range(scheme, version, v)
                .is_ok_and(|o| o == Ordering::Equal)
    }))
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
    sort_fixes(scheme, &mut out);
    Ok(out)
}

/// Insertion sort: never panics, even where a scheme's comparison is not a total order
/// (apk's on invalid text) or a SEMVER range's fix does not parse under the scheme.
fn sort_fixes(scheme: Scheme, out: &mut [String]) {
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
}

/// A version read once under a scheme: one side of [`compare`], parsed exactly as `compare`
/// parses it (apk leniently, dpkg and rpm as borrowed parts), so comparing two keys gives
/// [`range_cmp`]'s answer without reading either text again.
#[derive(Debug, Clone)]
enum Key<'a> {
    Dpkg(dpkg::Parts<'a>),
    Rpm(rpm::Parts<'a>),
    Apk(&'a [u8], ApkGeneration),
    Pep440(Pep440Version),
    Semver(SemVersion),
    Go(GoVersion),
    Maven(MavenVersion),
    Gem(GemVersion),
    Nuget(NugetVersion),
}

impl<'a> Key<'a> {
    /// `text` under `scheme`, with the error `compare(scheme, text, _)` gives.
    fn native(scheme: Scheme, text: &'a str) -> Result<Key<'a>, VersionError> {
        Ok(match scheme {
            Scheme::Dpkg => Key::Dpkg(dpkg::parts(text)?),
            Scheme::Rpm => Key::Rpm(rpm::parts(text)?),
            Scheme::Apk | Scheme::Apk3 => {
                apk::check_text(text, scheme)?;
                let generation = if scheme == Scheme::Apk {
                    ApkGeneration::V2
                } else {
                    ApkGeneration::V3
                };
                Key::Apk(text.as_bytes(), generation)
            }
            Scheme::Pep440 => Key::Pep440(Pep440Version::parse(text)?),
            Scheme::Semver => Key::Semver(SemVersion::parse(text)?),
            Scheme::Go => Key::Go(GoVersion::parse(text)?),
            Scheme::Maven => Key::Maven(MavenVersion::parse(text)?),
            Scheme::Gem => Key::Gem(GemVersion::parse(text)?),
            Scheme::Nuget => Key::Nuget(NugetVersion::parse(text)?),
        })
    }

    /// `text` as a range of `kind` reads it ([`range_cmp`]'s parse).
    fn for_range(scheme: Scheme, kind: RangeKind, text: &'a str) -> Result<Key<'a>, VersionError> {
        match (kind, scheme) {
            (RangeKind::Semver, Scheme::Go) => Ok(Key::Go(GoVersion::parse(text)?)),
            (RangeKind::Semver, _) => Ok(Key::Semver(SemVersion::parse(text)?)),
            _ => Key::native(scheme, text),
        }
    }

    /// Both sides come from the same parse (same scheme and range kind).
    fn cmp(&self, other: &Key<'_>) -> Ordering {
        match (self, other) {
            (Key::Dpkg(a), Key::Dpkg(b)) => dpkg::cmp_parts(a, b),
            (Key::Rpm(a), Key::Rpm(b)) => rpm::cmp_range(a, b),
            (Key::Apk(a, g), Key::Apk(b, _)) => apk::compare_bytes(a, b, *g),
            (Key::Pep440(a), Key::Pep440(b)) => a.cmp(b),
            (Key::Semver(a), Key::Semver(b)) => a.cmp(b),
            (Key::Go(a), Key::Go(b)) => a.cmp(b),
            (Key::Maven(a), Key::Maven(b)) => a.cmp(b),
            (Key::Gem(a), Key::Gem(b)) => a.cmp(b),
            (Key::Nuget(a), Key::Nuget(b)) => a.cmp(b),
            // Unreachable: keys are only compared within one scheme and range kind.
            _ => Ordering::Equal,
        }
    }
}

/// An installed version read once, to be evaluated against many `affected[]` entries with
/// [`osv_evaluate`]: the text is parsed under its scheme here, and under SemVer at most once,
/// the first time a SEMVER range needs it.
#[derive(Debug)]
pub struct InstalledVersion<'a> {
    scheme: Scheme,
    text: &'a str,
    native: Key<'a>,
    semver: OnceCell<Result<Key<'a>, VersionError>>,
}

impl<'a> InstalledVersion<'a> {
    /// Reads `text` under `scheme`; errors as [`osv_affected`] does for an unreadable
    /// installed version.
    pub fn parse(scheme: Scheme, text: &'a str) -> Result<InstalledVersion<'a>, VersionError> {
        Ok(InstalledVersion {
            scheme,
            text,
            native: Key::native(scheme, text)?,
            semver: OnceCell::new(),
        })
    }

    /// The scheme the version was read under.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The version text.
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    fn key(&self, kind: RangeKind) -> Result<&Key<'a>, VersionError> {
        match (kind, self.scheme) {
            (RangeKind::Semver, Scheme::Semver | Scheme::Go) | (RangeKind::Ecosystem, _) => {
                Ok(&self.native)
            }
            _ => self
                .semver
                .get_or_init(|| Key::for_range(self.scheme, kind, self.text))
                .as_ref()
                .map_err(Clone::clone),
        }
    }
}

/// One range against a parsed installed version, in one pass over its events (each event
/// version parsed once): `Ok(None)` when the version is outside it, `Ok(Some(fix))` when
/// inside, with the lowest `fixed` version above it. Same answers and errors as
/// [`range_includes`] followed by the fix search of [`fixed_versions`].
fn range_verdict<'r>(
    installed: &InstalledVersion<'_>,
    range: &'r OsvRange,
) -> Result<Option<Option<&'r String>>, VersionError> {
    if range.kind == RangeKind::Git {
        return Ok(None);
    }
    let scheme = installed.scheme;
    let kind = range.kind;
    // The last event (in version order) whose condition holds, with its key (`None` for
    // `introduced: "0"`, which sorts first).
    let mut last: Option<(&OsvEvent, Option<Key<'_>>)> = None;
    // Fixes above the installed version: a candidate is only needed once the range is
    // known to hold the version, but collecting them here keeps to one parse per event.
    let mut best_fix: Option<(&'r String, Key<'_>)> = None;
    let mut has_limits = false;
    for e in &range.events {
        if let OsvEvent::Limit(_) = e {
            has_limits = true;
            continue;
        }
        let (holds, key) = match e {
            OsvEvent::Introduced(v) if v == "0" => (true, None),
            _ => {
                let version = installed.key(kind)?;
                let key = Key::for_range(scheme, kind, e.version())?;
                let o = version.cmp(&key);
                let holds = match e {
                    OsvEvent::LastAffected(_) => o == Ordering::Greater,
                    _ => o != Ordering::Less,
                };
                (holds, Some(key))
            }
        };
        if let (OsvEvent::Fixed(f), Some(k)) = (e, &key)
            && k.cmp(installed.key(kind)?) == Ordering::Greater
            && best_fix
                .as_ref()
                .is_none_or(|(_, b)| k.cmp(b) == Ordering::Less)
        {
            best_fix = Some((f, k.clone()));
        }
        if holds {
            let later = match &last {
                None => true,
                Some((best, best_key)) => {
                    let by_version = match (&key, best_key) {
                        (None, None) => Ordering::Equal,
                        (None, Some(_)) => Ordering::Less,
                        (Some(_), None) => Ordering::Greater,
                        (Some(a), Some(b)) => a.cmp(b),
                    };
                    by_version.then(e.tie_rank().cmp(&best.tie_rank())) == Ordering::Greater
                }
            };
            if later {
                last = Some((e, key));
            }
        }
    }
    let inside = matches!(last, Some((OsvEvent::Introduced(_), _)));
    if !inside {
        return Ok(None);
    }
    if has_limits {
        let mut below_a_limit = false;
        for e in &range.events {
            if let OsvEvent::Limit(l) = e
                && (l == "*"
                    || installed.key(kind)?.cmp(&Key::for_range(scheme, kind, l)?)
                        == Ordering::Less)
            {
                below_a_limit = true;
                break;
            }
        }
        if !below_a_limit {
            return Ok(None);
        }
    }
    Ok(Some(best_fix.map(|(f, _)| f)))
}

/// [`osv_affected`] and [`fixed_versions`] in one evaluation against an installed version
/// parsed once: `None` when the version is not affected, otherwise the fixes that would cure
/// it (lowest first, possibly none). Errors whenever either of those two would.
pub fn osv_evaluate(
    installed: &InstalledVersion<'_>,
    affected: &OsvAffected,
) -> Result<Option<Vec<String>>, VersionError> {
    let mut inside_any = false;
    let mut fixes: Vec<&String> = Vec::new();
    for r in &affected.ranges {
        if let Some(fix) = range_verdict(installed, r)? {
            inside_any = true;
            if let Some(f) = fix
                && !fixes.contains(&f)
            {
                fixes.push(f);
            }
        }
    }
    if !inside_any {
        let listed = affected.versions.iter().any(|v| {
            v == installed.text
                || Key::native(installed.scheme, v)
                    .is_ok_and(|k| installed.native.cmp(&k) == Ordering::Equal)
        });
        return Ok(listed.then(Vec::new));
    }
    let mut out: Vec<String> = fixes.into_iter().cloned().collect();
    sort_fixes(installed.scheme, &mut out);
    Ok(Some(out))
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

    /// The old answer: `osv_affected`, then `fixed_versions` when affected.
    fn reference(
        scheme: Scheme,
        v: &str,
        a: &OsvAffected,
    ) -> Result<Option<Vec<String>>, VersionError> {
        if !osv_affected(scheme, v, a)? {
            return Ok(None);
        }
        fixed_versions(scheme, v, a).map(Some)
    }

    #[test]
    fn one_pass_evaluation_agrees_with_affected_and_fixed() {
        let entries = [
            r#"{"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2.0"},{"introduced":"2.0"},{"fixed":"2.0.3"}]}],"versions":["0.9"]}"#,
            r#"{"ranges":[{"type":"SEMVER","events":[{"introduced":"1.0.0"},{"last_affected":"1.4.0"}]},{"type":"ECOSYSTEM","events":[{"introduced":"3.0.0"},{"limit":"3.5.0"}]},{"type":"GIT","repo":"https://x","events":[{"introduced":"abc"}]}]}"#,
            r#"{"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"0.17.0"}]}]}"#,
            r#"{"ranges":[{"type":"ECOSYSTEM","events":[{"fixed":"1.0.5-r0"},{"introduced":"1.0.0-r0"}]}]}"#,
            r#"{"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"fixed":"1.0"},{"introduced":"1.0"}]}]}"#,
            r#"{"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"},{"fixed":"1.5"},{"fixed":"3.0"}]},{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.4"}]}]}"#,
            r#"{"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"limit":"*"}]},{"type":"ECOSYSTEM","events":[{"introduced":"1"},{"limit":"2"},{"limit":"0.5"}]}]}"#,
            r#"{"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0"}]},{"type":"ECOSYSTEM","events":[{"introduced":"not a version!"}]}]}"#,
            r#"{"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"bad version"},{"fixed":"1.0"}]}],"versions":["1.0.0","0.1"]}"#,
            r#"{"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"limit":"5.0.0"}]},{"type":"SEMVER","events":[{"introduced":"0.1.0"},{"fixed":"9.0.0"}]}]}"#,
            r#"{"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1:1.0-1"},{"last_affected":"1:1.2-1"},{"introduced":"2.0"},{"fixed":"2.1"}]}]}"#,
            r#"{"ranges":[{"type":"ECOSYSTEM","events":[{"last_affected":"1.1"},{"introduced":"1.1"},{"fixed":"1.1"}]}],"versions":["1.3","01.3"]}"#,
            r#"{"versions":["1.3","v1.3.0"]}"#,
        ];
        let versions = [
            "0",
            "0.1",
            "0.9",
            "1",
            "1.0",
            "1.0.0",
            "1.0.0-r0",
            "1.0.3-r2",
            "1.0.5-r0",
            "1.1",
            "1.2",
            "1.3",
            "1.3.0",
            "1.4.0",
            "1.4.1",
            "1:1.1-1",
            "2.0",
            "2.0.1",
            "2.0.3rc1",
            "3.4.9",
            "3.5.0",
            "4.0.0",
            "v0.16.0",
            "v0.17.0",
            "v1.3.0",
            "v0.0.0-20220101000000-abcdefabcdef",
            "1.0-1",
            "1.1-1.el9",
            "garbage",
            "",
            "1 2",
            "1.0~rc1",
        ];
        let mut compared = 0;
        for json in entries {
            let a = affected(json);
            for scheme in Scheme::ALL {
                for v in versions {
                    let want = reference(scheme, v, &a);
                    let got = InstalledVersion::parse(scheme, v).and_then(|i| osv_evaluate(&i, &a));
                    assert_eq!(
                        got.is_ok(),
                        want.is_ok(),
                        "{scheme} {v:?} {json}: {got:?} {want:?}"
                    );
                    if let (Ok(g), Ok(w)) = (got, want) {
                        assert_eq!(g, w, "{scheme} {v:?} {json}");
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 1000, "{compared}");
    }
}
