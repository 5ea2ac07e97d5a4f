//! The editing toolkit of the fixes: text edits that keep comments and layout. Each rule's fix
//! (securityContext fields at pod and container level, `emptyDir` volumes for `/tmp` with a
//! read-only root filesystem, drop ALL, `automountServiceAccountToken: false`...) is in the
//! rule's own file and builds its edits with the [`Editor`] here.
//!
//! Every edit is an insertion of new lines after the last entry of an existing block mapping
//! or sequence (indented like its siblings), an insertion before the closing bracket of a
//! flow collection, or the replacement of one scalar. Nothing is reformatted, so comments and
//! layout survive. Values that come from an anchor (`<<: *defaults`, `*alias`) are never
//! edited: the fix would change every user of the anchor. When several fixes touch the same
//! spot, `apply_fixes` defers the later ones and the binary's fix loop picks them up on the
//! next pass.

use crate::engine::Ctx;
use crate::loader::{Children, Document, Node, Style, pointer_segments};
use crate::workload::PodSpec;
use bulkhead_diagnostics::{Applicability, Edit, Fix};
use serde_json::Value;

/// The UID/GID the fixes write (above 10000, outside host ranges).
pub const FIX_UID: &str = "10001";

/// A YAML value to write.
#[derive(Debug, Clone)]
pub(crate) enum Frag {
    S(String),
    M(Vec<(String, Frag)>),
    L(Vec<Frag>),
}

/// A scalar to write.
pub(crate) fn s(v: &str) -> Frag {
    Frag::S(v.to_string())
}

