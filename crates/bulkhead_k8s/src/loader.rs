//! The manifest loader: multi-document YAML (and JSON, which is YAML flow syntax) into
//! `serde_json::Value` objects, with an index from JSON pointer to line and column.
//!
//! Owns: the YAML event walk (saphyr-parser), scalar resolution as Kubernetes does it (YAML 1.1
//! booleans and octals of go-yaml v2, which `sigs.k8s.io/yaml` uses), anchors, aliases and
//! `<<` merge keys, duplicate-key reports, `kind: List` / `*List` flattening, and recovery after
//! a syntax error (documents before the error are kept; parsing resumes at the next `---`).
//! Does not own: what the objects mean (see [`crate::workload`]) nor any rule.
//!
//! Positions come straight from parser markers (never from re-scanning the text for a key), so
//! a finding about `/spec/template/spec/containers/0/securityContext` points at that key's
//! line even when the same key appears elsewhere in the file.

use bulkhead_diagnostics::{InputError, K8sObject, Position, Range};
use granit_parser::{
    Event, Options, Parser, ScalarStyle, ScanError, Span, StrInput, StructureStyle,
};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// Deepest nesting accepted (deeper input is reported, never a stack overflow).
pub(crate) const MAX_DEPTH: usize = 256;
/// Most nodes one document may copy through aliases (billion-laughs guard). Nodes written out
/// in the text are not counted: their number is bounded by the file's size, so a big honest
/// file (100,000 documents, a `List` of 40,000 Pods) is loaded whole.
const MAX_ALIAS_NODES_PER_DOC: usize = 1_000_000;
/// Most nodes all documents of one file may copy through aliases together: past it the rest of
/// the file is not loaded (a file of many small bombs is still one bomb).
const MAX_ALIAS_NODES_PER_FILE: usize = 8_000_000;

/// A point in the source: 1-based line and column (characters), and byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
    pub byte: u32,
}

impl Loc {
    /// As a diagnostics position.
    pub fn position(self) -> Position {
        Position::new(self.line, self.col)
    }
}

/// How a node is written, which matters for text fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    BlockMap,
    FlowMap,
    BlockSeq,
    FlowSeq,
    /// A scalar: `plain` when neither quoted nor a block scalar; `block` for `|` and `>`
    /// (whose span ends at the end of their last non-blank line).
    Scalar {
        plain: bool,
        block: bool,
    },
    /// A node copied from an anchor through an alias (`*name`): editing it means editing the
    /// anchor, so fixes leave it alone.
    Alias,
}

/// The children of a [`Node`], parallel to the JSON value.
#[derive(Debug, Clone)]
pub enum Children {
    None,
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>),
}

/// Source positions of one value: the key it sits under (in a mapping), its own span, its
/// style, and its children.
#[derive(Debug, Clone)]
pub struct Node {
    /// Span of the key, for mapping entries.
    pub key: Option<(Loc, Loc)>,
    pub start: Loc,
    /// End of the node's content (for block collections, the end of its last child).
    pub end: Loc,
    pub style: Style,
    pub children: Children,
}

impl Node {
    /// The child under a pointer segment (a key, or a sequence index).
    pub fn child(&self, seg: &str) -> Option<&Node> {
        match &self.children {
            Children::Map(entries) => entries.iter().find(|(k, _)| k == seg).map(|(_, n)| n),
            Children::Seq(items) => items.get(seg.parse::<usize>().ok()?),
            Children::None => None,
        }
    }

    /// The range of the value alone.
    pub fn value_range(&self) -> Range {
        Range::new(self.start.position(), self.end.position())
    }

    /// The range a finding about this node points at: the key for mapping entries (with the
    /// value when it is a scalar on the same line), the value otherwise; never more than one
    /// line for collections.
    pub fn finding_range(&self) -> Range {
        let scalar = matches!(self.style, Style::Scalar { .. });
        match self.key {
            Some((ks, ke)) => {
                if scalar && self.end.line == ks.line {
                    Range::new(ks.position(), self.end.position())
                } else {
                    Range::new(ks.position(), ke.position())
                }
            }
            None => {
                if scalar && self.end.line == self.start.line {
                    self.value_range()
                } else {
                    match &self.children {
                        Children::Map(e) if !e.is_empty() => {
                            let first = &e[0].1;
                            let end = match first.key {
                                Some((_, ke)) if first.end.line != self.start.line => ke,
                                _ => first.end,
                            };
                            Range::new(self.start.position(), end.position())
                        }
                        _ => Range::new(
                            self.start.position(),
                            Position::new(self.start.line, self.start.col + 1),
                        ),
                    }
                }
            }
        }
    }
}

/// One Kubernetes object (one YAML document, or one item of a `List`).
#[derive(Debug, Clone)]
pub struct Document {
    /// The object after anchors, aliases and merge keys are resolved.
    pub value: Value,
    /// 0-based index of the YAML document in its file.
    pub doc_index: usize,
    /// Index in the `items` of a `List` document, when flattened from one.
    pub item_index: Option<usize>,
    tree: Arc<Node>,
    /// Pointer segments from the YAML document's root to this object (`["items", "3"]`).
    prefix: Vec<String>,
}

/// Split a JSON pointer into unescaped segments (`~1` is `/`, `~0` is `~`).
pub fn pointer_segments(pointer: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    pointer
        .split('/')
        .skip(1)
        .filter(|_| !pointer.is_empty())
        .map(|s| {
            if s.contains('~') {
                std::borrow::Cow::Owned(s.replace("~1", "/").replace("~0", "~"))
            } else {
                std::borrow::Cow::Borrowed(s)
            }
        })
}

/// Escape one segment for a JSON pointer.
pub fn escape_segment(seg: &str) -> std::borrow::Cow<'_, str> {
    if seg.contains(['~', '/']) {
        std::borrow::Cow::Owned(seg.replace('~', "~0").replace('/', "~1"))
    } else {
        std::borrow::Cow::Borrowed(seg)
    }
}

impl Document {
    /// The object's own root node.
    pub fn root(&self) -> &Node {
        let mut n: &Node = &self.tree;
        for seg in &self.prefix {
            match n.child(seg) {
                Some(c) => n = c,
                None => return n,
            }
        }
        n
    }

