//! The `sarif` format: one SARIF 2.1.0 log with one run, for GitHub code scanning and other
//! SARIF consumers. A test runs Microsoft's SARIF multitool validator over the output.
//!
//! Mapping (see `docs/sections/reports.md` for the user-facing table):
//! - every rule of [`Report::rules`] (and any rule a finding refers to that is missing from
//!   it) becomes a `reportingDescriptor` with its documentation, default level, category
//!   tags, GitHub's `security-severity` and the peer-tool aliases in `properties.aliases`;
//! - kept and suppressed findings become `results` in [`Finding::sort_key`] order; suppressed
//!   ones carry `suppressions` (`inSource`, with the reason as `justification`);
//! - Kubernetes objects and containers become `logicalLocations`;
//! - fixes become `fixes` whose replacement regions are computed from the edits' byte offsets
//!   on [`Report::sources`] (byte offsets when the source is not at hand);
//! - input errors become `invocations[0].toolExecutionNotifications`, and
//!   `executionSuccessful` is false when there are any.
//!
//! Columns are Unicode code points (`columnKind: unicodeCodePoints`), as in
//! [`crate::LineIndex`].

use super::RenderOptions;
use super::text::{Sources, all_findings, fingerprints, normalized};
use crate::{Category, Finding, InputError, Range, Report, RuleMeta, Severity};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";
/// The key of our fingerprint in `partialFingerprints`.
const FINGERPRINT_KEY: &str = "bulkheadFingerprint/v1";

/// SARIF `level` of a severity: critical/high are errors, medium warnings, the rest notes.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// GitHub code scanning's `security-severity` score (0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9
/// high, 9.0-10.0 critical), for rules about security; `None` for info.
fn security_severity(severity: Severity) -> Option<&'static str> {
    match severity {
        Severity::Critical => Some("9.5"),
        Severity::High => Some("8.0"),
        Severity::Medium => Some("5.5"),
        Severity::Low => Some("2.0"),
        Severity::Info => None,
    }
}

/// Categories GitHub should list as security alerts (tagged `security`).
fn is_security(category: Category) -> bool {
    matches!(
        category,
        Category::Security | Category::SupplyChain | Category::Secrets | Category::Network
    )
}

/// Percent-encode a `/`-separated path as a URI reference: relative paths stay relative (to
/// `%SRCROOT%`), absolute ones become `file://` URIs. `:` is encoded so that a first segment
/// such as `c:` cannot read as a scheme.
pub(crate) fn path_uri(path: &str) -> (String, bool) {
    let trimmed = path.trim_start_matches("./");
    let mut out = String::with_capacity(trimmed.len() + 8);
    for b in trimmed.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if trimmed.starts_with('/') {
        (format!("file://{out}"), false)
    } else {
        (out, true)
    }
}

fn artifact_location(path: &str) -> Value {
    let (uri, relative) = path_uri(path);
    if relative {
        json!({ "uri": uri, "uriBaseId": SRCROOT })
    } else {
        json!({ "uri": uri })
    }
}

fn region(range: Range) -> Value {
    let r = normalized(range);
    json!({
        "startLine": r.start.line,
        "startColumn": r.start.column,
        "endLine": r.end.line,
        "endColumn": r.end.column,
    })
}

/// The region of a whole file (from line 1 to the end of its last line), for whole-file
/// findings: consumers such as GitHub need a line to anchor a result. Only line 1 when the
/// source is not at hand.
fn whole_file_region(path: &str, sources: &Sources<'_>) -> Value {
    let Some((text, index)) = sources.get(path) else {
        return json!({ "startLine": 1 });
    };
    let mut last = u32::try_from(index.line_count()).unwrap_or(u32::MAX);
    if last > 1 && text.ends_with('\n') {
        last -= 1;
    }
    let end_column = index
        .line_text(text, last)
        .map(|l| l.chars().count() + 1)
        .unwrap_or(1);
    json!({
        "startLine": 1,
        "startColumn": 1,
        "endLine": last,
        "endColumn": end_column,
    })
}

fn physical_location(path: &str, range: Option<Range>, sources: Option<&Sources<'_>>) -> Value {
    let mut loc = Map::new();
    loc.insert("artifactLocation".into(), artifact_location(path));
    match (range, sources) {
        (Some(r), _) => {
            loc.insert("region".into(), region(r));
        }
        (None, Some(sources)) => {
            loc.insert("region".into(), whole_file_region(path, sources));
        }
        (None, None) => {}
    }
    Value::Object(loc)
}

