//! Kubernetes NetworkPolicy analysis: exact connectivity between workloads and external IP
//! ranges, explanations, diffs, the `NP*` lints and least-privilege policy synthesis.
//!
//! The engine works on plain `serde_json::Value` objects (`kind`/`metadata`/`spec`), so it does
//! not care how manifests were read. [`load`] walks paths and reads every file through the
//! project loader, `bulkhead_k8s::loader` (exact lines and columns); objects loaded any other
//! way can be handed over as [`ObjectRef`]s.
//!
//! # Entry points
//!
//! - [`Cluster::build`]`(&[ObjectRef])` interprets objects: workloads (pods collapsed to their
//!   owner, `ns/name[Kind]`), namespaces (referenced-only ones get the
//!   `kubernetes.io/metadata.name` label), `networking.k8s.io/v1` NetworkPolicies.
//! - [`engine::Analysis::new`] groups workloads into equivalence classes (namespace, labels,
//!   named ports) and precomputes rule matches; [`list`] renders the connectivity list in
//!   netpol-analyzer's `txt`/`json`/`csv`/`md`/`dot` formats, optionally with exposure.
//! - [`explain::explain`], [`diff::diff`], [`synth::synthesize`].
//! - `bulkhead check` integration: [`RULES`] (codes `NP001`..) and
//!   [`lint`]`(objects, settings) -> Vec<Finding>`, run once over all Kubernetes objects of a
//!   run (policies in one file select pods in another, so this is not per file). Each
//!   [`ObjectRef`] carries the path, the value and a closure returning the [`Range`] of a JSON
//!   pointer inside the object (e.g. built on `bulkhead_k8s::loader::Document`).
//!
//! [`Range`]: bulkhead_diagnostics::Range

pub mod conn;
pub mod diff;
pub mod engine;
pub mod explain;
pub mod exposure;
pub mod ip;
pub mod lints;
pub mod load;
pub mod model;
pub mod output;
pub mod picture;
pub mod selector;
pub mod stream;
pub mod synth;

pub use lints::{RULES, Settings, lint};
pub use model::{Cluster, Fragment, ObjectRef};

use engine::{Analysis, Peer};
use output::{ConnLine, Format};

/// Options of a connectivity list.
#[derive(Debug, Clone, Default)]
pub struct ListOptions {
    /// Keep only connections with these workloads (`name` or `ns/name`).
    pub focus_workloads: Vec<String>,
    /// Add the exposure analysis.
    pub exposure: bool,
}

/// Whether a workload matches a `--focus-workload` value (`name`, `ns/name`, or the full
/// `ns/name[Kind]`).
pub fn focus_matches(w: &model::Workload, focus: &str) -> bool {
    focus == w.name || focus == format!("{}/{}", w.namespace, w.name) || focus == w.display()
}

/// The sorted connectivity lines of an analysis.
pub fn connlist(a: &Analysis<'_>, opts: &ListOptions) -> Vec<ConnLine> {
    let ws = &a.cluster.workloads;
    let focused = |p: Peer| match p {
        Peer::Workload(i) => {
            opts.focus_workloads.is_empty()
                || opts
                    .focus_workloads
                    .iter()
                    .any(|f| focus_matches(&ws[i], f))
        }
        Peer::Ext(_) => false,
    };
    let mut lines: Vec<ConnLine> = a
        .connections()
        .into_iter()
        .filter(|c| opts.focus_workloads.is_empty() || focused(c.src) || focused(c.dst))
        .map(|c| ConnLine {
            src: a.name(c.src),
            dst: a.name(c.dst),
            conn: c.conn.to_string(),
        })
        .collect();
    lines.sort();
    lines
}

/// Compute and render the connectivity list of a cluster.
pub fn list(cluster: &Cluster, opts: &ListOptions, fmt: Format) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = list_to(cluster, opts, fmt, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Compute the connectivity list of a cluster and write it to `out`: streamed in sorted
/// order ([`stream::write_list`]) unless exposure or the `dot` picture need the whole list.
/// Returns the number of connections listed.
pub fn list_to(
    cluster: &Cluster,
    opts: &ListOptions,
    fmt: Format,
    out: &mut dyn std::io::Write,
) -> std::io::Result<u64> {
    if !opts.exposure && fmt != Format::Dot {
        let a = Analysis::new(cluster);
        let ws = &cluster.workloads;
        let focused = |p: Peer| match p {
            Peer::Workload(i) => opts
                .focus_workloads
                .iter()
                .any(|f| focus_matches(&ws[i], f)),
            Peer::Ext(_) => false,
        };
        let keep = |s: Peer, d: Peer| opts.focus_workloads.is_empty() || focused(s) || focused(d);
        return stream::write_list(&a, fmt, &keep, out);
    }
    let text = list_materialized(cluster, opts, fmt);
    out.write_all(text.as_bytes())?;
    Ok(text.lines().count() as u64)
}

fn list_materialized(cluster: &Cluster, opts: &ListOptions, fmt: Format) -> String {
    let a = Analysis::new(cluster);
    let lines = connlist(&a, opts);
    let exp = opts.exposure.then(|| {
        let ws = &cluster.workloads;
        let focus = |i: usize| {
            opts.focus_workloads.is_empty()
                || opts
                    .focus_workloads
                    .iter()
                    .any(|f| focus_matches(&ws[i], f))
        };
        exposure::exposure(&a, &lines, &focus)
    });
    output::render(&lines, exp.as_ref(), fmt)
}

/// Build a cluster from loaded documents.
pub fn cluster_from_documents(docs: &[load::Document]) -> Cluster {
    type Locate<'a> = Box<dyn Fn(&str) -> Option<bulkhead_diagnostics::Range> + 'a>;
    let locs: Vec<Locate<'_>> = docs
        .iter()
        .map(|d| Box::new(move |p: &str| d.locate(p)) as Box<dyn Fn(&str) -> _>)
        .collect();
    let objs: Vec<ObjectRef<'_>> = docs
        .iter()
        .zip(locs.iter())
        .map(|(d, l)| ObjectRef {
            path: &d.path,
            value: d.value(),
            locate: l.as_ref(),
        })
        .collect();
    Cluster::build(&objs)
}

/// The objects of `docs` without their NetworkPolicies, plus `extra` (for synthesis checks).
pub fn replace_policies(docs: &[load::Document], extra: &[serde_json::Value]) -> Cluster {
    let none = |_: &str| None;
    let mut objs: Vec<ObjectRef<'_>> = docs
        .iter()
        .filter(|d| d.doc.kind() != Some("NetworkPolicy"))
        .map(|d| ObjectRef {
            path: &d.path,
            value: d.value(),
            locate: &none,
        })
        .collect();
    objs.extend(extra.iter().map(|v| ObjectRef {
        path: "<synthesized>",
        value: v,
        locate: &none,
    }));
    Cluster::build(&objs)
}
