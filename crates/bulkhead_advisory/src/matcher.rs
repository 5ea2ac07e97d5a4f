//! Matching packages against the store: exact package names in the package's namespace, the
//! namespace's version ordering, no CPE guessing. Records that are aliases of one another
//! (CVE, GHSA, OSV ids) become one finding per package, with the severity of the most
//! authoritative source.

use crate::error::Result;
use crate::model::{Advisory, AffectedEntry, Cvss, FixState, SeverityRecord, SeveritySource};
use crate::namespace::{namespace_for, normalise_name, normalise_version};
use crate::severity::{choose, score_vector};
use crate::store::Store;
use crate::versions::{Hit, affects, scheme_for};
use bulkhead_diagnostics::Severity;
use bulkhead_pkg::{Distro, Ecosystem, InstalledVersion, Package, Scheme};
use serde::Serialize;
use std::collections::BTreeSet;
use std::rc::Rc;

/// One vulnerability of one installed package.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The package as installed.
    pub package: String,
    pub ecosystem: Ecosystem,
    pub installed: String,
    /// The source package the advisory names, when it differs from the package.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_package: Option<String>,
    /// The namespace matched (`crates.io`, `alpine:3.11`...).
    pub namespace: String,
    /// The first version out of the affected interval, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed_version: Option<String>,
    pub state: FixState,
    /// The displayed id: the CVE when there is one, then the GHSA, then the record id.
    pub id: String,
    /// Every other id of the same vulnerability, sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub severity: Severity,
    /// Which source the severity came from; `None` when no source gives one (shown as info).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity_source: Option<SeveritySource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cvss: Option<Cvss>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Layer diff id that added the package (images).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// Where the package was found (its database record, lock file, binary).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Index into the package slice given to [`match_packages`].
    #[serde(skip)]
    pub package_index: usize,
}

impl Finding {
    /// The displayed id followed by its aliases.
    pub fn all_ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Findings, and the packages that could not be looked up.
#[derive(Debug, Default)]
pub struct MatchOutcome {
    pub findings: Vec<Finding>,
    /// OS packages whose distro release is unknown (indexes into the package slice).
    pub unknown_distro: Vec<usize>,
    /// Packages whose installed version the namespace's ordering cannot read, with why.
    pub version_errors: Vec<(usize, String)>,
}

fn id_rank(id: &str) -> u8 {
    if id.starts_with("CVE-") {
        0
    } else if id.starts_with("GHSA-") {
        1
    } else {
        2
    }
}

/// One package to look up: its place in the input, namespace, store name and version.
struct Job<'p> {
    index: usize,
    pkg: &'p Package,
    ns: String,
    name: String,
    lookup_name: &'p str,
    version: String,
    scheme: Scheme,
}

/// The entries of one (namespace, name) and the records of those that matched so far, kept
/// while the packages sharing that name (binary packages of one source) are matched.
struct Current {
    ns: String,
    name: String,
    entries: Vec<AffectedEntry>,
    records: Vec<Option<Rc<Vec<Advisory>>>>,
}

/// Match every package against the store. `os` is the scanned system's distro, used for OS
/// packages that carry none themselves. Findings are sorted by package, version, id.
pub fn match_packages(
    store: &Store,
    packages: &[Package],
    os: Option<&Distro>,
) -> Result<MatchOutcome> {
    let mut out = MatchOutcome::default();
    let mut jobs: Vec<Job<'_>> = Vec::with_capacity(packages.len());
    for (index, pkg) in packages.iter().enumerate() {
        let Some(ns) = namespace_for(pkg, os) else {
            out.unknown_distro.push(index);
            continue;
        };
        let is_os = matches!(
            pkg.ecosystem,
            Ecosystem::Apk | Ecosystem::Deb | Ecosystem::Rpm
        );
        let (lookup_name, version) = if is_os {
            let name = pkg
                .source_name
                .as_deref()
                .filter(|s| !s.is_empty())
                .unwrap_or(&pkg.name);
            let version = match pkg.ecosystem {
                Ecosystem::Deb => pkg.source_version.as_deref().unwrap_or(&pkg.version),
                _ => pkg.version.as_str(),
            };
            (name, version)
        } else {
            (pkg.name.as_str(), pkg.version.as_str())
        };
        let name = normalise_name(&ns, lookup_name);
        let version = normalise_version(&ns, &name, version).to_string();
        let Some(scheme) = scheme_for(&ns) else {
            continue;
        };
        jobs.push(Job {
            index,
            pkg,
            ns,
            name,
            lookup_name,
            version,
            scheme,
        });
    }
    // Packages that share a store name side by side: each name is read once and its entries
    // freed as soon as its packages are done, rather than all kept to the end.
    jobs.sort_by(|a, b| (&a.ns, &a.name).cmp(&(&b.ns, &b.name)));
    let mut current: Option<Current> = None;
    for job in &jobs {
        let cur = match &mut current {
            Some(c) if c.ns == job.ns && c.name == job.name => c,
            slot => {
                let entries = store.affected(&job.ns, &job.name)?;
                let records = vec![None; entries.len()];
                slot.insert(Current {
                    ns: job.ns.clone(),
                    name: job.name.clone(),
                    entries,
                    records,
                })
            }
        };
        if cur.entries.is_empty() {
            continue;
        }
        // Read once per package, evaluated against every range of every entry.
        let installed = match InstalledVersion::parse(job.scheme, &job.version) {
            Ok(v) => v,
            Err(err) => {
                // The installed version itself is unreadable: one note per package.
                out.version_errors.push((job.index, err.to_string()));
                continue;
            }
        };
        let mut hit_at: Vec<(usize, Hit)> = Vec::new();
        for (i, e) in cur.entries.iter().enumerate() {
            // A bad event version in one advisory does not hide the others.
            if let Ok(Some(h)) = affects(&installed, e) {
                hit_at.push((i, h));
            }
        }
        if hit_at.is_empty() {
            continue;
        }
        // Each hit's records, fetched once per name and shared by grouping and the findings.
        let mut records = Vec::with_capacity(hit_at.len());
        for (i, _) in &hit_at {
            let r = match &cur.records[*i] {
                Some(r) => r.clone(),
                None => {
                    let r = Rc::new(store.advisories(&cur.entries[*i].id)?);
                    cur.records[*i] = Some(r.clone());
                    r
                }
            };
            records.push(r);
        }
        let hits: Vec<(&AffectedEntry, Hit)> = hit_at
            .into_iter()
            .map(|(i, h)| (&cur.entries[i], h))
            .collect();
        for group in group_by_alias(&hits, &records) {
            out.findings.push(finding(
                job.pkg,
                job.index,
                &job.ns,
                job.lookup_name,
                &hits,
                &records,
                &group,
            ));
        }
    }
    // Jobs ran in name order: notes back in package order (one per package).
    out.version_errors.sort_by_key(|(index, _)| *index);
    // Keys are unique (one finding per package index and displayed id): unstable is stable.
    out.findings.sort_unstable_by(|a, b| {
        (&a.package, &a.installed, a.package_index, &a.id).cmp(&(
            &b.package,
            &b.installed,
            b.package_index,
            &b.id,
        ))
    });
    Ok(out)
}

