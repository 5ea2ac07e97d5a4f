//! The value entry (`check_value`, `value::load_value`: an object as a `serde_json::Value`,
//! no YAML parse) against the text path it replaces (`check` on the object written out with
//! `serde_json::to_string_pretty`): the same text, the same positions of every node, the same
//! outcome (findings with codes, messages, ranges and fixes; suppressions; errors), on every
//! upstream PSS fixture, every object of the Kubernetes corpus, and hand-made objects with
//! what JSON writing and YAML reading could disagree on.

mod common;

use bulkhead_k8s::{PssPolicy, Settings, check, check_value, load, value::load_value};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x == "yaml" || x == "yml" || x == "json")
        {
            out.push(p);
        }
    }
}

/// Old path and new path on one object; panics with the object on a difference.
fn same(name: &str, v: &Value, settings: &Settings) {
    let pretty = serde_json::to_string_pretty(v).unwrap();
    let (text, loaded) = load_value(name, v.clone());
    assert_eq!(text, pretty, "{name}: text");
    let old = load(name, &pretty);
    assert_eq!(
        format!("{:?}", old.errors),
        format!("{:?}", loaded.errors),
        "{name}: load errors"
    );
    assert_eq!(old.docs.len(), loaded.docs.len(), "{name}: documents");
    for (a, b) in old.docs.iter().zip(&loaded.docs) {
        assert_eq!(a.value, b.value, "{name}: value");
        assert_eq!(
            format!("{:?}", a.root()),
            format!("{:?}", b.root()),
            "{name}: positions of {pretty}"
        );
        assert_eq!((a.doc_index, a.item_index), (b.doc_index, b.item_index));
    }
    let before = check(name, &pretty, settings);
    let after = check_value(name, v, settings);
    assert_eq!(
        format!("{before:?}"),
        format!("{after:?}"),
        "{name}: outcome of {pretty}"
    );
}

#[test]
fn hand_made_objects() {
    let s = Settings::default();
    let objects = [
        json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p",
            "annotations": {"bulkhead.dev/ignore": "KS033: no probe", "note": "é – 日本 \u{1F600} \"q\" \\ \n\t\u{1}/"}},
            "spec": {"hostPID": true, "hostNetwork": false, "securityContext": {},
              "containers": [{"name": "c", "image": "nginx:latest", "ports": [],
                "securityContext": {"privileged": true, "runAsUser": 0, "capabilities": {"add": ["NET_ADMIN", "SYS_ADMIN"]}},
                "resources": {"limits": {"cpu": 1.5, "memory": "1Gi"}, "requests": {"cpu": -0.25}},
                "env": [{"name": "PASSWORD", "value": "hunter2"}, {"name": "N", "value": null}]}],
              "volumes": [{"name": "h", "hostPath": {"path": "/var/run/docker.sock"}}],
              "terminationGracePeriodSeconds": 18446744073709551615u64,
              "activeDeadlineSeconds": -5,
              "overhead": {"x": 1e300, "y": 2.5e-8, "z": 0.0}}}),
        json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "namespace": "default"},
            "spec": {"replicas": 1, "template": {"metadata": {"labels": {"app": "d"}},
              "spec": {"initContainers": [{"name": "i", "image": "busybox"}],
                "containers": [{"name": "a", "image": "a@sha256:0123"}, {"name": "b", "image": "b:1",
                  "securityContext": {"allowPrivilegeEscalation": true}}],
                "ephemeralContainers": [{"name": "e", "image": "e"}]}}}}),
        json!({"apiVersion": "v1", "kind": "List", "items": [
            {"kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"name": "c", "image": "i"}]}},
            "not an object", null,
            {"kind": "ServiceAccount", "metadata": {"name": "sa"}, "automountServiceAccountToken": false}]}),
        json!({"apiVersion": "v1", "kind": "PodList", "items": [{"metadata": {"name": "a"}, "spec": {"containers": []}}]}),
        json!({"apiVersion": "apiextensions.k8s.io/v1", "spec": {"x": 1},
            "kind": "CustomResourceDefinition", "metadata": {"name": "c"}, "status": {"y": [1, 2]}, "z": {}}),
        json!({"kind": "Pod", "spec": {"containers": [[], {}, 3, "x", null, {"name": ""}]}}),
        json!({"kind": "ConfigMap", "metadata": {"name": "m"}, "data": {"a": "line1\nline2", "--- x": "---", "# c": "# bulkhead: ignore[KS046]"}}),
        json!({}),
        json!(null),
        json!([1, 2]),
        json!("text"),
        json!(3),
    ];
    for (i, o) in objects.iter().enumerate() {
        same(&format!("hand-made #{i}"), o, &s);
    }
    let baseline = Settings {
        pss: "baseline@v1.23".parse::<PssPolicy>().unwrap(),
        ..Settings::default()
    };
    same("hand-made #0 baseline", &objects[0], &baseline);
    // Where the text path was wrong: the YAML reader refuses a DEL character that JSON
    // writes raw; the value is what the API server sent, so the value path checks it.
    let del = json!({"kind": "Pod", "metadata": {"name": "a\u{7f}"}, "spec": {"hostPID": true}});
    let text = serde_json::to_string_pretty(&del).unwrap();
    assert!(
        load("del", &text).errors[0]
            .message
            .contains("unexpected character")
    );
    let out = check_value("del", &del, &s);
    assert!(out.errors.is_empty());
    assert!(out.findings.iter().any(|f| f.rule.code == "PSS001"));
    // Nesting deeper than the loader accepts: the loader's own error, through the loader.
    // (a thread with room for the debug build's recursion)
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut deep = json!(1);
            for _ in 0..260 {
                deep = json!({ "a": deep });
            }
            let (_, loaded) = load_value("deep", deep.clone());
            assert!(!loaded.errors.is_empty());
            same("deep", &deep, &s);
        })
        .unwrap()
        .join()
        .unwrap();
}

fn shared_or_skip() -> Option<PathBuf> {
    let s = common::shared();
    if s.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared is missing (required under CI=true)"
        );
        println!("skipped: ../shared not found");
    }
    s
}

/// Every object of every file under `dir` (YAML loaded by the loader), through both paths.
fn every_object(dir: &Path, settings: &[Settings]) -> usize {
    let mut files = Vec::new();
    yaml_files(dir, &mut files);
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    let mut n = 0;
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        let name = f.display().to_string();
        for d in load(&name, &text).docs {
            for s in settings {
                same(&name, &d.value, s);
            }
            n += 1;
        }
    }
    n
}

#[test]
fn upstream_pss_fixtures() {
    let Some(shared) = shared_or_skip() else {
        return;
    };
    let settings = [
        Settings::default(),
        Settings {
            pss: "baseline@v1.23".parse().unwrap(),
            ..Settings::default()
        },
    ];
    let n = every_object(&shared.join("conformance/pss"), &settings);
    assert!(n > 4000, "{n} fixtures");
}

#[test]
fn kubernetes_corpus() {
    let Some(shared) = shared_or_skip() else {
        return;
    };
    let n = every_object(&shared.join("corpus/k8s"), &[Settings::default()]);
    assert!(n > 3000, "{n} objects");
}
