//! Helpers shared by the renderers: sanitising untrusted text for terminals, the merged
//! finding order, clamped positions, byte-offset ranges of fix edits, and fingerprints.
//!
//! Messages, paths and source lines come from the files being checked, which may be hostile:
//! a manifest can carry ANSI escapes or Unicode bidi overrides ("Trojan Source") that would
//! repaint the terminal or hide text. The line-oriented formats therefore show control and
//! invisible format characters as visible stand-ins; the structured formats (JSON, SARIF,
//! XML) escape them per their own syntax instead.

use crate::{Edit, Finding, LineIndex, Position, Range, Report};
use std::borrow::Cow;
use std::collections::BTreeMap;
use unicode_width::UnicodeWidthChar;

/// Columns a tab occupies in code frames.
pub(crate) const TAB_WIDTH: usize = 4;

/// Whether `c` is an invisible formatting character that can reorder or hide text
/// (zero-width spaces and joiners, bidi embeddings, overrides and isolates, BOM).
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

/// Push the visible form of `c` to `out` and return its display width in columns.
///
/// `tab_as` is what a tab becomes: [`TAB_WIDTH`] spaces in code frames, one space in
/// one-line messages.
pub(crate) fn push_display_char(c: char, tab_as: usize, out: &mut String) -> usize {
    match c {
        '\t' => {
            out.extend(std::iter::repeat_n(' ', tab_as));
            tab_as
        }
        // C0 controls become their Control Pictures (U+2400..U+241F): ␊ ␍ ␛ ...
        '\0'..='\u{1F}' => {
            out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
            1
        }
        '\u{7F}' => {
            out.push('\u{2421}');
            1
        }
        '\u{80}'..='\u{9F}' => {
            out.push('\u{FFFD}');
            1
        }
        c if is_invisible_format(c) => {
            let s = format!("<U+{:04X}>", c as u32);
            out.push_str(&s);
            s.len()
        }
        c => {
            out.push(c);
            c.width().unwrap_or(0)
        }
    }
}

/// Display width of `c` as [`push_display_char`] would show it in a code frame.
pub(crate) fn display_width(c: char) -> usize {
    match c {
        '\t' => TAB_WIDTH,
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' => 1,
        c if is_invisible_format(c) => format!("<U+{:04X}>", c as u32).len(),
        c => c.width().unwrap_or(0),
    }
}

/// `s` made safe for one line of terminal output: no control or invisible format character
/// survives (a newline shows as `␊`), so one finding stays on one line.
pub(crate) fn inline(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return Cow::Borrowed(s);
    }
    if s.chars()
        .all(|c| !c.is_control() && !is_invisible_format(c))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_display_char(c, 1, &mut out);
    }
    Cow::Owned(out)
}

/// Start position of an optional range, at least 1:1; whole-file findings are at 1:1.
pub(crate) fn start_of(range: Option<Range>) -> Position {
    range
        .map(|r| Position::new(r.start.line.max(1), r.start.column.max(1)))
        .unwrap_or(Position::new(1, 1))
}

/// `range` made well-formed: positions at least 1:1 and the end not before the start.
pub(crate) fn normalized(range: Range) -> Range {
    let start = Position::new(range.start.line.max(1), range.start.column.max(1));
    let end = Position::new(range.end.line.max(1), range.end.column.max(1));
    Range::new(start, end.max(start))
}

/// Every finding of the report, kept and suppressed, merged in [`Finding::sort_key`] order
/// (both lists are sorted by [`Report::sort`]).
pub(crate) fn all_findings(report: &Report) -> Vec<&Finding> {
    let mut all: Vec<&Finding> = report
        .findings
        .iter()
        .chain(report.suppressed.iter())
        .collect();
    // Stable: equal keys keep kept-before-suppressed order.
    all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    all
}

/// Line indexes of every source the report carries, built once per render.
pub(crate) struct Sources<'a> {
    report: &'a Report,
    indexes: BTreeMap<&'a str, LineIndex>,
}

impl<'a> Sources<'a> {
    pub(crate) fn new(report: &'a Report) -> Self {
        let indexes = report
            .sources
            .iter()
            .map(|(path, text)| (path.as_str(), LineIndex::new(text)))
            .collect();
        Sources { report, indexes }
    }

    /// The text and line index of `path`, when the report carries its source.
    pub(crate) fn get(&self, path: &str) -> Option<(&'a str, &LineIndex)> {
        let text = self.report.source(path)?;
        let index = self.indexes.get(path)?;
        Some((text, index))
    }

    /// The line/column range of an edit's byte offsets, when the source is known.
    pub(crate) fn edit_range(&self, path: &str, edit: &Edit) -> Option<Range> {
        let (text, index) = self.get(path)?;
        Some(index.range(text, edit.start, edit.end))
    }
}

/// 64-bit FNV-1a: tiny, stable across platforms and Rust versions (unlike `DefaultHasher`),
/// which is all a fingerprint needs.
pub(crate) fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Fingerprints that survive unrelated edits: the rule, the path, the Kubernetes object and
/// container, and the whitespace-normalised text of the finding's first line (not its line
/// number), plus an occurrence counter for identical ones, as GitHub's
/// `primaryLocationLineHash` does. Returned in the order of `findings`.
pub(crate) fn fingerprints(findings: &[&Finding], sources: &Sources<'_>) -> Vec<String> {
    let mut seen: BTreeMap<u64, u32> = BTreeMap::new();
    findings
        .iter()
        .map(|f| {
            let line_text = f
                .range
                .and_then(|r| {
                    let (text, index) = sources.get(&f.path)?;
                    index.line_text(text, r.start.line)
                })
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            let object = f
                .object
                .as_ref()
                .map(|o| {
                    format!(
                        "{}/{}/{}/{}",
                        o.api_version,
                        o.kind,
                        o.namespace.as_deref().unwrap_or(""),
                        o.name.as_deref().unwrap_or("")
                    )
                })
                .unwrap_or_default();
            let h = fnv1a(&[
                f.rule.code,
                &f.path,
                &object,
                f.container.as_deref().unwrap_or(""),
                &line_text,
            ]);
            let n = seen.entry(h).or_insert(0);
            *n += 1;
            format!("{h:016x}:{n}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_neutralises_escapes_and_newlines() {
        assert_eq!(inline("plain"), Cow::Borrowed("plain"));
        assert_eq!(inline("a\nb\x1b[31m"), "a\u{240A}b\u{241B}[31m");
        assert_eq!(inline("x\u{202E}y"), "x<U+202E>y");
        assert_eq!(inline("t\tt"), "t t");
    }

    #[test]
    fn widths_match_display() {
        for c in ['a', '\t', '\x1b', '界', '\u{301}', '\u{202E}', '\u{85}'] {
            let mut s = String::new();
            let w = push_display_char(c, TAB_WIDTH, &mut s);
            assert_eq!(w, display_width(c), "{c:?}");
        }
    }

    #[test]
    fn normalized_ranges() {
        let r = Range::new(Position::new(0, 0), Position::new(0, 0));
        assert_eq!(
            normalized(r),
            Range::new(Position::new(1, 1), Position::new(1, 1))
        );
        let r = Range::new(Position::new(5, 3), Position::new(2, 1));
        assert_eq!(normalized(r).end, Position::new(5, 3));
    }
}
