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
    for (path, doc) in &docs {
        if doc.kind() != Some("Service") {
            continue;
        }
        let Some(Value::Object(sel)) = doc.value.pointer("/spec/selector") else {
            continue;
        };
        if sel.is_empty() {
            continue;
        }
        let ns = doc.namespace();
        let candidates: Vec<_> = pods
            .iter()
            .filter(|(_, d, _)| ns_match(d.namespace(), ns))
            .collect();
        if candidates.is_empty() {
            continue;
        }
        let matched = candidates.iter().any(|(_, _, ps)| {
            let labels = ps
                .meta
                .and_then(|m| m.get("labels"))
                .and_then(Value::as_object);
            labels.is_some_and(|l| sel.iter().all(|(k, v)| l.get(k) == Some(v)))
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
