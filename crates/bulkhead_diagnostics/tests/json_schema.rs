//! The JSON report matches its committed JSON Schema (docs/schema/report-v1.schema.json), the
//! schema is strict enough to catch drift, and the documented example is valid.

mod common;

use bulkhead_diagnostics::render::{Format, RenderOptions, render_to_string};
use bulkhead_diagnostics::{Report, Severity};
use pretty_assertions::assert_eq;
use serde_json::{Value, json};

fn json_of(report: &Report) -> Value {
    serde_json::from_str(&render_to_string(
        Format::Json,
        report,
        &RenderOptions::default(),
    ))
    .unwrap()
}

#[test]
fn rendered_reports_match_the_schema() {
    let schema = common::report_schema();
    for report in [common::sample_report(), common::clean_report()] {
        let doc = json_of(&report);
        assert_eq!(common::schema_errors(&schema, &doc), Vec::<String>::new());
    }
}

/// A change that should make a valid report invalid.
type Mutation = fn(&mut Value);

#[test]
fn schema_rejects_drift() {
    let schema = common::report_schema();
    let doc = json_of(&common::sample_report());
    let mutations: [(&str, Mutation); 7] = [
        ("unknown severity", |d| {
            d["findings"][0]["severity"] = json!("urgent")
        }),
        ("undocumented key", |d| d["findings"][0]["extra"] = json!(1)),
        ("missing key", |d| {
            d["findings"][0].as_object_mut().unwrap().remove("help");
        }),
        ("other version", |d| d["version"] = json!(2)),
        ("line 0", |d| {
            d["findings"][0]["range"]["start"]["line"] = json!(0)
        }),
        ("bad applicability", |d| {
            d["findings"][2]["fix"]["applicability"] = json!("maybe")
        }),
        ("negative count", |d| d["summary"]["files"] = json!(-1)),
    ];
    for (what, mutate) in mutations {
        let mut bad = doc.clone();
        mutate(&mut bad);
        assert!(
            !common::schema_errors(&schema, &bad).is_empty(),
            "the schema accepted a report with {what}"
        );
    }
}

#[test]
fn documented_examples_match_the_schema() {
    let schema = common::report_schema();
    let path = common::workspace_root().join("docs/json-report.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let mut blocks = 0;
    let mut rest = doc.as_str();
    while let Some(start) = rest.find("```json\n") {
        let body = &rest[start + 8..];
        let end = body.find("\n```").unwrap();
        let value: Value = serde_json::from_str(&body[..end])
            .unwrap_or_else(|e| panic!("example {} in {path:?}: {e}", blocks + 1));
        assert_eq!(
            common::schema_errors(&schema, &value),
            Vec::<String>::new(),
            "example {} in {path:?}",
            blocks + 1
        );
        blocks += 1;
        rest = &body[end..];
    }
    assert!(blocks > 0, "no ```json example in {path:?}");
}

#[test]
fn summary_counts_unsuppressed_findings() {
    let report = common::sample_report();
    let doc = json_of(&report);
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(
        findings.len(),
        report.findings.len() + report.suppressed.len()
    );
    let kept: Vec<&Value> = findings
        .iter()
        .filter(|f| f["suppressed"].is_null())
        .collect();
    assert_eq!(doc["summary"]["total"], json!(kept.len()));
    for sev in Severity::ALL_DESC {
        let n = kept
            .iter()
            .filter(|f| f["severity"] == sev.as_str())
            .count();
        assert_eq!(doc["summary"][sev.as_str()], json!(n), "{sev}");
    }
    assert_eq!(doc["summary"]["suppressed"], json!(1));
    assert_eq!(doc["summary"]["errors"], json!(2));
}
