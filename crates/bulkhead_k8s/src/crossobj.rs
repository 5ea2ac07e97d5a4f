//! Cross-object rules: checks that need every object of the run (KS016 ServiceAccount
//! referenced but not defined, KS036 Service selecting no pod template).
//!
//! Both only speak when the input shows the author manages that kind of object here (it
//! defines ServiceAccounts, or workloads in the Service's namespace), so a directory of
//! Services deployed next to Helm-managed workloads is not flooded with noise.

use crate::Settings;
use crate::hardening::{SA_NOT_FOUND, SERVICE_SELECTS_NOTHING};
use crate::loader::{Document, Loaded};
use crate::workload;
use bulkhead_diagnostics::{Finding, RuleMeta};
use serde_json::Value;
use std::collections::HashMap;

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
    if !sas.is_empty() {
        for (path, doc, ps) in &pods {
            let sa = ps
                .spec
                .get("serviceAccountName")
                .or_else(|| ps.spec.get("serviceAccount"))
                .and_then(Value::as_str)
                .unwrap_or("");
            if sa.is_empty() || sa == "default" {
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
    let mut namespaces_with_pods: Vec<Option<&str>> =
        pods.iter().map(|(_, d, _)| d.namespace()).collect();
    namespaces_with_pods.sort_unstable();
    namespaces_with_pods.dedup();
    for (path, doc) in &docs {
        if doc.kind() != Some("Service") {
            continue;
        }
        let Some(Value::Object(sel)) = doc.value.pointer("/spec/selector") else {
            continue;
        };
        let Some((k0, v0)) = sel.iter().next() else {
            continue;
        };
        let ns = doc.namespace();
        if !namespaces_with_pods.iter().any(|n| ns_match(*n, ns)) {
            continue;
        }
        let matched = v0.as_str().is_some_and(|v0| {
            by_label.get(&(k0.as_str(), v0)).is_some_and(|cands| {
                cands.iter().any(|&i| {
                    ns_match(pods[i].1.namespace(), ns)
                        && pod_labels[i]
                            .is_some_and(|l| sel.iter().all(|(k, v)| l.get(k) == Some(v)))
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
