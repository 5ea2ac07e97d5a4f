//! netpol-analyzer conformance: the 90 NetworkPolicy-v1 connlist cases of
//! ../shared/conformance/netpol-analyzer, every listed format except svg, compared after
//! removing newlines (as upstream does).

mod common;

use bulkhead_netpol::output::Format;
use bulkhead_netpol::{ListOptions, cluster_from_documents, list, load};

/// Cases that must pass (the ratchet: raise it when more pass).
const MIN_PASSED: usize = 90;

fn clean(s: &str) -> String {
    s.replace(['\n', '\r'], "")
}

#[test]
fn netpol_analyzer_conformance() {
    let Some(root) = common::shared("conformance/netpol-analyzer") else {
        return;
    };
    let cases: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("connlist_cases_npv1_only.json")).unwrap(),
    )
    .unwrap();
    let cases = cases.as_array().unwrap();
    let mut passed = 0;
    let mut report = String::new();
    for case in cases {
        let dir = case["testDirName"].as_str().unwrap();
        let (docs, _errs) = load::load_paths(&[root.join("tests").join(dir)]);
        let cluster = cluster_from_documents(&docs);
        let opts = ListOptions {
            focus_workloads: case["focusWorkloads"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect(),
            exposure: case["exposureAnalysis"].as_bool().unwrap(),
        };
        let mut ok = true;
        for (fmt, path) in case["expectedOutputs"].as_object().unwrap() {
            let Some(f) = Format::parse(fmt) else {
                continue;
            };
            let expected = std::fs::read_to_string(root.join(path.as_str().unwrap())).unwrap();
            let actual = list(&cluster, &opts, f);
            if clean(&actual) != clean(&expected) {
                ok = false;
                report.push_str(&format!(
                    "=== {dir} {fmt} exposure={}\n--- expected\n{expected}\n--- actual\n{actual}\n",
                    opts.exposure
                ));
            }
        }
        if ok {
            passed += 1;
        }
    }
    if let Ok(p) = std::env::var("NETPOL_CONFORMANCE_REPORT") {
        std::fs::write(p, &report).unwrap();
    }
    println!(
        "netpol-analyzer conformance: {passed}/{} cases passed",
        cases.len()
    );
    assert!(passed >= MIN_PASSED, "{passed} < {MIN_PASSED}\n{report}");
}
