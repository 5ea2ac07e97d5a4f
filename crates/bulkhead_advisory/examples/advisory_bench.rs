//! Figures for the targets: `cargo run --release -p bulkhead_advisory --example
//! advisory_bench -- STORE`. Opening the store, and matching 1,000 packages whose names all
//! have advisories (the worst case: every lookup finds entries to evaluate).

use bulkhead_advisory::{Store, match_packages};
use bulkhead_pkg::{Distro, Ecosystem, Package};
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// The fastest run: the least disturbed by other load on the machine.
fn best(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: advisory_bench STORE");
    let path = std::path::Path::new(&path);
    let opens: Vec<f64> = (0..50)
        .map(|_| {
            let t = Instant::now();
            let s = Store::open(path).unwrap();
            let ms = t.elapsed().as_secs_f64() * 1e3;
            drop(s);
            ms
        })
        .collect();
    println!("open: median {:.3} ms", median(opens));
    // 1,000 packages named in the store: crates, Go modules and Alpine 3.11 origins.
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare("SELECT DISTINCT ns, name FROM affected WHERE ns IN ('crates.io', 'Go', 'alpine:3.11') ORDER BY name LIMIT 1000")
        .unwrap();
    let pkgs: Vec<Package> = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
        .map(|r| {
            let (ns, name) = r.unwrap();
            match ns.as_str() {
                "crates.io" => Package::new(Ecosystem::Cargo, name, "0.1.0"),
                "Go" => Package::new(Ecosystem::Golang, name, "v0.1.0"),
                _ => {
                    let mut p = Package::new(Ecosystem::Apk, name.clone(), "1.0.0-r0");
                    p.source_name = Some(name);
                    p
                }
            }
        })
        .collect();
    let os = Distro {
        id: "alpine".into(),
        version: "3.11.6".into(),
        codename: None,
        point_release: None,
    };
    let mut findings = 0;
    let runs: Vec<f64> = (0..40)
        .map(|_| {
            let store = Store::open(path).unwrap();
            let t = Instant::now();
            let out = match_packages(&store, &pkgs, Some(&os)).unwrap();
            findings = out.findings.len();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    println!(
        "match {} packages: median {:.2} ms, best {:.2} ms ({} findings)",
        pkgs.len(),
        median(runs.clone()),
        best(&runs),
        findings
    );
    // Where the time goes: the lookups alone.
    let store = Store::open(path).unwrap();
    let t = Instant::now();
    let mut entries = 0;
    for p in &pkgs {
        let ns = bulkhead_advisory::namespace_for(p, Some(&os)).unwrap();
        let name = p.source_name.as_deref().unwrap_or(&p.name);
        entries += store.affected(&ns, name).unwrap().len();
    }
    println!(
        "  of which lookups: {:.2} ms ({entries} entries read)",
        t.elapsed().as_secs_f64() * 1e3
    );
    // A typical image: 1,000 packages, 50 of them named by advisories.
    let mut typical: Vec<Package> = (0..950)
        .map(|i| Package::new(Ecosystem::Cargo, format!("no-advisory-{i}"), "1.0.0"))
        .collect();
    typical.extend(pkgs.iter().step_by(20).cloned());
    let runs: Vec<f64> = (0..40)
        .map(|_| {
            let store = Store::open(path).unwrap();
            let t = Instant::now();
            let out = match_packages(&store, &typical, Some(&os)).unwrap();
            findings = out.findings.len();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    println!(
        "match {} packages ({} named by advisories): median {:.2} ms, best {:.2} ms ({} findings)",
        typical.len(),
        pkgs.len().div_ceil(20),
        median(runs.clone()),
        best(&runs),
        findings
    );
    let stats = Store::open(path).unwrap().stats().unwrap();
    println!(
        "store: {} bytes, {} advisories, {} affected entries, {:.0} bytes per advisory, {:.0} bytes per record (advisory + affected)",
        stats.bytes,
        stats.advisories,
        stats.affected,
        stats.bytes as f64 / stats.advisories as f64,
        stats.bytes as f64 / (stats.advisories + stats.affected) as f64
    );
}
