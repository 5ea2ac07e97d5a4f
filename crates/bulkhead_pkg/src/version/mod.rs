//! The native version orderings, one module per scheme.
//!
//! Owns: each scheme's version type (parser with typed errors, `Display`, total `Ord`) and a
//! borrowed-text comparison used by [`crate::compare`]. Knows nothing about ranges.

pub mod apk;
pub mod dpkg;
pub mod gem;
pub mod go;
pub mod maven;
pub mod nuget;
pub mod pep440;
pub mod rpm;
pub mod semver;

use crate::{Scheme, VersionError};
use std::cmp::Ordering;
use std::fmt;

/// A version parsed once under its scheme, to be compared many times (an installed package
/// against every event of every advisory).
#[derive(Debug, Clone)]
pub enum Version {
    /// Debian.
    Dpkg(dpkg::DpkgVersion),
    /// RPM.
    Rpm(rpm::RpmVersion),
    /// Alpine (either apk-tools generation).
    Apk(apk::ApkVersion),
    /// PEP 440.
    Pep440(pep440::Pep440Version),
    /// SemVer.
    Semver(semver::SemVersion),
    /// Go modules.
    Go(go::GoVersion),
    /// Maven.
    Maven(maven::MavenVersion),
    /// RubyGems.
    Gem(gem::GemVersion),
    /// NuGet.
    Nuget(nuget::NugetVersion),
}

impl Version {
    /// Parses `text` under `scheme` (strictly: apk versions must be valid).
    pub fn parse(scheme: Scheme, text: &str) -> Result<Version, VersionError> {
        Ok(match scheme {
            Scheme::Dpkg => Version::Dpkg(text.parse()?),
            Scheme::Rpm => Version::Rpm(text.parse()?),
            Scheme::Apk => Version::Apk(apk::ApkVersion::parse(text, apk::ApkGeneration::V2)?),
            Scheme::Apk3 => Version::Apk(apk::ApkVersion::parse(text, apk::ApkGeneration::V3)?),
            Scheme::Pep440 => Version::Pep440(text.parse()?),
            Scheme::Semver => Version::Semver(text.parse()?),
            Scheme::Go => Version::Go(text.parse()?),
            Scheme::Maven => Version::Maven(text.parse()?),
            Scheme::Gem => Version::Gem(text.parse()?),
            Scheme::Nuget => Version::Nuget(text.parse()?),
        })
    }

    /// The scheme the version was parsed under.
    pub fn scheme(&self) -> Scheme {
        match self {
            Version::Dpkg(_) => Scheme::Dpkg,
            Version::Rpm(_) => Scheme::Rpm,
            Version::Apk(v) => match v.generation() {
                apk::ApkGeneration::V2 => Scheme::Apk,
                apk::ApkGeneration::V3 => Scheme::Apk3,
            },
            Version::Pep440(_) => Scheme::Pep440,
            Version::Semver(_) => Scheme::Semver,
            Version::Go(_) => Scheme::Go,
            Version::Maven(_) => Scheme::Maven,
            Version::Gem(_) => Scheme::Gem,
            Version::Nuget(_) => Scheme::Nuget,
        }
    }

    /// Compares with the native rules of the shared scheme ([`crate::compare`]'s answer);
    /// `None` when the schemes differ.
    pub fn compare(&self, other: &Version) -> Option<Ordering> {
        Some(match (self, other) {
            (Version::Dpkg(a), Version::Dpkg(b)) => a.cmp(b),
            (Version::Rpm(a), Version::Rpm(b)) => a.cmp_native(b),
            (Version::Apk(a), Version::Apk(b)) if a.generation() == b.generation() => a.cmp(b),
            (Version::Pep440(a), Version::Pep440(b)) => a.cmp(b),
            (Version::Semver(a), Version::Semver(b)) => a.cmp(b),
            (Version::Go(a), Version::Go(b)) => a.cmp(b),
            (Version::Maven(a), Version::Maven(b)) => a.cmp(b),
            (Version::Gem(a), Version::Gem(b)) => a.cmp(b),
            (Version::Nuget(a), Version::Nuget(b)) => a.cmp(b),
            _ => return None,
        })
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Version::Dpkg(v) => v.fmt(f),
            Version::Rpm(v) => v.fmt(f),
            Version::Apk(v) => v.fmt(f),
            Version::Pep440(v) => v.fmt(f),
            Version::Semver(v) => v.fmt(f),
            Version::Go(v) => v.fmt(f),
            Version::Maven(v) => v.fmt(f),
            Version::Gem(v) => v.fmt(f),
            Version::Nuget(v) => v.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsed_versions_agree_with_compare() {
        let cases = [
            (Scheme::Dpkg, "1.0~rc1-1", "1.0-1"),
            (Scheme::Rpm, "1.0", "1.0-3"),
            (Scheme::Apk, "8.2.0", "8.2.001"),
            (Scheme::Apk3, "8.2.0", "8.2.001"),
            (Scheme::Pep440, "1.0.post1", "1.0"),
            (Scheme::Semver, "1.2.3-beta", "1.2.3"),
            (Scheme::Go, "v1.2.3+incompatible", "v1.2.3"),
            (Scheme::Maven, "1.0-SNAPSHOT", "1.0"),
            (Scheme::Gem, "1.0.a", "1.0"),
            (Scheme::Nuget, "1.0.0-Beta", "1.0.0-beta"),
        ];
        for (s, a, b) in cases {
            let (va, vb) = (Version::parse(s, a).unwrap(), Version::parse(s, b).unwrap());
            assert_eq!(va.scheme(), s);
            assert_eq!(
                va.compare(&vb),
                Some(crate::compare(s, a, b).unwrap()),
                "{s} {a} {b}"
            );
            assert_eq!(va.to_string(), a);
        }
        let d = Version::parse(Scheme::Dpkg, "1.0").unwrap();
        let r = Version::parse(Scheme::Rpm, "1.0").unwrap();
        assert_eq!(d.compare(&r), None);
    }
}