    /// The node at `pointer` (relative to this object), if it exists in the source.
    pub fn node(&self, pointer: &str) -> Option<&Node> {
        let mut n = self.root();
        for seg in pointer_segments(pointer) {
            n = n.child(&seg)?;
        }
        Some(n)
    }

    /// The node at `pointer` or, when it does not exist, its nearest existing ancestor; the
    /// flag says whether the node itself was found.
    pub fn nearest_node(&self, pointer: &str) -> (&Node, bool) {
        let mut n = self.root();
        for seg in pointer_segments(pointer) {
            match n.child(&seg) {
                Some(c) => n = c,
                None => return (n, false),
            }
        }
        (n, true)
    }

    /// Where a finding about `pointer` should point: the key (and scalar value) of that node,
    /// or of its nearest existing ancestor when the node is missing (a missing field is
    /// reported where it should be added).
    pub fn range_of(&self, pointer: &str) -> Option<Range> {
        Some(self.nearest_node(pointer).0.finding_range())
    }

    /// The range of the key of the node at `pointer`, when it is a mapping entry.
    pub fn key_range_of(&self, pointer: &str) -> Option<Range> {
        let (ks, ke) = self.node(pointer)?.key?;
        Some(Range::new(ks.position(), ke.position()))
    }

    /// The object's lines, first to last (suppression scope of object annotations).
    pub fn line_span(&self) -> (u32, u32) {
        let r = self.root();
        (r.key.map(|k| k.0.line).unwrap_or(r.start.line), r.end.line)
    }

    /// `kind`, when a string.
    pub fn kind(&self) -> Option<&str> {
        self.value.get("kind")?.as_str()
    }

    /// `apiVersion`, when a string.
    pub fn api_version(&self) -> Option<&str> {
        self.value.get("apiVersion")?.as_str()
    }

    /// `metadata.name`, when a string.
    pub fn name(&self) -> Option<&str> {
        self.value.get("metadata")?.get("name")?.as_str()
    }

    /// `metadata.namespace`, when a string.
    pub fn namespace(&self) -> Option<&str> {
        self.value.get("metadata")?.get("namespace")?.as_str()
    }

    /// Drop everything but the object's identity (`apiVersion`, `kind`, and `metadata`'s
    /// `name`, `namespace`, `labels` and `annotations`), values and positions alike: for
    /// objects kept for passes over all files that read no more of them. What is kept
    /// still points at its lines.
    pub fn slim(&mut self) {
        const TOP: [&str; 3] = ["apiVersion", "kind", "metadata"];
        const META: [&str; 4] = ["name", "namespace", "labels", "annotations"];
        let Some(obj) = self.value.as_object() else {
            return;
        };
        let mut value = Map::new();
        for (k, v) in obj {
            match (k.as_str(), v) {
                ("metadata", Value::Object(m)) => {
                    let meta: Map<String, Value> = m
                        .iter()
                        .filter(|(mk, _)| META.contains(&mk.as_str()))
                        .map(|(mk, mv)| (mk.clone(), mv.clone()))
                        .collect();
                    value.insert(k.clone(), Value::Object(meta));
                }
                (k2, v) if TOP.contains(&k2) => {
                    value.insert(k.clone(), v.clone());
                }
                _ => {}
            }
        }
        let root = self.root();
        let keep = |entries: &[(String, Node)], keys: &[&str]| -> Vec<(String, Node)> {
            entries
                .iter()
                .filter(|(k, _)| keys.contains(&k.as_str()))
                .map(|(k, n)| (k.clone(), n.clone()))
                .collect()
        };
        let children = match &root.children {
            Children::Map(entries) => Children::Map(
                keep(entries, &TOP)
                    .into_iter()
                    .map(|(k, mut n)| {
                        if k == "metadata"
                            && let Children::Map(m) = &n.children
                        {
                            n.children = Children::Map(keep(m, &META));
                        }
                        (k, n)
                    })
                    .collect(),
            ),
            _ => Children::None,
        };
        let tree = Node {
            key: root.key,
            start: root.start,
            end: root.end,
            style: root.style,
            children,
        };
        self.value = Value::Object(value);
        self.tree = Arc::new(tree);
        self.prefix = Vec::new();
    }

    /// Keep of the object only what lies under the `keep` pointers (segments are plain keys,
    /// not escaped; `*` matches any key or index) and the nodes on the way to them, values and positions alike: for objects kept
    /// for passes over all files that read only parts of them (a workload's labels, service
    /// account and ports, not its containers' commands and environment). Sequences keep their
    /// length (an item no pointer reaches stays as `null` with its own span) so indices do not
    /// move, and the root keeps its first entry's span, so the object's own range and line
    /// span are unchanged.
    pub fn prune(&mut self, keep: &[&str]) {
        self.prune_parts(keep, keep);
    }

    /// [`Document::prune`] with values and positions kept apart: `values` of the object, and
    /// the positions of `positions` only (for objects no finding points into).
    pub fn prune_parts(&mut self, values: &[&str], positions: &[&str]) {
        fn split<'a>(keep: &[&'a str]) -> Vec<Vec<&'a str>> {
            keep.iter()
                .map(|p| p.split('/').skip(1).filter(|_| !p.is_empty()).collect())
                .collect()
        }
        let (vals, poss) = (split(values), split(positions));
        let vals: Vec<&[&str]> = vals.iter().map(Vec::as_slice).collect();
        let pats: Vec<&[&str]> = poss.iter().map(Vec::as_slice).collect();
        let root = self.root();
        let mut tree = prune_node(root, &pats);
        if let (Children::Map(old), Children::Map(new)) = (&root.children, &mut tree.children)
            && let Some((k, first)) = old.first()
            && new.first().is_none_or(|(nk, _)| nk != k)
        {
            new.insert(0, (k.clone(), shallow(first)));
        }
        self.value = prune_value(&self.value, &vals);
        self.tree = Arc::new(tree);
        self.prefix = Vec::new();
    }

    /// A copy of the part of the object under the `keep` pointers, as [`Document::prune`]
    /// keeps it, without positions and without changing the document.
    pub fn view(&self, keep: &[&str]) -> Value {
        let pats: Vec<Vec<&str>> = keep
            .iter()
            .map(|p| p.split('/').skip(1).filter(|_| !p.is_empty()).collect())
            .collect();
        let pats: Vec<&[&str]> = pats.iter().map(Vec::as_slice).collect();
        prune_value(&self.value, &pats)
    }

    /// The object's identity for findings, when it has a `kind`.
    pub fn k8s_object(&self) -> Option<K8sObject> {
        Some(K8sObject {
            api_version: self.api_version().unwrap_or_default().to_string(),
            kind: self.kind()?.to_string(),
            namespace: self.namespace().map(str::to_string),
            name: self.name().map(str::to_string),
        })
    }
}