/// Partition hit indexes into groups whose ids overlap through aliases (connected through
/// shared ids, transitively). Each group lists its hits in order; groups come in the order
/// of their first hit.
fn group_by_alias(
    hits: &[(&AffectedEntry, Hit)],
    records: &[Rc<Vec<Advisory>>],
) -> Vec<Vec<usize>> {
    if hits.len() == 1 {
        return vec![vec![0]];
    }
    // Every id each hit is known by; hits sharing an id end up side by side.
    let mut ids: Vec<(&str, usize)> = Vec::new();
    for (i, ((e, _), recs)) in hits.iter().zip(records).enumerate() {
        ids.push((&e.id, i));
        for a in recs.iter() {
            ids.extend(a.aliases.iter().map(|al| (al.as_str(), i)));
        }
    }
    ids.sort_unstable();
    // Union-find over hits, each set rooted at its lowest hit.
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut parent: Vec<usize> = (0..hits.len()).collect();
    for w in ids.windows(2) {
        if w[0].0 == w[1].0 {
            let (a, b) = (root(&mut parent, w[0].1), root(&mut parent, w[1].1));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of = vec![usize::MAX; hits.len()];
    for i in 0..hits.len() {
        let r = root(&mut parent, i);
        if group_of[r] == usize::MAX {
            group_of[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[group_of[r]].push(i);
    }
    groups
}

fn finding(
    pkg: &Package,
    index: usize,
    ns: &str,
    lookup_name: &str,
    hits: &[(&AffectedEntry, Hit)],
    records: &[Rc<Vec<Advisory>>],
    group: &[usize],
) -> Finding {
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    let mut severities: Vec<SeverityRecord> = Vec::new();
    let mut summary = String::new();
    let mut url = None;
    let mut fixed: Option<String> = None;
    let mut wont_fix = false;
    for &i in group {
        let (entry, hit) = &hits[i];
        ids.insert(&entry.id);
        if let Some(s) = &entry.severity {
            severities.push(s.clone());
        }
        if fixed.is_none() {
            fixed.clone_from(&hit.fixed);
        }
        wont_fix |= entry.state == Some(FixState::WillNotFix);
        for a in records[i].iter() {
            ids.extend(a.aliases.iter().map(String::as_str));
            severities.extend(a.severities.iter().cloned());
            if summary.is_empty() {
                summary.clone_from(&a.summary);
            }
            if url.is_none() {
                url.clone_from(&a.url);
            }
        }
    }
    // GHSA/NVD statements of other records of the same vulnerability (gathered at write time).
    for &i in group {
        for a in records[i].iter() {
            for r in &a.related {
                if !severities.contains(r) {
                    severities.push(r.clone());
                }
            }
        }
    }
    let chosen = choose(&severities);
    let severity = chosen.and_then(|s| s.level).unwrap_or(Severity::Info);
    let cvss = chosen
        .and_then(|s| s.vector.as_deref())
        .and_then(score_vector)
        .or_else(|| {
            // No vector from the chosen source: still show the best vector we have.
            severities
                .iter()
                .filter(|s| s.vector.is_some())
                .min_by_key(|s| s.source)
                .and_then(|s| s.vector.as_deref())
                .and_then(score_vector)
        });
    let mut all: Vec<&str> = ids.into_iter().collect();
    all.sort_by(|a, b| (id_rank(a), a).cmp(&(id_rank(b), b)));
    let id = all.remove(0).to_string();
    let all: Vec<String> = all.into_iter().map(str::to_string).collect();
    let state = if fixed.is_some() {
        FixState::Fixed
    } else if wont_fix {
        FixState::WillNotFix
    } else {
        FixState::Unfixed
    };
    Finding {
        package: pkg.name.clone(),
        ecosystem: pkg.ecosystem,
        installed: pkg.version.clone(),
        source_package: (lookup_name != pkg.name).then(|| lookup_name.to_string()),
        namespace: ns.to_string(),
        fixed_version: fixed,
        state,
        id,
        aliases: all,
        severity,
        severity_source: chosen.map(|s| s.source),
        cvss,
        summary,
        url,
        layer: pkg.layer.clone(),
        location: pkg.locations.first().cloned(),
        package_index: index,
    }
}
