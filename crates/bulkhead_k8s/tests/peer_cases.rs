//! The repros of the peers' own test cases (issue 14: Pod Security Standards and Kubernetes
//! rules), one fixture each under `tests/fixtures/peer-cases/`, checked as the binary checks
//! a file (per-file and cross-object rules, every rule selected, restricted@latest). The same
//! fixtures give the before/after table of docs/sections/accuracy.md.

use bulkhead_diagnostics::Finding;
use bulkhead_k8s::Settings;
use std::path::Path;

fn findings(file: &str) -> (Vec<Finding>, usize) {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/peer-cases")
        .join(file);
    let text = std::fs::read_to_string(p).unwrap();
    let mut out = bulkhead_k8s::check_files(&[(file, &text)], &Settings::default()).outcomes;
    let o = out.remove(0);
    (o.findings, o.errors.len())
}

fn aliases(f: &Finding) -> Vec<&'static str> {
    f.rule.aliases.iter().map(|a| a.id).collect()
}

fn has_alias(fs: &[Finding], id: &str) -> bool {
    fs.iter().any(|f| aliases(f).contains(&id))
}

fn of<'a>(fs: &'a [Finding], name: &str) -> impl Iterator<Item = &'a Finding> {
    fs.iter()
        .filter(move |f| f.object.as_ref().and_then(|o| o.name.as_deref()) == Some(name))
}

#[test]
fn pod_security_standards() {
    let (fs, _) = findings("pss-capabilities-restricted.yaml");
    let mut ids: Vec<_> = fs.iter().filter_map(|f| f.pss_check.as_deref()).collect();
    ids.dedup();
    assert_eq!(ids, ["capabilities_restricted"]);
    let (fs, _) = findings("pss-windows-capabilities.yaml");
    assert!(
        !fs.iter()
            .any(|f| matches!(f.rule.code, "PSS003" | "PSS018"))
    );
    assert!(has_alias(
        &findings("pss-seccomp-unconfined.yaml").0,
        "KSV-0104"
    ));
    assert!(has_alias(&findings("pss-hostpath.yaml").0, "KSV-0023"));
    assert!(has_alias(
        &findings("pss-procmount.yaml").0,
        "unsafe-proc-mount"
    ));
}

#[test]
fn rbac_aliases_mean_what_they_say() {
    let (fs, _) = findings("rbac-verbs.yaml");
    assert!(of(&fs, "deployer").any(|f| aliases(f).contains(&"KSV-0048")));
    assert!(of(&fs, "secret-cleaner").any(|f| aliases(f).contains(&"KSV-0041")));
    assert!(of(&fs, "binder").any(|f| f.rule.code == "KS043"));
    assert!(!of(&fs, "binder").any(|f| aliases(f).contains(&"KSV-0056")));
    let (fs, _) = findings("rbac-wildcard.yaml");
    let ks040: Vec<_> = fs.iter().filter(|f| f.rule.code == "KS040").collect();
    assert_eq!(ks040.len(), 1);
    let a = aliases(ks040[0]);
    assert!(a.contains(&"KSV-0045") && !a.contains(&"KSV-0044") && !a.contains(&"KSV-0046"));
    let (fs, _) = findings("rbac-exec.yaml");
    assert!(of(&fs, "debugger").any(|f| aliases(f).contains(&"rolePodExecAttach")));
    assert!(of(&fs, "debuggers").any(|f| aliases(f).contains(&"rolebindingRolePodExecAttach")));
}

#[test]
fn new_coverage() {
    let (fs, _) = findings("rbac-new-coverage.yaml");
    for id in ["KSV-0056", "KSV-0114", "KSV-0115", "KSV-0112", "KSV-0113"] {
        assert!(has_alias(&fs, id), "{id}");
    }
    assert!(has_alias(
        &findings("ingress-nginx-injection.yaml").0,
        "KCV-0093"
    ));
    let (fs, _) = findings("workload-policies.yaml");
    assert!(fs.iter().any(|f| f.rule.code == "KS074"));
    assert!(has_alias(&fs, "priorityClassNotSet"));
    assert!(of(&fs, "api").any(|f| f.rule.code == "KS048"));
}

#[test]
fn service_account_and_memory() {
    let (fs, _) = findings("sa-automount.yaml");
    assert!(
        !fs.iter()
            .any(|f| f.rule.code == "KS013" && f.object.as_ref().unwrap().kind == "Deployment")
    );
    let ks031: Vec<_> = fs.iter().filter(|f| f.rule.code == "KS031").collect();
    assert_eq!(ks031.len(), 1);
    assert!(aliases(ks031[0]).contains(&"KSV-0016") && !aliases(ks031[0]).contains(&"KSV-0018"));
}

#[test]
fn kinds_and_duplicate_keys() {
    let (fs, _) = findings("kinds.yaml");
    let ks072: Vec<_> = fs.iter().filter(|f| f.rule.code == "KS072").collect();
    assert_eq!(ks072.len(), 2);
    assert!(
        ks072[0]
            .message
            .contains("did you mean `ClusterRoleBinding`?")
    );
    assert!(ks072[1].message.contains("apps.openshift.io/v1"));
    let (fs, errors) = findings("duplicate-keys.yaml");
    assert_eq!(errors, 0);
    let f = fs.iter().find(|f| f.rule.code == "KS071").unwrap();
    assert_eq!(f.range.unwrap().start.line, 6);
}
