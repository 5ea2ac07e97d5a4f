//! The `json` format: a versioned document for scripts, specified by
//! `docs/json-report.md` and the JSON Schema `docs/schema/report-v1.schema.json` (a test
//! validates rendered reports against it).
//!
//! Every key is always present (`null` when there is nothing), so consumers need no
//! existence checks. Positions are 1-based and ranges well-formed (an engine's degenerate
//! range is clamped to 1:1 and its end moved up to its start), as the schema promises. Suppressed findings are listed with the others, in the same order,
//! with a non-null `suppressed`; `summary` counts only the findings that were not suppressed.
//! Any change that removes or retypes a key bumps `version`.

use super::text::{Sources, all_findings, normalized};
use crate::{Alias, Finding, InputError, Range, Report, SuppressedBy};
use serde::Serialize;

/// The version of the document shape, the `version` key.
pub(crate) const VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    errors: Vec<JsonError<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    path: &'a str,
    range: Option<Range>,
    object: Option<JsonObject<'a>>,
    container: Option<&'a str>,
    pss_check: Option<&'a str>,
    aliases: &'static [Alias],
    fix: Option<JsonFix<'a>>,
    suppressed: Option<&'a SuppressedBy>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonObject<'a> {
    api_version: &'a str,
    kind: &'a str,
    namespace: Option<&'a str>,
    name: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    message: &'a str,
    applicability: crate::Applicability,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    start: usize,
    end: usize,
    content: &'a str,
    range: Option<Range>,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: &'a str,
    range: Option<Range>,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    total: usize,
    critical: usize,
    high: usize,
    medium: usize,
    low: usize,
    info: usize,
    suppressed: usize,
    errors: usize,
    files: usize,
    fixes_applied: usize,
}

fn finding<'a>(f: &'a Finding, sources: &Sources<'_>) -> JsonFinding<'a> {
    JsonFinding {
        code: f.rule.code,
        name: f.rule.name,
        severity: f.severity.as_str(),
        message: &f.message,
        help: f.help.as_deref(),
        path: &f.path,
        range: f.range.map(normalized),
        object: f.object.as_ref().map(|o| JsonObject {
            api_version: &o.api_version,
            kind: &o.kind,
            namespace: o.namespace.as_deref(),
            name: o.name.as_deref(),
        }),
        container: f.container.as_deref(),
        pss_check: f.pss_check.as_deref(),
        aliases: f.rule.aliases,
        fix: f.fix.as_ref().map(|fix| JsonFix {
            message: &fix.message,
            applicability: fix.applicability,
            edits: fix
                .edits
                .iter()
                .map(|e| JsonEdit {
                    start: e.start,
                    end: e.end,
                    content: &e.content,
                    range: sources.edit_range(&f.path, e),
                })
                .collect(),
        }),
        suppressed: f.suppressed.as_ref(),
    }
}

fn error(e: &InputError) -> JsonError<'_> {
    JsonError {
        path: &e.path,
        range: e.range.map(normalized),
        message: &e.message,
    }
}

pub(crate) fn render(report: &Report) -> String {
    let sources = Sources::new(report);
    let s = report.summary();
    let doc = JsonReport {
        version: VERSION,
        findings: all_findings(report)
            .into_iter()
            .map(|f| finding(f, &sources))
            .collect(),
        errors: report.errors.iter().map(error).collect(),
        summary: JsonSummary {
            total: s.total(),
            critical: s.critical,
            high: s.high,
            medium: s.medium,
            low: s.low,
            info: s.info,
            suppressed: s.suppressed,
            errors: s.errors,
            files: s.files,
            fixes_applied: s.fixes_applied,
        },
    };
    // Serialising plain structs of strings and integers cannot fail.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
