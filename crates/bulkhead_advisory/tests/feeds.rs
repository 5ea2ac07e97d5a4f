//! Feed formats beyond ../shared: the Debian security tracker JSON, OSV-Debian records, an
//! Alpine secdb JSON, an osv.dev `all.zip` dump, and re-import replacing a source.

use bulkhead_advisory::{
    Finding, FixState, SourceInfo, Store, match_packages, parse_path, write_store,
};
use bulkhead_diagnostics::Severity;
use bulkhead_pkg::{Distro, Ecosystem, Package};
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn build(db: &Path, paths: &[PathBuf]) -> Store {
    let sources = paths
        .iter()
        .map(|p| {
            let (batch, report) = parse_path(p);
            assert!(report.errors.is_empty(), "{:?}", report.errors);
            (
                SourceInfo {
                    name: p.display().to_string(),
                    ..SourceInfo::default()
                },
                batch,
            )
        })
        .collect();
    write_store(db, sources, true).unwrap();
    Store::open(db).unwrap()
}

fn debian(version: &str, codename: &str) -> Distro {
    Distro {
        id: "debian".into(),
        version: version.into(),
        codename: Some(codename.into()),
        point_release: None,
    }
}

fn deb(name: &str, source: &str, version: &str) -> Package {
    let mut p = Package::new(Ecosystem::Deb, name, version);
    p.source_name = Some(source.into());
    p.source_version = Some(version.into());
    p
}

fn find<'a>(findings: &'a [Finding], index: usize, id: &str) -> Option<&'a Finding> {
    findings
        .iter()
        .find(|f| f.package_index == index && f.all_ids().any(|i| i == id))
}

#[test]
fn debian_tracker_states_and_releases() {
    let dir = tempfile::tempdir().unwrap();
    let store = build(&dir.path().join("a.db"), &[fixture("debian-tracker.json")]);
    let pkgs = [
        deb("libssl3", "openssl", "3.0.7-1"),
        deb("libssl3", "openssl", "3.0.8-1"),
        deb("zlib1g", "zlib", "1:1.2.13.dfsg-1"),
    ];
    let out = match_packages(&store, &pkgs, Some(&debian("12", "bookworm"))).unwrap();
    let f = find(&out.findings, 0, "CVE-2023-0286").expect("fixed in 3.0.8-1");
    assert_eq!(f.fixed_version.as_deref(), Some("3.0.8-1"));
    assert_eq!(f.state, FixState::Fixed);
    assert_eq!(f.namespace, "debian:12");
    assert_eq!(f.source_package.as_deref(), Some("openssl"));
    // "not yet assigned" urgency: no severity.
    assert_eq!(f.severity, Severity::Info);
    // Postponed is unfixed (a fix will come); the vendor urgency is the severity.
    let open = find(&out.findings, 0, "CVE-2024-2511").unwrap();
    assert_eq!(
        (open.state, open.severity),
        (FixState::Unfixed, Severity::Low)
    );
    // fixed_version 0: never affected in Debian.
    assert!(find(&out.findings, 0, "CVE-2007-6755").is_none());
    // The fixed version: only the still-open issue remains.
    assert!(find(&out.findings, 1, "CVE-2023-0286").is_none());
    assert!(find(&out.findings, 1, "CVE-2024-2511").is_some());
    // Ignored (no-dsa): will not fix.
    let z = find(&out.findings, 2, "CVE-2023-45853").unwrap();
    assert_eq!(z.state, FixState::WillNotFix);
    // Another release: bullseye's fixed version and urgency apply.
    let b = match_packages(
        &store,
        &[deb("libssl1.1", "openssl", "1.1.1n-0+deb11u3")],
        Some(&debian("11.6", "bullseye")),
    )
    .unwrap();
    let f = find(&b.findings, 0, "CVE-2023-0286").unwrap();
    assert_eq!(f.fixed_version.as_deref(), Some("1.1.1n-0+deb11u4"));
    assert_eq!(f.severity, Severity::High);
    let wnf = find(&b.findings, 0, "CVE-2024-2511").unwrap();
    assert_eq!(wnf.state, FixState::WillNotFix);
    // A release the tracker does not list: nothing.
    let none = match_packages(
        &store,
        &[deb("libssl1.1", "openssl", "1.1.1n-0+deb11u3")],
        Some(&debian("10", "buster")),
    )
    .unwrap();
    assert!(none.findings.is_empty());
}

