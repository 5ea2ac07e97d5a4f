//! Connectivity diff between two manifest sets, in netpol-analyzer's `diff` format:
//! `changed`, then `added`, then `removed` lines, each sorted by source then destination,
//! with `workloads-diff-info` when a workload exists on one side only.

use crate::output::ConnLine;
use std::collections::{BTreeMap, BTreeSet};

/// One difference.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DiffLine {
    pub diff_type: &'static str,
    pub src: String,
    pub dst: String,
    pub ref1: String,
    pub ref2: String,
    /// `workload ns/name[Kind] added|removed`, or empty.
    pub info: String,
}

/// Compare two connectivity lists; `wl1`/`wl2` are the workloads of each side.
pub fn diff(
    a: &[ConnLine],
    b: &[ConnLine],
    wl1: &BTreeSet<String>,
    wl2: &BTreeSet<String>,
) -> Vec<DiffLine> {
    let ma: BTreeMap<(&str, &str), &str> = a
        .iter()
        .map(|l| ((l.src.as_str(), l.dst.as_str()), l.conn.as_str()))
        .collect();
    let mb: BTreeMap<(&str, &str), &str> = b
        .iter()
        .map(|l| ((l.src.as_str(), l.dst.as_str()), l.conn.as_str()))
        .collect();
    let info = |src: &str, dst: &str, added: bool| -> String {
        let (mine, other) = if added { (wl2, wl1) } else { (wl1, wl2) };
        let word = if added { "added" } else { "removed" };
        let parts: Vec<&str> = [src, dst]
            .into_iter()
            .filter(|p| mine.contains(*p) && !other.contains(*p))
            .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!("workload {} {word}", parts.join(" and "))
        }
    };
    let mut changed = Vec::new();
    let mut added = Vec::new();
    let mut removed = Vec::new();
    for (&(s, d), &c1) in &ma {
        match mb.get(&(s, d)) {
            Some(&c2) if c2 != c1 => changed.push(DiffLine {
                diff_type: "changed",
                src: s.into(),
                dst: d.into(),
                ref1: c1.into(),
                ref2: c2.into(),
                info: String::new(),
            }),
            Some(_) => {}
            None => removed.push(DiffLine {
                diff_type: "removed",
                src: s.into(),
                dst: d.into(),
                ref1: c1.into(),
                ref2: "No Connections".into(),
                info: info(s, d, false),
            }),
        }
    }
    for (&(s, d), &c2) in &mb {
        if !ma.contains_key(&(s, d)) {
            added.push(DiffLine {
                diff_type: "added",
                src: s.into(),
                dst: d.into(),
                ref1: "No Connections".into(),
                ref2: c2.into(),
                info: info(s, d, true),
            });
        }
    }
    changed.extend(added);
    changed.extend(removed);
    changed
}

/// Diff two clusters: both are listed with the external space cut at the `ipBlock`s of both,
/// so ranges line up.
pub fn diff_clusters(c1: &crate::Cluster, c2: &crate::Cluster) -> Vec<DiffLine> {
    use crate::engine::Analysis;
    let (i1, e1) = Analysis::ip_cuts(c1);
    let (i2, e2) = Analysis::ip_cuts(c2);
    let ins: Vec<_> = i1.iter().chain(i2.iter()).copied().collect();
    let egs: Vec<_> = e1.iter().chain(e2.iter()).copied().collect();
    let opts = crate::ListOptions::default();
    let l1 = crate::connlist(&Analysis::with_cuts(c1, &ins, &egs), &opts);
    let l2 = crate::connlist(&Analysis::with_cuts(c2, &ins, &egs), &opts);
    let names = |c: &crate::Cluster| -> BTreeSet<String> {
        c.workloads.iter().map(|w| w.display()).collect()
    };
    diff(&l1, &l2, &names(c1), &names(c2))
}

/// Render a diff as `txt`, `csv`, `md` or `json`.
pub fn render(lines: &[DiffLine], format: &str) -> String {
    if lines.is_empty() && format != "json" {
        return String::new();
    }
    match format {
        "csv" | "md" => {
            let mut rows = Vec::new();
            let header = [
                "diff-type",
                "source",
                "destination",
                "ref1",
                "ref2",
                "workloads-diff-info",
            ];
            if format == "csv" {
                rows.push(header.join(","));
            } else {
                rows.push(format!("| {} |", header.join(" | ")));
                rows.push(
                    "|-----------|--------|-------------|------|------|---------------------|"
                        .into(),
                );
            }
            for l in lines {
                let f = [l.diff_type, &l.src, &l.dst, &l.ref1, &l.ref2, &l.info];
                if format == "csv" {
                    let q: Vec<String> = f
                        .iter()
                        .map(|s| {
                            if s.contains(',') {
                                format!("\"{s}\"")
                            } else {
                                s.to_string()
                            }
                        })
                        .collect();
                    rows.push(q.join(","));
                } else {
                    rows.push(format!("| {} |", f.join(" | ")));
                }
            }
            rows.join("\n")
        }
        "json" => serde_json::to_string_pretty(lines).unwrap_or_default(),
        _ => {
            let mut out = vec!["Connectivity diff:".to_string()];
            for l in lines {
                let mut s = format!(
                    "diff-type: {}, source: {}, destination: {}, ref1: {}, ref2: {}",
                    l.diff_type, l.src, l.dst, l.ref1, l.ref2
                );
                if !l.info.is_empty() {
                    s.push_str(", workloads-diff-info: ");
                    s.push_str(&l.info);
                }
                out.push(s);
            }
            out.join("\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str, d: &str, c: &str) -> ConnLine {
        ConnLine {
            src: s.into(),
            dst: d.into(),
            conn: c.into(),
        }
    }

    #[test]
    fn kinds() {
        let a = vec![l("a", "b", "TCP 80"), l("a", "c", "TCP 1")];
        let b = vec![l("a", "b", "TCP 81"), l("d", "b", "UDP 53")];
        let w1: BTreeSet<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let w2: BTreeSet<String> = ["a", "b", "d"].iter().map(|s| s.to_string()).collect();
        let out = render(&diff(&a, &b, &w1, &w2), "txt");
        assert_eq!(
            out,
            "Connectivity diff:\n\
diff-type: changed, source: a, destination: b, ref1: TCP 80, ref2: TCP 81\n\
diff-type: added, source: d, destination: b, ref1: No Connections, ref2: UDP 53, workloads-diff-info: workload d added\n\
diff-type: removed, source: a, destination: c, ref1: TCP 1, ref2: No Connections, workloads-diff-info: workload c removed"
        );
    }
}
