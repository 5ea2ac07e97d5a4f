//! Reading manifest files: YAML (multi-document) and JSON files, directories walked
//! recursively (`.yaml`, `.yml`, `.json`), each document to a `serde_json::Value` with the line
//! it starts on. A document that does not parse is reported and the others still count.
//!
//! Line numbers inside a document come from a small indentation-based locator
//! ([`locate_pointer`]) that follows block-style YAML; flow-style parts resolve to the nearest
//! enclosing key.

use bulkhead_diagnostics::{Position, Range};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One parsed document.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: String,
    pub value: Value,
    /// Shared source text of the file.
    pub text: std::sync::Arc<str>,
    /// 1-based line where the document's content starts.
    pub start_line: u32,
    /// 1-based line after its last line.
    pub end_line: u32,
}

impl Document {
    /// Range of a JSON pointer in this document (best effort; falls back to the start line).
    pub fn locate(&self, pointer: &str) -> Option<Range> {
        let line = locate_pointer(&self.text, self.start_line, self.end_line, pointer)
            .unwrap_or(self.start_line);
        Some(Range::new(Position::new(line, 1), Position::new(line, 1)))
    }
}

/// A file that could not be read or a document that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct LoadError {
    pub path: String,
    pub line: Option<u32>,
    pub message: String,
}

/// Files under `paths` (directories recursively, sorted), keeping only manifest extensions
/// inside directories; files named directly are always read.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out, &mut errs);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            errs.push(LoadError {
                path: p.display().to_string(),
                line: None,
                message: "no such file or directory".into(),
            });
        }
    }
    (out, errs)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errs: &mut Vec<LoadError>) {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errs.push(LoadError {
                path: dir.display().to_string(),
                line: None,
                message: e.to_string(),
            });
            return;
        }
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            walk(&e, out, errs);
        } else if matches!(
            e.extension().and_then(|x| x.to_str()),
            Some("yaml" | "yml" | "json")
        ) {
            out.push(e);
        }
    }
}

/// Read and parse every file under `paths`.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Document>, Vec<LoadError>) {
    let (files, mut errs) = collect_files(paths);
    let mut docs = Vec::new();
    for f in files {
        let path = f.display().to_string();
        match std::fs::read(&f) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let (d, e) = parse_text(&path, &text);
                docs.extend(d);
                errs.extend(e);
            }
            Err(e) => errs.push(LoadError {
                path,
                line: None,
                message: e.to_string(),
            }),
        }
    }
    (docs, errs)
}

/// Parse one file's text (YAML stream or JSON).
pub fn parse_text(path: &str, text: &str) -> (Vec<Document>, Vec<LoadError>) {
    let shared: std::sync::Arc<str> = text.into();
    let mut docs = Vec::new();
    let mut errs = Vec::new();
    let trimmed = text.trim_start();
    if path.ends_with(".json") || trimmed.starts_with('{') {
        match serde_json::from_str::<Value>(text) {
            Ok(v) => {
                docs.push(Document {
                    path: path.to_string(),
                    value: v,
                    text: shared,
                    start_line: 1,
                    end_line: text.lines().count() as u32 + 1,
                });
                return (docs, errs);
            }
            Err(e) if path.ends_with(".json") => {
                errs.push(LoadError {
                    path: path.to_string(),
                    line: Some(e.line() as u32),
                    message: e.to_string(),
                });
                return (docs, errs);
            }
            Err(_) => {}
        }
    }
    // Split the stream at `---` lines so that one bad document does not hide the others.
    let mut chunks: Vec<(u32, String)> = Vec::new();
    let mut cur = String::new();
    let mut start = 1u32;
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("---") {
            chunks.push((start, std::mem::take(&mut cur)));
            start = i as u32 + 2;
            let rest = rest.trim_start();
            if !rest.is_empty() && !rest.starts_with('#') {
                cur.push_str(rest);
                cur.push('\n');
                start -= 1;
            }
            continue;
        }
        if line.starts_with("...") {
            continue;
        }
        cur.push_str(line);
        cur.push('\n');
    }
    chunks.push((start, cur));
    for (start, chunk) in chunks {
        if chunk.trim().is_empty()
            || chunk
                .lines()
                .all(|l| l.trim_start().starts_with('#') || l.trim().is_empty())
        {
            continue;
        }
        let end = start + chunk.lines().count() as u32;
        match serde_saphyr::from_str::<Value>(&chunk) {
            Ok(Value::Null) => {}
            Ok(v) => docs.push(Document {
                path: path.to_string(),
                value: v,
                text: shared.clone(),
                start_line: start,
                end_line: end,
            }),
            Err(e) => errs.push(LoadError {
                path: path.to_string(),
                line: Some(start),
                message: format!("YAML: {}", e.to_string().lines().next().unwrap_or("")),
            }),
        }
    }
    (docs, errs)
}

