//! The `github` format: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=...,line=..,col=..,endLine=..,endColumn=..,title=CODE::message`) and one
//! `::error` per input error. Critical and high findings are errors, medium warnings, low and
//! info notices. Suppressed findings are not annotated.
//!
//! Escaping follows `@actions/core`: in the message `%`, `\r` and `\n` are percent-encoded;
//! in property values `:` and `,` are too, so a path such as `a,b.yaml` cannot end the
//! property early. Any other control character is percent-encoded as well, so a hostile
//! message cannot smuggle a second workflow command onto its own line.

use super::text::normalized;
use crate::{Range, Report, Severity};
use std::fmt::Write as _;

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "notice",
    }
}

/// Escape workflow-command data (the part after `::`).
fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Escape a workflow-command property value (`file=`, `title=`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `file=..,line=..,col=..,endLine=..,endColumn=..` (only `file=` for whole-file ones).
fn location(path: &str, range: Option<Range>) -> String {
    let mut props = format!("file={}", escape_property(path));
    if let Some(r) = range {
        let r = normalized(r);
        let _ = write!(
            props,
            ",line={},col={},endLine={},endColumn={}",
            r.start.line, r.start.column, r.end.line, r.end.column
        );
    }
    props
}

pub(crate) fn render(report: &Report) -> String {
    let mut out = findings(report);
    out.push_str(&errors(report));
    out
}

/// The annotations of `report`'s findings.
pub(crate) fn findings(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let _ = writeln!(
            out,
            "::{} {},title={}::{}",
            command(f.severity),
            location(&f.path, f.range),
            escape_property(f.rule.code),
            escape_data(&f.message)
        );
    }
    out
}

/// The annotations of `report`'s input errors.
pub(crate) fn errors(report: &Report) -> String {
    let mut out = String::new();
    for e in &report.errors {
        let _ = writeln!(
            out,
            "::error {},title=input error::{}",
            location(&e.path, e.range),
            escape_data(&e.message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("x\u{1b}y"), "x%1By");
        assert_eq!(escape_data("x\u{85}y"), "x%C2%85y");
    }
}
