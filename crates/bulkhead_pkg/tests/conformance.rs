//! Holds the version orderings to the upstream vectors in ../shared/conformance/versions
//! (dpkg, rpm, apk-tools, pypa/packaging, Maven and node-semver test suites, each checked
//! against the native tool). Prints the pass rate and fails under 100%.

use bulkhead_pkg::range::npm::{NpmOptions, npm_satisfies};
use bulkhead_pkg::{Scheme, compare};
use std::cmp::Ordering;
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/versions");
    dir.is_dir().then_some(dir)
}

fn ordering(s: &str) -> Option<Ordering> {
    match s {
        "-1" => Some(Ordering::Less),
        "0" => Some(Ordering::Equal),
        "1" => Some(Ordering::Greater),
        _ => None,
    }
}

/// What apk-tools v2 gives, when the row's source says it differs from v3.
fn apk_v2_expectation(source: &str) -> Option<Ordering> {
    let rest = source.split("2.14-stable (Alpine<=3.22) gives ").nth(1)?;
    let n: String = rest
        .chars()
        .take_while(|c| *c == '-' || c.is_ascii_digit())
        .collect();
    ordering(&n)
}

#[test]
fn version_vectors() {
    let Some(dir) = shared() else {
        skip_or_fail("../shared not found");
        return;
    };
    let text = std::fs::read_to_string(dir.join("version-vectors.tsv")).unwrap();
    let (mut total, mut passed) = (0, 0);
    let mut failures = Vec::new();
    let mut check = |scheme: Scheme, a: &str, b: &str, want: Ordering, source: &str| {
        total += 1;
        let got = compare(scheme, a, b);
        if got.as_ref().ok() == Some(&want) {
            passed += 1;
        } else {
            failures.push(format!(
                "{scheme} {a:?} {b:?}: want {want:?}, got {got:?} ({source})"
            ));
        }
    };
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [scheme, a, b, expected, source] = cols[..] else {
            panic!("bad row: {line:?}");
        };
        let want = ordering(expected).unwrap_or_else(|| panic!("bad expectation: {line:?}"));
        if scheme == "apk" {
            // The rows are apk-tools v3 semantics; v2 gives the same unless the source says.
            check(Scheme::Apk3, a, b, want, source);
            check(
                Scheme::Apk,
                a,
                b,
                apk_v2_expectation(source).unwrap_or(want),
                source,
            );
        } else {
            let scheme: Scheme = scheme.parse().unwrap();
            check(scheme, a, b, want, source);
            // Antisymmetry: the reverse comparison must give the reverse answer.
            check(scheme, b, a, want.reverse(), source);
        }
    }
    println!("version vectors: {passed}/{total} passed");
    for f in failures.iter().take(60) {
        println!("  FAIL {f}");
    }
    assert_eq!(passed, total, "{} version vectors failed", total - passed);
}

/// node-semver's options argument as the vectors spell it: empty, `true`, a JSON object, or
/// any other non-object truthy value (which node-semver reads as `{loose: true}`).
fn npm_options(s: &str) -> NpmOptions {
    let s = s.trim();
    if s.is_empty() {
        return NpmOptions::default();
    }
    match serde_json::from_str::<serde_json::Value>(s) {
        Ok(serde_json::Value::Object(map)) => {
            let truthy = |k: &str| match map.get(k) {
                None | Some(serde_json::Value::Null) => false,
                Some(serde_json::Value::Bool(b)) => *b,
                Some(serde_json::Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
                Some(serde_json::Value::String(s)) => !s.is_empty(),
                Some(_) => true,
            };
            NpmOptions {
                loose: truthy("loose"),
                include_prerelease: truthy("includePrerelease"),
            }
        }
        Ok(serde_json::Value::Bool(false)) => NpmOptions::default(),
        _ => NpmOptions {
            loose: true,
            include_prerelease: false,
        },
    }
}

#[test]
fn npm_range_vectors() {
    let Some(dir) = shared() else {
        skip_or_fail("../shared not found");
        return;
    };
    let text = std::fs::read_to_string(dir.join("npm-range-vectors.tsv")).unwrap();
    let (mut total, mut passed) = (0, 0);
    let mut failures = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [range, version, included, options, source] = cols[..] else {
            panic!("bad row: {line:?}");
        };
        let want = included == "true";
        // node-semver's satisfies() answers false for an invalid version or range.
        let got = npm_satisfies(version, range, npm_options(options));
        total += 1;
        if got.clone().unwrap_or(false) == want {
            passed += 1;
        } else {
            failures.push(format!(
                "{range:?} {version:?} {options}: want {want}, got {got:?} ({source})"
            ));
        }
    }
    println!("npm range vectors: {passed}/{total} passed");
    for f in failures.iter().take(60) {
        println!("  FAIL {f}");
    }
    assert_eq!(passed, total, "{} npm range vectors failed", total - passed);
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
