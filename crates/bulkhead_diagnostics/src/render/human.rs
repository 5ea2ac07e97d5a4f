//! The `human` format: one block per finding with a code frame (the offending lines with a
//! few lines of context and a caret underline, as ruff and rustc print them), the rule code,
//! severity, message, Kubernetes object and container, help and fix availability; then the
//! input errors in the same shape; then a summary line.
//!
//! Colour is ANSI SGR only when [`RenderOptions::color`] is set; otherwise not one escape
//! byte is written. Untrusted text (source lines, messages, paths) goes through
//! [`super::text`] so a file cannot inject escapes or bidi overrides into the terminal.

use super::RenderOptions;
use super::text::{
    Sources, TAB_WIDTH, display_width, inline, normalized, push_display_char, start_of,
};
use crate::{Applicability, Finding, InputError, Range, Report, Severity};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// A source line longer than this many characters is shown as a window around the range.
const MAX_LINE_CHARS: usize = 200;
/// Characters kept before the underlined start when a long line is windowed.
const WINDOW_LEAD: usize = 40;
/// Reports with at least this many findings are laid out on several threads.
const PARALLEL_FINDINGS: usize = 2048;
/// A range spanning more lines than this shows its first and last lines around `...`.
const MAX_SPAN_LINES: u32 = 6;

/// ANSI styles; empty strings when colour is off.
struct Paint {
    color: bool,
}

const BOLD: &str = "1";
const GUTTER: &str = "1;34";
const ERROR: &str = "1;31";

impl Paint {
    fn paint<'s>(&self, style: &str, s: &'s str) -> Cow<'s, str> {
        if self.color && !s.is_empty() {
            Cow::Owned(format!("\x1b[{style}m{s}\x1b[0m"))
        } else {
            Cow::Borrowed(s)
        }
    }

    fn severity<'s>(&self, severity: Severity, s: &'s str) -> Cow<'s, str> {
        self.paint(severity_style(severity), s)
    }
}

fn severity_style(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "1;35",
        Severity::High => "1;31",
        Severity::Medium => "1;33",
        Severity::Low => "1;36",
        Severity::Info => "1;32",
    }
}

/// One row of a code frame.
#[derive(Debug, PartialEq)]
enum Row {
    Source {
        number: u32,
        text: String,
        /// (offset, width) of the underline in display columns.
        underline: Option<(usize, usize)>,
    },
    /// Lines left out of a long range.
    Elided,
}

