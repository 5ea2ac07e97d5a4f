//! OSV records (<https://ossf.github.io/osv-schema/>) into the store model.
//!
//! Keeps SEMVER and ECOSYSTEM ranges and explicit version lists; drops GIT ranges (commit
//! ranges need the source repository) and withdrawn records. RustSec "informational"
//! advisories (unmaintained, unsound, notice) are not vulnerabilities and are skipped.

use crate::model::{Advisory, AffectedEntry, SeverityRecord, SeveritySource};
use crate::namespace::{normalise_name, osv_namespace};
use crate::severity::{level_from_text, record_from_vector};
use bulkhead_pkg::{OsvAffected, OsvRange, RangeKind};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
pub(crate) struct OsvRecord {
    id: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// OSV 1.7: the upstream vulnerabilities a downstream record (DSA, DEBIAN-CVE) is about.
    #[serde(default)]
    upstream: Vec<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    details: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    modified: Option<String>,
    #[serde(default)]
    withdrawn: Option<String>,
    #[serde(default)]
    severity: Vec<OsvSeverity>,
    #[serde(default)]
    affected: Vec<OsvAffectedEntry>,
    #[serde(default)]
    references: Vec<OsvReference>,
    #[serde(default)]
    database_specific: Option<Value>,
}

#[derive(Deserialize)]
struct OsvSeverity {
    #[serde(rename = "type")]
    kind: String,
    score: String,
}

#[derive(Deserialize)]
struct OsvReference {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    url: String,
}

#[derive(Deserialize)]
struct OsvPackage {
    #[serde(default)]
    ecosystem: String,
    #[serde(default)]
    name: String,
}

#[derive(Deserialize)]
struct OsvAffectedEntry {
    #[serde(default)]
    package: Option<OsvPackage>,
    #[serde(default)]
    ranges: Vec<OsvRange>,
    #[serde(default)]
    versions: Vec<String>,
    #[serde(default)]
    severity: Vec<OsvSeverity>,
    #[serde(default)]
    database_specific: Option<Value>,
}

/// What one OSV record contributes, or why it contributes nothing.
pub(crate) enum Converted {
    Record(Box<Advisory>, Vec<AffectedEntry>),
    Skipped,
}

/// The source of an OSV record's own severity, from its id.
fn source_of(id: &str) -> SeveritySource {
    if id.starts_with("GHSA-") {
        SeveritySource::Ghsa
    } else if id.starts_with("CVE-") {
        SeveritySource::Nvd
    } else {
        SeveritySource::Vendor
    }
}

fn severities(source: SeveritySource, list: &[OsvSeverity], out: &mut Vec<SeverityRecord>) {
    for s in list {
        if s.kind.starts_with("CVSS_V") {
            if let Some(r) = record_from_vector(source, &s.score)
                && !out.contains(&r)
            {
                out.push(r);
            }
        } else if let Some(level) = level_from_text(&s.score) {
            out.push(SeverityRecord {
                source,
                level: Some(level),
                vector: None,
            });
        }
    }
}

fn one_line(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or("").trim();
    if line.chars().count() > 200 {
        let cut: String = line.chars().take(199).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}

impl OsvRecord {
    pub(crate) fn convert(self) -> Converted {
        if self.withdrawn.is_some() {
            return Converted::Skipped;
        }
        let informational = |v: &Option<Value>| {
            v.as_ref()
                .and_then(|d| d.get("informational"))
                .is_some_and(|i| !i.is_null())
        };
        if self
            .affected
            .iter()
            .any(|a| informational(&a.database_specific))
        {
            return Converted::Skipped;
        }
        let source = source_of(&self.id);
        let mut sev = Vec::new();
        severities(source, &self.severity, &mut sev);
        for a in &self.affected {
            severities(source, &a.severity, &mut sev);
        }
        if let Some(level) = self
            .database_specific
            .as_ref()
            .and_then(|d| d.get("severity"))
            .and_then(Value::as_str)
            .and_then(level_from_text)
        {
            sev.push(SeverityRecord {
                source,
                level: Some(level),
                vector: None,
            });
        }
        let url = self
            .references
            .iter()
            .find(|r| r.kind == "ADVISORY")
            .map(|r| r.url.clone())
            .or_else(|| {
                self.database_specific
                    .as_ref()
                    .and_then(|d| d.get("url"))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            })
            .or_else(|| self.references.first().map(|r| r.url.clone()));
        let summary = match (&self.summary, &self.details) {
            (Some(s), _) if !s.trim().is_empty() => one_line(s),
            (_, Some(d)) => one_line(d),
            _ => String::new(),
        };
        let mut entries: Vec<AffectedEntry> = Vec::new();
        for a in self.affected {
            let Some(pkg) = a.package else { continue };
            let ranges: Vec<OsvRange> = a
                .ranges
                .into_iter()
                .filter(|r| r.kind != RangeKind::Git)
                .collect();
            if ranges.is_empty() && a.versions.is_empty() {
                continue;
            }
            let namespace = osv_namespace(&pkg.ecosystem);
            let name = normalise_name(&namespace, &pkg.name);
            // One record may list the same package twice (e.g. per module path or per range
            // kind): merge them into one entry, whose ranges are a union.
            if let Some(e) = entries
                .iter_mut()
                .find(|e| e.namespace == namespace && e.name == name)
            {
                e.affected.ranges.extend(ranges);
                e.affected.versions.extend(a.versions);
                continue;
            }
            entries.push(AffectedEntry {
                namespace,
                name,
                id: self.id.clone(),
                affected: OsvAffected {
                    ranges,
                    versions: a.versions,
                },
                state: None,
                severity: None,
            });
        }
        let mut aliases = self.aliases;
        // A downstream record about one upstream vulnerability is the same vulnerability; one
        // about several (a DSA fixing five CVEs) is not merged with any of them.
        if let [one] = self.upstream.as_slice()
            && !aliases.contains(one)
        {
            aliases.push(one.clone());
        }
        aliases.retain(|a| *a != self.id);
        Converted::Record(
            Box::new(Advisory {
                id: self.id,
                aliases,
                summary,
                published: self.published,
                modified: self.modified,
                url,
                severities: sev,
                related: Vec::new(),
            }),
            entries,
        )
    }
}