/// The patterns of `pats` that go on under `seg`, without it; `None` when none does.
fn descend<'p>(pats: &[&'p [&'p str]], seg: &str) -> Option<Vec<&'p [&'p str]>> {
    let next: Vec<&[&str]> = pats
        .iter()
        .filter(|p| p.first().is_some_and(|s| *s == "*" || *s == seg))
        .map(|p| &p[1..])
        .collect();
    (!next.is_empty()).then_some(next)
}

/// A node without its children.
fn shallow(n: &Node) -> Node {
    Node {
        key: n.key,
        start: n.start,
        end: n.end,
        style: n.style,
        children: Children::None,
    }
}

/// [`Document::prune`] of a node: what `pats` reach, whole where a pattern ends.
fn prune_node(n: &Node, pats: &[&[&str]]) -> Node {
    if pats.iter().any(|p| p.is_empty()) {
        return n.clone();
    }
    let children = match &n.children {
        Children::Map(entries) => {
            let mut kept: Vec<(String, Node)> = entries
                .iter()
                .filter_map(|(k, c)| Some((k.clone(), prune_node(c, &descend(pats, k)?))))
                .collect();
            // Kept for the whole run: no spare capacity.
            kept.shrink_to_fit();
            Children::Map(kept)
        }
        Children::Seq(items) => Children::Seq(
            items
                .iter()
                .enumerate()
                .map(|(i, c)| match descend(pats, &i.to_string()) {
                    Some(next) => prune_node(c, &next),
                    None => shallow(c),
                })
                .collect(),
        ),
        Children::None => Children::None,
    };
    Node {
        children,
        ..shallow(n)
    }
}

/// [`Document::prune`] of a value.
fn prune_value(v: &Value, pats: &[&[&str]]) -> Value {
    if pats.iter().any(|p| p.is_empty()) {
        return v.clone();
    }
    match v {
        Value::Object(m) => {
            let kept: Vec<(String, Value)> = m
                .iter()
                .filter_map(|(k, c)| Some((k.clone(), prune_value(c, &descend(pats, k)?))))
                .collect();
            // Collected from an exact size: no spare capacity in a map kept for the run.
            Value::Object(kept.into_iter().collect())
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, c)| match descend(pats, &i.to_string()) {
                    Some(next) => prune_value(c, &next),
                    None => Value::Null,
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Everything loaded from one file: its objects and the problems met on the way.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub docs: Vec<Document>,
    /// Syntax errors, duplicate keys, documents that are not mappings: each with its line.
    pub errors: Vec<InputError>,
}

/// Whether a load error is a duplicate key: the object was still loaded (with the last value,
/// as kubectl does), so callers may report it as a finding or a warning instead of failing.
pub fn is_duplicate_key(e: &InputError) -> bool {
    e.message.starts_with("duplicate key `")
}

/// Load every object of one YAML or JSON text. Never panics; never skips silently: whatever
/// cannot be loaded is in [`Loaded::errors`] with its line.
pub fn load(path: &str, text: &str) -> Loaded {
    let mut out = Loaded::default();
    let mut file_budget = MAX_ALIAS_NODES_PER_FILE;
    let mut doc_counter = 0usize;
    // A leading byte-order mark is not content.
    let first = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    // `---` at the start of a line always starts a document (YAML forbids it inside content,
    // even in block scalars), so documents are parsed one by one: an error in one leaves the
    // others intact.
    for (start, end, base_line) in split_documents(text, first) {
        let end = shallow_cut(&text[start..end]).map_or(end, |cut| start + cut);
        let mut b = Builder {
            parser: Parser::with_options(StrInput::new(&text[start..end]), parser_options()),
            text,
            base_line,
            base_byte: start,
            path,
            anchors: HashMap::new(),
            nodes: 0,
            doc_budget: MAX_ALIAS_NODES_PER_DOC,
            file_budget: &mut file_budget,
            out: &mut out,
            doc_counter: &mut doc_counter,
            shallow: false,
        };
        if let Err(e) = b.stream() {
            let line = e.line;
            out.errors.push(InputError::new(
                path,
                Some(Range::new(
                    Position::new(line, e.col),
                    Position::new(line, e.col + 1),
                )),
                format!("invalid YAML: {}", e.message),
            ));
            if e.fatal {
                break;
            }
        }
    }
    out
}

/// Parser options, set explicitly: another crate of the build may enable granit-parser's
/// `comments` feature (serde-saphyr does), which would otherwise turn on comment events.
fn parser_options() -> Options {
    let mut o = Options::default();
    o.emit_comments = false;
    o.emit_anchor_events = false;
    o.emit_unresolved_aliases = false;
    o
}

/// Byte ranges of the documents of `text`: split before every line starting with `---`
/// (followed by a space, a tab or the end of the line), with the directives (`%...`) just
/// before a marker kept with it.
fn split_documents(text: &str, first: usize) -> Vec<(usize, usize, u32)> {
    let b = text.as_bytes();
    // (byte, 0-based line) of each document start.
    let mut cuts = vec![(first, 0u32)];
    let (mut counted_to, mut line_no) = (first, 0u32);
    // Only lines after a newline can be markers (the first line never cuts): a SIMD search for
    // `\n---` instead of a walk over every line, since most bytes are long CRD schemas.
    for nl in memchr::memmem::find_iter(&b[first..], b"\n---") {
        let line_start = first + nl + 1;
        if !b
            .get(line_start + 3)
            .is_none_or(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
        {
            continue;
        }
        line_no += memchr::memchr_iter(b'\n', &b[counted_to..line_start]).count() as u32;
        counted_to = line_start;
        // Directive lines (`%YAML`, `%TAG`) right before the marker belong to its document.
        let mut cut = (line_start, line_no);
        while cut.0 > first {
            let prev_end = cut.0 - 1;
            let prev_start =
                memchr::memrchr(b'\n', &b[first..prev_end]).map_or(first, |i| first + i + 1);
            if !b[prev_start..prev_end].starts_with(b"%") {
                break;
            }
            cut = (prev_start, cut.1 - 1);
        }
        cuts.push(cut);
    }
    cuts.dedup_by_key(|c| c.0);
    let mut out = Vec::with_capacity(cuts.len());
    for (i, &(c, l)) in cuts.iter().enumerate() {
        let e = cuts.get(i + 1).map_or(text.len(), |x| x.0);
        if e > c {
            out.push((c, e, l));
        }
    }
    out
}

fn memchr_nl(b: &[u8], from: usize) -> usize {
    memchr::memchr(b'\n', &b[from..]).map_or(b.len(), |i| from + i)
}

/// For a document of a [`SHALLOW_KINDS`] kind written in the usual order (`apiVersion`,
/// `kind`, `metadata` first), the byte length of that prefix: the body (a CRD's schema, 85%
/// of the bytes of real manifests) is then not parsed at all.
fn shallow_cut(doc: &str) -> Option<usize> {
    let b = doc.as_bytes();
    let mut pos = 0;
    let (mut api, mut kind, mut meta) = (false, false, false);
    let mut shallow = false;
    while pos < b.len() {
        let end = memchr_nl(b, pos);
        let line = &doc[pos..end];
        let top = line
            .bytes()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'"' || c == b'\'');
        if top {
            let key = line
                .split(':')
                .next()
                .unwrap_or("")
                .trim_matches(|c| c == '"' || c == '\'');
            match key {
                "apiVersion" => api = true,
                "metadata" => meta = true,
                "kind" => {
                    kind = true;
                    let v = line[line.find(':')? + 1..].split(" #").next()?.trim();
                    let v = v.trim_matches(|c| c == '"' || c == '\'');
                    shallow = SHALLOW_KINDS.contains(&v);
                }
                _ => {
                    return (shallow && api && kind && meta).then_some(pos);
                }
            }
        }
        pos = end + 1;
    }
    None
}

struct LoadError {
    line: u32,
    col: u32,
    message: String,
    /// Not worth resuming after (budget exhausted).
    fatal: bool,
}

struct Builder<'a, 'o> {
    parser: Parser<'a, StrInput<'a>>,
    text: &'a str,
    base_line: u32,
    base_byte: usize,
    path: &'a str,
    anchors: HashMap<usize, (Value, Node, usize)>,
    /// Nodes built so far (an anchored node's size is the difference across it).
    nodes: usize,
    /// Nodes this document may still copy through aliases.
    doc_budget: usize,
    /// Nodes the file's remaining documents may still copy through aliases.
    file_budget: &'o mut usize,
    out: &'o mut Loaded,
    doc_counter: &'o mut usize,
    /// The current document is a kind no rule reads (CustomResourceDefinition): its other
    /// top-level fields are parsed (so syntax errors are still reported) but not built.
    shallow: bool,
}

/// Kinds whose bodies (everything but apiVersion, kind, metadata) are validated but not
/// materialised: they are most of the bytes of real manifests (85% of the corpus) and no rule
/// reads them.
pub(crate) const SHALLOW_KINDS: [&str; 1] = ["CustomResourceDefinition"];

type Ev<'a> = (Event<'a>, Span);

impl<'a> Builder<'a, '_> {
    fn loc(&self, m: granit_parser::Marker) -> Loc {
        let line = m.line() as u32 + self.base_line;
        let col = m.col();
        let byte = match m.byte_offset() {
            Some(b) => self.base_byte + b,
            // Not given by string inputs; the character index is a fine approximation.
            None => self.base_byte + m.index(),
        };
        let byte = byte.max(self.base_byte).min(self.text.len());
        Loc {
            line,
            col: col as u32 + 1,
            byte: byte as u32,
        }
    }

    fn err_at(&self, m: granit_parser::Marker, message: impl Into<String>) -> LoadError {
        let l = self.loc(m);
        LoadError {
            line: l.line,
            col: l.col,
            message: message.into(),
            fatal: false,
        }
    }

    fn scan_err(&self, e: ScanError) -> LoadError {
        self.err_at(*e.marker(), e.info())
    }

    fn next(&mut self) -> Result<Ev<'a>, LoadError> {
        loop {
            return match self.parser.next_event() {
                Some(Ok((Event::Anchor(..), _))) => continue,
                Some(Ok(ev)) => Ok(ev),
                Some(Err(e)) => Err(self.scan_err(e)),
                None => Err(LoadError {
                    line: self.text.matches('\n').count() as u32 + 1,
                    col: 1,
                    message: "unexpected end of input".into(),
                    fatal: true,
                }),
            };
        }
    }

    fn stream(&mut self) -> Result<(), LoadError> {
        loop {
            let (ev, span) = self.next()?;
            match ev {
                Event::StreamStart => {}
                Event::StreamEnd => return Ok(()),
                Event::DocumentStart(..) => {
                    self.anchors.clear();
                    self.shallow = false;
                    let doc_index = *self.doc_counter;
                    *self.doc_counter += 1;
                    let (ev, span) = self.next()?;
                    let (value, node) = self.node(ev, span, 0)?;
                    // DocumentEnd
                    let (end, _) = self.next()?;
                    if !matches!(end, Event::DocumentEnd) {
                        return Err(self.err_at(span.end, "expected the end of the document"));
                    }
                    self.push_doc(value, node, doc_index);
                }
                _ => return Err(self.err_at(span.start, "unexpected YAML event")),
            }
        }
    }

    fn push_doc(&mut self, value: Value, node: Node, doc_index: usize) {
        push_document(self.out, self.path, value, node, doc_index);
    }

    fn scalar_node(&self, span: Span) -> Node {
        Node {
            key: None,
            start: self.loc(span.start),
            end: self.loc(span.end),
            style: Style::Alias,
            children: Children::None,
        }
    }

    /// Consume the events of one node without building anything.
    fn skip(&mut self, ev: &Event<'a>) -> Result<(), LoadError> {
        if !matches!(ev, Event::SequenceStart(..) | Event::MappingStart(..)) {
            return Ok(());
        }
        let mut depth = 1usize;
        while depth > 0 {
            let (ev, _) = self.next()?;
            match ev {
                Event::SequenceStart(..) | Event::MappingStart(..) => depth += 1,
                Event::SequenceEnd | Event::MappingEnd => depth -= 1,
                _ => {}
            }
        }
        Ok(())
    }

    /// Count `n` nodes copied by an alias against the document's and the file's budgets.
    fn spend_alias(&mut self, n: usize, at: granit_parser::Marker) -> Result<(), LoadError> {
        if *self.file_budget < n {
            let mut e = self.err_at(
                at,
                "too many nodes after alias expansion in this file (billion-laughs guard): the rest of the file is not loaded",
            );
            e.fatal = true;
            return Err(e);
        }
        if self.doc_budget < n {
            // This document is dropped; the next one is loaded with a fresh budget.
            return Err(self.err_at(
                at,
                "too many nodes after alias expansion in this document (billion-laughs guard)",
            ));
        }
        self.doc_budget -= n;
        *self.file_budget -= n;
        self.nodes += n;
        Ok(())
    }

    /// Build one node from its first event; returns the value, its positions, and (through
    /// `anchors`) registers anchored nodes.
    fn node(
        &mut self,
        ev: Event<'a>,
        span: Span,
        depth: usize,
    ) -> Result<(Value, Node), LoadError> {
        if depth > MAX_DEPTH {
            let mut e = self.err_at(span.start, "nesting too deep");
            e.fatal = true;
            return Err(e);
        }
        self.nodes += 1;
        match ev {
            Event::Alias(id) => {
                let Some((v, n, count)) = self.anchors.get(&id) else {
                    if self.shallow {
                        return Ok((Value::Null, self.scalar_node(span)));
                    }
                    return Err(self.err_at(span.start, "alias to an unknown anchor"));
                };
                let (v, mut n, count) = (v.clone(), n.clone(), *count);
                self.spend_alias(count, span.start)?;
                let s = self.loc(span.start);
                let e = self.loc(span.end);
                n.start = s;
                n.end = e;
                n.style = Style::Alias;
                Ok((v, n))
            }
            Event::Scalar(text, style, anchor, tag) => {
                let value = resolve_scalar(&text, style, tag.as_deref());
                let block = matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
                let start = self.loc(span.start);
                let mut end = self.loc(span.end);
                if block {
                    // The parser ends a block scalar where the next token starts; content
                    // ends at its last non-blank character.
                    let bytes = self.text.as_bytes();
                    let mut e = end.byte as usize;
                    while e > start.byte as usize && bytes[e - 1].is_ascii_whitespace() {
                        e -= 1;
                    }
                    let skipped = &self.text[e..end.byte as usize];
                    let line = end.line - skipped.matches('\n').count() as u32;
                    let line_start = self.text[..e].rfind('\n').map_or(0, |i| i + 1);
                    let col = self.text[line_start..e].chars().count() as u32 + 1;
                    end = Loc {
                        line,
                        col,
                        byte: e as u32,
                    };
                }
                let node = Node {
                    key: None,
                    start,
                    end,
                    style: Style::Scalar {
                        plain: style == ScalarStyle::Plain,
                        block,
                    },
                    children: Children::None,
                };
                if anchor > 0 {
                    self.anchors
                        .insert(anchor, (value.clone(), node.clone(), 1));
                }
                Ok((value, node))
            }
            Event::UnresolvedAlias(name) => {
                if self.shallow {
                    return Ok((Value::Null, self.scalar_node(span)));
                }
                Err(self.err_at(span.start, format!("alias `*{name}` to an unknown anchor")))
            }
            Event::SequenceStart(sstyle, anchor, _) => {
                let start = self.loc(span.start);
                let flow = sstyle == StructureStyle::Flow;
                let before = self.nodes;
                let mut values = Vec::new();
                let mut nodes = Vec::new();
                let end;
                loop {
                    let (ev, sp) = self.next()?;
                    if matches!(ev, Event::SequenceEnd) {
                        end = if flow || nodes.is_empty() {
                            self.loc(sp.end)
                        } else {
                            nodes.last().map(|n: &Node| n.end).unwrap_or(start)
                        };
                        break;
                    }
                    let (v, n) = self.node(ev, sp, depth + 1)?;
                    values.push(v);
                    nodes.push(n);
                }
                let node = Node {
                    key: None,
                    start,
                    end,
                    style: if flow {
                        Style::FlowSeq
                    } else {
                        Style::BlockSeq
                    },
                    children: Children::Seq(nodes),
                };
                let value = Value::Array(values);
                if anchor > 0 {
                    let count = self.nodes - before + 1;
                    self.anchors
                        .insert(anchor, (value.clone(), node.clone(), count));
                }
                Ok((value, node))
            }
            Event::MappingStart(mstyle, anchor, _) => {
                let start = self.loc(span.start);
                let flow = mstyle == StructureStyle::Flow;
                let before = self.nodes;
                let mut map = Map::new();
                let mut entries: Vec<(String, Node)> = Vec::new();
                let mut merges: Vec<(Value, Node)> = Vec::new();
                let end;
                loop {
                    let (kev, ksp) = self.next()?;
                    if matches!(kev, Event::MappingEnd) {
                        end = if flow || entries.is_empty() {
                            self.loc(ksp.end)
                        } else {
                            entries.last().map(|(_, n)| n.end).unwrap_or(start)
                        };
                        break;
                    }
                    let is_merge =
                        matches!(&kev, Event::Scalar(t, ScalarStyle::Plain, _, None) if t == "<<");
                    let (kval, _knode) = self.node(kev, ksp, depth + 1)?;
                    let key = match kval {
                        Value::String(s) => s,
                        Value::Null => "null".to_string(),
                        other => match &other {
                            Value::Bool(_) | Value::Number(_) => other.to_string(),
                            _ => other.to_string(),
                        },
                    };
                    let key_span = (self.loc(ksp.start), self.loc(ksp.end));
                    let (vev, vsp) = self.next()?;
                    if depth == 0
                        && self.shallow
                        && !matches!(key.as_str(), "apiVersion" | "kind" | "metadata")
                    {
                        self.skip(&vev)?;
                        continue;
                    }
                    let (v, mut n) = self.node(vev, vsp, depth + 1)?;
                    if depth == 0
                        && key == "kind"
                        && v.as_str().is_some_and(|k| SHALLOW_KINDS.contains(&k))
                    {
                        self.shallow = true;
                    }
                    n.key = Some(key_span);
                    if is_merge {
                        merges.push((v, n));
                        continue;
                    }
                    // One hash lookup per key: the insert says whether it was there.
                    if map.insert(key.clone(), v).is_some()
                        && let Some(pos) = entries.iter().position(|(k, _)| *k == key)
                    {
                        let first = entries[pos].1.key.map(|k| k.0.line).unwrap_or(0);
                        self.out.errors.push(InputError::new(
                            self.path,
                            Some(Range::new(
                                key_span.0.position(),
                                key_span.1.position(),
                            )),
                            format!(
                                "duplicate key `{key}` (first at line {first}); the last value is used, as kubectl would, but one of them is a mistake"
                            ),
                        ));
                        entries.remove(pos);
                    }
                    entries.push((key, n));
                }
                // Merge keys: explicit keys win, then earlier merged mappings win.
                for (mv, mn) in merges {
                    let sources: Vec<(Value, Node)> = match (mv, mn) {
                        (
                            Value::Array(vs),
                            Node {
                                children: Children::Seq(ns),
                                ..
                            },
                        ) => vs.into_iter().zip(ns).collect(),
                        (v, n) => vec![(v, n)],
                    };
                    for (sv, sn) in sources {
                        let Value::Object(smap) = sv else {
                            return Err(self.err_at(span.start, "merge key `<<` needs a mapping"));
                        };
                        let snodes = match sn.children {
                            Children::Map(e) => e,
                            _ => Vec::new(),
                        };
                        for (k, v) in smap {
                            if map.contains_key(&k) {
                                continue;
                            }
                            let n = snodes
                                .iter()
                                .find(|(sk, _)| *sk == k)
                                .map(|(_, n)| n.clone())
                                .unwrap_or_else(|| Node {
                                    key: sn.key,
                                    start: sn.start,
                                    end: sn.end,
                                    style: Style::Alias,
                                    children: Children::None,
                                });
                            let n = Node {
                                style: Style::Alias,
                                ..n
                            };
                            map.insert(k.clone(), v);
                            entries.push((k, n));
                        }
                    }
                }
                let node = Node {
                    key: None,
                    start,
                    end,
                    style: if flow {
                        Style::FlowMap
                    } else {
                        Style::BlockMap
                    },
                    children: Children::Map(entries),
                };
                let value = Value::Object(map);
                if anchor > 0 {
                    let count = self.nodes - before + 1;
                    self.anchors
                        .insert(anchor, (value.clone(), node.clone(), count));
                }
                Ok((value, node))
            }
            _ => Err(self.err_at(span.start, "unexpected YAML event")),
        }
    }
}