/// Find the line of a JSON pointer in block-style YAML between `start` and `end` lines.
pub fn locate_pointer(text: &str, start: u32, end: u32, pointer: &str) -> Option<u32> {
    let lines: Vec<&str> = text
        .lines()
        .skip(start.saturating_sub(1) as usize)
        .take(end.saturating_sub(start) as usize)
        .collect();
    let mut lo = 0usize;
    let mut hi = lines.len();
    let mut min_indent: Option<usize> = None; // children must be indented more than this
    let mut found = 0usize;
    for seg in pointer.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        let mut hit = None;
        if let Ok(idx) = seg.parse::<usize>() {
            // The idx-th sequence item `- ` at the first item indentation.
            let mut item_indent = None;
            let mut count = 0usize;
            for (i, l) in lines.iter().enumerate().take(hi).skip(lo) {
                let t = l.trim_start();
                let ind = l.len() - t.len();
                if t.is_empty() || t.starts_with('#') {
                    continue;
                }
                let item = t.starts_with("- ") || t == "-";
                // Items of a block sequence may sit at their key's own indentation.
                if min_indent.is_some_and(|m| ind + 1 < m || (ind + 1 == m && !item)) {
                    break;
                }
                if item {
                    let ii = *item_indent.get_or_insert(ind);
                    if ind == ii {
                        if count == idx {
                            hit = Some((i, ind + 2));
                            break;
                        }
                        count += 1;
                    }
                }
            }
        } else {
            let mut key_indent = None;
            for (i, l) in lines.iter().enumerate().take(hi).skip(lo) {
                let mut t = l.trim_start();
                let mut ind = l.len() - t.len();
                if t.is_empty() || t.starts_with('#') {
                    continue;
                }
                if min_indent.is_some_and(|m| ind < m) && i > lo {
                    break;
                }
                while let Some(r) = t.strip_prefix("- ") {
                    ind += 2 + (r.len() - r.trim_start().len());
                    t = r.trim_start();
                }
                let ki = *key_indent.get_or_insert(ind);
                if ind != ki {
                    continue;
                }
                let key = t
                    .split(':')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches(['"', '\'']);
                if key == seg && t.contains(':') {
                    hit = Some((i, ind + 1));
                    break;
                }
            }
        }
        match hit {
            Some((i, ind)) => {
                found = i;
                lo = if seg.parse::<usize>().is_ok() {
                    i
                } else {
                    i + 1
                };
                min_indent = Some(ind);
                let _ = &mut hi;
            }
            None => return Some(start + found as u32),
        }
    }
    Some(start + found as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates() {
        let t = "kind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {}\n  - ports:\n    - port: 80\n";
        let (docs, errs) = parse_text("a.yaml", t);
        assert!(errs.is_empty());
        let d = &docs[0];
        assert_eq!(d.locate("/spec/ingress/1").unwrap().start.line, 9);
        assert_eq!(d.locate("/spec/ingress/0").unwrap().start.line, 7);
        assert_eq!(d.locate("/spec/podSelector").unwrap().start.line, 5);
        assert_eq!(d.locate("/spec/ingress/1/ports/0").unwrap().start.line, 10);
    }

    #[test]
    fn bad_document_keeps_others() {
        let t = "a: 1\n---\nb: [\n---\nc: 3\n";
        let (docs, errs) = parse_text("x.yaml", t);
        assert_eq!(docs.len(), 2);
        assert_eq!(errs.len(), 1);
        assert_eq!(docs[1].start_line, 5);
    }
}
