//! Every `affected[]` entry of the real OSV advisories in ../shared/advisories (Go vulndb and
//! RustSec) deserialises into `OsvAffected`, and evaluating it at its own event versions gives
//! the answers the events spell out: an `introduced` version is affected, a `fixed` version is
//! not, a `last_affected` version is, and the fix reported for an introduced version is the
//! lowest fix above it.

use bulkhead_pkg::{
    InstalledVersion, OsvAffected, OsvEvent, Scheme, fixed_versions, osv_affected, osv_evaluate,
};
use std::path::PathBuf;

fn dir(sub: &str) -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/advisories")
        .join(sub);
    d.is_dir().then_some(d)
}

fn check(sub: &str, scheme: Scheme) -> Option<(usize, usize, usize)> {
    let dir = dir(sub)?;
    let (mut files, mut entries, mut checks) = (0, 0, 0);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        files += 1;
        for a in doc["affected"].as_array().into_iter().flatten() {
            let affected: OsvAffected = serde_json::from_value(a.clone())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            entries += 1;
            for range in &affected.ranges {
                // A range by itself, so other ranges of the entry do not interfere.
                let single = OsvAffected {
                    ranges: vec![range.clone()],
                    versions: Vec::new(),
                };
                let closing: Vec<&str> = range
                    .events
                    .iter()
                    .filter_map(|e| match e {
                        OsvEvent::Fixed(v) | OsvEvent::LastAffected(v) => Some(v.as_str()),
                        _ => None,
                    })
                    .collect();
                for e in &range.events {
                    let v = e.version();
                    if v == "0" {
                        continue;
                    }
                    let got = osv_affected(scheme, v, &single)
                        .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
                    let want = match e {
                        // Unless the same version also closes a range.
                        OsvEvent::Introduced(_) => {
                            !closing.iter().any(|c| c == &v)
                                || range.events.contains(&OsvEvent::LastAffected(v.to_owned()))
                        }
                        OsvEvent::Fixed(_) => false,
                        OsvEvent::LastAffected(_) => true,
                        OsvEvent::Limit(_) => continue,
                    };
                    assert_eq!(got, want, "{} {e:?}", path.display());
                    checks += 1;
                    if let OsvEvent::Introduced(_) = e
                        && got
                    {
                        let fixes = fixed_versions(scheme, v, &single).unwrap();
                        assert!(fixes.len() <= 1, "{}: {fixes:?}", path.display());
                    }
                }
            }
        }
    }
    Some((files, entries, checks))
}

#[test]
fn go_vulndb_and_rustsec_ranges_evaluate() {
    for (sub, scheme) in [
        ("go-vulndb/osv", Scheme::Go),
        ("rustsec-osv/crates", Scheme::Semver),
    ] {
        match check(sub, scheme) {
            None => skip_or_fail("../shared not found"),
            Some((files, entries, checks)) => {
                println!(
                    "{sub}: {files} advisories, {entries} affected entries, {checks} event checks passed"
                );
                assert!(files > 1000, "{sub}: only {files} advisories");
            }
        }
    }
}

/// The one-pass evaluation the matcher uses gives `osv_affected` + `fixed_versions`'s answers
/// (and errors) on every real entry, at every event version and a few others.
#[test]
fn one_pass_evaluation_agrees_on_real_advisories() {
    for (sub, scheme, extra) in [
        (
            "go-vulndb/osv",
            Scheme::Go,
            [
                "v0.1.0",
                "v1.0.0",
                "0.1.0",
                "v0.0.0-20200101000000-abcdefabcdef",
            ],
        ),
        (
            "rustsec-osv/crates",
            Scheme::Semver,
            ["0.1.0", "1.0.0", "v1.0.0", "1.0.0-alpha.1"],
        ),
    ] {
        let Some(dir) = dir(sub) else {
            skip_or_fail("../shared not found");
            return;
        };
        let mut compared = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let doc: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for a in doc["affected"].as_array().into_iter().flatten() {
                let affected: OsvAffected = serde_json::from_value(a.clone()).unwrap();
                let mut versions: Vec<&str> = affected
                    .ranges
                    .iter()
                    .flat_map(|r| r.events.iter().map(OsvEvent::version))
                    .collect();
                versions.extend(extra);
                for v in versions {
                    let want = osv_affected(scheme, v, &affected).and_then(|hit| {
                        if hit {
                            fixed_versions(scheme, v, &affected).map(Some)
                        } else {
                            Ok(None)
                        }
                    });
                    let got = InstalledVersion::parse(scheme, v)
                        .and_then(|i| osv_evaluate(&i, &affected));
                    assert_eq!(got, want, "{} {v}", path.display());
                    compared += 1;
                }
            }
        }
        println!("{sub}: {compared} evaluations agree");
    }
}

/// Without ../shared the test is skipped, except under `CI=true`, where a missing
/// prerequisite fails it.
fn skip_or_fail(why: &str) {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true and {why}"
    );
    println!("skipped: {why}");
}
