//! The real advisories in ../shared/advisories: import them all, then match real package
//! versions, asserting each expected advisory id and the near-misses (the fixed version, a
//! different distro release).

use bulkhead_advisory::{
    Finding, FixState, SourceInfo, Store, match_packages, parse_path, write_store,
};
use bulkhead_diagnostics::Severity;
use bulkhead_pkg::{Distro, Ecosystem, Package};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

#[path = "../../bulkhead_image/tests/support/scratch.rs"]
mod scratch;
use scratch::scratch_dir;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/advisories");
    p.is_dir().then_some(p)
}

/// One store for the whole file, built once.
fn store_path() -> Option<&'static Path> {
    static PATH: OnceLock<Option<PathBuf>> = OnceLock::new();
    PATH.get_or_init(|| {
        let root = shared()?;
        let db = scratch_dir("shared-store").join("advisory.db");
        let mut sources = Vec::new();
        for sub in ["go-vulndb/osv", "rustsec-osv/crates", "alpine-secdb-2020"] {
            let (batch, report) = parse_path(&root.join(sub));
            assert!(report.errors.is_empty(), "{sub}: {:?}", report.errors);
            sources.push((
                SourceInfo {
                    name: sub.to_string(),
                    ..SourceInfo::default()
                },
                batch,
            ));
        }
        write_store(&db, sources, false).unwrap();
        Some(db)
    })
    .as_deref()
}

macro_rules! store_or_skip {
    () => {
        match store_path() {
            Some(p) => Store::open(p).unwrap(),
            None => {
                assert!(
                    std::env::var("CI").as_deref() != Ok("true"),
                    "../shared/advisories is missing (required under CI=true)"
                );
                eprintln!("skipped: ../shared not found");
                return;
            }
        }
    };
}

fn ids(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .flat_map(|f| f.all_ids().map(str::to_string))
        .collect()
}

fn alpine(version: &str) -> Distro {
    Distro {
        id: "alpine".into(),
        version: version.into(),
        codename: None,
        point_release: None,
    }
}

#[test]
fn counts() {
    let store = store_or_skip!();
    let stats = store.stats().unwrap();
    let by_name = |n: &str| stats.sources.iter().find(|s| s.name == n).unwrap();
    // 4291 Go records less 17 withdrawn; 1206 RustSec records less 13 withdrawn and 466
    // informational ones (unmaintained, unsound, notice).
    assert_eq!(by_name("go-vulndb/osv").advisories, 4274);
    assert_eq!(by_name("rustsec-osv/crates").advisories, 727);
    assert!(by_name("alpine-secdb-2020").affected > 3000);
}

#[test]
fn rustsec_crate() {
    let store = store_or_skip!();
    let pkgs = [
        Package::new(Ecosystem::Cargo, "openssl", "0.8.3"),
        Package::new(Ecosystem::Cargo, "openssl", "0.9.0"),
    ];
    let out = match_packages(&store, &pkgs, None).unwrap();
    let vulnerable: Vec<&Finding> = out
        .findings
        .iter()
        .filter(|f| f.package_index == 0)
        .collect();
    let f = vulnerable
        .iter()
        .find(|f| f.all_ids().any(|i| i == "RUSTSEC-2016-0001"))
        .expect("RUSTSEC-2016-0001");
    // The CVE is shown, the other ids are merged into the same finding.
    assert_eq!(f.id, "CVE-2016-10931");
    assert_eq!(f.aliases, ["GHSA-34p9-f4q3-c4r7", "RUSTSEC-2016-0001"]);
    assert_eq!(f.fixed_version.as_deref(), Some("0.9.0"));
    assert_eq!(f.state, FixState::Fixed);
    assert_eq!(f.severity, Severity::High);
    let cvss = f.cvss.as_ref().unwrap();
    assert_eq!((cvss.version.as_str(), cvss.score), ("3.0", 8.1));
    // The fixed version is not affected by it.
    let fixed: Vec<Finding> = out
        .findings
        .iter()
        .filter(|f| f.package_index == 1)
        .cloned()
        .collect();
    assert!(!ids(&fixed).contains(&"RUSTSEC-2016-0001".to_string()));
}

#[test]
fn go_module_and_stdlib() {
    let store = store_or_skip!();
    let pkgs = [
        Package::new(Ecosystem::Golang, "github.com/gin-gonic/gin", "v1.5.0"),
        Package::new(Ecosystem::Golang, "github.com/gin-gonic/gin", "v1.6.0"),
    ];
    let out = match_packages(&store, &pkgs, None).unwrap();
    let f = out
        .findings
        .iter()
        .find(|f| f.package_index == 0 && f.all_ids().any(|i| i == "GO-2020-0001"))
        .expect("GO-2020-0001");
    assert_eq!(f.id, "CVE-2020-36567");
    assert_eq!(f.fixed_version.as_deref(), Some("1.6.0"));
    // Go records carry no severity.
    assert_eq!(f.severity, Severity::Info);
    assert!(
        !out.findings
            .iter()
            .any(|f| f.package_index == 1 && f.all_ids().any(|i| i == "GO-2020-0001"))
    );
}

#[test]
fn alpine_secdb_release_and_fix() {
    let store = store_or_skip!();
    let mut vulnerable = Package::new(Ecosystem::Apk, "apache2-utils", "2.4.40-r0");
    vulnerable.source_name = Some("apache2".into());
    let mut fixed = vulnerable.clone();
    fixed.version = "2.4.41-r0".into();
    let pkgs = [vulnerable, fixed];
    let out = match_packages(&store, &pkgs, Some(&alpine("3.11.6"))).unwrap();
    let hits: Vec<&Finding> = out
        .findings
        .iter()
        .filter(|f| f.package_index == 0)
        .collect();
    let f = hits
        .iter()
        .find(|f| f.id == "CVE-2019-9517")
        .expect("CVE-2019-9517");
    assert_eq!(f.fixed_version.as_deref(), Some("2.4.41-r0"));
    assert_eq!(f.namespace, "alpine:3.11");
    assert_eq!(f.source_package.as_deref(), Some("apache2"));
    assert!(
        !out.findings
            .iter()
            .any(|f| f.package_index == 1 && f.id == "CVE-2019-9517")
    );
    // Alpine 3.12 is not in the 2020 secdb: nothing is known, nothing is guessed.
    let other = match_packages(&store, &pkgs[..1], Some(&alpine("3.12.0"))).unwrap();
    assert!(other.findings.is_empty());
    // No distro at all: reported as not matched, not silently clean.
    let none = match_packages(&store, &pkgs[..1], None).unwrap();
    assert_eq!(none.unknown_distro, [0]);
}