/// The text of one `## Heading` section of a rule's markdown docs, trimmed.
fn doc_section<'a>(docs: &'a str, heading: &str) -> Option<&'a str> {
    let start = docs.find(heading)? + heading.len();
    let rest = &docs[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    let text = rest[..end].trim();
    (!text.is_empty()).then_some(text)
}

/// Markdown to plain text, roughly: good enough for `help.text`, which consumers show when
/// they cannot render `help.markdown`. Heading markers and fences go, code stays verbatim.
fn markdown_to_text(md: &str) -> String {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if in_code {
            out.push(line.to_string());
        } else if line.starts_with('#') {
            out.push(line.trim_start_matches('#').trim_start().replace('`', ""));
        } else {
            out.push(line.replace('`', ""));
        }
    }
    out.join("\n").trim().to_string()
}

fn rule_descriptor(rule: &RuleMeta) -> Value {
    let full = doc_section(rule.docs, "## What it does").unwrap_or(rule.summary);
    let help = if rule.docs.trim().is_empty() {
        json!({ "text": rule.summary, "markdown": rule.summary })
    } else {
        json!({ "text": markdown_to_text(rule.docs), "markdown": rule.docs.trim() })
    };
    let mut tags = vec![rule.category.as_str()];
    if is_security(rule.category) && rule.category != Category::Security {
        tags.push("security");
    }
    let mut properties = Map::new();
    properties.insert("tags".into(), json!(tags));
    if is_security(rule.category)
        && let Some(score) = security_severity(rule.severity)
    {
        properties.insert("security-severity".into(), json!(score));
    }
    properties.insert("severity".into(), json!(rule.severity.as_str()));
    properties.insert("fix".into(), json!(rule.fix));
    properties.insert("aliases".into(), json!(rule.aliases));
    let mut config = Map::new();
    config.insert("level".into(), json!(level(rule.severity)));
    if !rule.default_enabled {
        config.insert("enabled".into(), json!(false));
    }
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": markdown_to_text(full) },
        "help": help,
        "defaultConfiguration": config,
        "properties": properties,
    })
}

fn logical_locations(f: &Finding) -> Vec<Value> {
    let Some(o) = &f.object else {
        return Vec::new();
    };
    let name = o.name.as_deref().unwrap_or("");
    let mut fqn = String::new();
    if let Some(ns) = &o.namespace {
        fqn.push_str(ns);
        fqn.push('/');
    }
    fqn.push_str(&o.kind);
    fqn.push('/');
    fqn.push_str(name);
    let mut object = Map::new();
    if !name.is_empty() {
        object.insert("name".into(), json!(name));
    }
    object.insert("fullyQualifiedName".into(), json!(fqn));
    object.insert("kind".into(), json!("resource"));
    object.insert(
        "properties".into(),
        json!({ "apiVersion": o.api_version, "kind": o.kind, "namespace": o.namespace }),
    );
    let mut out = vec![Value::Object(object)];
    if let Some(c) = &f.container {
        out.push(json!({
            "name": c,
            "fullyQualifiedName": format!("{fqn}/{c}"),
            "kind": "element",
        }));
    }
    out
}

fn fixes(f: &Finding, sources: &Sources<'_>) -> Option<Value> {
    let fix = f.fix.as_ref()?;
    let mut edits: Vec<_> = fix.edits.iter().collect();
    edits.sort();
    let replacements: Vec<Value> = edits
        .iter()
        .map(|e| {
            let deleted = match sources.edit_range(&f.path, e) {
                Some(r) => region(r),
                None => json!({
                    "byteOffset": e.start,
                    "byteLength": e.end.saturating_sub(e.start),
                }),
            };
            let mut rep = Map::new();
            rep.insert("deletedRegion".into(), deleted);
            if !e.content.is_empty() {
                rep.insert("insertedContent".into(), json!({ "text": e.content }));
            }
            Value::Object(rep)
        })
        .collect();
    Some(json!([{
        "description": { "text": fix.message },
        "artifactChanges": [{
            "artifactLocation": artifact_location(&f.path),
            "replacements": replacements,
        }],
        "properties": { "applicability": fix.applicability },
    }]))
}

