//! Reading manifest files for the `bulkhead netpol` commands: which files a set of paths names
//! (directories walked recursively, `.yaml`, `.yml`, `.json`), each read and handed to THE
//! project loader, [`bulkhead_k8s::loader::load`] (exact JSON-pointer -> line index, `List`
//! flattening, recovery after a syntax error: documents before the error are kept and parsing
//! resumes at the next `---`).
//!
//! Owns: the directory walk. Does not own any YAML parsing (the loader also gives items of
//! typed lists such as `PodList` their kind).

use bulkhead_diagnostics::{InputError, Range};
use bulkhead_k8s::loader::{self, Loaded};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One object of a manifest file: the loader's document and the path it was read from.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (shared by the objects of one file).
    pub path: Arc<str>,
    /// The object and its source positions.
    pub doc: loader::Document,
}

impl Document {
    /// The object.
    pub fn value(&self) -> &Value {
        &self.doc.value
    }

    /// Where a finding about a JSON pointer inside the object points (the nearest existing
    /// node when the pointer does not exist).
    pub fn locate(&self, pointer: &str) -> Option<Range> {
        self.doc.range_of(pointer)
    }
}

/// `path:line: message` (or `path: message` without a line), as the CLI prints input errors.
pub fn describe(e: &InputError) -> String {
    match e.range {
        Some(r) => format!("{}:{}: {}", e.path, r.start.line, e.message),
        None => format!("{}: {}", e.path, e.message),
    }
}

/// Files under `paths` (directories recursively, sorted), keeping only manifest extensions
/// inside directories; files named directly are always read.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out, &mut errs);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            errs.push(InputError::new(
                p.display().to_string(),
                None,
                "no such file or directory",
            ));
        }
    }
    (out, errs)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errs: &mut Vec<InputError>) {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errs.push(InputError::new(
                dir.display().to_string(),
                None,
                e.to_string(),
            ));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        // Links are not followed inside a walk (two `..` links would make it endless), and
        // only regular files are read (a FIFO would block).
        let Ok(meta) = std::fs::symlink_metadata(&e) else {
            continue;
        };
        if meta.is_dir() {
            walk(&e, out, errs);
        } else if meta.is_file()
            && matches!(
                e.extension().and_then(|x| x.to_str()),
                Some("yaml" | "yml" | "json")
            )
        {
            out.push(e);
        }
    }
}

/// Read and load every file under `paths`. Unreadable files and whatever the loader could not
/// load are returned as input errors; everything else still counts.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Document>, Vec<InputError>) {
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
            Err(e) => errs.push(InputError::new(path, None, e.to_string())),
        }
    }
    (docs, errs)
}

/// Load one file's text (a YAML stream, or JSON) with the project loader, then give items of
/// typed lists their kind back.
pub fn parse_text(path: &str, text: &str) -> (Vec<Document>, Vec<InputError>) {
    let Loaded { docs, errors } = loader::load(path, text);
    let path: Arc<str> = path.into();
    let docs = docs
        .into_iter()
        .map(|doc| Document {
            path: path.clone(),
            doc,
        })
        .collect();
    (docs, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_through_the_project_loader() {
        let t = "kind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {}\n  - ports:\n    - port: 80\n";
        let (docs, errs) = parse_text("a.yaml", t);
        assert!(errs.is_empty());
        let d = &docs[0];
        let line = |p: &str| d.locate(p).unwrap().start.line;
        assert_eq!(line("/spec/ingress/1"), 9);
        assert_eq!(line("/spec/ingress/0"), 7);
        assert_eq!(line("/spec/podSelector"), 5);
        assert_eq!(line("/spec/ingress/1/ports/0"), 10);
        // Columns are exact too.
        assert_eq!(d.locate("/spec/podSelector").unwrap().start.column, 3);
    }

    #[test]
    fn bad_document_keeps_others() {
        let t = "a: 1\n---\nb: [\n---\nc: 3\n";
        let (docs, errs) = parse_text("x.yaml", t);
        assert_eq!(docs.len(), 2);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].range.unwrap().start.line, 3);
        assert_eq!(docs[1].value()["c"], 3);
        assert_eq!(docs[1].locate("/c").unwrap().start.line, 5);
    }

    #[test]
    fn typed_list_items_get_their_kind() {
        let t = "# pods\napiVersion: v1\nitems:\n- metadata: {name: a}\n- kind: Service\n  metadata: {name: s}\nkind: PodList\n---\nkind: NamespaceList\nitems:\n- metadata: {name: n}\n";
        let (docs, errs) = parse_text("l.yaml", t);
        assert!(errs.is_empty(), "{errs:?}");
        let kinds: Vec<&str> = docs
            .iter()
            .map(|d| d.value()["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["Pod", "Service", "Namespace"]);
        assert_eq!(docs[2].locate("/metadata/name").unwrap().start.line, 11);

        let j = "{\"kind\": \"NamespaceList\", \"items\": [{\"metadata\": {\"name\": \"a\", \"ownerReferences\": [{\"kind\": \"X\"}]}}]}";
        let (docs, _) = parse_text("l.json", j);
        assert_eq!(docs[0].value()["kind"], "Namespace");

        // Items of a plain `List` carry their own kind; one without stays without.
        let (docs, _) = parse_text("p.yaml", "kind: List\nitems:\n- metadata: {name: a}\n");
        assert!(docs[0].value().get("kind").is_none());
    }
}
