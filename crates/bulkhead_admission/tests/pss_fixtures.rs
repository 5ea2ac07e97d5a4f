//! The 4,537 upstream Pod Security Admission fixtures, each wrapped as a CREATE
//! AdmissionReview in a namespace labelled with its level and version, give exactly the
//! fixture's verdict: `pass/` allowed, `fail/` denied (enforce label), and under a `warn`
//! label always allowed, with a PSA warning exactly for the `fail/` ones.

mod support;

use bulkhead_admission::{Endpoint, Engine, Policy};
use serde_json::Value;
use std::path::Path;
use support::*;

fn engine(cfg: &str) -> Engine {
    let c = bulkhead_config::parse(Path::new("bulkhead.toml"), cfg).unwrap();
    Engine::new(Policy::from_config(&c.admission, Path::new(".")).unwrap())
}

#[test]
fn every_fixture_gets_its_verdict_under_enforce_and_warn_labels() {
    let Some(shared) = shared() else { return };
    let fixtures = fixtures(&shared);
    assert_eq!(fixtures.len(), 4537);
    let e = engine(&fixture_config(&fixtures));
    let mut wrong = Vec::new();
    for (i, f) in fixtures.iter().enumerate() {
        for mode in ["enforce", "warn"] {
            let (ns, _) = fixture_namespace(&f.level, &f.version, mode);
            let review = create_review(&format!("uid-{i}"), &ns, &f.pod);
            let out = e
                .review(&serde_json::to_vec(&review).unwrap(), Endpoint::Validate)
                .unwrap();
            let v: Value = serde_json::from_slice(&out.body).unwrap();
            let resp = &v["response"];
            assert_eq!(resp["uid"], format!("uid-{i}"));
            let allowed = resp["allowed"].as_bool().unwrap();
            let warned = resp["warnings"].as_array().is_some_and(|w| !w.is_empty());
            let ok = match mode {
                "enforce" => allowed == f.pass,
                _ => allowed && warned != f.pass,
            };
            if !ok {
                wrong.push(format!("{} ({mode}): {}", f.rel, resp));
            }
            if mode == "enforce" && !f.pass {
                let msg = resp["status"]["message"].as_str().unwrap();
                let want = format!(
                    "pods \"{}\" is forbidden: violates PodSecurity \"{}:{}\": ",
                    f.pod["metadata"]["name"].as_str().unwrap(),
                    f.level,
                    f.version
                );
                assert!(msg.starts_with(&want), "{}: {msg}", f.rel);
                assert_eq!(resp["status"]["code"], 403);
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong verdicts:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
