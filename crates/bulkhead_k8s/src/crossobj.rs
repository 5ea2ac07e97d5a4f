//! Cross-object rules: checks that need every object of the run (KS016 ServiceAccount
//! referenced but not defined, KS036 Service selecting no pod template, KS048 multi-replica
//! workload without a PodDisruptionBudget, KS049 Ingress backend Service not defined, KS050
//! HorizontalPodAutoscaler target not defined, KS063 NetworkPolicy selecting no pod template,
//! KS064 workload that no NetworkPolicy selects).
//!
//! The "not defined" rules only speak when the input shows the author manages that kind of
//! object here: KS016 when the workload's directory defines ServiceAccounts; KS036 when the
//! Service's directory defines workloads of its namespace and no custom resources (which may
//! create pods from templates we cannot see); KS049 when the Ingress's directory defines
//! Services of its namespace and no custom resources; KS050 when the autoscaler's directory
//! defines objects of the target's kind in its namespace; KS063 under KS036's condition.
//! Labels that controllers add to pods (`job-name`, `statefulset.kubernetes.io/pod-name`, ...)
//! are ignored in selectors, and templated names (`$X`, `<x>`, `{{ x }}`) are never looked
//! up. Every index is built once per run.

use crate::Settings;
use crate::hardening::{
    HPA_TARGET_NOT_FOUND, INGRESS_BACKEND_NOT_FOUND, NETPOL_SELECTS_NOTHING, NO_PDB,
    POD_NOT_ISOLATED, SA_NOT_FOUND, SERVICE_SELECTS_NOTHING,
};
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

/// Whether [`check_set`] reads anything of `doc` beyond its identity (`apiVersion`, `kind`,
/// name, namespace, labels, annotations): callers that keep every file's objects for the
/// pass may [`Document::slim`] the others. Keep in step with the rules below.
pub fn reads_whole(doc: &Document, settings: &Settings) -> bool {
    matches!(
        doc.kind(),
        Some(
            "ServiceAccount"
                | "Service"
                | "PodDisruptionBudget"
                | "Ingress"
                | "HorizontalPodAutoscaler"
                | "NetworkPolicy"
        )
    ) || workload::pod_spec(&doc.value, &settings.pod_spec_paths).is_some()
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
    check_pdbs(&docs, &mut out);
    check_references(&docs, &dirs_with_custom, &mut out);
    check_network_policies(
        &docs,
        &pods,
        &by_label,
        &dirs_with_pods,
        &dirs_with_custom,
        &mut out,
    );
    out
}

/// A NetworkPolicy: its path, the document, and its `podSelector` (`None` when it selects
/// every pod of its namespace).
type Policy<'d> = (
    &'d str,
    &'d Document,
    Option<&'d serde_json::Map<String, Value>>,
);

/// The labels of a pod template.
fn pod_labels<'d>(ps: &workload::PodSpec<'d>) -> Option<&'d serde_json::Map<String, Value>> {
    ps.meta
        .and_then(|m| m.get("labels"))
        .and_then(Value::as_object)
}

/// Whether a `matchLabels` pair of plain strings is plainly not in `labels` (a check without
/// allocation before the full evaluation, which builds its explanation).
fn plainly_unmet(
    sel: &serde_json::Map<String, Value>,
    labels: Option<&serde_json::Map<String, Value>>,
) -> bool {
    let Some(Value::Object(ml)) = sel.get("matchLabels") else {
        return false;
    };
    ml.iter().any(|(k, v)| {
        let (Some(want), false) = (v.as_str(), crate::selector::templated(k)) else {
            return false;
        };
        match labels.and_then(|l| l.get(k)) {
            None => !crate::selector::templated(want),
            Some(Value::String(have)) => {
                have != want
                    && !crate::selector::templated(want)
                    && !crate::selector::templated(have)
            }
            Some(_) => false,
        }
    })
}

