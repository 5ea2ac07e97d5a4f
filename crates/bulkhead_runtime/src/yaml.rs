//! A small YAML tree with the line and column of every node, built from granit-parser's
//! event stream, for the rules-file loader's error messages.
//!
//! Owns: turning YAML text into [`Node`]s (scalars stay text; the loader decides what a value
//! means). Anchors and aliases are expanded under a node budget (no alias bomb); nesting is
//! bounded. Does not own what a rules file means (see `load`).

use granit_parser::{Event, Options, Parser, ScalarStyle, Span, StrInput};
use std::collections::HashMap;

/// Deepest nesting accepted.
const MAX_DEPTH: usize = 64;
/// Most nodes one file may expand to through aliases.
const MAX_NODES: usize = 2_000_000;

/// A node and where it starts (1-based line and column).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// The value.
    pub value: Value,
}

/// A YAML value with scalars kept as text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar; `plain` when unquoted (so `null`, `~` and empty mean null).
    Scalar { text: String, plain: bool },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in source order (keys are scalars).
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The scalar text, if a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Whether this is a null scalar (`~`, `null`, empty plain).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true } if text.is_empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    /// The entry `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// What kind of node this is, for messages.
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Scalar { .. } => "a scalar",
            Value::Seq(_) => "a sequence",
            Value::Map(_) => "a mapping",
        }
    }
}

/// A YAML syntax error with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// What is wrong.
    pub message: String,
}

/// Parse every document of `text`.
pub fn parse(text: &str) -> Result<Vec<Node>, YamlError> {
    let mut o = Options::default();
    o.emit_comments = false;
    o.emit_anchor_events = false;
    o.emit_unresolved_aliases = false;
    let mut b = Builder {
        parser: Parser::with_options(StrInput::new(text), o),
        anchors: HashMap::new(),
        budget: MAX_NODES,
        lines: text.matches('\n').count() as u32 + 1,
    };
    let mut docs = Vec::new();
    loop {
        let (ev, span) = b.next()?;
        match ev {
            Event::StreamStart | Event::DocumentEnd => {}
            Event::StreamEnd => return Ok(docs),
            Event::DocumentStart(..) => {
                b.anchors.clear();
                let (ev, span) = b.next()?;
                docs.push(b.node(ev, span, 0)?);
            }
            _ => return Err(err_at(span, "unexpected YAML event")),
        }
    }
}

fn err_at(span: Span, message: impl Into<String>) -> YamlError {
    YamlError {
        line: span.start.line() as u32,
        col: span.start.col() as u32 + 1,
        message: message.into(),
    }
}

struct Builder<'a> {
    parser: Parser<'a, StrInput<'a>>,
    anchors: HashMap<usize, (Node, usize)>,
    budget: usize,
    lines: u32,
}

impl<'a> Builder<'a> {
    fn next(&mut self) -> Result<(Event<'a>, Span), YamlError> {
        loop {
            return match self.parser.next_event() {
                Some(Ok((Event::Anchor(..), _))) => continue,
                Some(Ok(ev)) => Ok(ev),
                Some(Err(e)) => Err(YamlError {
                    line: e.marker().line() as u32,
                    col: e.marker().col() as u32 + 1,
                    message: e.info().to_string(),
                }),
                None => Err(YamlError {
                    line: self.lines,
                    col: 1,
                    message: "unexpected end of input".into(),
                }),
            };
        }
    }

    fn spend(&mut self, n: usize, span: Span) -> Result<(), YamlError> {
        if n > self.budget {
            return Err(err_at(span, "document expands to too many nodes (aliases)"));
        }
        self.budget -= n;
        Ok(())
    }

    fn node(&mut self, ev: Event<'a>, span: Span, depth: usize) -> Result<Node, YamlError> {
        if depth > MAX_DEPTH {
            return Err(err_at(span, "nesting too deep"));
        }
        self.spend(1, span)?;
        let line = span.start.line() as u32;
        let col = span.start.col() as u32 + 1;
        let before = self.budget;
        let (value, anchor) = match ev {
            Event::Alias(id) => {
                let Some((n, count)) = self.anchors.get(&id).cloned() else {
                    return Err(err_at(span, "alias to an unknown anchor"));
                };
                self.spend(count, span)?;
                return Ok(Node { line, col, ..n });
            }
            Event::Scalar(text, style, anchor, _) => (
                Value::Scalar {
                    text: text.into_owned(),
                    plain: style == ScalarStyle::Plain,
                },
                anchor,
            ),
            Event::SequenceStart(_, anchor, _) => {
                let mut items = Vec::new();
                loop {
                    let (ev, sp) = self.next()?;
                    if matches!(ev, Event::SequenceEnd) {
                        break;
                    }
                    items.push(self.node(ev, sp, depth + 1)?);
                }
                (Value::Seq(items), anchor)
            }
            Event::MappingStart(_, anchor, _) => {
                let mut entries = Vec::new();
                loop {
                    let (kev, ksp) = self.next()?;
                    if matches!(kev, Event::MappingEnd) {
                        break;
                    }
                    let k = self.node(kev, ksp, depth + 1)?;
                    let (vev, vsp) = self.next()?;
                    let v = self.node(vev, vsp, depth + 1)?;
                    entries.push((k, v));
                }
                (Value::Map(entries), anchor)
            }
            Event::UnresolvedAlias(name) => {
                return Err(err_at(
                    span,
                    format!("alias `*{name}` to an unknown anchor"),
                ));
            }
            _ => return Err(err_at(span, "unexpected YAML event")),
        };
        let node = Node { line, col, value };
        if anchor > 0 {
            let count = before.saturating_sub(self.budget) + 1;
            self.anchors.insert(anchor, (node.clone(), count));
        }
        Ok(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based() {
        let docs = parse("- a: 1\n  b: [x, 'y']\n- c\n").unwrap();
        let Value::Seq(items) = &docs[0].value else {
            panic!()
        };
        assert_eq!((items[0].line, items[0].col), (1, 3));
        let b = items[0].get("b").unwrap();
        assert_eq!((b.line, b.col), (2, 6));
        assert_eq!((items[1].line, items[1].col), (3, 3));
    }

    #[test]
    fn syntax_error_has_a_line() {
        let e = parse("- a: 1\n- b: [unclosed\n").unwrap_err();
        assert!(e.line >= 2, "{e:?}");
    }

    #[test]
    fn alias_bomb_is_an_error() {
        let mut s = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            s.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n",
                p = i - 1
            ));
        }
        assert!(parse(&s).is_err());
    }
}
