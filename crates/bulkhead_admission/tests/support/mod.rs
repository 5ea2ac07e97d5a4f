//! Helpers shared by the admission tests: ../shared lookup (fails under CI=true when
//! missing), fixture walking, AdmissionReview wrapping, canonical JSON.

#![allow(dead_code)]

use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// `../shared` from the workspace root, or `None` (a failure when `CI=true`).
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("conformance/pss").is_dir() {
        return Some(p);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("../shared/conformance/pss is missing (required under CI=true)");
    }
    eprintln!("skipped: ../shared/conformance/pss not found");
    None
}

/// A tool on PATH, or `None` (a failure when `CI=true`).
pub fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("`{name}` is not installed (required under CI=true; see .ci/packages.txt)");
        }
        eprintln!("skipped: `{name}` not installed");
    }
    found
}

/// Every `.yaml` under `dir`, sorted.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(d: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                out.push(p);
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, &mut v);
    v.sort();
    v
}

/// One PSS fixture: level, version, whether it must pass, the pod as JSON.
pub struct Fixture {
    pub rel: String,
    pub level: String,
    pub version: String,
    pub pass: bool,
    pub pod: Value,
}

/// All fixtures of `../shared/conformance/pss`.
pub fn fixtures(shared: &Path) -> Vec<Fixture> {
    let root = shared.join("conformance/pss");
    let mut out = Vec::new();
    for p in yaml_files(&root) {
        let rel = p
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let parts: Vec<&str> = rel.split('/').collect();
        let text = std::fs::read_to_string(&p).unwrap();
        let loaded = bulkhead_k8s::load(&rel, &text);
        assert!(loaded.errors.is_empty(), "{rel}: {:?}", loaded.errors);
        let pod = loaded.docs.into_iter().next().unwrap().value;
        out.push(Fixture {
            level: parts[0].to_string(),
            version: parts[1].to_string(),
            pass: parts[2] == "pass",
            rel,
            pod,
        });
    }
    out
}

/// Wrap an object in a v1 CREATE AdmissionReview in namespace `ns`.
pub fn create_review(uid: &str, ns: &str, obj: &Value) -> Value {
    let kind = obj["kind"].as_str().unwrap_or("Pod");
    let (group, version, resource) = match kind {
        "Pod" => ("", "v1", "pods"),
        "Deployment" => ("apps", "v1", "deployments"),
        "CronJob" => ("batch", "v1", "cronjobs"),
        _ => ("", "v1", "unknown"),
    };
    json!({
        "apiVersion": "admission.k8s.io/v1",
        "kind": "AdmissionReview",
        "request": {
            "uid": uid,
            "kind": {"group": group, "version": version, "kind": kind},
            "resource": {"group": group, "version": version, "resource": resource},
            "name": obj.pointer("/metadata/name").cloned().unwrap_or(json!("")),
            "namespace": ns,
            "operation": "CREATE",
            "userInfo": {"username": "alice", "groups": ["system:authenticated"]},
            "object": obj,
            "oldObject": null,
            "dryRun": false,
            "options": {"apiVersion": "meta.k8s.io/v1", "kind": "CreateOptions"}
        }
    })
}

/// The namespace a fixture is reviewed in, and its labels.
pub fn fixture_namespace(
    level: &str,
    version: &str,
    mode: &str,
) -> (String, Vec<(String, String)>) {
    let ns = format!("{mode}-{level}-{}", version.replace('.', "-"));
    (
        ns,
        vec![
            (
                format!("pod-security.kubernetes.io/{mode}"),
                level.to_string(),
            ),
            (
                format!("pod-security.kubernetes.io/{mode}-version"),
                version.to_string(),
            ),
        ],
    )
}

/// A config section giving every fixture namespace its labels, hardening off (PSS only).
pub fn fixture_config(fixtures: &[Fixture]) -> String {
    let mut seen = std::collections::BTreeSet::new();
    let mut s =
        String::from("[admission.hardening]\nignore = [\"ALL\"]\n\n[admission.namespaces]\n");
    for f in fixtures {
        for mode in ["enforce", "warn"] {
            let (ns, labels) = fixture_namespace(&f.level, &f.version, mode);
            if seen.insert(ns.clone()) {
                let l: Vec<String> = labels
                    .iter()
                    .map(|(k, v)| format!("\"{k}\" = \"{v}\""))
                    .collect();
                s.push_str(&format!("{ns} = {{ {} }}\n", l.join(", ")));
            }
        }
    }
    s
}

/// Sort every object's keys, recursively (for byte comparison).
pub fn canonical(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let mut out = serde_json::Map::new();
            for k in keys {
                out.insert(k.clone(), canonical(&m[k]));
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(canonical).collect()),
        x => x.clone(),
    }
}
