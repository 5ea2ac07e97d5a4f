//! `--fix --unsafe-fixes` over every workload of ../shared/corpus/k8s: the result must parse
//! to the same objects plus the fixes, keep every comment, and pass `--pss restricted` for
//! every pod spec whose only obstacles were mechanical.

mod common;

use bulkhead_k8s::pss::{self, At, Check, Violation};
use bulkhead_k8s::{Settings, workload};
use common::{fix_loop, shared};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x == "yaml" || x == "yml" || x == "json")
        {
            out.push(p);
        }
    }
}

/// Fields whose value a fix may change.
const FIXED_SCALARS: [&str; 10] = [
    "readOnly",
    "hostNetwork",
    "hostPID",
    "hostIPC",
    "privileged",
    "runAsNonRoot",
    "runAsUser",
    "allowPrivilegeEscalation",
    "readOnlyRootFilesystem",
    "automountServiceAccountToken",
];

/// `old` is contained in `new`: same scalars (except fixed fields), arrays extended at the
/// end, objects with extra keys; `serviceAccount` may become `serviceAccountName`.
fn contained(old: &Value, new: &Value, key: &str, path: &str, errs: &mut Vec<String>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                match b.get(k) {
                    Some(w) => contained(v, w, k, &format!("{path}/{k}"), errs),
                    None if k == "serviceAccount" && b.get("serviceAccountName") == Some(v) => {}
                    None => errs.push(format!("{path}/{k} disappeared")),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if b.len() < a.len() {
                errs.push(format!("{path}: array shrank"));
                return;
            }
            for (i, v) in a.iter().enumerate() {
                contained(v, &b[i], key, &format!("{path}/{i}"), errs);
            }
        }
        (a, b) if a == b => {}
        _ if FIXED_SCALARS.contains(&key) => {}
        _ => errs.push(format!("{path}: {old} became {new}")),
    }
}

/// Comments of a text (from `#` to the end of the line, outside quotes), roughly.
fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|l| {
            let t = l.trim_start();
            if t.starts_with('#') {
                return Some(t);
            }
            l.find(" #").map(|i| l[i + 1..].trim_end())
        })
        .collect()
}

fn mechanical(v: &Violation, spec: &serde_json::Map<String, Value>) -> bool {
    let At::Spec(p) = &v.at else { return false };
    match v.check {
        Check::HostNamespaces
        | Check::Privileged
        | Check::AllowPrivilegeEscalation
        | Check::RunAsNonRoot
        | Check::RunAsUser => true,
        Check::SeccompProfileRestricted => {
            p.ends_with("/seccompProfile")
                && workload::pod_sc_field(spec, "seccompProfile").is_none()
        }
        Check::CapabilitiesRestricted => p.ends_with("/capabilities/drop"),
        _ => false,
    }
}

#[test]
fn corpus_fix_round_trip() {
    let Some(shared) = shared() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared is missing (required under CI=true)"
        );
        println!("skipped: ../shared not found");
        return;
    };
    let mut all = Vec::new();
    files(&shared.join("corpus/k8s"), &mut all);
    all.sort();
    let settings = Settings::default();
    let restricted = settings.pss;
    let (mut fixed_files, mut pods, mut mech_pods, mut passed) = (0, 0, 0, 0);
    let mut problems = Vec::new();
    for path in &all {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let p = path.display().to_string();
        let before = bulkhead_k8s::load(&p, &text);
        if !before.errors.is_empty()
            || !before
                .docs
                .iter()
                .any(|d| workload::pod_spec(&d.value, &settings.pod_spec_paths).is_some())
        {
            continue;
        }
        let (fixed, passes) = fix_loop(&p, &text, &settings);
        if passes == 0 {
            continue;
        }
        fixed_files += 1;
        let after = bulkhead_k8s::load(&p, &fixed);
        if !after.errors.is_empty() {
            problems.push(format!(
                "{p}: fixed text does not load: {:?}",
                after.errors[0]
            ));
            continue;
        }
        if after.docs.len() != before.docs.len() {
            problems.push(format!("{p}: object count changed"));
            continue;
        }
        for (a, b) in before.docs.iter().zip(&after.docs) {
            let mut errs = Vec::new();
            contained(&a.value, &b.value, "", "", &mut errs);
            problems.extend(errs.into_iter().take(3).map(|e| format!("{p}: {e}")));
            let Some(ps) = workload::pod_spec(&a.value, &settings.pod_spec_paths) else {
                continue;
            };
            pods += 1;
            let v = pss::evaluate(ps.spec, ps.meta, restricted);
            if v.iter().all(|x| mechanical(x, ps.spec)) {
                mech_pods += 1;
                let ps2 = workload::pod_spec(&b.value, &settings.pod_spec_paths).unwrap();
                let v2 = pss::evaluate(ps2.spec, ps2.meta, restricted);
                if v2.is_empty() {
                    passed += 1;
                } else {
                    problems.push(format!(
                        "{p} {}: still fails restricted: {:?}",
                        b.name().unwrap_or("?"),
                        v2.iter().map(|x| x.check.id()).collect::<Vec<_>>()
                    ));
                }
            }
        }
        let mut kept = comments(&fixed);
        for c in comments(&text) {
            match kept.iter().position(|k| *k == c) {
                Some(i) => {
                    kept.remove(i);
                }
                None => problems.push(format!("{p}: comment lost: {c}")),
            }
        }
    }
    println!(
        "fix round trip: {fixed_files} files fixed, {pods} pod specs, {mech_pods} with only mechanical obstacles, {passed} pass restricted after fixing"
    );
    for pr in problems.iter().take(30) {
        println!("  {pr}");
    }
    assert!(problems.is_empty(), "{} problems", problems.len());
    assert_eq!(passed, mech_pods);
}
