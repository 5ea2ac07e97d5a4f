//! Synthesis round-trips: for every manifest set of ../shared/corpus/netpol and of the
//! netpol-analyzer conformance inputs, listing the synthesized policies (default deny + minimal
//! allows, replacing the original policies) gives back exactly the original connectivity.

mod common;

use bulkhead_netpol::engine::Analysis;
use bulkhead_netpol::output::Format;
use bulkhead_netpol::{ListOptions, cluster_from_documents, list, load, replace_policies, synth};
use std::path::{Path, PathBuf};

fn dirs(root: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

fn roundtrip(dir: &Path) -> Result<usize, String> {
    let (docs, _) = load::load_paths(&[dir.to_path_buf()]);
    let cluster = cluster_from_documents(&docs);
    if cluster.workloads.is_empty() {
        return Ok(0);
    }
    let a = Analysis::new(&cluster);
    let flows = synth::flows_from_cluster(&a);
    let policies = synth::synthesize(&cluster, &flows);
    // Through YAML, as a user would apply them.
    let yaml = synth::to_yaml(&policies);
    let (pdocs, errs) = load::parse_text("synth.yaml", &yaml);
    if !errs.is_empty() {
        return Err(format!(
            "{}: synthesized YAML does not parse: {errs:?}",
            dir.display()
        ));
    }
    let values: Vec<serde_json::Value> = pdocs.into_iter().map(|d| d.doc.value).collect();
    let after = replace_policies(&docs, &values);
    let opts = ListOptions::default();
    let want = list(&cluster, &opts, Format::Txt);
    let got = list(&after, &opts, Format::Txt);
    if want != got {
        return Err(format!(
            "{}: connectivity differs\n--- original\n{want}\n--- synthesized\n{got}",
            dir.display()
        ));
    }
    Ok(flows.len())
}

#[test]
fn synthesis_round_trips() {
    let Some(root) = common::shared("") else {
        return;
    };
    let mut sets = dirs(&root.join("corpus/netpol"));
    let cases: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            root.join("conformance/netpol-analyzer/connlist_cases_npv1_only.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut conf: Vec<PathBuf> = cases
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            root.join("conformance/netpol-analyzer/tests")
                .join(c["testDirName"].as_str().unwrap())
        })
        .collect();
    conf.sort();
    conf.dedup();
    sets.extend(conf);
    let mut failures = Vec::new();
    let mut flows = 0;
    for d in &sets {
        match roundtrip(d) {
            Ok(n) => flows += n,
            Err(e) => failures.push(e),
        }
    }
    println!(
        "synthesis round-trip: {}/{} manifest sets, {flows} flows",
        sets.len() - failures.len(),
        sets.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
