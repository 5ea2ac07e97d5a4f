//! Alpine secdb (`v3.x/main.yaml`, `main.json`): per-branch lists of the versions that fixed
//! each CVE, by origin (source) package.
//!
//! A `secfixes` key `V` listing `CVE-X` becomes the range `[0, V)` for `CVE-X`. The version
//! `0` means "never affected in Alpine" and adds nothing.

use crate::model::{Advisory, AffectedEntry};
use crate::namespace::alpine_branch;
use bulkhead_pkg::{OsvAffected, OsvEvent, OsvRange, RangeKind};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
pub(crate) struct SecDb {
    distroversion: String,
    #[serde(default)]
    packages: Option<Vec<PkgWrap>>,
}

#[derive(Deserialize)]
struct PkgWrap {
    pkg: SecPkg,
}

#[derive(Deserialize)]
struct SecPkg {
    name: String,
    #[serde(default)]
    secfixes: Option<BTreeMap<String, Option<Vec<String>>>>,
}

/// Ids in a secfixes line: `CVE-2019-1 CVE-2019-2`, `CVE-2018-1000613 (workaround)`.
fn ids(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| {
            let t = t.trim();
            t.contains('-') && t.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        })
}

impl SecDb {
    pub(crate) fn convert(self) -> (Vec<Advisory>, Vec<AffectedEntry>) {
        let namespace = format!("alpine:{}", alpine_branch(&self.distroversion));
        let mut affected: BTreeMap<(String, String), AffectedEntry> = BTreeMap::new();
        for PkgWrap { pkg } in self.packages.unwrap_or_default() {
            for (version, lines) in pkg.secfixes.unwrap_or_default() {
                if version == "0" {
                    continue;
                }
                for line in lines.unwrap_or_default() {
                    for id in ids(&line) {
                        let e = affected
                            .entry((pkg.name.clone(), id.to_string()))
                            .or_insert_with(|| AffectedEntry {
                                namespace: namespace.clone(),
                                name: pkg.name.clone(),
                                id: id.to_string(),
                                affected: OsvAffected::default(),
                                state: None,
                                severity: None,
                            });
                        e.affected.ranges.push(OsvRange {
                            kind: RangeKind::Ecosystem,
                            events: vec![
                                OsvEvent::Introduced("0".into()),
                                OsvEvent::Fixed(version.clone()),
                            ],
                            repo: None,
                        });
                    }
                }
            }
        }
        let mut ids: Vec<&str> = affected.keys().map(|(_, id)| id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let advisories = ids
            .into_iter()
            .map(|id| Advisory {
                id: id.to_string(),
                aliases: Vec::new(),
                summary: String::new(),
                published: None,
                modified: None,
                url: id
                    .starts_with("CVE-")
                    .then(|| format!("https://security.alpinelinux.org/vuln/{id}")),
                severities: Vec::new(),
                related: Vec::new(),
            })
            .collect();
        (advisories, affected.into_values().collect())
    }
}
