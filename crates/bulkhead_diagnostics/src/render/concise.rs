//! The `concise` format: `path:line:col: CODE [severity] message`, one finding per line, for
//! `grep`, editors' quickfix lists and quick reading. Whole-file findings and input errors
//! without a range are placed at `1:1`. Suppressed findings are not shown, and no summary is
//! printed, so the line count is the finding count plus the error count.

use super::text::{inline, start_of};
use crate::Report;
use std::fmt::Write as _;

pub(crate) fn render(report: &Report) -> String {
    let mut out = findings(report);
    out.push_str(&errors(report));
    out
}

/// The lines of `report`'s findings.
pub(crate) fn findings(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let at = start_of(f.range);
        let _ = writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            inline(&f.path),
            at.line,
            at.column,
            f.rule.code,
            f.severity,
            inline(&f.message)
        );
    }
    out
}

/// The lines of `report`'s input errors.
pub(crate) fn errors(report: &Report) -> String {
    let mut out = String::new();
    for e in &report.errors {
        let at = start_of(e.range);
        let _ = writeln!(
            out,
            "{}:{}:{}: error: {}",
            inline(&e.path),
            at.line,
            at.column,
            inline(&e.message)
        );
    }
    out
}
