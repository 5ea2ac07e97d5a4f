//! The catalogers: which files each one asks for (by path pattern, plus ELF magic and jar
//! names), and how one file's bytes become packages or OS identity facts. Every function here
//! is pure over `(path, bytes)`, so the same code serves the image layer walk, the directory
//! walk and the per-layer cache. Owns no I/O and no layer ordering.

pub mod apk;
pub mod cargo;
pub mod dpkg;
pub mod golang;
pub mod java;
pub mod npm;
pub mod os;
pub mod python;
pub mod rpm;
pub mod ruby;

use bulkhead_pkg::Package;
use serde::{Deserialize, Serialize};

/// What kind of evidence a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    OsRelease,
    AlpineRelease,
    DebianVersion,
    RedhatRelease,
    DpkgStatus,
    DpkgStatusD,
    DpkgList,
    /// `/usr/share/doc/PACKAGE/copyright` (machine-readable DEP-5 licences).
    DpkgCopyright,
    ApkInstalled,
    RpmSqlite,
    RpmLegacy,
    PythonMetadata,
    NpmPackageJson,
    NpmLock,
    CargoLock,
    Gemspec,
    Jar,
    Elf,
}

impl Kind {
    /// Language evidence that an OS package manager may own (and then must not be counted twice).
    pub fn is_language(self) -> bool {
        matches!(
            self,
            Kind::PythonMetadata
                | Kind::NpmPackageJson
                | Kind::NpmLock
                | Kind::CargoLock
                | Kind::Gemspec
                | Kind::Jar
                | Kind::Elf
        )
    }
}

/// What one file yielded. Serialised into the per-layer cache.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileFacts {
    pub path: String,
    pub kind: Option<Kind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packages: Vec<Package>,
    /// The raw text of an OS identity file (small).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_text: Option<String>,
    /// Licences read from a Debian copyright file, for the package the path names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licenses: Vec<String>,
    /// Hashes ([`path_hash`]) of the files an OS package database says it installed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owns: Vec<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Why one package database, lockfile or metadata file could not be parsed, with the line