/// Whether a NetworkPolicy `podSelector` is empty (it selects every pod of its namespace).
fn empty_selector(sel: &serde_json::Map<String, Value>) -> bool {
    ["matchLabels", "matchExpressions"]
        .iter()
        .all(|k| match sel.get(*k) {
            Some(Value::Object(m)) => m.is_empty(),
            Some(Value::Array(a)) => a.is_empty(),
            _ => true,
        })
}

/// KS063 (NetworkPolicy selecting no pod template, when its directory defines workloads of
/// its namespace and no custom resources) and KS064 (pod template no NetworkPolicy of its
/// namespace selects; a namespace-less policy or workload is matched within its directory).
fn check_network_policies(
    docs: &[(&str, &Document)],
    pods: &[(&str, &Document, workload::PodSpec<'_>)],
    by_label: &HashMap<(&str, &str), Vec<usize>>,
    dirs_with_pods: &[(&str, Option<&str>)],
    dirs_with_custom: &[&str],
    out: &mut Vec<Finding>,
) {
    let policies: Vec<Policy<'_>> = docs
        .iter()
        .filter(|(_, d)| {
            d.kind() == Some("NetworkPolicy") && !is_custom_resource(d.api_version().unwrap_or(""))
        })
        .map(|(p, d)| {
            let sel = d
                .value
                .pointer("/spec/podSelector")
                .and_then(Value::as_object)
                .filter(|s| !empty_selector(s));
            (*p, *d, sel)
        })
        .collect();
    if policies.is_empty() {
        for (path, doc, _) in pods {
            out.push(not_isolated(path, doc));
        }
        return;
    }
    let selects = |sel: Option<&serde_json::Map<String, Value>>, ps: &workload::PodSpec<'_>| {
        sel.is_none_or(|s| {
            let labels = pod_labels(ps);
            !plainly_unmet(s, labels) && crate::selector::first_unmet(s, labels).is_none()
        })
    };
    // Pods that `by_label` cannot find: a label value that is not a plain string.
    let irregular: Vec<usize> = pods
        .iter()
        .enumerate()
        .filter(|(_, (_, _, ps))| {
            pod_labels(ps).is_some_and(|l| {
                l.values()
                    .any(|v| v.as_str().is_none_or(crate::selector::templated))
            })
        })
        .map(|(i, _)| i)
        .collect();
    for (path, doc, sel) in &policies {
        let Some(sel) = sel else {
            continue;
        };
        let match_labels = sel.get("matchLabels").and_then(Value::as_object);
        let controller_label = match_labels
            .into_iter()
            .flat_map(|m| m.keys().map(String::as_str))
            .chain(
                sel.get("matchExpressions")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|e| e.get("key").and_then(Value::as_str)),
            )
            .any(|k| CONTROLLER_LABELS.contains(&k));
        let ns = doc.namespace();
        let dir = dir_of(path);
        if controller_label
            || dirs_with_custom.binary_search(&dir).is_ok()
            || !dirs_with_pods
                .iter()
                .any(|(d, n)| *d == dir && ns_match(*n, ns))
        {
            continue;
        }
        // Candidates: the pods carrying one plain pair of the selector, else every pod.
        let pair = match_labels.and_then(|m| {
            m.iter().find_map(|(k, v)| {
                let v = v.as_str()?;
                (!crate::selector::templated(k) && !crate::selector::templated(v))
                    .then_some((k.as_str(), v))
            })
        });
        let hit = |i: &usize| {
            let (_, d, ps) = &pods[*i];
            ns_match(d.namespace(), ns) && selects(Some(sel), ps)
        };
        let selected = match pair {
            Some(pair) => {
                by_label.get(&pair).is_some_and(|c| c.iter().any(hit)) || irregular.iter().any(hit)
            }
            None => (0..pods.len()).any(|i| hit(&i)),
        };
        if !selected {
            out.push(finding(
                &NETPOL_SELECTS_NOTHING,
                path,
                doc,
                "/spec/podSelector",
                "NetworkPolicy `podSelector` matches no pod template of its namespace in the checked files".into(),
            ));
        }
    }
    // A policy covers a workload of its namespace; when either has no namespace (it is given
    // at apply time), only one of the same directory.
    let mut by_ns: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_dir: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (p, d, _)) in policies.iter().enumerate() {
        if let Some(n) = d.namespace() {
            by_ns.entry(n).or_default().push(i);
        }
        by_dir.entry(dir_of(p)).or_default().push(i);
    }
    for (path, doc, ps) in pods {
        let ns = doc.namespace();
        let covers = |i: &usize| selects(policies[*i].2, ps);
        let same_dir = by_dir.get(dir_of(path)).into_iter().flatten();
        let covered = match ns {
            Some(n) => {
                by_ns.get(n).is_some_and(|c| c.iter().any(covers))
                    || same_dir
                        .filter(|i| policies[**i].1.namespace().is_none())
                        .any(covers)
            }
            None => same_dir.into_iter().any(covers),
        };
        if !covered {
            out.push(not_isolated(path, doc));
        }
    }
}