/// One loaded document into `out`: a mapping becomes a [`Document`] (a `List` one per item,
/// typed lists giving their items kind and apiVersion), `null` nothing, anything else an error
/// at its range. Shared by the YAML loader and [`crate::value`].
pub(crate) fn push_document(
    out: &mut Loaded,
    path: &str,
    value: Value,
    node: Node,
    doc_index: usize,
) {
    match &value {
        Value::Null => {}
        Value::Object(map) => {
            let is_list = map
                .get("kind")
                .and_then(Value::as_str)
                .is_some_and(|k| k.ends_with("List"))
                && map.get("items").is_some_and(Value::is_array);
            let tree = Arc::new(node);
            if is_list {
                let Some(Value::Array(items)) = map.get("items") else {
                    return;
                };
                // Items of a typed list (`PodList`, `NamespaceList`) usually carry no `kind`
                // of their own: the API server decodes them as the list's item type, and so
                // do we (also `apiVersion`, from the list).
                let item_kind = map
                    .get("kind")
                    .and_then(Value::as_str)
                    .and_then(|k| k.strip_suffix("List"))
                    .filter(|k| !k.is_empty());
                let list_api = map.get("apiVersion").cloned();
                for (i, item) in items.iter().enumerate() {
                    if item.is_object() {
                        let mut value = item.clone();
                        if let (Some(k), Some(o)) = (item_kind, value.as_object_mut()) {
                            if !o.contains_key("kind") {
                                o.insert("kind".into(), Value::String(k.to_string()));
                            }
                            if let Some(api) = &list_api {
                                o.entry("apiVersion").or_insert_with(|| api.clone());
                            }
                        }
                        out.docs.push(Document {
                            value,
                            doc_index,
                            item_index: Some(i),
                            tree: tree.clone(),
                            prefix: vec!["items".into(), i.to_string()],
                        });
                    } else if !item.is_null() {
                        let r = tree
                            .child("items")
                            .and_then(|n| n.child(&i.to_string()))
                            .map(|n| n.finding_range());
                        out.errors.push(InputError::new(
                            path,
                            r,
                            format!("item {i} of the list is not an object"),
                        ));
                    }
                }
            } else {
                out.docs.push(Document {
                    value,
                    doc_index,
                    item_index: None,
                    tree,
                    prefix: Vec::new(),
                });
            }
        }
        _ => {
            let r = node.finding_range();
            out.errors.push(InputError::new(
                path,
                Some(r),
                format!("document {} is not a mapping (an object)", doc_index + 1),
            ));
        }
    }
}

