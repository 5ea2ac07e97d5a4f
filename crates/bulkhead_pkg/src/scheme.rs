//! Version schemes: their names, how a package picks one, and scheme-dispatched comparison.
//!
//! Owns: [`Scheme`], [`compare`] and [`validate`]. The orderings themselves live in
//! [`crate::version`].

use crate::version::{apk, dpkg, gem, go, maven, nuget, pep440, rpm, semver};
use crate::{Ecosystem, Package, VersionError};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A version ordering, named as on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// Debian/Ubuntu (`dpkg --compare-versions`).
    Dpkg,
    /// RPM (`rpmvercmp`, epoch and release).
    Rpm,
    /// Alpine with apk-tools v2 (Alpine 3.22 and older).
    Apk,
    /// Alpine with apk-tools v3 (Alpine 3.23 and newer).
    Apk3,
    /// Python (PEP 440).
    Pep440,
    /// SemVer 2.0.0 precedence (npm, crates.io).
    Semver,
    /// Go modules (`golang.org/x/mod/semver`).
    Go,
    /// Maven (`ComparableVersion`).
    Maven,
    /// RubyGems (`Gem::Version`).
    Gem,
    /// NuGet (`NuGetVersion`).
    Nuget,
}

impl Scheme {
    /// Every scheme, in declaration order.
    pub const ALL: [Scheme; 10] = [
        Scheme::Dpkg,
        Scheme::Rpm,
        Scheme::Apk,
        Scheme::Apk3,
        Scheme::Pep440,
        Scheme::Semver,
        Scheme::Go,
        Scheme::Maven,
        Scheme::Gem,
        Scheme::Nuget,
    ];

    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Dpkg => "dpkg",
            Scheme::Rpm => "rpm",
            Scheme::Apk => "apk",
            Scheme::Apk3 => "apk3",
            Scheme::Pep440 => "pep440",
            Scheme::Semver => "semver",
            Scheme::Go => "go",
            Scheme::Maven => "maven",
            Scheme::Gem => "gem",
            Scheme::Nuget => "nuget",
        }
    }

    /// The scheme of an ecosystem; Alpine defaults to apk-tools v2 (see
    /// [`Scheme::for_package`], which looks at the release).
    pub fn for_ecosystem(ecosystem: Ecosystem) -> Scheme {
        match ecosystem {
            Ecosystem::Deb => Scheme::Dpkg,
            Ecosystem::Rpm => Scheme::Rpm,
            Ecosystem::Apk => Scheme::Apk,
            Ecosystem::Pypi => Scheme::Pep440,
            Ecosystem::Npm | Ecosystem::Cargo => Scheme::Semver,
            Ecosystem::Golang => Scheme::Go,
            Ecosystem::Maven => Scheme::Maven,
            Ecosystem::Gem => Scheme::Gem,
            Ecosystem::Nuget => Scheme::Nuget,
        }
    }

    /// The scheme of an installed package. Alpine packages use apk-tools v3 ordering from
    /// Alpine 3.23 (and on `edge`), v2 before that and when the release is unknown.
    pub fn for_package(package: &Package) -> Scheme {
        match (package.ecosystem, &package.distro) {
            (Ecosystem::Apk, Some(d)) if d.id.eq_ignore_ascii_case("alpine") => {
                Scheme::for_alpine_release(&d.version)
            }
            (eco, _) => Scheme::for_ecosystem(eco),
        }
    }

    /// The scheme of an OSV `affected[].package.ecosystem` (`Debian:12`, `Alpine:v3.23`,
    /// `Ubuntu:22.04:LTS`, `Red Hat`, `Rocky Linux:9`, `PyPI`, `crates.io`, `Go`...);
    /// `None` for ecosystems without a native ordering here.
    pub fn for_osv_ecosystem(ecosystem: &str) -> Option<Scheme> {
        let (base, release) = ecosystem.split_once(':').unwrap_or((ecosystem, ""));
        Some(match base {
            "Debian" | "Ubuntu" => Scheme::Dpkg,
            "Alpine" => Scheme::for_alpine_release(release),
            "Alpaquita" | "BellSoft Hardened Containers" | "Chainguard" | "Wolfi" => Scheme::Apk,
            "Red Hat" | "Rocky Linux" | "AlmaLinux" | "openSUSE" | "SUSE" | "Mageia"
            | "openEuler" | "Azure Linux" => Scheme::Rpm,
            "PyPI" => Scheme::Pep440,
            "npm" | "crates.io" => Scheme::Semver,
            "Go" => Scheme::Go,
            "Maven" => Scheme::Maven,
            "RubyGems" => Scheme::Gem,
            "NuGet" => Scheme::Nuget,
            _ => return None,
        })
    }

    /// apk-tools generation for an Alpine release (`3.22` -> [`Scheme::Apk`], `3.23`,
    /// `3.23.1`, `4.0`, `edge` -> [`Scheme::Apk3`]).
    pub fn for_alpine_release(release: &str) -> Scheme {
        let r = release.trim().trim_start_matches(['v', 'V']);
        if r.eq_ignore_ascii_case("edge") {
            return Scheme::Apk3;
        }
        let mut it = r.split(['.', '_']);
        let major = it.next().and_then(|x| x.parse::<u32>().ok());
        let minor = it.next().and_then(|x| x.parse::<u32>().ok()).unwrap_or(0);
        match major {
            Some(m) if (m, minor) >= (3, 23) => Scheme::Apk3,
            _ => Scheme::Apk,
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Scheme {
    type Err = VersionError;

    /// Accepts the command-line names and a few aliases (`deb`, `debian`, `alpine`, `pypi`,
    /// `python`, `npm`, `cargo`, `golang`, `rubygems`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "dpkg" | "deb" | "debian" | "ubuntu" => Scheme::Dpkg,
            "rpm" => Scheme::Rpm,
            "apk" | "apk2" | "alpine" => Scheme::Apk,
            "apk3" => Scheme::Apk3,
            "pep440" | "pypi" | "python" => Scheme::Pep440,
            "semver" | "npm" | "cargo" => Scheme::Semver,
            "go" | "golang" => Scheme::Go,
            "maven" => Scheme::Maven,
            "gem" | "rubygems" => Scheme::Gem,
            "nuget" => Scheme::Nuget,
            _ => return Err(VersionError::UnknownScheme(s.to_owned())),
        })
    }
}