pub(crate) fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and everything written is UTF-8.
    let _ = render_to(report, opts, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`] written out in chunks: a large tree's report (megabytes) is never held whole.
pub(crate) fn render_to(
    report: &Report,
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    let paint = Paint { color: opts.color };
    let sources = Sources::new(report);
    findings_to(report, &sources, &paint, w)?;
    end_to(
        report,
        &super::stream::Tally::of(report),
        &sources,
        &paint,
        w,
    )
}

/// The finding blocks of `report` (no errors, no summary), written in chunks.
pub(crate) fn render_findings_to(
    report: &Report,
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    let paint = Paint { color: opts.color };
    findings_to(report, &Sources::new(report), &paint, w)
}

fn findings_to(
    report: &Report,
    sources: &Sources<'_>,
    paint: &Paint,
    w: &mut dyn Write,
) -> io::Result<()> {
    const CHUNK: usize = 1 << 15;
    let mut out = String::with_capacity(2 * CHUNK);
    // Ten thousand findings take tens of milliseconds to lay out: the later parts are laid
    // out on other threads while the first is written, then written in order.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let parts = if report.findings.len() >= PARALLEL_FINDINGS && threads > 1 {
        threads
    } else {
        1
    };
    let per = report.findings.len().div_ceil(parts).max(1);
    let mut chunks = report.findings.chunks(per);
    let first = chunks.next().unwrap_or(&[]);
    std::thread::scope(|scope| -> io::Result<()> {
        let later: Vec<_> = chunks
            .map(|part| {
                scope.spawn(move || {
                    let mut s = String::new();
                    for f in part {
                        finding_block(&mut s, f, sources, paint);
                    }
                    s
                })
            })
            .collect();
        for f in first {
            finding_block(&mut out, f, sources, paint);
            if out.len() >= CHUNK {
                w.write_all(out.as_bytes())?;
                out.clear();
            }
        }
        w.write_all(out.as_bytes())?;
        out.clear();
        for h in later {
            // A panic while laying out a block is a bug; surface it as the thread's panic.
            let s = h.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
            w.write_all(s.as_bytes())?;
        }
        Ok(())
    })
}

/// What follows the finding blocks: `report`'s input errors and the summary line of `tally`
/// (the findings counted, wherever they were rendered) with `report`'s files, errors and fixes.
pub(crate) fn render_end_to(
    report: &Report,
    tally: &super::stream::Tally,
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    let paint = Paint { color: opts.color };
    end_to(report, tally, &Sources::new(report), &paint, w)
}

fn end_to(
    report: &Report,
    tally: &super::stream::Tally,
    sources: &Sources<'_>,
    paint: &Paint,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut out = String::new();
    for e in &report.errors {
        error_block(&mut out, e, sources, paint);
    }
    summary(&mut out, report, tally, paint);
    w.write_all(out.as_bytes())
}

fn finding_block(out: &mut String, f: &Finding, sources: &Sources<'_>, paint: &Paint) {
    let _ = writeln!(
        out,
        "{} {} {}",
        paint.severity(f.severity, f.rule.code),
        paint.severity(f.severity, &format!("[{}]", f.severity)),
        paint.paint(BOLD, &inline(&f.message))
    );
    let rows = frame_rows(f.range, &f.path, sources, super::CONTEXT_LINES);
    let width = gutter_width(&rows);
    location_line(out, &f.path, f.range, width, paint);
    write_frame(out, &rows, width, severity_style(f.severity), paint);

    let pad = " ".repeat(width);
    let eq = paint.paint(GUTTER, "=");
    if let Some(o) = &f.object {
        let name = match (&o.namespace, &o.name) {
            (Some(ns), Some(n)) => format!("{ns}/{n}"),
            (None, Some(n)) => n.clone(),
            (Some(ns), None) => format!("{ns}/<unnamed>"),
            (None, None) => "<unnamed>".to_string(),
        };
        let _ = writeln!(
            out,
            "{pad} {eq} {}: {} {} ({})",
            paint.paint(BOLD, "object"),
            inline(&o.kind),
            inline(&name),
            inline(&o.api_version)
        );
    }
    if let Some(c) = &f.container {
        let _ = writeln!(
            out,
            "{pad} {eq} {}: {}",
            paint.paint(BOLD, "container"),
            inline(c)
        );
    }
    if let Some(p) = &f.pss_check {
        let _ = writeln!(
            out,
            "{pad} {eq} {}: {}",
            paint.paint(BOLD, "pod security check"),
            inline(p)
        );
    }
    if let Some(h) = &f.help {
        // Help may span lines; continuation lines align under the first.
        let mut lines = h.lines();
        let first = lines.next().unwrap_or("");
        let _ = writeln!(
            out,
            "{pad} {eq} {}: {}",
            paint.paint(BOLD, "help"),
            inline(first)
        );
        for l in lines {
            let l = inline(l);
            if l.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{pad}         {l}");
            }
        }
    }
    if let Some(fix) = &f.fix {
        let (mark, text) = match fix.applicability {
            Applicability::Safe => ("[*]", "fixable with --fix"),
            Applicability::Unsafe => ("[!]", "unsafe fix, available with --unsafe-fixes"),
        };
        let _ = writeln!(
            out,
            "{pad} {eq} {} {}: {}",
            paint.paint(BOLD, mark),
            text,
            inline(&fix.message)
        );
    }
    out.push('\n');
}

fn error_block(out: &mut String, e: &InputError, sources: &Sources<'_>, paint: &Paint) {
    let _ = writeln!(
        out,
        "{}: {}",
        paint.paint(ERROR, "error"),
        paint.paint(BOLD, &inline(&e.message))
    );
    let rows = frame_rows(e.range, &e.path, sources, super::CONTEXT_LINES);
    let width = gutter_width(&rows);
    location_line(out, &e.path, e.range, width, paint);
    write_frame(out, &rows, width, ERROR, paint);
    out.push('\n');
}

/// ` --> path:line:col`, or ` --> path` for whole-file findings.
fn location_line(out: &mut String, path: &str, range: Option<Range>, width: usize, paint: &Paint) {
    let pad = " ".repeat(width);
    let arrow = paint.paint(GUTTER, "-->");
    match range {
        Some(r) => {
            let at = start_of(Some(r));
            let _ = writeln!(
                out,
                "{pad}{arrow} {}:{}:{}",
                inline(path),
                at.line,
                at.column
            );
        }
        None => {
            let _ = writeln!(out, "{pad}{arrow} {}", inline(path));
        }
    }
}

/// Width of the line-number gutter: digits of the largest line shown, at least 1.
fn gutter_width(rows: &[Row]) -> usize {
    rows.iter()
        .filter_map(|r| match r {
            Row::Source { number, .. } => Some(number.to_string().len()),
            Row::Elided => None,
        })
        .max()
        .unwrap_or(1)
}

fn write_frame(out: &mut String, rows: &[Row], width: usize, caret_style: &str, paint: &Paint) {
    if rows.is_empty() {
        return;
    }
    // Tens of thousands of rows on a large tree: pushed piece by piece, not formatted.
    let pad = " ".repeat(width);
    let bar = paint.paint(GUTTER, "|");
    let blank = |out: &mut String| {
        out.push_str(&pad);
        out.push(' ');
        out.push_str(&bar);
        out.push('\n');
    };
    blank(out);
    for row in rows {
        match row {
            Row::Source {
                number,
                text,
                underline,
            } => {
                let number = format!("{number:>width$}");
                out.push_str(&paint.paint(GUTTER, &number));
                out.push(' ');
                out.push_str(&bar);
                if !text.is_empty() {
                    out.push(' ');
                    out.push_str(text);
                }
                out.push('\n');
                if let Some((offset, len)) = underline {
                    out.push_str(&pad);
                    out.push(' ');
                    out.push_str(&bar);
                    out.push(' ');
                    out.extend(std::iter::repeat_n(' ', *offset));
                    let carets = "^".repeat(*len);
                    out.push_str(&paint.paint(caret_style, &carets));
                    out.push('\n');
                }
            }
            Row::Elided => {
                out.push_str(&paint.paint(GUTTER, "..."));
                out.push('\n');
            }
        }
    }
    blank(out);
}

/// The rows of the code frame for `range` in `path`: empty when there is no range, no
/// source, or the range starts past the end of the file.
fn frame_rows(range: Option<Range>, path: &str, sources: &Sources<'_>, context: u32) -> Vec<Row> {
    let (Some(range), Some((text, index))) = (range, sources.get(path)) else {
        return Vec::new();
    };
    let r = normalized(range);
    let line_count = u32::try_from(index.line_count()).unwrap_or(u32::MAX);
    if r.start.line > line_count {
        return Vec::new();
    }
    // Where the underline ends: a range ending at column 1 of a later line ends with the
    // previous line's newline; a range past the end of the file ends at the last line's end.
    // The empty "line" after a final newline is shown only when the range starts on it.
    let last_content_line = if text.ends_with('\n') && line_count > 1 {
        line_count - 1
    } else {
        line_count
    };
    let (mut end_line, mut end_col) = (r.end.line, r.end.column);
    if end_line > last_content_line {
        end_line = last_content_line.max(r.start.line);
        end_col = u32::MAX;
    } else if end_line > r.start.line && end_col <= 1 {
        end_line -= 1;
        end_col = u32::MAX;
    }
    let last_line = last_content_line.max(end_line);
    let first = r.start.line.saturating_sub(context).max(1);
    let last = end_line.saturating_add(context).min(last_line);

    let mut numbers: Vec<Option<u32>> = Vec::new();
    if end_line - r.start.line + 1 > MAX_SPAN_LINES {
        numbers.extend((first..=r.start.line + 1).map(Some));
        numbers.push(None);
        numbers.extend((end_line - 1..=last).map(Some));
    } else {
        numbers.extend((first..=last).map(Some));
    }

    numbers
        .into_iter()
        .map(|n| match n {
            None => Row::Elided,
            Some(n) => {
                let line = index.line_text(text, n).unwrap_or("");
                let span = if n < r.start.line || n > end_line {
                    None
                } else {
                    Some(LineSpan {
                        start: (n == r.start.line).then_some(r.start.column),
                        end: (n == end_line).then_some(end_col),
                        single: r.start.line == end_line,
                    })
                };
                source_row(n, line, span)
            }
        })
        .collect()
}

/// The part of one line a range covers, in 1-based columns; `None` ends mean "from the first
/// non-blank character" and "to the end of the line".
#[derive(Clone, Copy)]
struct LineSpan {
    start: Option<u32>,
    end: Option<u32>,
    /// The range is on this line only (an empty range still gets one caret).
    single: bool,
}

fn source_row(number: u32, line: &str, span: Option<LineSpan>) -> Row {
    // Nearly every line of a manifest or Dockerfile is printable ASCII: one column per byte.
    if line.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return ascii_source_row(number, line, span);
    }
    any_source_row(number, line, span)
}

/// The underlined character range `[a, b)` of a line of `len` characters (`first_nonblank`
/// where an open start begins), and the window `[start, end)` of a long line shown around it.
fn underline_and_window(
    len: usize,
    first_nonblank: usize,
    span: Option<LineSpan>,
) -> (Option<(usize, usize)>, usize, usize) {
    let underline = span.and_then(|s| {
        let a = match s.start {
            Some(col) => (col as usize).saturating_sub(1).min(len),
            None => first_nonblank,
        };
        let b = match s.end {
            Some(col) => (col as usize).saturating_sub(1).min(len),
            None => len,
        }
        .max(a);
        if a == b && !s.single {
            None
        } else {
            Some((a, b))
        }
    });
    // Window long lines around the underline so the caret stays on screen.
    let (win_start, win_end) = if len > MAX_LINE_CHARS {
        let anchor = underline.map(|(a, _)| a).unwrap_or(0);
        let start = anchor.saturating_sub(WINDOW_LEAD);
        (start, (start + MAX_LINE_CHARS).min(len))
    } else {
        (0, len)
    };
    (underline, win_start, win_end)
}

/// [`source_row`] for any line: decoded, escaped and measured character by character.
fn any_source_row(number: u32, line: &str, span: Option<LineSpan>) -> Row {
    let chars: Vec<char> = line.chars().collect();
    let len = chars.len();
    let first_nonblank = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(len);
    let (underline_chars, win_start, win_end) = underline_and_window(len, first_nonblank, span);

    let mut text = String::with_capacity(line.len() + 8);
    let mut offset = 0;
    if win_start > 0 {
        text.push('…');
        offset += 1;
    }
    for &c in &chars[win_start..win_end] {
        push_display_char(c, TAB_WIDTH, &mut text);
    }
    if win_end < len {
        text.push('…');
    }
    let underline = underline_chars.map(|(a, b)| {
        let a = a.clamp(win_start, win_end);
        let b = b.clamp(a, win_end);
        let before: usize = chars[win_start..a].iter().map(|&c| display_width(c)).sum();
        let width: usize = chars[a..b].iter().map(|&c| display_width(c)).sum();
        (offset + before, width.max(1))
    });
    // Trailing blanks of the source are kept: they may be what the finding is about.
    Row::Source {
        number,
        text,
        underline,
    }
}

/// [`source_row`] for a line of printable ASCII characters, where characters, bytes and
/// display columns coincide: the same windowing and underline, without decoding.
fn ascii_source_row(number: u32, line: &str, span: Option<LineSpan>) -> Row {
    let len = line.len();
    let first_nonblank = line.bytes().position(|c| c != b' ').unwrap_or(len);
    let (underline_cols, win_start, win_end) = underline_and_window(len, first_nonblank, span);
    let mut text = String::with_capacity(win_end - win_start + 8);
    let offset = usize::from(win_start > 0);
    if win_start > 0 {
        text.push('…');
    }
    text.push_str(&line[win_start..win_end]);
    if win_end < len {
        text.push('…');
    }
    let underline = underline_cols.map(|(a, b)| {
        let a = a.clamp(win_start, win_end);
        let b = b.clamp(a, win_end);
        (offset + a - win_start, (b - a).max(1))
    });
    Row::Source {
        number,
        text,
        underline,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary(out: &mut String, report: &Report, tally: &super::stream::Tally, paint: &Paint) {
    let s = tally.summary(report);
    if s.fixes_applied > 0 {
        let _ = writeln!(
            out,
            "Fixed {}.",
            plural(s.fixes_applied, "finding", "findings")
        );
    }
    let total = s.total();
    let mut line = if total == 0 {
        paint.paint(BOLD, "No findings").into_owned()
    } else {
        let counts: Vec<String> = Severity::ALL_DESC
            .iter()
            .filter(|&&sev| s.count(sev) > 0)
            .map(|&sev| {
                paint
                    .severity(sev, &format!("{} {}", s.count(sev), sev))
                    .into_owned()
            })
            .collect();
        format!(
            "{} ({})",
            paint.paint(
                BOLD,
                &format!("Found {}", plural(total, "finding", "findings"))
            ),
            counts.join(", ")
        )
    };
    let _ = write!(line, " in {}", plural(s.files, "file", "files"));
    if s.suppressed > 0 {
        let _ = write!(line, "; {} suppressed", s.suppressed);
    }
    if s.errors > 0 {
        let errors = plural(s.errors, "input error", "input errors");
        let _ = write!(line, "; {}", paint.paint(ERROR, &errors));
    }
    let _ = writeln!(out, "{line}.");

    let (safe, unsafe_) = (tally.fixable_safe, tally.fixable_unsafe);
    if safe > 0 {
        let more = if unsafe_ > 0 {
            format!(" ({unsafe_} more with --unsafe-fixes)")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{} {safe} fixable with --fix{more}.",
            paint.paint(BOLD, "[*]")
        );
    } else if unsafe_ > 0 {
        let _ = writeln!(
            out,
            "{} available with --unsafe-fixes.",
            plural(unsafe_, "unsafe fix", "unsafe fixes")
        );
    }
}

/// Used by tests: the frame of one line index without a report.
#[cfg(test)]
fn frame_for(text: &str, range: Range, context: u32) -> String {
    use std::collections::BTreeMap;
    use std::sync::Arc;
    let report = Report {
        sources: BTreeMap::from([("f".to_string(), Arc::<str>::from(text))]),
        ..Report::default()
    };
    let sources = Sources::new(&report);
    let rows = frame_rows(Some(range), "f", &sources, context);
    let width = gutter_width(&rows);
    let mut out = String::new();
    write_frame(&mut out, &rows, width, ERROR, &Paint { color: false });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Position;
    use pretty_assertions::assert_eq;

    fn r(l1: u32, c1: u32, l2: u32, c2: u32) -> Range {
        Range::new(Position::new(l1, c1), Position::new(l2, c2))
    }

    #[test]
    fn single_line_caret_under_wide_chars() {
        let text = "a: 世界 x\nb: 2\n";
        // `x` is the 6th character, after two double-width ones.
        assert_eq!(
            frame_for(text, r(1, 6, 1, 7), 1),
            "  |\n1 | a: 世界 x\n  |        ^\n2 | b: 2\n  |\n"
        );
    }

    #[test]
    fn empty_range_gets_one_caret_at_end_of_line() {
        assert_eq!(
            frame_for("ab", r(1, 3, 1, 3), 0),
            "  |\n1 | ab\n  |   ^\n  |\n"
        );
    }

    #[test]
    fn multi_line_range_underlines_each_line_and_elides_long_spans() {
        let text = "k:\n  - a\n  - b\n";
        assert_eq!(
            frame_for(text, r(2, 3, 4, 1), 0),
            "  |\n2 |   - a\n  |   ^^^\n3 |   - b\n  |   ^^^\n  |\n"
        );
        let long: String = (1..=20).map(|i| format!("l{i}\n")).collect();
        let frame = frame_for(&long, r(3, 1, 15, 4), 1);
        assert_eq!(
            frame,
            "   |\n 2 | l2\n 3 | l3\n   | ^^\n 4 | l4\n   | ^^\n...\n14 | l14\n   | ^^^\n15 | l15\n   | ^^^\n16 | l16\n   |\n"
        );
    }

    #[test]
    fn escapes_in_source_are_neutralised() {
        let frame = frame_for("x\x1b[2Jy\u{202E}z\n", r(1, 1, 1, 2), 0);
        assert!(!frame.contains('\x1b'));
        assert!(frame.contains("x\u{241B}[2Jy<U+202E>z"));
    }

    #[test]
    fn long_lines_are_windowed() {
        let line = format!("{}TARGET{}", "a".repeat(300), "b".repeat(300));
        let frame = frame_for(&line, r(1, 301, 1, 307), 0);
        let rows: Vec<&str> = frame.lines().collect();
        assert!(rows[1].starts_with("1 | …aaaa"));
        assert!(rows[1].ends_with("bbb…"));
        let caret_col = rows[2].find('^').unwrap();
        let shown: String = rows[1].chars().skip(caret_col).take(6).collect();
        assert_eq!(shown, "TARGET");
    }

    #[test]
    fn ascii_rows_match_the_general_path() {
        let long: String = (0..260)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let lines = ["", "   ", "  image: nginx:latest  ", "x", long.as_str()];
        let cols = [
            None,
            Some(0),
            Some(1),
            Some(3),
            Some(5),
            Some(41),
            Some(199),
            Some(250),
            Some(400),
        ];
        for line in lines {
            for &start in &cols {
                for &end in &cols {
                    for single in [false, true] {
                        let span = LineSpan { start, end, single };
                        assert_eq!(
                            ascii_source_row(7, line, Some(span)),
                            any_source_row(7, line, Some(span)),
                            "{line:?} {start:?} {end:?} {single}"
                        );
                    }
                }
            }
            assert_eq!(
                ascii_source_row(7, line, None),
                any_source_row(7, line, None)
            );
        }
    }

    #[test]
    fn many_findings_render_as_one_thread_would() {
        use crate::rule::builtin::UNUSED_SUPPRESSION;
        let text: String = (1..=50).map(|i| format!("line {i}\n")).collect();
        let mut report = Report::default();
        for path in ["a.yaml", "b.yaml"] {
            report.sources.insert(path.into(), text.as_str().into());
            for i in 0..PARALLEL_FINDINGS {
                let line = (i % 50) as u32 + 1;
                report.findings.push(Finding::new(
                    &UNUSED_SUPPRESSION,
                    path,
                    Some(r(line, 1, line, 5)),
                    format!("finding {i}"),
                ));
            }
        }
        let opts = RenderOptions::default();
        let paint = Paint { color: false };
        let sources = Sources::new(&report);
        let mut expected = String::new();
        for f in &report.findings {
            finding_block(&mut expected, f, &sources, &paint);
        }
        summary(
            &mut expected,
            &report,
            &crate::render::stream::Tally::of(&report),
            &paint,
        );
        assert_eq!(render(&report, &opts), expected);
    }

    #[test]
    fn past_eof_has_no_frame() {
        assert_eq!(frame_for("a\n", r(9, 1, 9, 2), 2), "");
        assert_eq!(frame_for("", r(1, 1, 1, 1), 2), "  |\n1 |\n  | ^\n  |\n");
    }
}
