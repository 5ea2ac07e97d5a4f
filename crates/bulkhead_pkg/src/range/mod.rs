//! Range languages: npm ranges, PEP 440 specifiers, Maven version ranges, NuGet ranges,
//! RubyGems requirements, and comparator lists for the other schemes; [`satisfies`]
//! dispatches on a [`RangeLanguage`].
//!
//! Owns: parsing each language into a validated value (so a range is checked once, then
//! matched many times) and matching versions against it.

pub mod generic;
pub mod maven;
pub mod npm;
pub mod pep440;

use crate::{Scheme, VersionError};
use std::fmt;
use std::str::FromStr;

/// Which range language to read a range in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeLanguage {
    /// node-semver ranges (`npm-range`): `^1.2`, `~1.2.3`, `1.x || >=2.5`, `1 - 2`.
    NpmRange,
    /// The scheme's own language: PEP 440 specifiers for `pep440`, Maven ranges for
    /// `maven`, NuGet ranges for `nuget`, requirements with `~>` for `gem`, comparator lists
    /// (`>=1.0, <2.0 || =3.0`) for the others.
    Scheme(Scheme),
}

impl FromStr for RangeLanguage {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "npm-range" | "npm" => Ok(RangeLanguage::NpmRange),
            other => other.parse().map(RangeLanguage::Scheme),
        }
    }
}

impl fmt::Display for RangeLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RangeLanguage::NpmRange => f.write_str("npm-range"),
            RangeLanguage::Scheme(s) => write!(f, "{s}"),
        }
    }
}

/// Whether `version` satisfies `range` in the language, as the ecosystem's own tool answers
/// (node-semver `satisfies`, `packaging` `SpecifierSet.contains`, Maven
/// `VersionRange.containsVersion`, NuGet `VersionRange.Satisfies`, RubyGems
/// `Requirement#satisfied_by?`).
///
/// Errors when the version or the range does not parse.
pub fn satisfies(
    language: RangeLanguage,
    version: &str,
    range: &str,
) -> Result<bool, VersionError> {
    match language {
        RangeLanguage::NpmRange => npm::npm_satisfies(version, range, npm::NpmOptions::default()),
        RangeLanguage::Scheme(Scheme::Pep440) => {
            pep440::SpecifierSet::parse(range)?.contains(version, None)
        }
        RangeLanguage::Scheme(Scheme::Maven) => {
            let v = crate::version::maven::MavenVersion::parse(version)?;
            Ok(maven::MavenRange::parse(range)?.contains(&v))
        }
        RangeLanguage::Scheme(Scheme::Nuget) => generic::satisfies_nuget(version, range),
        RangeLanguage::Scheme(s) => generic::satisfies_comparators(s, version, range),
    }
}
