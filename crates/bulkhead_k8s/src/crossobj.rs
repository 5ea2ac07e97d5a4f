//! Cross-object rules: checks that need every object of the run (KS016 ServiceAccount
//! referenced but not defined, KS036 Service selecting no pod template).
//!
//! Both only speak when the input shows the author manages that kind of object here: KS016
//! when the workload's directory defines ServiceAccounts; KS036 when the Service's directory defines
//! workloads of its namespace and no custom resources (which may create pods from templates
//! we cannot see). Labels that controllers add to pods (`job-name`,
//! `statefulset.kubernetes.io/pod-name`, ...) are ignored in selectors.

use crate::Settings;
use crate::hardening::{SA_NOT_FOUND, SERVICE_SELECTS_NOTHING};
use crate::loader::{Document, Loaded};
use crate::workload;
use bulkhead_diagnostics::{Finding, RuleMeta};
use serde_json::Value;
use std::collections::HashMap;

/// Labels that controllers put on the pods they create (never in a template).
const CONTROLLER_LABELS: [&str; 9] = [
    "job-name",
    "batch.kubernetes.io/job-name",
    "controller-uid",
    "batch.kubernetes.io/controller-uid",
    "statefulset.kubernetes.io/pod-name",
    "apps.kubernetes.io/pod-index",
    "pod-template-hash",
    "controller-revision-hash",
    "pod-template-generation",
];

/// The directory part of a path (`""` for a bare file name).
fn dir_of(path: &str) -> &str {
    path.rsplit_once(['/', '\\']).map_or("", |(d, _)| d)
}

/// Whether an apiVersion belongs to a custom resource (a dotted group not of Kubernetes).
fn is_custom_resource(api: &str) -> bool {
    match api.split_once('/') {
        Some((group, _)) => group.contains('.') && !group.ends_with(".k8s.io"),
        None => false,
    }
}

fn ns_match(a: Option<&str>, b: Option<&str>) -> bool {
    a.is_none() || b.is_none() || a == b
}

fn finding(rule: &'static RuleMeta, path: &str, doc: &Document, ptr: &str, msg: String) -> Finding {
    let mut f = Finding::new(rule, path, doc.range_of(ptr), msg);
    f.object = doc.k8s_object();
    f
}

/// Run the cross-object rules over every loaded Kubernetes file of a run.
pub fn check_set(files: &[(&str, &Loaded)], settings: &Settings) -> Vec<Finding> {
    let mut out = Vec::new();
    let docs: Vec<(&str, &Document)> = files
        .iter()
        .flat_map(|(p, l)| l.docs.iter().map(move |d| (*p, d)))
        .collect();
    let sas: Vec<(Option<&str>, &str)> = docs
        .iter()
        .filter(|(_, d)| d.kind() == Some("ServiceAccount"))
        .filter_map(|(_, d)| Some((d.namespace(), d.name()?)))
        .collect();
    let pods: Vec<(&str, &Document, workload::PodSpec<'_>)> = docs
        .iter()
        .filter_map(|(p, d)| {
            Some((
                *p,
                *d,
                workload::pod_spec(&d.value, &settings.pod_spec_paths)?,
            ))
        })
        .collect();
    let mut sa_names: HashMap<&str, Vec<Option<&str>>> = HashMap::new();
    for (ns, n) in &sas {
        sa_names.entry(n).or_default().push(*ns);
    }
    let mut dirs_with_sas: Vec<&str> = docs
        .iter()
        .filter(|(_, d)| d.kind() == Some("ServiceAccount"))
        .map(|(p, _)| dir_of(p))
        .collect();
    dirs_with_sas.sort_unstable();
    dirs_with_sas.dedup();
    if !sas.is_empty() {
        for (path, doc, ps) in &pods {
            let sa = ps
                .spec
                .get("serviceAccountName")
                .or_else(|| ps.spec.get("serviceAccount"))
                .and_then(Value::as_str)
                .unwrap_or("");
            // Templates (`$SA`, `${SA}`, `<SA>`) and directories that define no account.
            if sa.is_empty()
                || sa == "default"
                || sa.contains(['$', '<', '{'])
                || dirs_with_sas.binary_search(&dir_of(path)).is_err()
            {
                continue;
            }
            if !sas
                .iter()
                .any(|(ns, n)| *n == sa && ns_match(*ns, doc.namespace()))
            {
                let field = if ps.spec.contains_key("serviceAccountName") {
                    "serviceAccountName"
                } else {
                    "serviceAccount"
                };
                out.push(finding(
                    &SA_NOT_FOUND,
                    path,
                    doc,
                    &format!("{}/{field}", ps.spec_ptr),
                    format!("ServiceAccount `{sa}` is not defined in the checked files"),
                ));
            }
        }
    }
    // Pods by label pair, so a Service only looks at pods that carry its first selector pair.
    let mut by_label: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut pod_labels: Vec<Option<&serde_json::Map<String, Value>>> =
        Vec::with_capacity(pods.len());
    for (i, (_, _, ps)) in pods.iter().enumerate() {
        let labels = ps
            .meta
            .and_then(|m| m.get("labels"))
            .and_then(Value::as_object);
        if let Some(l) = labels {
            for (k, v) in l {
                if let Some(v) = v.as_str() {
                    by_label.entry((k.as_str(), v)).or_default().push(i);
                }
            }
        }
        pod_labels.push(labels);
    }
    // Directories that hold workloads, and those that hold custom resources (which may
    // create pods from templates we do not know, e.g. LeaderWorkerSet or operators' CRs).
    let mut dirs_with_pods: Vec<(&str, Option<&str>)> = pods
        .iter()
        .map(|(p, d, _)| (dir_of(p), d.namespace()))
        .collect();
    dirs_with_pods.sort_unstable();
    dirs_with_pods.dedup();
    let mut dirs_with_custom: Vec<&str> = docs
        .iter()
        .filter(|(_, d)| is_custom_resource(d.api_version().unwrap_or("")))
        .map(|(p, _)| dir_of(p))
        .collect();
    dirs_with_custom.sort_unstable();
    dirs_with_custom.dedup();
    for (path, doc) in &docs {
        if doc.kind() != Some("Service") {
            continue;
        }
        let Some(Value::Object(sel)) = doc.value.pointer("/spec/selector") else {
            continue;
        };
        // Labels that controllers add to the pods they create are not in any template.
        let sel: Vec<(&String, &Value)> = sel
            .iter()
            .filter(|(k, _)| !CONTROLLER_LABELS.contains(&k.as_str()))
            .collect();
        let Some(&(k0, v0)) = sel.first() else {
            continue;
        };
        let ns = doc.namespace();
        let dir = dir_of(path);
        if dirs_with_custom.binary_search(&dir).is_ok()
            || !dirs_with_pods
                .iter()
                .any(|(d, n)| *d == dir && ns_match(*n, ns))
        {
            continue;
        }
        let matched = v0.as_str().is_some_and(|v0| {
            by_label.get(&(k0.as_str(), v0)).is_some_and(|cands| {
                cands.iter().any(|&i| {
                    ns_match(pods[i].1.namespace(), ns)
                        && pod_labels[i]
                            .is_some_and(|l| sel.iter().all(|(k, v)| l.get(k.as_str()) == Some(*v)))
                })
            })
        });
        if !matched {
            let s: Vec<String> = sel
                .iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("?")))
                .collect();
            out.push(finding(
                &SERVICE_SELECTS_NOTHING,
                path,
                doc,
                "/spec/selector",
                format!(
                    "Service selector `{}` matches no pod template of the checked files",
                    s.join(",")
                ),
            ));
        }
    }
    out
}
