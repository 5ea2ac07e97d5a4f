//! Connectivity diff between two manifest sets, in netpol-analyzer's `diff` format:
//! `changed`, then `added`, then `removed` lines, each sorted by source then destination,
//! with `workloads-diff-info` when a workload exists on one side only.

use crate::ip::{IpRange, atoms, merge};
use crate::output::ConnLine;
use std::collections::{BTreeMap, BTreeSet};
use std::net::Ipv4Addr;

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

/// What each side allows between one source and one destination (`None`: no connection).
type ConnPair = (Option<String>, Option<String>);

/// Compare two connectivity lists; `wl1`/`wl2` are the workloads of each side.
///
/// As netpol-analyzer does, external ranges of both sides are first cut at each other's
/// boundaries so they line up, and differences are then merged back: the ranges that have the
/// same other peer and the same connections on each side are united, and each maximal run of
/// touching ranges is one line. So the result does not depend on where either side happened
/// to cut the external space.
pub fn diff(
    a: &[ConnLine],
    b: &[ConnLine],
    wl1: &BTreeSet<String>,
    wl2: &BTreeSet<String>,
) -> Vec<DiffLine> {
    // Cut both sides' external ranges at each other's boundaries so they line up.
    let ranges: Vec<IpRange> = a
        .iter()
        .chain(b)
        .flat_map(|l| [external_range(&l.src), external_range(&l.dst)])
        .flatten()
        .collect();
    let cut = atoms(&ranges);
    let refine = |name: &str| -> Vec<String> {
        match external_range(name) {
            None => vec![name.to_string()],
            Some(r) => cut
                .iter()
                .filter(|x| r.contains_range(x))
                .map(|x| format!("{x}[External]"))
                .collect(),
        }
    };
    let mut pairs: BTreeMap<(String, String), ConnPair> = BTreeMap::new();
    for (side, lines) in [(0, a), (1, b)] {
        for l in lines {
            for s in refine(&l.src) {
                for d in refine(&l.dst) {
                    let e = pairs.entry((s.clone(), d)).or_default();
                    let slot = if side == 0 { &mut e.0 } else { &mut e.1 };
                    *slot = Some(l.conn.clone());
                }
            }
        }
    }
    pairs.retain(|_, (c1, c2)| c1 != c2);
    let pairs = merge_external(pairs);
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
    for ((s, d), conns) in pairs {
        match conns {
            (Some(c1), Some(c2)) => changed.push(DiffLine {
                diff_type: "changed",
                src: s,
                dst: d,
                ref1: c1,
                ref2: c2,
                info: String::new(),
            }),
            (None, Some(c2)) => added.push(DiffLine {
                diff_type: "added",
                info: info(&s, &d, true),
                src: s,
                dst: d,
                ref1: "No Connections".into(),
                ref2: c2,
            }),
            (Some(c1), None) => removed.push(DiffLine {
                diff_type: "removed",
                info: info(&s, &d, false),
                src: s,
                dst: d,
                ref1: c1,
                ref2: "No Connections".into(),
            }),
            (None, None) => {}
        }
    }
    changed.extend(added);
    changed.extend(removed);
    changed
}

/// The range of an external peer name (`10.0.0.0-10.255.255.255[External]`).
fn external_range(name: &str) -> Option<IpRange> {
    let (lo, hi) = name.strip_suffix("[External]")?.split_once('-')?;
    let lo: Ipv4Addr = lo.parse().ok()?;
    let hi: Ipv4Addr = hi.parse().ok()?;
    Some(IpRange {
        lo: lo.into(),
        hi: hi.into(),
    })
}

/// Unite the external ranges of pairs with the same other peer and the same connections on
/// both sides, one pair per maximal run of touching ranges.
fn merge_external(
    pairs: BTreeMap<(String, String), ConnPair>,
) -> BTreeMap<(String, String), ConnPair> {
    // (external peer is the destination, the other peer, connections) -> ranges
    let mut groups: BTreeMap<(bool, String, ConnPair), Vec<IpRange>> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for ((s, d), conns) in pairs {
        if let Some(r) = external_range(&d) {
            groups.entry((true, s, conns)).or_default().push(r);
        } else if let Some(r) = external_range(&s) {
            groups.entry((false, d, conns)).or_default().push(r);
        } else {
            out.insert((s, d), conns);
        }
    }
    for ((ext_is_dst, other, conns), ranges) in groups {
        for r in merge(ranges) {
            let ext = format!("{r}[External]");
            let key = if ext_is_dst {
                (other.clone(), ext)
            } else {
                (ext, other.clone())
            };
            out.insert(key, conns.clone());
        }
    }
    out
}

/// Diff two clusters: each is listed on its own, and [`diff`] lines their external ranges up.
pub fn diff_clusters(c1: &crate::Cluster, c2: &crate::Cluster) -> Vec<DiffLine> {
    use crate::engine::Analysis;
    let opts = crate::ListOptions::default();
    let l1 = crate::connlist(&Analysis::new(c1), &opts);
    let l2 = crate::connlist(&Analysis::new(c2), &opts);
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
    fn external_ranges_merge_across_both_sides_cuts() {
        let e = |r: &str| format!("{r}[External]");
        let w: BTreeSet<String> = ["w".to_string()].into();
        // Side A cut at 10.0.0.0/8, side B at 10.10.0.0/16: the same change on touching
        // ranges is one line; different changes stay apart.
        let a = vec![
            l(&e("0.0.0.0-9.255.255.255"), "w", "All Connections"),
            l(&e("10.0.0.0-10.255.255.255"), "w", "All Connections"),
            l(&e("11.0.0.0-255.255.255.255"), "w", "All Connections"),
        ];
        let b = vec![
            l(&e("10.0.0.0-10.9.255.255"), "w", "UDP 53"),
            l(&e("10.10.0.0-10.10.255.255"), "w", "UDP 53"),
            l(&e("10.11.0.0-10.255.255.255"), "w", "TCP 80"),
        ];
        let out = render(&diff(&a, &b, &w, &w), "txt");
        assert_eq!(
            out,
            "Connectivity diff:\n\
diff-type: changed, source: 10.0.0.0-10.10.255.255[External], destination: w, ref1: All Connections, ref2: UDP 53\n\
diff-type: changed, source: 10.11.0.0-10.255.255.255[External], destination: w, ref1: All Connections, ref2: TCP 80\n\
diff-type: removed, source: 0.0.0.0-9.255.255.255[External], destination: w, ref1: All Connections, ref2: No Connections\n\
diff-type: removed, source: 11.0.0.0-255.255.255.255[External], destination: w, ref1: All Connections, ref2: No Connections"
        );
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