/// A KS064 finding on a workload.
fn not_isolated(path: &str, doc: &Document) -> Finding {
    let kind = doc.kind().unwrap_or("workload");
    finding(
        &POD_NOT_ISOLATED,
        path,
        doc,
        "/metadata/name",
        format!(
            "no NetworkPolicy of the checked files selects this {kind}'s pods: they accept traffic from anywhere"
        ),
    )
}

/// Whether a referenced name is a placeholder of a templating tool.
fn templated_name(n: &str) -> bool {
    n.contains(['$', '<', '{'])
}

/// The backend Service names of an Ingress with their pointers: `defaultBackend` (v1),
/// `backend` (v1beta1), and every path's backend, in either shape
/// (`service.name` or `serviceName`).
fn ingress_backends(doc: &Document) -> Vec<(&str, String)> {
    fn add<'d>(out: &mut Vec<(&'d str, String)>, b: &'d Value, ptr: String) {
        if let Some(n) = b.pointer("/service/name").and_then(Value::as_str) {
            out.push((n, format!("{ptr}/service/name")));
        } else if let Some(n) = b.get("serviceName").and_then(Value::as_str) {
            out.push((n, format!("{ptr}/serviceName")));
        }
    }
    let mut out = Vec::new();
    let Some(spec) = doc.value.get("spec") else {
        return out;
    };
    for f in ["defaultBackend", "backend"] {
        if let Some(b) = spec.get(f) {
            add(&mut out, b, format!("/spec/{f}"));
        }
    }
    if let Some(Value::Array(rules)) = spec.get("rules") {
        for (i, r) in rules.iter().enumerate() {
            if let Some(Value::Array(paths)) = r.pointer("/http/paths") {
                for (j, p) in paths.iter().enumerate() {
                    if let Some(b) = p.get("backend") {
                        add(
                            &mut out,
                            b,
                            format!("/spec/rules/{i}/http/paths/{j}/backend"),
                        );
                    }
                }
            }
        }
    }
    out
}

/// KS049 and KS050 in one pass over the objects' kinds: Ingress backends naming no Service
/// of the run (when the Ingress's directory defines Services of its namespace and no custom
/// resources), and autoscalers whose `scaleTargetRef` names no object of the run (when the
/// autoscaler's directory defines objects of the target's kind in its namespace). Names and
/// namespaces are only read for Services and for objects of a targeted kind.
fn check_references(docs: &[(&str, &Document)], dirs_with_custom: &[&str], out: &mut Vec<Finding>) {
    let kinds: Vec<&str> = docs.iter().map(|(_, d)| d.kind().unwrap_or("")).collect();
    let has = |k: &str| kinds.contains(&k);
    if has("Ingress") {
        check_ingresses(docs, &kinds, dirs_with_custom, out);
    }
    if has("HorizontalPodAutoscaler") {
        check_hpas(docs, &kinds, out);
    }
}

