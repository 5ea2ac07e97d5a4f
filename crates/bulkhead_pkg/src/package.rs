//! The package model produced by catalogers and consumed by matchers.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A package ecosystem. Distro ecosystems carry no release here; the release lives in the
/// scan's OS identity (and in [`Package::distro`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ecosystem {
    /// Debian and Ubuntu `.deb` packages (dpkg ordering).
    Deb,
    /// RPM packages (rpmvercmp ordering).
    Rpm,
    /// Alpine `apk` packages (apk-tools ordering; v2 or v3 by Alpine release).
    Apk,
    /// PyPI (PEP 440).
    Pypi,
    /// npm (SemVer).
    Npm,
    /// crates.io (SemVer).
    Cargo,
    /// Go modules.
    Golang,
    /// Maven.
    Maven,
    /// RubyGems.
    Gem,
    /// NuGet.
    Nuget,
}

impl Ecosystem {
    /// The purl type (`deb`, `rpm`, `apk`, `pypi`, `npm`, `cargo`, `golang`, `maven`, `gem`,
    /// `nuget`).
    pub fn purl_type(self) -> &'static str {
        match self {
            Ecosystem::Deb => "deb",
            Ecosystem::Rpm => "rpm",
            Ecosystem::Apk => "apk",
            Ecosystem::Pypi => "pypi",
            Ecosystem::Npm => "npm",
            Ecosystem::Cargo => "cargo",
            Ecosystem::Golang => "golang",
            Ecosystem::Maven => "maven",
            Ecosystem::Gem => "gem",
            Ecosystem::Nuget => "nuget",
        }
    }

    /// The OSV ecosystem name for language ecosystems (`PyPI`, `npm`, `crates.io`, `Go`,
    /// `Maven`, `RubyGems`, `NuGet`); distro names need a release and are built by callers.
    pub fn osv_name(self) -> &'static str {
        match self {
            Ecosystem::Deb => "Debian",
            Ecosystem::Rpm => "Red Hat",
            Ecosystem::Apk => "Alpine",
            Ecosystem::Pypi => "PyPI",
            Ecosystem::Npm => "npm",
            Ecosystem::Cargo => "crates.io",
            Ecosystem::Golang => "Go",
            Ecosystem::Maven => "Maven",
            Ecosystem::Gem => "RubyGems",
            Ecosystem::Nuget => "NuGet",
        }
    }
}

impl fmt::Display for Ecosystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.purl_type())
    }
}

/// One installed package, as a cataloger found it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Package {
    pub ecosystem: Ecosystem,
    /// Name as the ecosystem spells it (Maven: `group:artifact`; npm: `@scope/name`).
    pub name: String,
    pub version: String,
    /// Source package for distro packages (dpkg `Source:`, rpm source rpm name, apk `o:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_version: Option<String>,
    /// Distro and release for OS packages, e.g. `debian` + `12`, `alpine` + `3.20`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distro: Option<Distro>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licenses: Vec<String>,
    /// Image layer diff id that added this package, when scanning an image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// Files that prove the package (its database record, METADATA, the binary...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    /// Machine architecture of an OS package (`amd64`, `x86_64`, `aarch64`, `all`, `noarch`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arch: Option<String>,
    /// Names of the packages this one depends on, as its database declares them (dpkg
    /// `Depends`/`Pre-Depends`, apk `D:`, rpm requires naming packages, lockfile
    /// dependencies), for the dependency graph of SBOMs. Alternatives (`a | b`) are all
    /// listed; SBOMs keep the ones installed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends: Vec<String>,
    /// Other names this package answers to in `depends` (apk `p:` such as
    /// `so:libc.musl-x86_64.so.1`, dpkg `Provides`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provides: Vec<String>,
}

/// A distribution and release, as read from `/etc/os-release` and friends.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Distro {
    /// `debian`, `ubuntu`, `alpine`, `rhel`, `fedora`, `rocky`, `almalinux`, ...
    pub id: String,
    /// `12`, `3.20`, `9.4`...
    pub version: String,
    /// Debian/Ubuntu codename (`bookworm`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codename: Option<String>,
    /// The point release when the distro records one beside the major version (Debian's
    /// `/etc/debian_version`: `12.8`), for package URLs' `distro=debian-12.8` as Trivy writes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point_release: Option<String>,
}

impl Package {
    pub fn new(ecosystem: Ecosystem, name: impl Into<String>, version: impl Into<String>) -> Self {
        Package {
            ecosystem,
            name: name.into(),
            version: version.into(),
            source_name: None,
            source_version: None,
            distro: None,
            licenses: Vec::new(),
            layer: None,
            locations: Vec::new(),
            arch: None,
            depends: Vec::new(),
            provides: Vec::new(),
        }
    }
}