/// A mapping to write.
pub(crate) fn m(entries: &[(&str, Frag)]) -> Frag {
    Frag::M(
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

/// Collects the edits of one fix.
pub(crate) struct Editor<'a> {
    text: &'a str,
    doc: &'a Document,
    nl: &'static str,
    /// The file is JSON: flow insertions quote keys and strings.
    json: bool,
    edits: Vec<Edit>,
}

impl<'a> Editor<'a> {
    pub(crate) fn new(ctx: &Ctx<'a>) -> Self {
        Editor {
            text: ctx.text,
            doc: ctx.doc,
            nl: ctx.nl,
            json: ctx.json,
            edits: Vec::new(),
        }
    }

    pub(crate) fn finish(mut self, message: &str, app: Applicability) -> Option<Fix> {
        if self.edits.is_empty() {
            return None;
        }
        // Insertions at the same point become one edit, the most indented first: content
        // closing an inner block (a sequence item) must precede an outer one (a new key).
        let indent = |c: &str| {
            let c = c.trim_start_matches(['\r', '\n']);
            let body = c.trim_start_matches(' ');
            (usize::MAX - (c.len() - body.len()), !body.starts_with("- "))
        };
        self.edits
            .sort_by_key(|e| (e.start, e.end, indent(&e.content)));
        let mut merged: Vec<Edit> = Vec::new();
        for e in self.edits {
            match merged.last_mut() {
                Some(last)
                    if last.start == last.end && e.start == e.end && last.start == e.start =>
                {
                    last.content.push_str(&e.content);
                }
                _ => merged.push(e),
            }
        }
        Some(Fix {
            message: message.to_string(),
            applicability: app,
            edits: merged,
        })
    }

    /// Byte offset where a new line after `node` goes.
    fn line_after(&self, node: &Node) -> (usize, bool) {
        let e = node.end.byte as usize;
        let b = self.text.as_bytes();
        if e > 0 && b[e - 1] == b'\n' {
            return (e, false);
        }
        match self.text[e..].find('\n') {
            Some(i) => (e + i + 1, false),
            None => (self.text.len(), true),
        }
    }

    fn indent_of_line_at(&self, byte: usize) -> (usize, usize) {
        let line_start = self.text[..byte].rfind('\n').map(|i| i + 1).unwrap_or(0);
        (line_start, byte - line_start)
    }

    fn render_entry(&self, key: &str, v: &Frag, indent: usize, out: &mut String) {
        out.extend(std::iter::repeat_n(' ', indent));
        out.push_str(key);
        out.push(':');
        match v {
            Frag::S(x) => {
                out.push(' ');
                out.push_str(x);
                out.push_str(self.nl);
            }
            Frag::M(entries) => {
                out.push_str(self.nl);
                for (k, v) in entries {
                    self.render_entry(k, v, indent + 2, out);
                }
            }
            Frag::L(items) => {
                out.push_str(self.nl);
                for it in items {
                    self.render_item(it, indent + 2, out);
                }
            }
        }
    }

    fn render_item(&self, v: &Frag, indent: usize, out: &mut String) {
        let pad = " ".repeat(indent);
        match v {
            Frag::M(entries) if !entries.is_empty() => {
                let mut inner = String::new();
                for (k, v) in entries {
                    self.render_entry(k, v, indent + 2, &mut inner);
                }
                out.push_str(&pad);
                out.push_str("- ");
                out.push_str(&inner[indent + 2..]);
            }
            other => {
                out.push_str(&format!("{pad}- {}{}", self.flow(other), self.nl));
            }
        }
    }

    fn key(&self, k: &str) -> String {
        if self.json {
            format!("\"{k}\"")
        } else {
            k.to_string()
        }
    }

    fn flow(&self, v: &Frag) -> String {
        match v {
            Frag::S(x) => {
                let literal = matches!(x.as_str(), "true" | "false" | "null" | "{}" | "[]")
                    || x.parse::<f64>().is_ok();
                if self.json && !literal {
                    format!("\"{x}\"")
                } else {
                    x.clone()
                }
            }
            Frag::M(entries) => {
                let inner: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| format!("{}: {}", self.key(k), self.flow(v)))
                    .collect();
                format!("{{{}}}", inner.join(", "))
            }
            Frag::L(items) => {
                let inner: Vec<String> = items.iter().map(|i| self.flow(i)).collect();
                format!("[{}]", inner.join(", "))
            }
        }
    }

    /// Insert `entries` into the existing mapping `map`.
    fn insert_entries(&mut self, map: &Node, entries: &[(String, Frag)]) -> Option<()> {
        match (&map.style, &map.children) {
            (Style::BlockMap, Children::Map(children)) if !children.is_empty() => {
                let first_key = children[0].1.key?.0;
                let (_, indent) = self.indent_of_line_at(first_key.byte as usize);
                // The first key of a sequence item sits after `- `: indent is its column.
                let indent = (first_key.col as usize - 1).max(indent);
                let (at, eof) = self.line_after(map);
                let mut content = String::new();
                if eof {
                    content.push_str(self.nl);
                }
                for (k, v) in entries {
                    self.render_entry(k, v, indent, &mut content);
                }
                self.edits.push(Edit::insert(at, content));
                Some(())
            }
            (Style::FlowMap, Children::Map(children)) => {
                let close = map.end.byte as usize - 1;
                if self.text.as_bytes().get(close) != Some(&b'}') {
                    return None;
                }
                // After the last entry (so `}` keeps its line), else before `}`.
                let at = children
                    .last()
                    .map(|(_, n)| n.end.byte as usize)
                    .filter(|&e| e <= close)
                    .unwrap_or(close);
                let mut content = String::new();
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 || !children.is_empty() {
                        content.push_str(", ");
                    }
                    content.push_str(&format!("{}: {}", self.key(k), self.flow(v)));
                }
                self.edits.push(Edit::insert(at, content));
                Some(())
            }
            _ => None,
        }
    }

    /// Append `item` to the existing sequence `seq`.
    fn append_item(&mut self, seq: &Node, item: &Frag) -> Option<()> {
        match (&seq.style, &seq.children) {
            (Style::BlockSeq, Children::Seq(items)) if !items.is_empty() => {
                let first = items[0].start.byte as usize;
                let (line_start, _) = self.indent_of_line_at(first);
                let dash = self.text[line_start..first].rfind('-')? + line_start;
                let indent = dash - line_start;
                let (at, eof) = self.line_after(seq);
                let mut content = String::new();
                if eof {
                    content.push_str(self.nl);
                }
                self.render_item(item, indent, &mut content);
                self.edits.push(Edit::insert(at, content));
                Some(())
            }
            (Style::FlowSeq, Children::Seq(items)) => {
                let close = seq.end.byte as usize - 1;
                if self.text.as_bytes().get(close) != Some(&b']') {
                    return None;
                }
                let sep = if items.is_empty() { "" } else { ", " };
                let at = items
                    .last()
                    .map(|n| n.end.byte as usize)
                    .filter(|&e| e <= close)
                    .unwrap_or(close);
                self.edits
                    .push(Edit::insert(at, format!("{sep}{}", self.flow(item))));
                Some(())
            }
            _ => None,
        }
    }

    /// Replace a scalar's text.
    pub(crate) fn replace_scalar(&mut self, node: &Node, value: &str) -> Option<()> {
        if !matches!(node.style, Style::Scalar { block: false, .. }) {
            return None;
        }
        self.edits.push(Edit::replace(
            node.start.byte as usize,
            node.end.byte as usize,
            value,
        ));
        Some(())
    }

    /// Make the mapping at `map_ptr` hold `key: value` for each entry: missing keys are added
    /// (creating the mapping and its missing parents as needed), existing scalars replaced.
    pub(crate) fn ensure(&mut self, map_ptr: &str, entries: &[(&str, Frag)]) -> Option<()> {
        let doc = self.doc;
        // Deepest existing node along the path.
        let segs: Vec<String> = pointer_segments(map_ptr).map(|c| c.into_owned()).collect();
        let mut node = doc.root();
        let mut depth = 0;
        for seg in &segs {
            match node.child(seg) {
                Some(c) => {
                    node = c;
                    depth += 1;
                }
                None => break,
            }
        }
        if node.style == Style::Alias {
            return None;
        }
        if depth == segs.len() {
            // The mapping exists: replace differing scalars, add missing keys.
            let mut missing = Vec::new();
            for (k, v) in entries {
                match node.child(k) {
                    Some(existing) => match v {
                        Frag::S(val) => {
                            if node_text(self.text, existing) != val.as_str() {
                                self.replace_scalar(existing, val)?;
                            }
                        }
                        Frag::M(sub) => {
                            let sub: Vec<(&str, Frag)> =
                                sub.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                            self.ensure(&format!("{map_ptr}/{k}"), &sub)?;
                        }
                        Frag::L(items) => {
                            for it in items {
                                if let Frag::S(x) = it
                                    && let Children::Seq(have) = &existing.children
                                    && have.iter().any(|h| node_text(self.text, h) == x.as_str())
                                {
                                    continue;
                                }
                                self.append_item(existing, it)?;
                            }
                        }
                    },
                    None => missing.push((k.to_string(), v.clone())),
                }
            }
            if !missing.is_empty() {
                self.insert_entries(node, &missing)?;
            }
            return Some(());
        }
        // Build the missing part as nested mappings, inserted into the deepest existing one.
        if segs[depth..].iter().any(|s| s.parse::<usize>().is_ok()) {
            return None;
        }
        let mut frag = Frag::M(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        );
        for seg in segs[depth + 1..].iter().rev() {
            frag = Frag::M(vec![(seg.clone(), frag)]);
        }
        self.insert_entries(node, &[(segs[depth].clone(), frag)])
    }

    /// Append `item` to the sequence at `seq_ptr`, creating it (under an existing mapping)
    /// when missing.
    pub(crate) fn ensure_item(&mut self, seq_ptr: &str, item: Frag) -> Option<()> {
        match self.doc.node(seq_ptr) {
            Some(n) if n.style == Style::Alias => None,
            Some(n) => self.append_item(n, &item),
            None => {
                let (parent, key) = seq_ptr.rsplit_once('/')?;
                self.ensure(parent, &[(key, Frag::L(vec![item]))])
            }
        }
    }
}