#[test]
fn osv_debian_merges_with_tracker() {
    let dir = tempfile::tempdir().unwrap();
    let store = build(
        &dir.path().join("a.db"),
        &[fixture("debian-tracker.json"), fixture("osv-debian")],
    );
    let out = match_packages(
        &store,
        &[deb("zlib1g", "zlib", "1:1.2.13.dfsg-1")],
        Some(&debian("12", "bookworm")),
    )
    .unwrap();
    // DEBIAN-CVE-2023-45853 (OSV, exact version) and the tracker's CVE are one finding.
    assert_eq!(out.findings.len(), 1, "{:#?}", out.findings);
    let f = &out.findings[0];
    assert_eq!(f.id, "CVE-2023-45853");
    assert_eq!(f.aliases, ["DEBIAN-CVE-2023-45853"]);
    // A DSA about two CVEs matches on its own range, and is not merged into either CVE.
    let b = match_packages(
        &store,
        &[deb("libssl1.1", "openssl", "1.1.1n-0+deb11u3")],
        Some(&debian("11", "bullseye")),
    )
    .unwrap();
    let dsa = find(&b.findings, 0, "DSA-5343-1").unwrap();
    assert_eq!(dsa.id, "DSA-5343-1");
    assert_eq!(dsa.fixed_version.as_deref(), Some("1.1.1n-0+deb11u4"));
}

#[test]
fn alpine_secdb_json() {
    let dir = tempfile::tempdir().unwrap();
    let store = build(
        &dir.path().join("a.db"),
        &[fixture("alpine-v3.20-main.json")],
    );
    let os = Distro {
        id: "alpine".into(),
        version: "3.20.3".into(),
        codename: None,
        point_release: None,
    };
    let mut ssl = Package::new(Ecosystem::Apk, "libcrypto3", "3.3.1-r3");
    ssl.source_name = Some("openssl".into());
    let mut bb = Package::new(Ecosystem::Apk, "busybox", "1.36.1-r29");
    bb.source_name = Some("busybox".into());
    let out = match_packages(&store, &[ssl, bb], Some(&os)).unwrap();
    let ids: Vec<&str> = out.findings.iter().map(|f| f.id.as_str()).collect();
    // 3.3.1-r3 >= 3.3.1-r1 (CVE-2024-5535 fixed), < 3.3.2-r0; `0` means never affected.
    assert_eq!(ids, ["CVE-2024-6119"]);
}

#[test]
fn osv_zip_dump_and_reimport() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("all.zip");
    let record = |id: &str, fixed: &str| {
        format!(
            r#"{{"id":"{id}","modified":"2024-01-01T00:00:00Z","aliases":["CVE-2099-{n}"],"database_specific":{{"severity":"MODERATE"}},
            "affected":[{{"package":{{"ecosystem":"PyPI","name":"Demo_Pkg"}},"ranges":[{{"type":"ECOSYSTEM","events":[{{"introduced":"0"}},{{"fixed":"{fixed}"}}]}}]}}]}}"#,
            n = &id[id.len() - 4..]
        )
    };
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
        let opts = zip::write::SimpleFileOptions::default();
        for (id, fixed) in [
            ("GHSA-aaaa-bbbb-0001", "1.2.0"),
            ("GHSA-aaaa-bbbb-0002", "2.0.0"),
        ] {
            z.start_file(format!("{id}.json"), opts).unwrap();
            z.write_all(record(id, fixed).as_bytes()).unwrap();
        }
        z.finish().unwrap();
    }
    let db = dir.path().join("a.db");
    let store = build(&db, std::slice::from_ref(&zip_path));
    // PEP 503 names: `demo.pkg` is `Demo_Pkg`.
    let pkg = Package::new(Ecosystem::Pypi, "demo.pkg", "1.1.0");
    let out = match_packages(&store, std::slice::from_ref(&pkg), None).unwrap();
    let ids: Vec<&str> = out.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["CVE-2099-0001", "CVE-2099-0002"]);
    assert_eq!(out.findings[0].severity, Severity::Medium);
    assert_eq!(
        out.findings[0].severity_source.map(|s| s.as_str()),
        Some("ghsa")
    );
    drop(store);
    // Re-import of the same source with one record: the other is gone.
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
        z.start_file(
            "GHSA-aaaa-bbbb-0002.json",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        z.write_all(record("GHSA-aaaa-bbbb-0002", "2.0.0").as_bytes())
            .unwrap();
        z.finish().unwrap();
    }
    let store = build(&db, std::slice::from_ref(&zip_path));
    let out = match_packages(&store, &[pkg], None).unwrap();
    let ids: Vec<&str> = out.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["CVE-2099-0002"]);
    assert_eq!(store.stats().unwrap().sources.len(), 1);
}

