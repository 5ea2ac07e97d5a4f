//! AdmissionReview requests shaped as the API server sends them (tests/reviews/*.request.json,
//! answered with tests/reviews/bulkhead.toml), each with its expected response
//! (*.response.json), compared byte for byte after sorting keys. Regenerate after reviewing a
//! deliberate change with `BULKHEAD_BLESS=1 cargo test -p bulkhead_admission --test reviews`.
//! Also: a dry-run Namespace teaches no labels; a real one does.

mod support;

use bulkhead_admission::{Endpoint, Engine, Policy};
use serde_json::{Value, json};
use std::path::Path;
use support::canonical;

fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reviews"))
}

fn engine() -> Engine {
    let p = dir().join("bulkhead.toml");
    let c = bulkhead_config::load(&p).unwrap();
    Engine::new(Policy::from_config(&c.admission, dir()).unwrap())
}

#[test]
fn shaped_requests_get_their_expected_responses() {
    let e = engine();
    let mut names: Vec<_> = std::fs::read_dir(dir())
        .unwrap()
        .flatten()
        .filter_map(|d| {
            d.file_name()
                .to_str()?
                .strip_suffix(".request.json")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    assert_eq!(names.len(), 16);
    let bless = std::env::var_os("BULKHEAD_BLESS").is_some();
    let mut mismatched = Vec::new();
    for n in &names {
        let req = std::fs::read(dir().join(format!("{n}.request.json"))).unwrap();
        let out = e.review(&req, Endpoint::Validate).unwrap();
        let got: Value = serde_json::from_slice(&out.body).unwrap();
        let got = serde_json::to_string_pretty(&canonical(&got)).unwrap() + "\n";
        let path = dir().join(format!("{n}.response.json"));
        if bless {
            std::fs::write(&path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            mismatched.push(format!("{n}:\n{got}"));
        }
        // warnings stay short, as the API documentation asks (PSA's own are exempt)
        for w in got
            .lines()
            .filter(|l| l.contains("\"KS") || l.contains("\"ADM"))
        {
            assert!(w.trim().chars().count() <= 123, "{n}: {w}");
        }
    }
    assert!(mismatched.is_empty(), "{}", mismatched.join("\n"));
}

#[test]
fn dry_run_namespaces_teach_nothing() {
    let e = engine();
    let ns = |uid: &str, dry: bool| {
        json!({"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {
            "uid": uid, "kind": {"group": "", "version": "v1", "kind": "Namespace"},
            "resource": {"group": "", "version": "v1", "resource": "namespaces"},
            "name": "team-y", "operation": "CREATE", "userInfo": {"username": "alice"},
            "object": {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-y",
                "labels": {"pod-security.kubernetes.io/enforce": "restricted"}}},
            "oldObject": null, "dryRun": dry}})
    };
    let privileged_pod = json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
        "spec": {"containers": [{"name": "c", "image": "docker.io/library/nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000",
            "securityContext": {"privileged": true}}]}});
    let pod_review =
        serde_json::to_vec(&support::create_review("p", "team-y", &privileged_pod)).unwrap();
    let allowed = |body: &[u8]| -> bool {
        let v: Value =
            serde_json::from_slice(&e.review(body, Endpoint::Validate).unwrap().body).unwrap();
        v["response"]["allowed"].as_bool().unwrap()
    };
    assert!(allowed(&serde_json::to_vec(&ns("n1", true)).unwrap()));
    assert!(e.namespace_labels("team-y").is_empty());
    assert!(
        allowed(&pod_review),
        "a dry run must not change later decisions"
    );
    assert!(allowed(&serde_json::to_vec(&ns("n2", false)).unwrap()));
    assert_eq!(e.namespace_labels("team-y").len(), 1);
    assert!(!allowed(&pod_review));
}

#[test]
fn an_object_that_is_not_an_object_is_an_invalid_review() {
    let e = engine();
    let body = br#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"x","kind":{"group":"","version":"v1","kind":"Pod"},"resource":{"group":"","version":"v1","resource":"pods"},"operation":"CREATE","userInfo":{},"object":"pod"}}"#;
    let err = e.review(body, Endpoint::Validate).unwrap_err();
    assert_eq!(
        err.to_string(),
        "request.object is neither an object nor null"
    );
    assert_eq!(e.metrics.count(bulkhead_admission::Verdict::Invalid), 1);
}

#[test]
fn suppression_annotations_apply_as_in_check() {
    // The Deployment of deployment-create-warned, with the suppression `bulkhead check`
    // honours: KS033 and KS034 leave the warnings and the violations, nothing else changes.
    let e = engine();
    let mut req: Value = serde_json::from_slice(
        &std::fs::read(dir().join("deployment-create-warned.request.json")).unwrap(),
    )
    .unwrap();
    let answer = |req: &Value| -> Value {
        let body = serde_json::to_vec(req).unwrap();
        serde_json::from_slice(&e.review(&body, Endpoint::Validate).unwrap().body).unwrap()
    };
    let before = answer(&req);
    req["request"]["object"]["metadata"]["annotations"] =
        json!({"bulkhead.dev/ignore": "KS033, KS034: probes come from the service mesh"});
    let after = answer(&req);
    let warnings = |v: &Value| -> Vec<String> {
        v["response"]["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap().to_string())
            .collect()
    };
    let mut expected = warnings(&before);
    expected.retain(|w| !w.starts_with("KS033:") && !w.starts_with("KS034:"));
    assert_eq!(warnings(&before).len(), expected.len() + 2);
    assert_eq!(warnings(&after), expected);
    assert_eq!(
        after["response"]["auditAnnotations"]["violations"],
        "KS001,KS006,KS008,KS013,KS014,KS029,KS031,PSS014,PSS015,PSS017,PSS018"
    );
    // a PSS check is Pod Security Admission's: no annotation exempts it
    req["request"]["object"]["metadata"]["annotations"] =
        json!({"bulkhead.dev/ignore": "PSS014: no"});
    assert_eq!(
        answer(&req)["response"]["auditAnnotations"]["violations"],
        before["response"]["auditAnnotations"]["violations"]
    );
}
