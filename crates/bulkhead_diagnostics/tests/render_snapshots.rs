//! Byte-exact snapshots of every format on the kitchen-sink report and on a clean run.
//!
//! insta compares snapshots after trimming trailing whitespace, so `snap` also asserts what
//! that comparison cannot see: the output ends with exactly one newline (or is empty) and has
//! no carriage return. Together they pin the output byte for byte.

mod common;

use bulkhead_diagnostics::Report;
use bulkhead_diagnostics::render::{Format, RenderOptions, render};

fn rendered(format: Format, report: &Report, color: bool) -> String {
    let opts = RenderOptions {
        color,
        tool_version: "0.0.0-test".into(),
    };
    let mut buf = Vec::new();
    render(format, report, &opts, &mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

fn snap(name: &str, out: &str) {
    assert!(
        out.is_empty() || (out.ends_with('\n') && !out.ends_with("\n\n")),
        "{name}: output must end with exactly one newline"
    );
    assert!(!out.contains('\r'), "{name}: no carriage return");
    insta::assert_snapshot!(name, out);
}

#[test]
fn sample_in_every_format() {
    let report = common::sample_report();
    for format in Format::ALL {
        let out = rendered(format, &report, false);
        assert!(
            !out.contains('\x1b'),
            "{format}: no ANSI escape without colour"
        );
        snap(&format!("sample_{format}"), &out);
    }
}

#[test]
fn sample_human_in_colour() {
    let out = rendered(Format::Human, &common::sample_report(), true);
    assert!(out.contains("\x1b[1;35mPSS002\x1b[0m"));
    snap("sample_human_color", &out);
}

/// The vulnerability report of `bulkhead image`/`fs` through the same SARIF renderer.
#[test]
fn vulnerability_sarif() {
    let opts = RenderOptions {
        color: false,
        tool_version: "0.0.0-test".into(),
    };
    let out = common::vulnerability_sarif(&opts);
    snap("vulnerability_sarif", &out);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "ALPINE-CVE-2020-1967",
            "CVE-2016-10931",
            "CVE-2021-0001",
            "GHSA-3gxf-9r58-2ghg"
        ]
    );
    // The CVSS score, else the one scale (medium 5.5), none for unrated/info.
    let sev: Vec<&serde_json::Value> = rules
        .iter()
        .map(|r| &r["properties"]["security-severity"])
        .collect();
    assert_eq!(sev[0], "5.5");
    assert_eq!(sev[1], "8.1");
    assert_eq!(sev[2], "9.8");
    assert!(sev[3].is_null());
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    for r in results {
        assert_eq!(
            rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
            r["ruleId"]
        );
    }
    // The same advisory in two lockfiles: two results, distinct fingerprints.
    assert_ne!(
        results[0]["partialFingerprints"],
        results[1]["partialFingerprints"]
    );
    assert_eq!(results[4]["suppressions"][0]["kind"], "external");
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn clean_run_in_every_format() {
    let report = common::clean_report();
    for format in Format::ALL {
        snap(
            &format!("clean_{format}"),
            &rendered(format, &report, false),
        );
    }
}

#[test]
fn hostile_text_in_every_format() {
    let report = common::hostile_report();
    for format in Format::ALL {
        let out = rendered(format, &report, false);
        assert!(!out.contains('\x1b') && !out.contains('\0'), "{format}");
        snap(&format!("hostile_{format}"), &out);
    }
}

#[test]
fn colour_only_changes_escapes() {
    let report = common::sample_report();
    let plain = rendered(Format::Human, &report, false);
    let colour = rendered(Format::Human, &report, true);
    let mut stripped = String::new();
    let mut rest = colour.as_str();
    while let Some(i) = rest.find('\x1b') {
        stripped.push_str(&rest[..i]);
        let end = rest[i..].find('m').unwrap();
        rest = &rest[i + end + 1..];
    }
    stripped.push_str(rest);
    assert_eq!(stripped, plain);
    // Colour never reaches the machine formats.
    for format in [
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Junit,
    ] {
        assert_eq!(
            rendered(format, &report, true),
            rendered(format, &report, false)
        );
    }
}

#[test]
fn concise_is_one_line_per_finding_and_error() {
    let report = common::sample_report();
    let out = rendered(Format::Concise, &report, false);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), report.findings.len() + report.errors.len());
    assert_eq!(
        lines[0],
        "Dockerfile:1:1: DF030 [info] The image has no `org.opencontainers.image.source` label"
    );
    assert!(lines.contains(
        &"k8s/ns.yaml:1:1: KS064 [low] No NetworkPolicy selects the pods of namespace `prod`"
    ));
    assert!(lines.contains(
        &"missing.Dockerfile:1:1: error: could not read the file: Permission denied (os error 13)"
    ));
    assert!(lines.contains(
        &"broken.yaml:4:13: error: invalid YAML: mapping values are not allowed in this context"
    ));
}

#[test]
fn rendering_is_deterministic() {
    for format in Format::ALL {
        let a = rendered(format, &common::sample_report(), true);
        let b = rendered(format, &common::sample_report(), true);
        assert_eq!(a, b, "{format}");
    }
}

/// The vulnerability report of `bulkhead image`/`fs --format html`: the same page as
/// `check`'s, rows per vulnerability, unrated ones as `unknown`, suppressed ones counted and
/// not shown, hostile text escaped.
#[test]
fn vulnerability_html() {
    let out = common::vulnerability_html();
    snap("vulnerability_html", &out);
    assert_eq!(out.matches("<tr class=\"finding\"").count(), 4);
    assert!(out.contains("<b id=\"count-high\">2</b>"));
    assert!(out.contains("<b id=\"count-unknown\">1</b>"));
    assert!(out.contains("<b id=\"count-suppressed\">1</b>"));
    assert!(out.contains("<b id=\"count-errors\">1</b>"));
    assert!(out.contains("data-severity=\"unknown\""));
    assert!(!out.contains("<script>\""), "{out}");
    assert!(out.contains("1.0.0 &lt;script&gt;"));
    assert_eq!(out.matches("<script>").count(), 1);
}