/// (1-based) where the parser gave up. The scan turns it into a warning `PATH:LINE: MESSAGE`,
/// and the commands treat every such warning as an incomplete package list (exit 2): a file
/// that looks like a package database but is not one must never read as "no packages".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl ParseError {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> Self {
        Self {
            line: line.max(1),
            message: message.into(),
        }
    }

    /// The line of byte `offset` in `text`.
    pub(crate) fn at_offset(text: &str, offset: usize, message: impl Into<String>) -> Self {
        let offset = offset.min(text.len());
        let line = text.as_bytes()[..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        Self::new(line, message)
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

/// FNV-1a of a root-relative path without a leading slash: owned-file sets are kept as hashes
/// so that memory stays small on images with hundreds of thousands of packaged files.
pub fn path_hash(path: &str) -> u64 {
    let path = path.trim_start_matches('/');
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in path.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The kind of evidence a root-relative path (no leading slash) is, by name alone.
/// ELF files are found by magic instead (see [`is_elf`]).
pub fn kind_for_path(path: &str) -> Option<Kind> {
    let name = path.rsplit('/').next().unwrap_or(path);
    match path {
        "etc/os-release" | "usr/lib/os-release" => return Some(Kind::OsRelease),
        "etc/alpine-release" => return Some(Kind::AlpineRelease),
        "etc/debian_version" => return Some(Kind::DebianVersion),
        "etc/redhat-release" | "etc/centos-release" | "etc/fedora-release" => {
            return Some(Kind::RedhatRelease);
        }
        "var/lib/dpkg/status" => return Some(Kind::DpkgStatus),
        "lib/apk/db/installed" | "usr/lib/apk/db/installed" => return Some(Kind::ApkInstalled),
        "var/lib/rpm/rpmdb.sqlite" | "usr/lib/sysimage/rpm/rpmdb.sqlite" => {
            return Some(Kind::RpmSqlite);
        }
        "var/lib/rpm/Packages"
        | "var/lib/rpm/Packages.db"
        | "usr/lib/sysimage/rpm/Packages"
        | "usr/lib/sysimage/rpm/Packages.db" => return Some(Kind::RpmLegacy),
        _ => {}
    }
    if let Some(rest) = path.strip_prefix("var/lib/dpkg/status.d/") {
        if !rest.contains('/') && !rest.ends_with(".md5sums") && !rest.is_empty() {
            return Some(Kind::DpkgStatusD);
        }
        return None;
    }
    if let Some(rest) = path.strip_prefix("usr/share/doc/") {
        if rest.split('/').count() == 2 && rest.ends_with("/copyright") {
            return Some(Kind::DpkgCopyright);
        }
        return None;
    }
    if let Some(rest) = path.strip_prefix("var/lib/dpkg/info/") {
        if !rest.contains('/') && rest.ends_with(".list") {
            return Some(Kind::DpkgList);
        }
        return None;
    }
    if name == "METADATA" && parent_name(path).is_some_and(|p| p.ends_with(".dist-info")) {
        return Some(Kind::PythonMetadata);
    }
    if name == "PKG-INFO" && parent_name(path).is_some_and(|p| p.ends_with(".egg-info")) {
        return Some(Kind::PythonMetadata);
    }
    if name.ends_with(".egg-info") {
        // A single-file egg-info (setuptools' distutils install) is itself the metadata.
        return Some(Kind::PythonMetadata);
    }
    if name == "package.json" && npm::is_node_modules_package(path) {
        return Some(Kind::NpmPackageJson);
    }
    if name == "package-lock.json" && !path.contains("node_modules/") {
        return Some(Kind::NpmLock);
    }
    if name == "Cargo.lock" {
        return Some(Kind::CargoLock);
    }
    if name.ends_with(".gemspec") && parent_name(path) == Some("specifications") {
        return Some(Kind::Gemspec);
    }
    if java::is_archive_name(name) {
        return Some(Kind::Jar);
    }
    None
}

fn parent_name(path: &str) -> Option<&str> {
    let (dir, _) = path.rsplit_once('/')?;
    Some(dir.rsplit('/').next().unwrap_or(dir))
}

/// Whether the first bytes are an ELF header.
pub fn is_elf(head: &[u8]) -> bool {
    head.starts_with(b"\x7fELF")
}

/// Runs the cataloger for `kind` over one file's bytes.
/// `scratch` is where the rpm cataloger may write its private database copy.
pub fn analyze(
    kind: Kind,
    path: &str,
    data: &[u8],
    scratch: Option<&std::path::Path>,
) -> FileFacts {
    let mut facts = FileFacts {
        path: path.to_string(),
        kind: Some(kind),
        ..FileFacts::default()
    };
    let text = || String::from_utf8_lossy(data);
    match kind {
        Kind::OsRelease | Kind::AlpineRelease | Kind::DebianVersion | Kind::RedhatRelease => {
            let t = text();
            facts.os_text = Some(t.chars().take(4096).collect());
        }
        Kind::DpkgStatus | Kind::DpkgStatusD => {
            facts.packages = parsed(&mut facts.warnings, path, dpkg::parse_status(&text()));
        }
        Kind::DpkgList => {
            facts.owns = text()
                .lines()
                .filter(|l| !l.is_empty() && *l != "/.")
                .map(path_hash)
                .collect();
        }
        Kind::DpkgCopyright => facts.licenses = dpkg::copyright_licenses(&text()),
        Kind::ApkInstalled => match apk::parse_installed(&text()) {
            Ok((pkgs, owns)) => {
                facts.packages = pkgs;
                facts.owns = owns;
            }
            Err(e) => facts.warnings.push(format!("/{path}:{e}")),
        },
        Kind::RpmSqlite => match rpm::parse_sqlite(data, scratch) {
            Ok((pkgs, owns)) => {
                facts.packages = pkgs;
                facts.owns = owns;
            }
            Err(e) => facts.warnings.push(format!("{path}: {e}")),
        },
        Kind::RpmLegacy => facts.warnings.push(format!(
            "{path}: Berkeley DB and NDB rpm databases are not read yet; only rpmdb.sqlite"
        )),
        Kind::PythonMetadata => {
            facts.packages = parsed(&mut facts.warnings, path, python::parse_metadata(&text()));
        }
        Kind::NpmPackageJson => {
            facts.packages = parsed(&mut facts.warnings, path, npm::parse_package_json(data));
        }
        Kind::NpmLock => facts.packages = parsed(&mut facts.warnings, path, npm::parse_lock(data)),
        Kind::CargoLock => {
            facts.packages = parsed(&mut facts.warnings, path, cargo::parse_lock(&text()));
        }
        Kind::Gemspec => facts.packages = ruby::parse_gemspec(&text()),
        Kind::Jar => match java::parse_archive(path, data, 0) {
            Ok(p) => facts.packages = p,
            Err(e) => facts.warnings.push(format!("{path}: {e}")),
        },
        Kind::Elf => {
            facts.packages = golang::parse_elf(data);
            if facts.packages.is_empty() {
                facts.packages = cargo::parse_auditable(data);
            }
        }
    }
    for p in &mut facts.packages {
        if p.locations.is_empty() {
            p.locations.push(format!("/{path}"));
        }
    }
    facts
}

/// The packages of a parse, or none and a `/PATH:LINE: MESSAGE` warning.
fn parsed(
    warnings: &mut Vec<String>,
    path: &str,
    r: Result<Vec<Package>, ParseError>,
) -> Vec<Package> {
    r.unwrap_or_else(|e| {
        warnings.push(format!("/{path}:{e}"));
        Vec::new()
    })
}

/// Runs the ELF or jar cataloger over a file spooled to disk: large binaries and archives are
/// read through seeks, never held in memory whole.
pub fn analyze_spooled(kind: Kind, path: &str, f: &mut std::fs::File) -> FileFacts {
    let mut facts = FileFacts {
        path: path.to_string(),
        kind: Some(kind),
        ..FileFacts::default()
    };
    match kind {
        Kind::Elf => {
            facts.packages = golang::parse_elf_file(f);
            if facts.packages.is_empty() {
                facts.packages = cargo::parse_auditable_file(f);
            }
        }
        Kind::Jar => match java::parse_archive_reader(path, &mut *f, 0) {
            Ok(p) => facts.packages = p,
            Err(e) => facts.warnings.push(format!("{path}: {e}")),
        },
        _ => {}
    }
    for p in &mut facts.packages {
        if p.locations.is_empty() {
            p.locations.push(format!("/{path}"));
        }
    }
    facts
}

/// Entries larger than this (ELF binaries, jars) are spooled to a scratch file.
pub const SPOOL_THRESHOLD: u64 = 8 << 20;

/// Splits an RFC 822-style record (`Key: value` with indented continuation lines) into
/// `(key, value)` pairs; continuation lines are joined with `\n`.
pub(crate) fn rfc822_fields(para: &str) -> Vec<(&str, String)> {
    let mut out: Vec<(&str, String)> = Vec::new();
    for line in para.lines() {
        if line.starts_with(' ') || line.starts_with('\t') {
            if let Some(last) = out.last_mut() {
                last.1.push('\n');
                last.1.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            out.push((k, v.trim().to_string()));
        }
    }
    out
}