/// Resolve a scalar the way Kubernetes' YAML decoder (go-yaml v2, YAML 1.1 rules) does for
/// the values that matter: null, booleans (`true`, `yes`, `on`...), integers (with `0x`, `0o`
/// and leading-zero octal), floats; quoted and block scalars are strings; `!!str` and friends
/// are honoured.
pub fn resolve_scalar(text: &str, style: ScalarStyle, tag: Option<&granit_parser::Tag>) -> Value {
    if let Some(suffix) = tag.and_then(|t| t.core_suffix()) {
        return match suffix {
            "str" | "binary" | "timestamp" => Value::String(text.to_string()),
            "null" => Value::Null,
            "bool" => parse_bool(text).map_or_else(|| Value::String(text.into()), Value::Bool),
            "int" | "float" => {
                parse_number(text).unwrap_or_else(|| Value::String(text.to_string()))
            }
            _ => resolve_plain(text),
        };
    }
    if style != ScalarStyle::Plain {
        return Value::String(text.to_string());
    }
    resolve_plain(text)
}

fn resolve_plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        _ => {}
    }
    if let Some(b) = parse_bool(text) {
        return Value::Bool(b);
    }
    let first = text.as_bytes()[0];
    if (first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.'))
        && let Some(n) = parse_number(text)
    {
        return n;
    }
    Value::String(text.to_string())
}