fn check_ingresses(
    docs: &[(&str, &Document)],
    kinds: &[&str],
    dirs_with_custom: &[&str],
    out: &mut Vec<Finding>,
) {
    // (directory, namespace, name) of every Service.
    let mut services: Vec<(&str, Option<&str>, &str)> = docs
        .iter()
        .zip(kinds)
        .filter(|((_, d), k)| {
            **k == "Service" && !is_custom_resource(d.api_version().unwrap_or(""))
        })
        .filter_map(|((p, d), _)| Some((dir_of(p), d.namespace(), d.name()?)))
        .collect();
    services.sort_unstable();
    for ((path, doc), _) in docs.iter().zip(kinds).filter(|(_, k)| **k == "Ingress") {
        let ns = doc.namespace();
        let dir = dir_of(path);
        // Same namespace exactly: a directory of namespace-less templates says nothing about
        // an Ingress of a named namespace.
        let from = services.partition_point(|s| (s.0, s.1) < (dir, ns));
        if services.get(from).is_none_or(|s| (s.0, s.1) != (dir, ns))
            || dirs_with_custom.binary_search(&dir).is_ok()
        {
            continue;
        }
        for (name, ptr) in ingress_backends(doc) {
            if name.is_empty() || templated_name(name) {
                continue;
            }
            if !services
                .iter()
                .any(|(_, n, s)| *s == name && ns_match(*n, ns))
            {
                out.push(finding(
                    &INGRESS_BACKEND_NOT_FOUND,
                    path,
                    doc,
                    &ptr,
                    format!("Ingress backend Service `{name}` is not defined in the checked files"),
                ));
            }
        }
    }
}

fn check_hpas(docs: &[(&str, &Document)], kinds: &[&str], out: &mut Vec<Finding>) {
    let mut hpas: Vec<(&str, &Document, &str, &str)> = Vec::new();
    for ((p, d), _) in docs
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k == "HorizontalPodAutoscaler")
    {
        let Some(t) = d.value.pointer("/spec/scaleTargetRef") else {
            continue;
        };
        let kind = t.get("kind").and_then(Value::as_str).unwrap_or("");
        let name = t.get("name").and_then(Value::as_str).unwrap_or("");
        if !kind.is_empty() && !name.is_empty() && !templated_name(name) && !templated_name(kind) {
            hpas.push((p, d, kind, name));
        }
    }
    // (directory, kind, namespace, name) of every object of a targeted kind.
    let objects: Vec<(&str, &str, Option<&str>, &str)> = docs
        .iter()
        .zip(kinds)
        .filter(|(_, k)| hpas.iter().any(|h| h.2 == **k))
        .map(|((p, d), k)| (dir_of(p), *k, d.namespace(), d.name().unwrap_or("")))
        .collect();
    for (path, doc, kind, name) in hpas {
        let ns = doc.namespace();
        let dir = dir_of(path);
        if !objects
            .iter()
            .any(|o| o.0 == dir && o.1 == kind && o.2 == ns)
        {
            continue;
        }
        if !objects
            .iter()
            .any(|o| o.1 == kind && o.3 == name && ns_match(o.2, ns))
        {
            out.push(finding(
                &HPA_TARGET_NOT_FOUND,
                path,
                doc,
                "/spec/scaleTargetRef/name",
                format!("HorizontalPodAutoscaler targets {kind} `{name}`, which is not defined in the checked files"),
            ));
        }
    }
}

/// Whether a PodDisruptionBudget's `spec.selector` selects pods with `labels`. An empty
/// selector selects every pod of the namespace, a missing one none (policy/v1);
/// `matchExpressions` are assumed to match (no finding rather than a false one).
fn pdb_selects(pdb: &Document, labels: Option<&serde_json::Map<String, Value>>) -> bool {
    let Some(Value::Object(sel)) = pdb.value.pointer("/spec/selector") else {
        return false;
    };
    match sel.get("matchLabels") {
        Some(Value::Object(ml)) => ml
            .iter()
            .all(|(k, v)| labels.is_some_and(|l| l.get(k) == Some(v))),
        _ => true,
    }
}

