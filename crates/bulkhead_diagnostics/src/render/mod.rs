//! Report renderers: one module per output format of `bulkhead check --format`.
//!
//! Every renderer takes a whole, already sorted [`Report`] ([`Report::sort`]) and writes it
//! with no dependence on the clock, the environment or hash-map order, so the same report
//! renders to the same bytes. Renderers never print on their own and never panic on odd input
//! (ranges past the end of a file, missing sources, control characters): the binary decides
//! where the bytes go and whether colour is wanted.
//!
//! | format    | module      | for                                                      |
//! |-----------|-------------|----------------------------------------------------------|
//! | `human`   | `human`     | people at a terminal: code frames, help, fixes, summary  |
//! | `concise` | `concise`   | `grep`, editors' quickfix lists: one line per finding    |
//! | `json`    | `json`      | scripts: versioned, schema in `docs/schema/`             |
//! | `sarif`   | `sarif`     | GitHub code scanning and other SARIF 2.1.0 consumers     |
//! | `github`  | `github`    | GitHub Actions workflow-command annotations              |
//! | `junit`   | `junit`     | CI test dashboards (GitLab, Jenkins)                     |
//! | `html`    | `html`      | a self-contained page: filter, sort, code frames, docs   |

mod concise;
mod github;
mod html;
mod human;
mod json;
mod junit;
mod sarif;
pub use html::render_vulnerabilities as html_vulnerabilities;
pub use sarif::{Vulnerability, render_vulnerabilities, security_severity};
pub mod stream;
mod text;

use crate::Report;
use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

/// Output formats of `bulkhead check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Code frames with context, help and fix hints, and a summary line (the default).
    #[default]
    Human,
    /// `path:line:col: CODE [severity] message`, one finding per line.
    Concise,
    /// The versioned JSON report documented in `docs/json-report.md`.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...::message`).
    Github,
    /// JUnit XML.
    Junit,
    /// One self-contained HTML page (inline CSS/JS, no network): filterable, sortable.
    Html,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 7] = [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Junit,
        Format::Html,
    ];

    /// The name used on the command line and in config files.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Concise => "concise",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Junit => "junit",
            Format::Html => "html",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for an unknown format name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown output format `{}` (expected human, concise, json, sarif, github, junit or html)",
            self.0
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;
    /// Case-insensitive; `text` and `full` are accepted as synonyms of `human`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "human" | "text" | "full" => Ok(Format::Human),
            "concise" => Ok(Format::Concise),
            "json" => Ok(Format::Json),
            "sarif" => Ok(Format::Sarif),
            "github" => Ok(Format::Github),
            "junit" => Ok(Format::Junit),
            "html" => Ok(Format::Html),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

/// Options that affect rendering.
///
/// Kept to what the binary decides; layout constants (two lines of context in code frames,
/// the SARIF `informationUri`) live with the renderers. Build it with a struct literal or
/// `RenderOptions { color, ..RenderOptions::default() }`.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// ANSI colours (human format only). The binary sets it when standard output is a
    /// terminal and `NO_COLOR` is unset; when false no escape byte is ever written.
    pub color: bool,
    /// Tool version for SARIF `tool.driver.version` (defaults to this crate's version, which
    /// is the workspace's).
    pub tool_version: String,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// Lines of context shown above and below a finding in code frames (human format).
pub const CONTEXT_LINES: u32 = 2;

/// SARIF `tool.driver.informationUri`: the project's repository.
pub const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

/// `s` made safe to print on one terminal line: control characters (escape sequences, newlines)
/// and invisible bidi/format characters shown as visible symbols. Every untrusted string a
/// human format prints (paths, messages, YAML keys) goes through it; the binary uses it for
/// what it prints itself (errors on stderr, diff headers).
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    text::inline(s)
}

/// Render `report` in `format` to `out`.
///
/// The whole report is rendered in memory and written with one `write_all`, so a broken pipe
/// surfaces as one [`io::ErrorKind::BrokenPipe`] error the binary can turn into exit 0.
pub fn render(
    format: Format,
    report: &Report,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    if format == Format::Human {
        human::render_to(report, opts, out)?;
    } else {
        let bytes = render_to_string(format, report, opts);
        out.write_all(bytes.as_bytes())?;
    }
    out.flush()
}

/// Render `report` in `format` to a string (what [`render`] writes).
pub fn render_to_string(format: Format, report: &Report, opts: &RenderOptions) -> String {
    match format {
        Format::Human => human::render(report, opts),
        Format::Concise => concise::render(report),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report, opts),
        Format::Github => github::render(report),
        Format::Junit => junit::render(report),
        Format::Html => html::render(report, "Bulkhead report"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
            assert_eq!(f.to_string(), f.as_str());
        }
        assert_eq!("JSON".parse::<Format>().unwrap(), Format::Json);
        assert!("xml".parse::<Format>().is_err());
    }
}