fn parse_bool(t: &str) -> Option<bool> {
    match t {
        "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => Some(true),
        "false" | "False" | "FALSE" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

fn parse_number(t: &str) -> Option<Value> {
    let (neg, body) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if body.is_empty() {
        return None;
    }
    let int = |digits: &str, radix: u32| -> Option<Value> {
        if digits.is_empty() {
            return None;
        }
        let u = u64::from_str_radix(digits, radix).ok()?;
        if neg {
            let i = i64::try_from(u).ok()?;
            Some(Value::from(-i))
        } else {
            Some(Value::from(u))
        }
    };
    if let Some(h) = body.strip_prefix("0x") {
        return int(h, 16);
    }
    if let Some(o) = body.strip_prefix("0o") {
        return int(o, 8);
    }
    if body.bytes().all(|b| b.is_ascii_digit()) {
        if body.len() > 1
            && body.starts_with('0')
            && body.bytes().all(|b| (b'0'..=b'7').contains(&b))
        {
            return int(&body[1..], 8);
        }
        return int(body, 10).or_else(|| t.parse::<f64>().ok().and_then(float_value));
    }
    match body {
        ".inf" | ".Inf" | ".INF" | ".nan" | ".NaN" | ".NAN" => return None,
        _ => {}
    }
    // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    let b = body.as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits == 0 && frac_digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return None;
        }
        i += exp;
    }
    if i != b.len() {
        return None;
    }
    t.parse::<f64>().ok().and_then(float_value)
}