/// KS048: Deployments and StatefulSets of 2 or more replicas that no PodDisruptionBudget of
/// the run selects.
fn check_pdbs(docs: &[(&str, &Document)], out: &mut Vec<Finding>) {
    let pdbs: Vec<&Document> = docs
        .iter()
        .filter(|(_, d)| d.kind() == Some("PodDisruptionBudget"))
        .map(|(_, d)| *d)
        .collect();
    for (path, doc) in docs {
        let kind = doc.kind().unwrap_or("");
        if !matches!(kind, "Deployment" | "StatefulSet") {
            continue;
        }
        let Some(n) = doc.value.pointer("/spec/replicas").and_then(Value::as_f64) else {
            continue;
        };
        if n < 2.0 {
            continue;
        }
        let labels = doc
            .value
            .pointer("/spec/template/metadata/labels")
            .and_then(Value::as_object);
        if !pdbs
            .iter()
            .any(|p| ns_match(p.namespace(), doc.namespace()) && pdb_selects(p, labels))
        {
            out.push(finding(
                &NO_PDB,
                path,
                doc,
                "/spec/replicas",
                format!("{kind} runs {n} replicas and no PodDisruptionBudget of the checked files selects its pods"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ks048(files: &[(&str, &str)]) -> Vec<(String, u32)> {
        let loaded: Vec<Loaded> = files.iter().map(|(p, t)| crate::load(p, t)).collect();
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&loaded).collect();
        check_set(&pairs, &Settings::default())
            .into_iter()
            .filter(|f| f.rule.code == "KS048")
            .map(|f| (f.path, f.range.unwrap().start.line))
            .collect()
    }

    fn hits(files: &[(&str, &str)], codes: &[&str]) -> Vec<(&'static str, String, u32)> {
        let loaded: Vec<Loaded> = files.iter().map(|(p, t)| crate::load(p, t)).collect();
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&loaded).collect();
        let mut v: Vec<_> = check_set(&pairs, &Settings::default())
            .into_iter()
            .filter(|f| codes.contains(&f.rule.code))
            .map(|f| (f.rule.code, f.path, f.range.unwrap().start.line))
            .collect();
        v.sort();
        v
    }

    const NP_DEPLOYS: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    metadata:\n      labels: {app: api, tier: back}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: worker}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: o, namespace: other}\nspec:\n  template:\n    metadata:\n      labels: {app: o}\n    spec:\n      containers: [{name: c, image: i:1}]\n";

    #[test]
    fn slimming_what_the_pass_reads_only_by_identity_changes_nothing() {
        let mixed = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: shop}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: svc, namespace: shop}\nspec:\n  selector: {app: nobody}\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: in, namespace: shop}\nspec:\n  defaultBackend: {service: {name: missing, port: {number: 80}}}\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h, namespace: shop}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: gone}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop, labels: {app: web}}\ndata: {k: v}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: shop}\nrules: []\n";
        let files = [("d/a.yaml", NP_DEPLOYS), ("d/b.yaml", mixed)];
        let settings = Settings::default();
        let loaded: Vec<Loaded> = files.iter().map(|(p, t)| crate::load(p, t)).collect();
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&loaded).collect();
        let whole = check_set(&pairs, &settings);
        let mut slim = loaded.clone();
        let mut slimmed = 0;
        for l in &mut slim {
            for d in &mut l.docs {
                if !reads_whole(d, &settings) {
                    d.slim();
                    slimmed += 1;
                }
            }
        }
        assert_eq!(slimmed, 2);
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&slim).collect();
        let after = check_set(&pairs, &settings);
        let show = |fs: &[Finding]| -> Vec<String> {
            fs.iter()
                .map(|f| format!("{} {} {:?} {}", f.rule.code, f.path, f.range, f.message))
                .collect()
        };
        assert!(whole.len() >= 3, "{:?}", show(&whole));
        assert_eq!(show(&after), show(&whole));
    }

    #[test]
    fn network_policies_and_isolation() {
        let policies = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web-only, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {app: web}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: stale, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {app: old}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: expr, namespace: shop}\nspec:\n  podSelector:\n    matchExpressions: [{key: tier, operator: In, values: [back]}]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: one-pod, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {statefulset.kubernetes.io/pod-name: db-0}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: all, namespace: other}\nspec:\n  podSelector: {}\n";
        let fragment = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: f, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {app: zzz}\n";
        let files = [
            ("app/deploy.yaml", NP_DEPLOYS),
            ("app/netpol.yaml", policies),
            ("frag/netpol.yaml", fragment),
        ];
        assert_eq!(
            hits(&files, &["KS063", "KS064"]),
            [
                ("KS063", "app/netpol.yaml".into(), 12),
                ("KS064", "app/deploy.yaml".into(), 24)
            ]
        );
        // Without any policy every workload is reported (KS064 is off by default).
        assert_eq!(
            hits(&[("app/deploy.yaml", NP_DEPLOYS)], &["KS063", "KS064"]),
            [
                ("KS064", "app/deploy.yaml".into(), 3),
                ("KS064", "app/deploy.yaml".into(), 13),
                ("KS064", "app/deploy.yaml".into(), 24),
                ("KS064", "app/deploy.yaml".into(), 35)
            ]
        );
        assert!(NETPOL_SELECTS_NOTHING.default_enabled && !POD_NOT_ISOLATED.default_enabled);
    }

    const DEPLOY: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata:\n      labels: {app: web, tier: front}\n    spec:\n      containers: [{name: c, image: i:1}]\n";

    #[test]
    fn multi_replica_without_pdb() {
        assert_eq!(ks048(&[("a/d.yaml", DEPLOY)]), [("a/d.yaml".into(), 5)]);
        // A budget selecting other pods, or in another namespace, does not count.
        let other = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p, namespace: shop}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: api}}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: q, namespace: other}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n";
        assert_eq!(
            ks048(&[("a/d.yaml", DEPLOY), ("a/p.yaml", other)]),
            [("a/d.yaml".into(), 5)]
        );
        assert!(!NO_PDB.default_enabled);
    }

    fn codes(files: &[(&str, &str)], code: &str) -> Vec<(String, u32)> {
        let loaded: Vec<Loaded> = files.iter().map(|(p, t)| crate::load(p, t)).collect();
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&loaded).collect();
        check_set(&pairs, &Settings::default())
            .into_iter()
            .filter(|f| f.rule.code == code)
            .map(|f| (f.path, f.range.unwrap().start.line))
            .collect()
    }

    const SVC: &str = "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  ports: [{port: 80}]\n";
    const INGRESS: &str = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i, namespace: shop}\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port: {number: 80}\n  rules:\n  - host: a.example\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: wbe\n            port: {number: 80}\n      - path: /api\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port: {number: 80}\n      - path: /static\n        pathType: Prefix\n        backend:\n          resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: b}\n";

    #[test]
    fn ingress_backend_not_defined() {
        // `wbe` (line 17) is a typo; `web` is defined; the resource backend is not looked up.
        assert_eq!(
            codes(&[("a/i.yaml", INGRESS), ("a/s.yaml", SVC)], "KS049"),
            [("a/i.yaml".into(), 17)]
        );
        // The old shape (serviceName), and a Service of another namespace does not count.
        let old = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i, namespace: shop}\nspec:\n  backend:\n    serviceName: api\n    servicePort: 80\n  rules:\n  - http:\n      paths:\n      - backend:\n          serviceName: web\n          servicePort: 80\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: other}\n";
        assert_eq!(
            codes(&[("a/i.yaml", old), ("a/s.yaml", SVC)], "KS049"),
            [("a/i.yaml".into(), 6)]
        );
        assert!(INGRESS_BACKEND_NOT_FOUND.default_enabled);
    }

    #[test]
    fn ingress_quiet_on_partial_inputs() {
        // No Service of the namespace in the Ingress's directory: a fragment, not reported.
        assert_eq!(codes(&[("a/i.yaml", INGRESS)], "KS049"), []);
        assert_eq!(
            codes(&[("a/i.yaml", INGRESS), ("b/s.yaml", SVC)], "KS049"),
            []
        );
        let other_ns = SVC.replace("namespace: shop", "namespace: blog");
        assert_eq!(
            codes(&[("a/i.yaml", INGRESS), ("a/s.yaml", &other_ns)], "KS049"),
            []
        );
        // Custom resources in the directory may create the Service.
        let cr = "apiVersion: example.com/v1\nkind: App\nmetadata: {name: x, namespace: shop}\n";
        assert_eq!(
            codes(
                &[("a/i.yaml", INGRESS), ("a/s.yaml", SVC), ("a/c.yaml", cr)],
                "KS049"
            ),
            []
        );
        // Templated names are not looked up.
        let tpl = INGRESS.replace("name: wbe", "name: ${SERVICE}");
        assert_eq!(codes(&[("a/i.yaml", &tpl), ("a/s.yaml", SVC)], "KS049"), []);
    }

    const HPA: &str = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h, namespace: shop}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web-api\n  minReplicas: 2\n  maxReplicas: 5\n";

    #[test]
    fn hpa_target_not_defined() {
        // The directory defines Deployment `web`, not `web-api`.
        assert_eq!(
            codes(&[("a/h.yaml", HPA), ("a/d.yaml", DEPLOY)], "KS050"),
            [("a/h.yaml".into(), 8)]
        );
        let ok = HPA.replace("web-api", "web");
        assert_eq!(
            codes(&[("a/h.yaml", &ok), ("a/d.yaml", DEPLOY)], "KS050"),
            []
        );
        // A StatefulSet called `web` is not the Deployment the autoscaler names.
        let sts = DEPLOY.replace("kind: Deployment", "kind: StatefulSet");
        let sts_ref = ok.replace("kind: Deployment", "kind: StatefulSet");
        assert_eq!(
            codes(
                &[
                    ("a/h.yaml", &sts_ref),
                    ("a/d.yaml", DEPLOY),
                    ("a/s.yaml", &sts.replace("name: web,", "name: db,"))
                ],
                "KS050"
            ),
            [("a/h.yaml".into(), 8)]
        );
        assert!(HPA_TARGET_NOT_FOUND.default_enabled);
    }

    #[test]
    fn hpa_quiet_on_partial_inputs() {
        // No Deployment in the autoscaler's directory (or namespace): not reported.
        assert_eq!(codes(&[("a/h.yaml", HPA)], "KS050"), []);
        assert_eq!(
            codes(&[("a/h.yaml", HPA), ("b/d.yaml", DEPLOY)], "KS050"),
            []
        );
        let other_ns = DEPLOY.replace("namespace: shop", "namespace: blog");
        assert_eq!(
            codes(&[("a/h.yaml", HPA), ("a/d.yaml", &other_ns)], "KS050"),
            []
        );
        let tpl = HPA.replace("name: web-api", "name: \"{{ .Release.Name }}\"");
        assert_eq!(
            codes(&[("a/h.yaml", &tpl), ("a/d.yaml", DEPLOY)], "KS050"),
            []
        );
    }

    #[test]
    fn pdb_or_single_replica_is_quiet() {
        let pdb = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p, namespace: shop}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n";
        assert_eq!(ks048(&[("a/d.yaml", DEPLOY), ("b/p.yaml", pdb)]), []);
        let one = DEPLOY.replace("replicas: 3", "replicas: 1");
        assert_eq!(ks048(&[("a/d.yaml", &one)]), []);
    }
}