/// Compares two versions the way the scheme's native tool does.
///
/// Errors when either side is not a version of the scheme. apk compares like
/// `apk version -t`, which orders any non-blank text (invalid tails sort as apk sorts them).
pub fn compare(scheme: Scheme, a: &str, b: &str) -> Result<Ordering, VersionError> {
    match scheme {
        Scheme::Dpkg => dpkg::compare_str(a, b),
        Scheme::Rpm => rpm::compare_str(a, b),
        Scheme::Apk => apk::compare_str(a, b, apk::ApkGeneration::V2),
        Scheme::Apk3 => apk::compare_str(a, b, apk::ApkGeneration::V3),
        Scheme::Pep440 => pep440::compare_str(a, b),
        Scheme::Semver => semver::compare_str(a, b),
        Scheme::Go => go::compare_str(a, b),
        Scheme::Maven => maven::compare_str(a, b),
        Scheme::Gem => gem::compare_str(a, b),
        Scheme::Nuget => nuget::compare_str(a, b),
    }
}

/// Compares as a range bound is matched: [`compare`], except that rpm ignores the release
/// when either side lacks one (rpm's dependency matching: `>= 1.0` holds for `1.0-3`).
pub(crate) fn compare_in_range(scheme: Scheme, a: &str, b: &str) -> Result<Ordering, VersionError> {
    match scheme {
        Scheme::Rpm => rpm::compare_range_str(a, b),
        _ => compare(scheme, a, b),
    }
}

/// Checks that `version` parses under the scheme (strictly, for apk).
pub fn validate(scheme: Scheme, version: &str) -> Result<(), VersionError> {
    match scheme {
        Scheme::Dpkg => dpkg::DpkgVersion::from_str(version).map(drop),
        Scheme::Rpm => rpm::RpmVersion::from_str(version).map(drop),
        Scheme::Apk => apk::ApkVersion::parse(version, apk::ApkGeneration::V2).map(drop),
        Scheme::Apk3 => apk::ApkVersion::parse(version, apk::ApkGeneration::V3).map(drop),
        Scheme::Pep440 => pep440::Pep440Version::parse(version).map(drop),
        Scheme::Semver => semver::SemVersion::parse(version).map(drop),
        Scheme::Go => go::GoVersion::parse(version).map(drop),
        Scheme::Maven => maven::MavenVersion::parse(version).map(drop),
        Scheme::Gem => gem::GemVersion::parse(version).map(drop),
        Scheme::Nuget => nuget::NugetVersion::parse(version).map(drop),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Distro;

    #[test]
    fn names_round_trip() {
        for s in Scheme::ALL {
            assert_eq!(s.name().parse::<Scheme>().unwrap(), s);
        }
        assert!("nope".parse::<Scheme>().is_err());
    }

    #[test]
    fn alpine_release_picks_generation() {
        let mut p = Package::new(Ecosystem::Apk, "musl", "1.2.5-r0");
        assert_eq!(Scheme::for_package(&p), Scheme::Apk);
        for (rel, want) in [
            ("3.22", Scheme::Apk),
            ("3.22.2", Scheme::Apk),
            ("3.9", Scheme::Apk),
            ("3.23", Scheme::Apk3),
            ("3.23.0", Scheme::Apk3),
            ("3.100", Scheme::Apk3),
            ("edge", Scheme::Apk3),
            ("4.0", Scheme::Apk3),
        ] {
            p.distro = Some(Distro {
                id: "alpine".into(),
                version: rel.into(),
                codename: None,
                point_release: None,
            });
            assert_eq!(Scheme::for_package(&p), want, "{rel}");
        }
        let deb = Package::new(Ecosystem::Deb, "bash", "5.2-1");
        assert_eq!(Scheme::for_package(&deb), Scheme::Dpkg);
        let npm = Package::new(Ecosystem::Npm, "lodash", "4.17.21");
        assert_eq!(Scheme::for_package(&npm), Scheme::Semver);
        assert_eq!(
            Scheme::for_osv_ecosystem("Alpine:v3.23"),
            Some(Scheme::Apk3)
        );
        assert_eq!(Scheme::for_osv_ecosystem("Alpine:v3.20"), Some(Scheme::Apk));
        assert_eq!(Scheme::for_osv_ecosystem("Debian:12"), Some(Scheme::Dpkg));
        assert_eq!(
            Scheme::for_osv_ecosystem("Rocky Linux:9"),
            Some(Scheme::Rpm)
        );
        assert_eq!(Scheme::for_osv_ecosystem("Hackage"), None);
    }
}
