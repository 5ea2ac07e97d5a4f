//! Byte offsets to 1-based line/column positions.
//!
//! Columns count Unicode scalar values (characters), 1-based, which is what editors, SARIF
//! consumers and GitHub annotations show for ASCII text and what people expect otherwise.

use serde::{Deserialize, Serialize};

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Position {
    pub const fn new(line: u32, column: u32) -> Self {
        Position { line, column }
    }
}

/// A region of a file: start inclusive, end exclusive (end column is one past the last
/// character, as in SARIF `endColumn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

impl Range {
    pub const fn new(start: Position, end: Position) -> Self {
        Range { start, end }
    }

    /// A range covering the whole of one line (column 1 to `end_column`).
    pub const fn line(line: u32, end_column: u32) -> Self {
        Range {
            start: Position::new(line, 1),
            end: Position::new(line, end_column),
        }
    }
}

/// Index of line starts for one source text; converts byte offsets to positions in
/// O(log lines).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            line_starts,
            len: text.len(),
        }
    }

    /// Number of lines (a trailing newline does not start a new counted line's content, but
    /// the empty last line is still addressable).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where 1-based `line` starts, if it exists.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)? as usize).copied()
    }

    /// Position of a byte offset. Offsets past the end clamp to the end; offsets inside a
    /// multi-byte character count that character once.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(self.len).min(text.len());
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line_idx];
        let mut end = offset;
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let column = text[start..end].chars().count() + 1;
        Position::new(line_idx as u32 + 1, column as u32)
    }

    /// Range of a byte span.
    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(
            self.position(text, start),
            self.position(text, end.max(start)),
        )
    }

    /// The text of 1-based `line` without its line terminator.
    pub fn line_text<'a>(&self, text: &'a str, line: u32) -> Option<&'a str> {
        let start = self.line_start(line)?;
        let end = self
            .line_starts
            .get(line as usize)
            .copied()
            .unwrap_or(text.len());
        let s = text.get(start..end)?;
        Some(s.trim_end_matches(['\n', '\r']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        let text = "ab\ncdé\n\nx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position::new(1, 1));
        assert_eq!(idx.position(text, 3), Position::new(2, 1));
        assert_eq!(idx.position(text, 5), Position::new(2, 3));
        // after the two-byte é
        assert_eq!(idx.position(text, 7), Position::new(2, 4));
        assert_eq!(idx.position(text, 8), Position::new(3, 1));
        assert_eq!(idx.position(text, 9), Position::new(4, 1));
        assert_eq!(idx.position(text, 100), Position::new(4, 2));
        assert_eq!(idx.line_text(text, 2), Some("cdé"));
        assert_eq!(idx.line_text(text, 4), Some("x"));
        assert_eq!(idx.line_text(text, 5), None);
    }

    #[test]
    fn crlf_line_text() {
        let text = "a\r\nb\r\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_text(text, 1), Some("a"));
        assert_eq!(idx.position(text, 3), Position::new(2, 1));
    }
}