/// A scalar's source text, without its quotes.
fn node_text<'t>(text: &'t str, n: &Node) -> &'t str {
    let t = text
        .get(n.start.byte as usize..n.end.byte as usize)
        .unwrap_or("");
    t.trim_matches(|c| c == '"' || c == '\'')
}

/// The seed's pod-level securityContext entries that are missing or wrong in `spec`, given
/// what the containers already set.
pub(crate) fn seed_pod_entries(ps: &PodSpec<'_>) -> Vec<(&'static str, Frag)> {
    let sc = crate::workload::pod_sc(ps.spec);
    let get = |k: &str| sc.and_then(|s| s.get(k)).filter(|v| !v.is_null());
    let mut e = Vec::new();
    if get("runAsNonRoot").and_then(Value::as_bool) != Some(true) {
        e.push(("runAsNonRoot", s("true")));
    }
    if get("runAsUser").is_none() {
        e.push(("runAsUser", s(FIX_UID)));
    }
    if get("runAsGroup").is_none() {
        e.push(("runAsGroup", s(FIX_UID)));
    }
    if get("fsGroup").is_none() {
        e.push(("fsGroup", s(FIX_UID)));
    }
    if get("seccompProfile").is_none() {
        e.push(("seccompProfile", m(&[("type", s("RuntimeDefault"))])));
    }
    e
}
