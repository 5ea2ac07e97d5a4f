//! Snapshots of the findings on our examples, and of the files after `--fix --unsafe-fixes`.

mod common;

use bulkhead_k8s::{PssPolicy, Settings};
use common::{examples, fix_loop, render};

fn read(rel: &str) -> String {
    std::fs::read_to_string(examples().join(rel)).unwrap()
}

#[test]
fn insecure_deployment_findings() {
    let text = read("k8s/insecure-deployment.yaml");
    let s = Settings::default();
    let loaded = bulkhead_k8s::load("insecure-deployment.yaml", &text);
    let mut out = bulkhead_k8s::check_loaded("insecure-deployment.yaml", &text, &loaded, &s);
    out.findings.extend(bulkhead_k8s::check_set(
        &[("insecure-deployment.yaml", &loaded)],
        &s,
    ));
    assert!(out.errors.is_empty());
    insta::assert_snapshot!(render(&out.findings));
}

#[test]
fn baseline_level_reports_fewer() {
    let text = read("k8s/insecure-deployment.yaml");
    let s = Settings {
        pss: "baseline@v1.30".parse::<PssPolicy>().unwrap(),
        ..Settings::default()
    };
    let out = bulkhead_k8s::check("insecure-deployment.yaml", &text, &s);
    let mut pss: Vec<_> = out
        .findings
        .iter()
        .filter_map(|f| f.pss_check.as_deref())
        .collect();
    pss.dedup();
    assert_eq!(
        pss,
        [
            "hostNamespaces",
            "privileged",
            "capabilities_baseline",
            "hostPathVolumes"
        ]
    );
}

#[test]
fn fixable_deployment_is_fixed() {
    let text = read("k8s/fixable-deployment.yaml");
    let s = Settings::default();
    let (fixed, passes) = fix_loop("fixable-deployment.yaml", &text, &s);
    assert!(passes >= 1);
    insta::assert_snapshot!(fixed);
    let after = bulkhead_k8s::check("fixable-deployment.yaml", &fixed, &s);
    let pss: Vec<_> = after
        .findings
        .iter()
        .filter(|f| f.pss_check.is_some())
        .collect();
    assert!(pss.is_empty(), "{}", render(&after.findings));
    // Comments survive.
    for c in [
        "# the application",
        "# bulkhead: ignore[KS001]",
        "# A deployment whose",
    ] {
        assert!(fixed.contains(c), "{c}");
    }
    // Suppressions: the annotation and the comment were parsed.
    let codes: Vec<_> = after
        .suppressions
        .iter()
        .flat_map(|s| s.codes.iter().map(String::as_str))
        .collect();
    assert_eq!(codes, ["KS029", "KS031", "KS001"]);
}

#[test]
fn json_list_is_fixed_as_json() {
    let text = read("k8s/list.json");
    let s = Settings::default();
    let (fixed, _) = fix_loop("list.json", &text, &s);
    let v: serde_json::Value = serde_json::from_str(&fixed).expect("still JSON");
    assert_eq!(v["items"][0]["spec"]["hostNetwork"], false);
    insta::assert_snapshot!(fixed);
}

#[test]
fn compose_findings() {
    let text = read("compose/docker-compose.yml");
    let out =
        bulkhead_k8s::compose::check_compose("docker-compose.yml", &text, &Settings::default());
    assert!(out.errors.is_empty());
    assert_eq!(out.suppressions.len(), 1);
    insta::assert_snapshot!(render(&out.findings));
}
