//! The Debian security tracker JSON (`/tracker/data/json`): source package -> CVE -> release
//! -> status, fixed version, urgency.
//!
//! `resolved` with a fixed version becomes `[0, fixed)` (`0` means not affected and adds
//! nothing); `open` and `undetermined` become an open range, marked will-not-fix when the
//! tracker says the issue is ignored (`nodsa_reason: ignored`) or the release is end-of-life.
//! The urgency is the vendor severity.

use crate::model::{Advisory, AffectedEntry, FixState, SeverityRecord, SeveritySource};
use crate::namespace::debian_release;
use crate::severity::level_from_text;
use bulkhead_pkg::{OsvAffected, OsvEvent, OsvRange, RangeKind};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// The whole tracker document.
pub(crate) type Tracker = HashMap<String, HashMap<String, TrackerCve>>;

#[derive(Deserialize)]
pub(crate) struct TrackerCve {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    releases: HashMap<String, TrackerRelease>,
}

#[derive(Deserialize)]
struct TrackerRelease {
    #[serde(default)]
    status: String,
    #[serde(default)]
    fixed_version: Option<String>,
    #[serde(default)]
    urgency: Option<String>,
    #[serde(default)]
    nodsa_reason: Option<String>,
}

pub(crate) fn convert(tracker: Tracker) -> (Vec<Advisory>, Vec<AffectedEntry>) {
    let mut advisories: BTreeMap<String, Advisory> = BTreeMap::new();
    let mut affected = Vec::new();
    for (package, cves) in tracker {
        for (id, cve) in cves {
            for (release, r) in cve.releases {
                let severity =
                    r.urgency
                        .as_deref()
                        .and_then(level_from_text)
                        .map(|level| SeverityRecord {
                            source: SeveritySource::Vendor,
                            level: Some(level),
                            vector: None,
                        });
                let intro = OsvEvent::Introduced("0".into());
                let (events, state) = match r.status.as_str() {
                    "resolved" => match r.fixed_version.as_deref() {
                        None | Some("0") => continue,
                        Some(v) => (vec![intro, OsvEvent::Fixed(v.to_string())], None),
                    },
                    "open" | "undetermined" => {
                        let wont = r.nodsa_reason.as_deref() == Some("ignored")
                            || r.urgency.as_deref() == Some("end-of-life");
                        (vec![intro], wont.then_some(FixState::WillNotFix))
                    }
                    _ => continue,
                };
                affected.push(AffectedEntry {
                    namespace: format!("debian:{}", debian_release(&release)),
                    name: package.clone(),
                    id: id.clone(),
                    affected: OsvAffected {
                        ranges: vec![OsvRange {
                            kind: RangeKind::Ecosystem,
                            events,
                            repo: None,
                        }],
                        versions: Vec::new(),
                    },
                    state,
                    severity,
                });
            }
            advisories.entry(id.clone()).or_insert_with(|| Advisory {
                url: Some(format!("https://security-tracker.debian.org/tracker/{id}")),
                id,
                aliases: Vec::new(),
                summary: cve.description.unwrap_or_default(),
                published: None,
                modified: None,
                severities: Vec::new(),
                related: Vec::new(),
            });
        }
    }
    affected.sort_by(|a, b| (&a.namespace, &a.name, &a.id).cmp(&(&b.namespace, &b.name, &b.id)));
    (advisories.into_values().collect(), affected)
}
