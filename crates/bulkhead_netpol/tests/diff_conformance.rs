//! netpol-analyzer `diff` conformance on the pairs of NetworkPolicy-v1-only input directories
//! that have expected diff outputs (txt, csv, md), compared after removing newlines.

mod common;

use bulkhead_netpol::{cluster_from_documents, diff, load};
use std::collections::BTreeSet;

/// Pairs that must pass (ratchet).
const MIN_PASSED: usize = 16;

#[test]
fn netpol_analyzer_diff_conformance() {
    let Some(root) = common::shared("conformance/netpol-analyzer") else {
        return;
    };
    let cases: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("connlist_cases_npv1_only.json")).unwrap(),
    )
    .unwrap();
    let dirs: BTreeSet<String> = cases
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["testDirName"].as_str().unwrap().to_string())
        .collect();
    let mut names: Vec<String> = std::fs::read_dir(root.join("test_outputs/diff"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("diff_between_") && n.ends_with(".txt"))
        .collect();
    names.sort();
    let load = |d: &str| {
        let (docs, _) = load::load_paths(&[root.join("tests").join(d)]);
        cluster_from_documents(&docs)
    };
    let (mut total, mut passed) = (0, 0);
    let mut report = String::new();
    for n in names {
        let stem = n
            .trim_start_matches("diff_between_")
            .trim_end_matches(".txt");
        let Some((d2, d1)) = dirs
            .iter()
            .filter_map(|d2| {
                let rest = stem.strip_prefix(d2.as_str())?.strip_prefix("_and_")?;
                dirs.contains(rest).then(|| (d2.clone(), rest.to_string()))
            })
            .next()
        else {
            continue;
        };
        total += 1;
        let d = diff::diff_clusters(&load(&d1), &load(&d2));
        let mut ok = true;
        for fmt in ["txt", "csv", "md"] {
            let p = root
                .join("test_outputs/diff")
                .join(format!("diff_between_{stem}.{fmt}"));
            let Ok(expected) = std::fs::read_to_string(&p) else {
                continue;
            };
            let actual = diff::render(&d, fmt);
            if actual.replace(['\n', '\r'], "") != expected.replace(['\n', '\r'], "") {
                ok = false;
                report.push_str(&format!(
                    "=== {stem} {fmt}\n--- expected\n{expected}\n--- actual\n{actual}\n"
                ));
            }
        }
        if ok {
            passed += 1;
        }
    }
    if let Ok(p) = std::env::var("NETPOL_DIFF_REPORT") {
        std::fs::write(p, &report).unwrap();
    }
    println!("netpol-analyzer diff conformance: {passed}/{total} pairs passed");
    assert!(passed >= MIN_PASSED, "{report}");
}
