//! A self-contained SVG (and an HTML page around it) of a connectivity list, for people who
//! would rather look than read: one column per namespace, external ranges on the left, one
//! arrow per allowed connection labelled with its ports. No Graphviz needed.

use crate::output::ConnLine;
use std::collections::BTreeMap;
use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const COL_W: i64 = 400;
const ROW_H: i64 = 64;
const BOX_W: i64 = 240;
const BOX_H: i64 = 34;
const TOP: i64 = 70;

/// Render the connectivity as an SVG image.
pub fn svg(lines: &[ConnLine]) -> String {
    // Columns: "External" first, then namespaces in order.
    let mut cols: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut ext: Vec<String> = Vec::new();
    for l in lines {
        for p in [&l.src, &l.dst] {
            if p.ends_with("[External]") {
                if !ext.contains(p) {
                    ext.push(p.clone());
                }
            } else {
                let ns = p.split('/').next().unwrap_or("").to_string();
                let v = cols.entry(ns).or_default();
                if !v.contains(p) {
                    v.push(p.clone());
                }
            }
        }
    }
    ext.sort();
    let mut columns: Vec<(String, Vec<String>)> = Vec::new();
    if !ext.is_empty() {
        columns.push(("external".into(), ext));
    }
    for (ns, mut v) in cols {
        v.sort();
        columns.push((ns, v));
    }
    let mut pos: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for (c, (_, peers)) in columns.iter().enumerate() {
        for (r, p) in peers.iter().enumerate() {
            pos.insert(p, (40 + c as i64 * COL_W, TOP + r as i64 * ROW_H));
        }
    }
    let rows = columns.iter().map(|c| c.1.len()).max().unwrap_or(0) as i64;
    let width = 80 + columns.len().max(1) as i64 * COL_W;
    let height = TOP + rows.max(1) * ROW_H + 40;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">"#
    );
    s.push_str(r##"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#b8860b"/></marker></defs>
"##);
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    for (c, (ns, peers)) in columns.iter().enumerate() {
        let x = 30 + c as i64 * COL_W;
        let h = peers.len() as i64 * ROW_H + 30;
        let colour = if ns == "external" {
            "#fdecea"
        } else {
            "#eef3fb"
        };
        let _ = writeln!(
            s,
            r##"<rect x="{x}" y="{}" width="{}" height="{h}" rx="10" fill="{colour}" stroke="#999"/>"##,
            TOP - 40,
            BOX_W + 20
        );
        let _ = writeln!(
            s,
            r##"<text x="{}" y="{}" font-weight="bold">{}</text>"##,
            x + 10,
            TOP - 20,
            esc(ns)
        );
    }
    // Labels are stacked next to their destination so that they do not overlap.
    let mut label_slots: BTreeMap<(i64, i64, bool), i64> = BTreeMap::new();
    for l in lines {
        let (Some(&(x1, y1)), Some(&(x2, y2))) = (pos.get(l.src.as_str()), pos.get(l.dst.as_str()))
        else {
            continue;
        };
        let (sx, sy, ex, ey) = if x1 < x2 {
            (x1 + BOX_W, y1 + BOX_H / 2, x2, y2 + BOX_H / 2)
        } else if x1 > x2 {
            (x1, y1 + BOX_H / 2, x2 + BOX_W, y2 + BOX_H / 2)
        } else {
            (x1 + BOX_W, y1 + BOX_H / 2, x2 + BOX_W, y2 + BOX_H / 2)
        };
        let span = (x1 - x2).abs() / COL_W;
        let (cx, cy) = if x1 == x2 {
            ((sx + ex) / 2 + 60 + (y2 - y1).abs() / 4, (sy + ey) / 2)
        } else if span > 1 {
            // Around the columns in between, below their boxes.
            ((sx + ex) / 2, height - 10)
        } else {
            ((sx + ex) / 2, (sy + ey) / 2)
        };
        let _ = writeln!(
            s,
            r##"<path d="M {sx} {sy} Q {cx} {cy} {ex} {ey}" fill="none" stroke="#daa520" stroke-width="1.5" marker-end="url(#arrow)"><title>{} =&gt; {} : {}</title></path>"##,
            esc(&l.src),
            esc(&l.dst),
            esc(&l.conn)
        );
        let left = ex < sx || (x1 == x2);
        let slot = label_slots.entry((ex, ey, left)).or_insert(0);
        let ly = ey - 6 - *slot * 12;
        *slot += 1;
        let (lx, anchor) = if left {
            (ex + 6, "start")
        } else {
            (ex - 6, "end")
        };
        let _ = writeln!(
            s,
            r##"<text x="{lx}" y="{ly}" text-anchor="{anchor}" fill="#006400" font-size="10">{}</text>"##,
            esc(&l.conn)
        );
    }
    for (p, &(x, y)) in &pos {
        let label = if p.ends_with("[External]") {
            p.trim_end_matches("[External]").to_string()
        } else {
            p.split_once('/').map(|x| x.1).unwrap_or(p).to_string()
        };
        let stroke = if p.ends_with("[External]") {
            "#c62828"
        } else {
            "#1f4e9c"
        };
        let _ = writeln!(
            s,
            r##"<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#ffffff" stroke="{stroke}" stroke-width="1.5"/><text x="{}" y="{}" fill="{stroke}">{}</text>"##,
            x + 8,
            y + 21,
            esc(&label)
        );
    }
    s.push_str("</svg>\n");
    s
}

/// An HTML page with the picture and the list as a table.
pub fn html(lines: &[ConnLine], title: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title>\n<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}</style></head><body>",
        esc(title)
    );
    let _ = writeln!(s, "<h1>{}</h1>", esc(title));
    s.push_str(&svg(lines));
    s.push_str("<table><tr><th>src</th><th>dst</th><th>conn</th></tr>\n");
    for l in lines {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&l.src),
            esc(&l.dst),
            esc(&l.conn)
        );
    }
    s.push_str("</table></body></html>\n");
    s
}