#[test]
fn corrupt_and_missing_store_say_how_to_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let missing = Store::open(&dir.path().join("none.db"))
        .err()
        .unwrap()
        .to_string();
    assert!(missing.contains("run `bulkhead db update`"), "{missing}");
    let bad = dir.path().join("bad.db");
    std::fs::write(&bad, b"SQLite format 3\0garbage garbage garbage").unwrap();
    let msg = Store::open(&bad).err().unwrap().to_string();
    assert!(
        msg.contains("corrupt") && msg.contains("bulkhead db import"),
        "{msg}"
    );
    std::fs::write(&bad, b"{}").unwrap();
    let msg = Store::open(&bad).err().unwrap().to_string();
    assert!(msg.contains("not an SQLite file"), "{msg}");
    // A file that is not a store is never replaced (issue 12): refused, left as it was.
    let err = write_store(&bad, Vec::new(), true)
        .err()
        .unwrap()
        .to_string();
    assert_eq!(
        err,
        format!(
            "not a bulkhead store: {} (a file that is not an advisory database): remove it or \
             choose another path",
            bad.display()
        )
    );
    assert_eq!(std::fs::read(&bad).unwrap(), b"{}");
    // A store bulkhead wrote, even in another format version, is replaced.
    let ok = bad.with_extension("ok");
    drop(build(&ok, &[fixture("alpine-v3.20-main.json")]));
    rusqlite::Connection::open(&ok)
        .unwrap()
        .execute("UPDATE meta SET value = '99' WHERE key = 'format'", [])
        .unwrap();
    assert!(
        Store::open(&ok)
            .err()
            .unwrap()
            .to_string()
            .contains("has format 99")
    );
    let store = build(&ok, &[fixture("alpine-v3.20-main.json")]);
    assert!(store.stats().unwrap().affected > 0);
}

#[test]
fn distro_finding_takes_ghsa_severity_of_its_cve() {
    let dir = tempfile::tempdir().unwrap();
    let store = build(
        &dir.path().join("a.db"),
        &[fixture("alpine-v3.20-main.json"), fixture("osv-ghsa")],
    );
    let os = Distro {
        id: "alpine".into(),
        version: "3.20.3".into(),
        codename: None,
        point_release: None,
    };
    let mut ssl = Package::new(Ecosystem::Apk, "libcrypto3", "3.3.1-r3");
    ssl.source_name = Some("openssl".into());
    let out = match_packages(&store, &[ssl], Some(&os)).unwrap();
    let f = &out.findings[0];
    // The secdb says nothing about severity; the GHSA record of the same CVE does.
    assert_eq!(f.id, "CVE-2024-6119");
    assert_eq!(f.severity, Severity::High);
    assert_eq!(f.severity_source.map(|s| s.as_str()), Some("ghsa"));
    assert_eq!(f.cvss.as_ref().map(|c| c.score), Some(7.5));
    // The GHSA record itself did not match (another ecosystem): no alias id is invented.
    assert!(f.aliases.is_empty());
}
