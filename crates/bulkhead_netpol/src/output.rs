//! Rendering of connectivity lists (and exposure results) in netpol-analyzer's formats:
//! `txt`, `json`, `csv`, `md`, `dot`. Pure string building; the binary prints.

use crate::exposure::{ExposureLine, ExposureReport};
use std::collections::BTreeMap;
use std::fmt::Write;

/// One line of a connectivity list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct ConnLine {
    pub src: String,
    pub dst: String,
    pub conn: String,
}

/// Output formats of `netpol list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Json,
    Csv,
    Md,
    Dot,
}

impl Format {
    /// Parse a format name.
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "txt" => Format::Txt,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "md" => Format::Md,
            "dot" => Format::Dot,
            _ => return None,
        })
    }
}

/// Render a list (sorted by src then dst) with optional exposure results.
pub fn render(lines: &[ConnLine], exposure: Option<&ExposureReport>, fmt: Format) -> String {
    match fmt {
        Format::Txt => txt(lines, exposure),
        Format::Json => json(lines, exposure),
        Format::Csv => csv(lines, exposure),
        Format::Md => md(lines, exposure),
        Format::Dot => dot(lines, exposure),
    }
}

fn txt(lines: &[ConnLine], exposure: Option<&ExposureReport>) -> String {
    let mut out: Vec<String> = lines
        .iter()
        .map(|l| format!("{} => {} : {}", l.src, l.dst, l.conn))
        .collect();
    let mut s = out.join("\n");
    if let Some(e) = exposure {
        out.clear();
        let w = e
            .egress
            .iter()
            .chain(e.ingress.iter())
            .map(|l| l.peer.len())
            .max()
            .unwrap_or(0);
        s.push_str("\n\nExposure Analysis Result:");
        if !e.egress.is_empty() {
            s.push_str("\nEgress Exposure:\n");
            let v: Vec<String> = e
                .egress
                .iter()
                .map(|l| format!("{:<w$} \t=> \t{} : {}", l.peer, l.other, l.conn))
                .collect();
            s.push_str(&v.join("\n"));
            s.push('\n');
        }
        if !e.ingress.is_empty() {
            s.push_str("\nIngress Exposure:\n");
            let v: Vec<String> = e
                .ingress
                .iter()
                .map(|l| format!("{:<w$} \t<= \t{} : {}", l.peer, l.other, l.conn))
                .collect();
            s.push_str(&v.join("\n"));
            s.push('\n');
        }
        if !e.unprotected.is_empty() {
            s.push_str("\nWorkloads not protected by network policies:\n");
            s.push_str(&e.unprotected.join("\n"));
            s.push('\n');
        }
    }
    s
}

fn json_rows(v: &[(String, String, String)]) -> serde_json::Value {
    if v.is_empty() {
        return serde_json::Value::Null;
    }
    serde_json::Value::Array(
        v.iter()
            .map(|(s, d, c)| serde_json::json!({"src": s, "dst": d, "conn": c}))
            .collect(),
    )
}

fn triples(lines: &[ConnLine]) -> Vec<(String, String, String)> {
    lines
        .iter()
        .map(|l| (l.src.clone(), l.dst.clone(), l.conn.clone()))
        .collect()
}

fn exp_triples(v: &[ExposureLine], ingress: bool) -> Vec<(String, String, String)> {
    v.iter()
        .map(|l| {
            if ingress {
                (l.other.clone(), l.peer.clone(), l.conn.clone())
            } else {
                (l.peer.clone(), l.other.clone(), l.conn.clone())
            }
        })
        .collect()
}

