//! The `bulkhead check` integration API: `lint(&[ObjectRef], &Settings)` over objects handed in
//! as JSON values with a pointer -> range closure.

use bulkhead_diagnostics::{Position, Range};
use bulkhead_netpol::{ObjectRef, RULES, Settings, lint};
use serde_json::json;

#[test]
fn lint_over_object_refs_uses_the_locator() {
    let deploy = json!({"apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "api", "namespace": "prod"},
        "spec": {"template": {"metadata": {"labels": {"app": "api"}},
            "spec": {"containers": [{"name": "c", "image": "x", "ports": [{"containerPort": 80, "name": "web"}]}]}}}});
    let policy = json!({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
        "metadata": {"name": "api", "namespace": "prod"},
        "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"],
            "ingress": [{"ports": [{"port": "http"}]}]}});
    // A fake index: line = 100 + number of pointer segments.
    let locate = |p: &str| {
        let line = 100 + p.matches('/').count() as u32;
        Some(Range::new(Position::new(line, 1), Position::new(line, 2)))
    };
    let objs = [
        ObjectRef {
            path: "deploy.yaml",
            value: &deploy,
            locate: &locate,
        },
        ObjectRef {
            path: "policy.yaml",
            value: &policy,
            locate: &locate,
        },
    ];
    let findings = lint(&objs, &Settings::default());
    let got: Vec<(String, &str, u32)> = findings
        .iter()
        .map(|f| {
            (
                f.path.clone(),
                f.rule.code,
                f.range.map_or(0, |r| r.start.line),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("policy.yaml".to_string(), "NP005", 102),
            ("policy.yaml".to_string(), "NP006", 105),
        ]
    );
    assert!(findings[1].message.contains("named port `http`"));
    assert_eq!(RULES.len(), 11);
    assert!(RULES.iter().all(|r| r.code.starts_with("NP")));
}