fn result(f: &Finding, rule_index: usize, fingerprint: &str, sources: &Sources<'_>) -> Value {
    let mut location = Map::new();
    location.insert(
        "physicalLocation".into(),
        physical_location(&f.path, f.range, Some(sources)),
    );
    let logical = logical_locations(f);
    if !logical.is_empty() {
        location.insert("logicalLocations".into(), json!(logical));
    }
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(f.rule.code));
    r.insert("ruleIndex".into(), json!(rule_index));
    r.insert("level".into(), json!(level(f.severity)));
    r.insert("message".into(), json!({ "text": message }));
    r.insert("locations".into(), json!([location]));
    r.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT_KEY: fingerprint }),
    );
    if let Some(fixes) = fixes(f, sources) {
        r.insert("fixes".into(), fixes);
    }
    if let Some(by) = &f.suppressed {
        let kind = if by.origin == "config" {
            "external"
        } else {
            "inSource"
        };
        let mut s = Map::new();
        s.insert("kind".into(), json!(kind));
        if let Some(reason) = &by.reason {
            s.insert("justification".into(), json!(reason));
        }
        s.insert("properties".into(), json!({ "origin": by.origin }));
        r.insert("suppressions".into(), json!([s]));
    }
    let mut props = Map::new();
    props.insert("severity".into(), json!(f.severity.as_str()));
    if let Some(c) = &f.container {
        props.insert("container".into(), json!(c));
    }
    if let Some(p) = &f.pss_check {
        props.insert("pssCheck".into(), json!(p));
    }
    r.insert("properties".into(), Value::Object(props));
    Value::Object(r)
}

fn notification(e: &InputError) -> Value {
    json!({
        "level": "error",
        "message": { "text": e.message },
        "locations": [{ "physicalLocation": physical_location(&e.path, e.range, None) }],
    })
}

pub(crate) fn render(report: &Report, opts: &RenderOptions) -> String {
    let sources = Sources::new(report);
    let findings = all_findings(report);

    // Rules: the run's enabled rules in registry order, then any rule a finding refers to that
    // the list lacks (so every ruleIndex resolves).
    let mut rules: Vec<&RuleMeta> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for rule in report
        .rules
        .iter()
        .copied()
        .chain(findings.iter().map(|f| f.rule))
    {
        if !index.contains_key(rule.code) {
            index.insert(rule.code, rules.len());
            rules.push(rule);
        }
    }

    let prints = fingerprints(&findings, &sources);
    let results: Vec<Value> = findings
        .iter()
        .zip(&prints)
        .map(|(f, fp)| result(f, index[f.rule.code], fp, &sources))
        .collect();

    let mut invocation = Map::new();
    invocation.insert(
        "executionSuccessful".into(),
        json!(report.errors.is_empty()),
    );
    if !report.errors.is_empty() {
        invocation.insert(
            "toolExecutionNotifications".into(),
            json!(report.errors.iter().map(notification).collect::<Vec<_>>()),
        );
    }

    let mut run = Map::new();
    run.insert(
        "tool".into(),
        json!({
            "driver": {
                "name": "bulkhead",
                "version": opts.tool_version,
                "informationUri": super::INFORMATION_URI,
                "rules": rules.iter().map(|r| rule_descriptor(r)).collect::<Vec<_>>(),
            }
        }),
    );
    run.insert("invocations".into(), json!([invocation]));
    run.insert("results".into(), json!(results));
    run.insert("columnKind".into(), json!("unicodeCodePoints"));

    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [Value::Object(run)],
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(
            path_uri("./k8s/my app.yaml"),
            ("k8s/my%20app.yaml".into(), true)
        );
        assert_eq!(path_uri("c:x"), ("c%3Ax".into(), true));
        assert_eq!(path_uri("/abs/ü"), ("file:///abs/%C3%BC".into(), false));
        assert_eq!(path_uri("a#b?c%"), ("a%23b%3Fc%25".into(), true));
    }

    #[test]
    fn doc_sections() {
        let docs = "## What it does\nChecks X.\n\n## Why is this bad?\nY\n";
        assert_eq!(doc_section(docs, "## What it does"), Some("Checks X."));
        assert_eq!(doc_section(docs, "## Why is this bad?"), Some("Y"));
        assert_eq!(doc_section(docs, "## Example"), None);
    }

    #[test]
    fn help_text_keeps_code_verbatim() {
        let md = "## Example\nUse `x`:\n```yaml\n# comment\n  key: v\n```\n";
        assert_eq!(markdown_to_text(md), "Example\nUse x:\n# comment\n  key: v");
    }
}