fn json(lines: &[ConnLine], exposure: Option<&ExposureReport>) -> String {
    if lines.is_empty() && exposure.is_none() {
        return "[]".into();
    }
    let v = match exposure {
        None => json_rows(&triples(lines)),
        Some(e) => serde_json::json!({
            "connlist_results": if lines.is_empty() { serde_json::json!([]) } else { json_rows(&triples(lines)) },
            "exposure_results": {
                "egress_exposure": json_rows(&exp_triples(&e.egress, false)),
                "ingress_exposure": json_rows(&exp_triples(&e.ingress, true)),
            }
        }),
    };
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(lines: &[ConnLine], exposure: Option<&ExposureReport>) -> String {
    let mut s = String::from("src,dst,conn\n");
    for l in lines {
        let _ = writeln!(
            s,
            "{},{},{}",
            csv_field(&l.src),
            csv_field(&l.dst),
            csv_field(&l.conn)
        );
    }
    if let Some(e) = exposure {
        s.push_str("Exposure Analysis Result:,,\n");
        if !e.egress.is_empty() {
            s.push_str("Egress Exposure:,,\nsrc,dst,conn\n");
            for l in &e.egress {
                let _ = writeln!(
                    s,
                    "{},{},{}",
                    csv_field(&l.peer),
                    csv_field(&l.other),
                    csv_field(&l.conn)
                );
            }
        }
        if !e.ingress.is_empty() {
            s.push_str("Ingress Exposure:,,\ndst,src,conn\n");
            for l in &e.ingress {
                let _ = writeln!(
                    s,
                    "{},{},{}",
                    csv_field(&l.peer),
                    csv_field(&l.other),
                    csv_field(&l.conn)
                );
            }
        }
    }
    s
}

fn md(lines: &[ConnLine], exposure: Option<&ExposureReport>) -> String {
    let mut rows = vec![
        "| src | dst | conn |".to_string(),
        "|-----|-----|------|".to_string(),
    ];
    for l in lines {
        rows.push(format!("| {} | {} | {} |", l.src, l.dst, l.conn));
    }
    let mut s = rows.join("\n");
    if let Some(e) = exposure {
        s.push_str("\n## Exposure Analysis Result:");
        if !e.egress.is_empty() {
            s.push_str("\n### Egress Exposure:\n| src | dst | conn |\n|-----|-----|------|\n");
            let v: Vec<String> = e
                .egress
                .iter()
                .map(|l| format!("| {} | {} | {} |", l.peer, l.other, l.conn))
                .collect();
            s.push_str(&v.join("\n"));
            s.push('\n');
        }
        if !e.ingress.is_empty() {
            s.push_str("\n### Ingress Exposure:\n| dst | src | conn |\n|-----|-----|------|\n");
            let v: Vec<String> = e
                .ingress
                .iter()
                .map(|l| format!("| {} | {} | {} |", l.peer, l.other, l.conn))
                .collect();
            s.push_str(&v.join("\n"));
            s.push('\n');
        }
    }
    s
}

fn is_external(name: &str) -> bool {
    name.ends_with("[External]")
}

fn dot_label(name: &str) -> String {
    // `ns/name[Kind]` -> `name[Kind]`
    name.split_once('/')
        .map(|x| x.1.to_string())
        .unwrap_or_else(|| name.to_string())
}

fn dot_peer_line(id: &str, label: &str, color: &str, extra: &str) -> String {
    format!("\t{id:?} [label={label:?} color={color:?} fontcolor={color:?}{extra}]")
}

fn ns_groups(groups: &BTreeMap<String, Vec<String>>, color: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (ns, peers) in groups {
        let mut peers = peers.clone();
        peers.sort();
        out.push(format!(
            "\tsubgraph \"cluster_{}[namespace]\" {{",
            ns.replace('-', "_")
        ));
        out.push(format!("\t\tcolor=\"{color}\""));
        out.push(format!("\t\tfontcolor=\"{color}\""));
        for p in peers {
            out.push(format!("\t{p}"));
        }
        out.push(format!("\t\tlabel=\"{ns}[namespace]\""));
        out.push("\t}".to_string());
    }
    out
}

fn edge(src: &str, dst: &str, conn: &str, color: &str, weight: &str, extra: &str) -> String {
    format!(
        "\t{src:?} -> {dst:?} [label={conn:?} color={color:?} fontcolor=\"darkgreen\" weight={weight}{extra}]"
    )
}

fn dot(lines: &[ConnLine], exposure: Option<&ExposureReport>) -> String {
    let mut ns_peers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut rep_peers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut external: Vec<String> = Vec::new();
    let mut edges: Vec<String> = Vec::new();
    let mut visited = std::collections::BTreeSet::new();
    let mut add_peer = |name: &str,
                        ns_peers: &mut BTreeMap<String, Vec<String>>,
                        external: &mut Vec<String>| {
        if !visited.insert(name.to_string()) {
            return;
        }
        if is_external(name) {
            external.push(dot_peer_line(name, name, "red2", ""));
        } else {
            let ns = name.split('/').next().unwrap_or("").to_string();
            ns_peers
                .entry(ns)
                .or_default()
                .push(dot_peer_line(name, &dot_label(name), "blue", ""));
        }
    };
    for l in lines {
        // Edges toward an external range weigh 1, others 0.5 unless the reverse exists.
        edges.push(edge(&l.src, &l.dst, &l.conn, "gold2", &dot_weight(l), ""));
        add_peer(&l.src, &mut ns_peers, &mut external);
        add_peer(&l.dst, &mut ns_peers, &mut external);
    }
    if let Some(e) = exposure {
        for p in &e.peers {
            add_peer(p, &mut ns_peers, &mut external);
        }
        let mut rep_visited = std::collections::BTreeSet::new();
        let mut entire = false;
        for (ingress, list) in [(true, &e.ingress_graph), (false, &e.egress_graph)] {
            for g in list {
                let node = match &g.rep {
                    None => {
                        entire = true;
                        "entire-cluster".to_string()
                    }
                    Some((ns_label, pod_label)) => {
                        let id = format!("{pod_label}_in_{ns_label}");
                        if rep_visited.insert(id.clone()) {
                            let line = dot_peer_line(&id, pod_label, "red2", "");
                            rep_peers.entry(ns_label.clone()).or_default().push(line);
                        }
                        id
                    }
                };
                edges.push(if ingress {
                    edge(&node, &g.peer, &g.conn, "darkorange2", "1", " style=dashed")
                } else {
                    edge(
                        &g.peer,
                        &node,
                        &g.conn,
                        "darkorange4",
                        "0.5",
                        " style=dashed",
                    )
                });
            }
        }
        if entire {
            external.push(dot_peer_line(
                "entire-cluster",
                "entire-cluster",
                "red2",
                " shape=diamond",
            ));
        }
    }
    edges.sort();
    external.sort();
    let mut out = vec!["digraph {".to_string()];
    out.extend(ns_groups(&ns_peers, "black"));
    out.extend(ns_groups(&rep_peers, "red2"));
    out.extend(external);
    out.extend(edges);
    out.push("}".to_string());
    out.join("\n")
}

/// netpol-analyzer's layout weight: 0.5 when the source sorts before the destination.
fn dot_weight(l: &ConnLine) -> String {
    if l.src < l.dst {
        "0.5".into()
    } else {
        "1".into()
    }
}