fn float_value(f: f64) -> Option<Value> {
    serde_json::Number::from_f64(f).map(Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(text: &str) -> Document {
        let l = load("t.yaml", text);
        assert!(l.errors.is_empty(), "{:?}", l.errors);
        assert_eq!(l.docs.len(), 1);
        l.docs.into_iter().next().unwrap()
    }

    #[test]
    fn pointer_positions() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n  - name: b\n    securityContext:\n      privileged: true\n";
        let d = one(text);
        let r = d
            .range_of("/spec/containers/1/securityContext/privileged")
            .unwrap();
        assert_eq!(r.start, Position::new(11, 7));
        assert_eq!(r.end, Position::new(11, 23));
        let r = d.range_of("/spec/containers/1/securityContext").unwrap();
        assert_eq!(r.start, Position::new(10, 5));
        // missing -> nearest ancestor
        let r = d
            .range_of("/spec/containers/0/securityContext/runAsNonRoot")
            .unwrap();
        assert_eq!(r.start.line, 7);
        let n = d
            .node("/spec/containers/1/securityContext/privileged")
            .unwrap();
        assert_eq!(&text[n.start.byte as usize..n.end.byte as usize], "true");
        assert_eq!(d.k8s_object().unwrap().kind, "Pod");
    }

    #[test]
    fn scalars_like_kubernetes() {
        let d = one(
            "a: yes\nb: 0644\nc: '1'\nd: ~\ne: 1.5\nf: 0x1F\ng: -3\nh: 1e3\ni: .inf\nj: 1.2.3\nk: !!str 12\n",
        );
        assert_eq!(
            d.value,
            json!({"a": true, "b": 420, "c": "1", "d": null, "e": 1.5, "f": 31, "g": -3, "h": 1000.0, "i": ".inf", "j": "1.2.3", "k": "12"})
        );
    }

    #[test]
    fn anchors_aliases_merge() {
        let text = "base: &b\n  x: 1\n  y: 2\nobj:\n  <<: *b\n  y: 3\nlist: &l [1, 2]\ncopy: *l\n";
        let d = one(text);
        assert_eq!(
            d.value,
            json!({"base": {"x": 1, "y": 2}, "obj": {"y": 3, "x": 1}, "list": [1, 2], "copy": [1, 2]})
        );
        assert_eq!(d.range_of("/obj/y").unwrap().start.line, 6);
        assert_eq!(d.node("/obj/x").unwrap().style, Style::Alias);
    }

    #[test]
    fn lists_are_flattened() {
        let text = "apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n  metadata: {name: a}\n- kind: Service\n  metadata:\n    name: b\n";
        let l = load("t.yaml", text);
        assert_eq!(l.docs.len(), 2);
        assert_eq!(l.docs[1].name(), Some("b"));
        assert_eq!(l.docs[1].range_of("/metadata/name").unwrap().start.line, 8);
        assert_eq!(l.docs[0].item_index, Some(0));
    }

    #[test]
    fn typed_list_items_get_the_item_kind() {
        let text = "apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a}\n- kind: Pod\n  apiVersion: v2\n  metadata: {name: b}\n";
        let l = load("t.yaml", text);
        assert_eq!(l.docs.len(), 2);
        assert_eq!(l.docs[0].kind(), Some("Pod"));
        assert_eq!(l.docs[0].api_version(), Some("v1"));
        // an item's own fields win
        assert_eq!(l.docs[1].api_version(), Some("v2"));
        assert_eq!(l.docs[0].range_of("/metadata/name").unwrap().start.line, 4);
    }

    #[test]
    fn duplicate_keys_reported() {
        let l = load("t.yaml", "kind: Pod\nmetadata:\n  name: a\n  name: b\n");
        assert_eq!(l.docs.len(), 1);
        assert_eq!(l.docs[0].name(), Some("b"));
        assert_eq!(l.errors.len(), 1);
        assert_eq!(l.errors[0].range.unwrap().start.line, 4);
        assert!(l.errors[0].message.contains("first at line 3"));
    }

    #[test]
    fn slim_keeps_identity_and_its_positions() {
        let text = "kind: List\napiVersion: v1\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n    namespace: n\n    labels: {a: b}\n    uid: x\n  data:\n    k: v\n";
        let mut l = load("t.yaml", text);
        let d = &mut l.docs[0];
        let before = d.range_of("/metadata/labels/a");
        d.slim();
        assert_eq!(
            d.value,
            json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "n", "labels": {"a": "b"}}})
        );
        assert_eq!(d.range_of("/metadata/labels/a"), before);
        assert_eq!(before.map(|r| r.start.line), Some(9));
        // What was dropped is reported at the object, not elsewhere.
        assert!(d.node("/data").is_none());
        assert_eq!(d.line_span(), (4, 12));
    }

    #[test]
    fn prune_keeps_what_is_asked_where_it_was() {
        let text = "kind: Deployment\napiVersion: apps/v1\nmetadata:\n  name: web\n  annotations: {a: b}\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: c\n        env: [{name: A, value: b}]\n      - name: d\n        ports: [{containerPort: 80}]\n";
        let mut l = load("t.yaml", text);
        let d = &mut l.docs[0];
        let (whole, ports, span) = (
            d.range_of(""),
            d.range_of("/spec/template/spec/containers/1/ports/0"),
            d.line_span(),
        );
        d.prune(&[
            "/metadata/name",
            "/spec/template/metadata/labels",
            "/spec/template/spec/containers/*/ports",
        ]);
        // Sequences keep their length (indices do not move); the rest is gone.
        assert_eq!(
            d.value,
            json!({"metadata": {"name": "web"}, "spec": {"template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{}, {"ports": [{"containerPort": 80}]}]}}}})
        );
        assert_eq!(
            d.range_of("/spec/template/spec/containers/1/ports/0"),
            ports
        );
        assert_eq!(ports.map(|r| r.start.line), Some(15));
        assert_eq!(
            d.range_of("/spec/template/metadata/labels/app")
                .map(|r| r.start.line),
            Some(9)
        );
        // The object's own range (its first entry, which was dropped) and lines are kept.
        assert_eq!((d.range_of(""), d.line_span()), (whole, span));
        assert!(d.node("/metadata/annotations").is_none() && d.node("/kind").is_some());
        // Values without positions: the root alone still has its range.
        let mut l = load("t.yaml", text);
        let d = &mut l.docs[0];
        d.prune_parts(&["/kind", "/metadata/name"], &[]);
        assert_eq!(
            d.value,
            json!({"kind": "Deployment", "metadata": {"name": "web"}})
        );
        assert_eq!((d.range_of(""), d.line_span()), (whole, span));
        assert!(d.node("/metadata").is_none());
    }

    #[test]
    fn documents_split_at_markers_with_their_directives() {
        let text =
            "a: 1\n---\nb: 2\n--- # c\r\nc: 3\n---x: no\n%YAML 1.1\n%TAG ! tag:x:\n---\nd: 4\n---";
        let docs: Vec<(&str, u32)> = split_documents(text, 0)
            .into_iter()
            .map(|(s, e, l)| (&text[s..e], l))
            .collect();
        assert_eq!(
            docs,
            [
                ("a: 1\n", 0),
                ("---\nb: 2\n", 1),
                ("--- # c\r\nc: 3\n---x: no\n", 3),
                ("%YAML 1.1\n%TAG ! tag:x:\n---\nd: 4\n", 6),
                ("---", 10),
            ]
        );
        // A byte-order mark is skipped; a marker on the first line does not cut.
        let bom = "\u{feff}---\na: 1\n---\nb: 2";
        let starts: Vec<u32> = split_documents(bom, 3).iter().map(|d| d.2).collect();
        assert_eq!(starts, [0, 2]);
    }

    #[test]
    fn recovers_after_invalid_document() {
        let text = "kind: A\n---\nkind: B\n  bad: [\n---\nkind: C\n";
        let l = load("t.yaml", text);
        let kinds: Vec<_> = l.docs.iter().map(|d| d.kind().unwrap()).collect();
        assert_eq!(kinds, ["A", "C"]);
        assert_eq!(l.errors.len(), 1);
        assert_eq!(l.docs[1].range_of("/kind").unwrap().start.line, 6);
        assert_eq!(l.docs[1].doc_index, 2);
    }

    #[test]
    fn block_scalar_ends_at_its_content() {
        let text = "a:\n  b: |\n    x\n    y\n\n  c: 1\nd: 2\n";
        let d = one(text);
        let n = d.node("/a/b").unwrap();
        assert_eq!(&text[n.end.byte as usize - 1..n.end.byte as usize], "y");
        assert_eq!(d.node("/a").unwrap().end.line, 6);
    }

    #[test]
    fn json_input() {
        let d = one("{\n  \"kind\": \"Pod\",\n  \"spec\": {\"hostPID\": true}\n}\n");
        assert_eq!(d.range_of("/spec/hostPID").unwrap().start.line, 3);
    }

    #[test]
    fn non_mapping_documents_reported() {
        let l = load("t.yaml", "- a\n- b\n");
        assert!(l.docs.is_empty());
        assert_eq!(l.errors.len(), 1);
    }

    #[test]
    fn alias_bomb_is_an_error_not_a_hang() {
        let mut s = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            s.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let l = load("t.yaml", &s);
        assert!(!l.errors.is_empty());
    }

    #[test]
    fn unicode_columns_and_bytes() {
        let text = "metadata:\n  name: \"é\"\n  x: y\n";
        let d = one(text);
        let n = d.node("/metadata/x").unwrap();
        assert_eq!(&text[n.start.byte as usize..n.end.byte as usize], "y");
    }
}
