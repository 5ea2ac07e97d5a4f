//! Report renderers. Each writes a whole [`Report`] to a writer; the binary decides where.

use crate::Report;
use std::io::{self, Write};

/// Output formats of `bulkhead check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    Junit,
}

/// Options that affect rendering.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// ANSI colours (human format only).
    pub color: bool,
    /// Tool version for SARIF `tool.driver.version`.
    pub tool_version: String,
}

/// Render `report` in `format` to `out`.
pub fn render(
    format: Format,
    report: &Report,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let _ = (format, report, opts, out);
    Ok(())
}
