//! The value entry: one object held as a `serde_json::Value` (an admission webhook's
//! `request.object`) into the loader's object model ([`Loaded`]: documents with positions),
//! without a YAML parse.
//!
//! Owns: writing the object out as `serde_json::to_string_pretty` does (byte for byte) while
//! recording every node's position in that text as the YAML loader would have recorded it on
//! reading the text back, so `check_loaded` on the result gives exactly the findings (codes,
//! messages, ranges, fixes) of [`crate::check`] on the pretty text, at a fraction of the cost
//! (no scanner, no scalar resolution, no second tree of values). What the loader does beyond
//! positions is shared with it: `List` flattening and non-object documents
//! (`loader::push_document`), the shallow `CustomResourceDefinition` body, the nesting limit
//! (deeper objects go through the loader itself, which reports them).

use crate::loader::{self, Children, Loaded, Loc, Node, Style};
use serde_json::Value;

/// The object written out as pretty JSON (what finding ranges and fixes point into) and loaded
/// from it, as [`crate::load`] on that text would load it.
pub fn load_value(path: &str, mut value: Value) -> (String, Loaded) {
    let mut w = Writer {
        out: Vec::with_capacity(4096),
        line: 1,
        col: 0,
        too_deep: false,
    };
    let mut out = Loaded::default();
    let node = w.node(&value, 0, true);
    if w.too_deep {
        // deeper than the loader accepts: the loader itself reports it
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        let loaded = loader::load(path, &text);
        return (text, loaded);
    }
    let text = w.into_text();
    if let Some(dropped) = shallow_dropped(&value)
        && let Value::Object(m) = &mut value
    {
        let mut i = 0;
        m.retain(|_, _| {
            i += 1;
            !dropped.contains(&(i - 1))
        });
    }
    loader::push_document(&mut out, path, value, node, 0);
    (text, out)
}

/// Indices of the top-level entries the loader does not build: after a `kind` naming a
/// shallow kind (`CustomResourceDefinition`), every key but `apiVersion`, `kind`, `metadata`.
fn shallow_dropped(v: &Value) -> Option<Vec<usize>> {
    let m = v.as_object()?;
    let mut shallow = false;
    let mut out = Vec::new();
    for (i, (k, v)) in m.iter().enumerate() {
        if shallow && !matches!(k.as_str(), "apiVersion" | "kind" | "metadata") {
            out.push(i);
            continue;
        }
        if k == "kind"
            && v.as_str()
                .is_some_and(|k| loader::SHALLOW_KINDS.contains(&k))
        {
            shallow = true;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Pretty JSON writer that knows where it is (1-based line, 0-based column in characters).
struct Writer {
    out: Vec<u8>,
    line: u32,
    col: u32,
    /// A node lies deeper than the loader accepts (root at depth 0, the indent): the text
    /// written is then abandoned.
    too_deep: bool,
}

const PLAIN: Style = Style::Scalar {
    plain: true,
    block: false,
};
const QUOTED: Style = Style::Scalar {
    plain: false,
    block: false,
};

impl Writer {
    fn loc(&self) -> Loc {
        Loc {
            line: self.line,
            col: self.col + 1,
            byte: u32::try_from(self.out.len()).unwrap_or(u32::MAX),
        }
    }

    /// Append text without a newline.
    fn raw(&mut self, b: &[u8]) {
        self.out.extend_from_slice(b);
        self.col += b.iter().filter(|&&c| c & 0xC0 != 0x80).count() as u32;
    }

    fn newline(&mut self, indent: usize) {
        self.out.push(b'\n');
        self.line += 1;
        self.out.resize(self.out.len() + 2 * indent, b' ');
        self.col = 2 * indent as u32;
    }

    /// A scalar as serde_json writes it (strings escaped, numbers formatted).
    fn scalar(&mut self, v: &impl serde::Serialize) {
        let from = self.out.len();
        // Writing a scalar into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut self.out, v);
        let col = self.out[from..]
            .iter()
            .filter(|&&c| c & 0xC0 != 0x80)
            .count() as u32;
        self.col += col;
    }

    /// Write `v` at `indent` and return its node (children only where the loader builds them:
    /// `build` is false under the dropped entries of a shallow kind).
    fn node(&mut self, v: &Value, indent: usize, build: bool) -> Node {
        let start = self.loc();
        if indent > loader::MAX_DEPTH || self.too_deep {
            self.too_deep = true;
            return Node {
                key: None,
                start,
                end: start,
                style: PLAIN,
                children: Children::None,
            };
        }
        let (style, children) = match v {
            Value::Null => {
                self.raw(b"null");
                (PLAIN, Children::None)
            }
            Value::Bool(b) => {
                self.raw(if *b { b"true" } else { b"false" });
                (PLAIN, Children::None)
            }
            Value::Number(n) => {
                self.scalar(n);
                (PLAIN, Children::None)
            }
            Value::String(s) => {
                self.scalar(s);
                (QUOTED, Children::None)
            }
            Value::Array(items) => {
                self.raw(b"[");
                let mut nodes = Vec::with_capacity(if build { items.len() } else { 0 });
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.raw(b",");
                    }
                    self.newline(indent + 1);
                    let n = self.node(item, indent + 1, build);
                    if build {
                        nodes.push(n);
                    }
                }
                if !items.is_empty() {
                    self.newline(indent);
                }
                self.raw(b"]");
                (Style::FlowSeq, Children::Seq(nodes))
            }
            Value::Object(map) => {
                self.raw(b"{");
                let mut entries = Vec::with_capacity(if build { map.len() } else { 0 });
                let mut shallow = false;
                for (i, (k, item)) in map.iter().enumerate() {
                    if i > 0 {
                        self.raw(b",");
                    }
                    self.newline(indent + 1);
                    let ks = self.loc();
                    self.scalar(k);
                    let ke = self.loc();
                    self.raw(b": ");
                    // The loader skips a shallow kind's other top-level entries.
                    let keep = build
                        && !(indent == 0
                            && shallow
                            && !matches!(k.as_str(), "apiVersion" | "kind" | "metadata"));
                    let mut n = self.node(item, indent + 1, keep);
                    if indent == 0
                        && k == "kind"
                        && item
                            .as_str()
                            .is_some_and(|s| loader::SHALLOW_KINDS.contains(&s))
                    {
                        shallow = true;
                    }
                    if keep {
                        n.key = Some((ks, ke));
                        entries.push((k.clone(), n));
                    }
                }
                if !map.is_empty() {
                    self.newline(indent);
                }
                self.raw(b"}");
                (Style::FlowMap, Children::Map(entries))
            }
        };
        Node {
            key: None,
            start,
            end: self.loc(),
            style,
            children,
        }
    }

    fn into_text(self) -> String {
        // Only whole UTF-8 strings and ASCII were written.
        String::from_utf8(self.out).unwrap_or_default()
    }
}
