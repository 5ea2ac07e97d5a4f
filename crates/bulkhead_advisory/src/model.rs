//! The advisory data model: what the store keeps and what matching returns.
//!
//! Affected ranges are `bulkhead_pkg::OsvAffected` for every feed, so a distro feed and an OSV
//! record are evaluated by the same code (`bulkhead_pkg::osv_affected`).

use bulkhead_diagnostics::Severity;
use bulkhead_pkg::OsvAffected;
use serde::{Deserialize, Serialize};

/// Where a severity came from, most authoritative first (the derive order is the precedence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeveritySource {
    /// The database of the package's own ecosystem or distro (RustSec, Go, Debian, Alpine...).
    Vendor,
    /// The GitHub Advisory Database.
    Ghsa,
    /// The NVD (records whose id is a CVE).
    Nvd,
}

impl SeveritySource {
    /// Lowercase name shown in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            SeveritySource::Vendor => "vendor",
            SeveritySource::Ghsa => "ghsa",
            SeveritySource::Nvd => "nvd",
        }
    }
}

/// One severity statement: a level, a CVSS vector, or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeverityRecord {
    pub source: SeveritySource,
    /// The level the source states or that its vector scores to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Severity>,
    /// A CVSS v2/v3/v4 vector, when the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vector: Option<String>,
}

/// A scored CVSS vector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cvss {
    /// `2.0`, `3.0`, `3.1` or `4.0`.
    pub version: String,
    pub vector: String,
    /// The base score (0.0 to 10.0).
    pub score: f64,
}

/// One advisory record from one source (an OSV record, a CVE in a distro feed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advisory {
    pub id: String,
    /// Other ids of the same vulnerability (CVE, GHSA, OSV ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// One line (the OSV summary, or the first line of its details).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// The advisory's own page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub severities: Vec<SeverityRecord>,
    /// GHSA and NVD severities of other records of the same vulnerability (records this one
    /// lists as aliases, or that list it), gathered when the store is written so matching
    /// needs no alias lookups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<SeverityRecord>,
}

/// What a distro says about an affected package it has not fixed, or that it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixState {
    /// A fixed version exists.
    Fixed,
    /// Affected, no fix yet.
    Unfixed,
    /// Affected, and the distro has decided not to fix it (Debian `no-dsa`/ignored, end-of-life).
    WillNotFix,
}

impl FixState {
    /// Kebab-case name shown in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            FixState::Fixed => "fixed",
            FixState::Unfixed => "unfixed",
            FixState::WillNotFix => "will-not-fix",
        }
    }
}

/// One package named by one advisory in one namespace, with its affected ranges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AffectedEntry {
    /// `crates.io`, `Go`, `PyPI`..., or `alpine:3.11`, `debian:12` for distro releases.
    pub namespace: String,
    /// Package name, normalised per [`crate::normalise_name`]; source package for distros.
    pub name: String,
    /// The advisory id.
    pub id: String,
    /// The OSV `ranges` and `versions` (GIT ranges dropped).
    #[serde(flatten)]
    pub affected: OsvAffected,
    /// Set when the feed says "not fixed and will not be" ([`FixState::WillNotFix`]); otherwise
    /// the state follows from the matching range (a `fixed` event or not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<FixState>,
    /// A per-package vendor severity (Debian urgency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<SeverityRecord>,
}
