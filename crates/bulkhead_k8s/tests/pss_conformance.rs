//! Every upstream Pod Security Admission fixture (../shared/conformance/pss): each pod under
//! `pass/` must be allowed and each under `fail/` denied, at its level and version, with the
//! targeted check among those reported. Also evaluated wrapped in a Deployment template, to
//! hold the pod-spec extraction to the same verdicts.

use bulkhead_k8s::loader;
use bulkhead_k8s::pss::{self, Check, PssLevel, PssPolicy, PssVersion};
use bulkhead_k8s::workload;
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.join("conformance/pss").is_dir().then_some(p)
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}

/// The check a fixture targets, as reported at this level/version (restricted replaces some
/// baseline checks).
fn target(stem: &str, policy: PssPolicy) -> Option<Check> {
    let prefix = stem.trim_end_matches(|c: char| c.is_ascii_digit());
    let check = Check::ALL
        .into_iter()
        .find(|c| c.id().to_ascii_lowercase() == prefix)?;
    let v = policy.version.minor();
    Some(if policy.level == PssLevel::Restricted {
        match check {
            Check::HostPathVolumes => Check::RestrictedVolumes,
            Check::SeccompProfileBaseline if v >= 19 => Check::SeccompProfileRestricted,
            Check::CapabilitiesBaseline if v >= 22 => Check::CapabilitiesRestricted,
            Check::ProcMount if v >= 35 => Check::ProcMountRestricted,
            c => c,
        }
    } else {
        check
    })
}

#[test]
fn upstream_fixtures() {
    let Some(shared) = shared() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared is missing (required under CI=true)"
        );
        println!("skipped: ../shared not found");
        return;
    };
    let root = shared.join("conformance/pss");
    let mut all = Vec::new();
    files(&root, &mut all);
    all.sort();
    let mut failures = Vec::new();
    let mut wrong_target = Vec::new();
    for path in &all {
        let rel = path.strip_prefix(&root).unwrap();
        let parts: Vec<_> = rel.iter().map(|s| s.to_str().unwrap()).collect();
        let [level, version, expect, file] = parts[..] else {
            panic!("unexpected layout {rel:?}");
        };
        let policy = PssPolicy {
            level: level.parse().unwrap(),
            version: version.parse::<PssVersion>().unwrap(),
        };
        let text = std::fs::read_to_string(path).unwrap();
        let l = loader::load(&path.display().to_string(), &text);
        assert!(l.errors.is_empty(), "{rel:?}: {:?}", l.errors);
        assert_eq!(l.docs.len(), 1, "{rel:?}");
        let pod = &l.docs[0].value;
        let ps = workload::pod_spec(pod, &[]).expect("a pod spec");
        let v = pss::evaluate(ps.spec, ps.meta, policy);
        // Same pod as a Deployment template.
        let deploy = serde_json::json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "spec": {"template": {"metadata": pod.get("metadata"), "spec": pod.get("spec")}}
        });
        let dps = workload::pod_spec(&deploy, &[]).unwrap();
        let dv = pss::evaluate(dps.spec, dps.meta, policy);
        assert_eq!(v, dv, "{rel:?}: Deployment template differs");
        let denied = !v.is_empty();
        let ok = match expect {
            "pass" => !denied,
            "fail" => denied,
            _ => panic!("{rel:?}"),
        };
        if !ok {
            failures.push(format!(
                "{}: expected {expect}, got {:?}",
                rel.display(),
                v.iter().map(|x| x.check.id()).collect::<Vec<_>>()
            ));
        } else if expect == "fail" {
            let stem = file.trim_end_matches(".yaml");
            if let Some(t) = target(stem, policy)
                && !v.iter().any(|x| x.check == t)
            {
                wrong_target.push(format!(
                    "{}: {} not among {:?}",
                    rel.display(),
                    t.id(),
                    v.iter().map(|x| x.check.id()).collect::<Vec<_>>()
                ));
            }
        }
    }
    let passed = all.len() - failures.len();
    println!(
        "PSS conformance: {passed}/{} fixtures ({:.2}%), targeted check reported for all but {}",
        all.len(),
        100.0 * passed as f64 / all.len() as f64,
        wrong_target.len()
    );
    for f in failures.iter().chain(&wrong_target).take(40) {
        println!("  {f}");
    }
    assert_eq!(all.len(), 4537, "fixture count");
    assert!(failures.is_empty(), "{} fixtures disagree", failures.len());
    assert!(
        wrong_target.is_empty(),
        "{} fixtures miss their check",
        wrong_target.len()
    );
}

/// The check ids a pod gets at a policy, in order, without repeats.
fn ids(text: &str, policy: &str) -> Vec<&'static str> {
    let l = loader::load("p.yaml", text);
    let ps = workload::pod_spec(&l.docs[0].value, &[]).unwrap();
    let mut ids: Vec<_> = pss::evaluate(ps.spec, ps.meta, policy.parse().unwrap())
        .iter()
        .map(|v| v.check.id())
        .collect();
    ids.dedup();
    ids
}

/// At restricted from v1.22 `capabilities_restricted` replaces `capabilities_baseline`: a pod
/// adding a capability gets exactly the ids Pod Security Admission reports.
#[test]
fn capabilities_baseline_is_replaced_at_restricted() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n  containers:\n  - name: c\n    image: i:1\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities: {add: [SYS_ADMIN], drop: [ALL]}\n";
    assert_eq!(ids(pod, "restricted@v1.25"), ["capabilities_restricted"]);
    assert_eq!(ids(pod, "restricted@v1.21"), ["capabilities_baseline"]);
    assert_eq!(ids(pod, "baseline"), ["capabilities_baseline"]);
    // Windows pods are exempt from capabilities_restricted from v1.25: allowed.
    let windows = pod.replace("spec:\n", "spec:\n  os: {name: windows}\n");
    assert!(ids(&windows, "restricted@v1.25").is_empty());
    assert_eq!(
        ids(&windows, "restricted@v1.24"),
        ["capabilities_restricted"]
    );
    // The upstream fixture reports exactly the id upstream expects.
    let Some(shared) = shared() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared is missing (required under CI=true)"
        );
        println!("skipped the upstream fixture: ../shared not found");
        return;
    };
    let f = shared.join("conformance/pss/restricted/v1.25/fail/capabilities_baseline0.yaml");
    let text = std::fs::read_to_string(f).unwrap();
    assert_eq!(ids(&text, "restricted@v1.25"), ["capabilities_restricted"]);
}
