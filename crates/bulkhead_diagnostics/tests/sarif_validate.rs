//! Runs Microsoft's SARIF multitool validator (`sarif-multitool validate`, npm package
//! `@microsoft/sarif-multitool`, installed under target/npm by `.ci/sarif-setup.sh`) over the
//! SARIF we render, with both its SARIF rules and its GitHub ingestion rules, and fails on any
//! error, warning or note it reports.
//!
//! The multitool 5.7 does not check the JSON schema itself (a log with an invalid `level`
//! passes it), so the SARIF 2.1.0 JSON Schema shipped in the same npm package is applied too,
//! with the `jsonschema` crate.
//!
//! Without node/npm the tests fail under `CI=true` (CI installs them) and elsewhere print
//! "skipped: ..." and do nothing.

mod common;

use bulkhead_diagnostics::render::{Format, RenderOptions, render_to_string};
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The validator's launcher, or `None` (skip) when npm is unavailable.
fn multitool() -> Option<PathBuf> {
    let script = workspace_root().join(".ci/sarif-setup.sh");
    let out = Command::new("bash")
        .arg(&script)
        .output()
        .expect("run bash");
    match out.status.code() {
        Some(0) => Some(PathBuf::from(
            String::from_utf8(out.stdout).unwrap().trim().to_string(),
        )),
        Some(3) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "npm or node missing under CI=true (Debian packages nodejs and npm)"
            );
            None
        }
        _ => panic!(
            "{} failed: {}\n{}",
            script.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// The SARIF 2.1.0 JSON Schema shipped beside the multitool's platform build.
fn sarif_schema(launcher: &Path) -> jsonschema::Validator {
    let node_modules = launcher.parent().and_then(Path::parent).unwrap();
    let path = std::fs::read_dir(node_modules.join("@microsoft"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path().join("sarif-2.1.0.json"))
        .find(|p| p.is_file())
        .expect("sarif-2.1.0.json in the multitool package");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn schema_errors(schema: &jsonschema::Validator, sarif: &str) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(sarif).unwrap();
    schema
        .iter_errors(&value)
        .map(|e| format!("schema: {} at {}", e, e.instance_path()))
        .collect()
}

/// Validate `sarif` with the validator's `rule_kind` rules (`Sarif`: the specification's
/// rules; `Gh`: GitHub code scanning's ingestion rules) and return its findings as
/// `level ruleId: message` lines.
fn validate(tool: &Path, name: &str, rule_kind: &str, sarif: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sarif-validate");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join(format!("{name}.sarif"));
    let output = dir.join(format!("{name}.{rule_kind}.validation.sarif"));
    std::fs::write(&input, sarif).unwrap();
    let _ = std::fs::remove_file(&output);
    let run = Command::new(tool)
        .arg("validate")
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .arg("--rule-kind")
        .arg(rule_kind)
        // The self-contained .NET build needs no ICU for this.
        .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
        .output()
        .expect("run sarif-multitool");
    let log = std::fs::read_to_string(&output).unwrap_or_else(|_| {
        panic!(
            "validator wrote no log ({}):\n{}\n{}",
            run.status,
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        )
    });
    let log: serde_json::Value = serde_json::from_str(&log).unwrap();
    let run0 = &log["runs"][0];
    let mut problems = Vec::new();
    // Tool failures (e.g. the file is not JSON) are notifications, not results.
    for n in run0["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .into_iter()
        .flatten()
    {
        problems.push(format!("notification: {}", n["message"]["text"]));
    }
    let rules = &run0["tool"]["driver"]["rules"];
    for r in run0["results"].as_array().into_iter().flatten() {
        let rule = r["ruleId"].as_str().unwrap_or("?");
        let level = r["level"].as_str().unwrap_or("warning");
        // Messages are templates in the rule's messageStrings, filled with arguments.
        let template = rules
            .as_array()
            .into_iter()
            .flatten()
            .find(|d| d["id"] == rule)
            .and_then(|d| d["messageStrings"][r["message"]["id"].as_str()?]["text"].as_str())
            .or(r["message"]["text"].as_str())
            .unwrap_or("");
        let mut text = template.to_string();
        for (i, a) in r["message"]["arguments"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            text = text.replace(&format!("{{{i}}}"), a.as_str().unwrap_or(""));
        }
        problems.push(format!("{level} {rule}: {text}"));
    }
    problems
}

#[test]
fn rendered_sarif_passes_the_multitool_validator() {
    let Some(tool) = multitool() else {
        println!("skipped: npm not found (install the Debian packages nodejs and npm)");
        return;
    };
    let opts = RenderOptions {
        color: false,
        tool_version: "0.0.0-test".into(),
    };
    let schema = sarif_schema(&tool);
    for (name, sarif) in [
        ("sample", common::sample_report()),
        ("clean", common::clean_report()),
        ("hostile", common::hostile_report()),
    ]
    .map(|(name, report)| (name, render_to_string(Format::Sarif, &report, &opts)))
    .into_iter()
    .chain([("vulnerabilities", common::vulnerability_sarif(&opts))])
    {
        assert_eq!(
            schema_errors(&schema, &sarif),
            Vec::<String>::new(),
            "{name}"
        );
        for rule_kind in ["Sarif", "Gh"] {
            let problems = validate(&tool, name, rule_kind, &sarif);
            assert!(
                problems.is_empty(),
                "{name}: the SARIF validator's {rule_kind} rules reported:\n{}",
                problems.join("\n")
            );
        }
    }
}

/// Controls: both checks really run and flag broken logs, so the test above cannot pass
/// vacuously.
#[test]
fn validators_flag_broken_logs() {
    let Some(tool) = multitool() else {
        println!("skipped: npm not found (install the Debian packages nodejs and npm)");
        return;
    };
    let opts = RenderOptions::default();
    let sarif = render_to_string(Format::Sarif, &common::sample_report(), &opts);
    let bad_level = sarif.replacen("\"level\": \"error\"", "\"level\": \"fatal\"", 1);
    let errors = schema_errors(&sarif_schema(&tool), &bad_level);
    assert!(
        errors.iter().any(|e| e.contains("fatal")),
        "expected a schema error, got {errors:?}"
    );
    let no_uri = sarif.replacen("\"informationUri\"", "\"x-informationUri\"", 1);
    let problems = validate(&tool, "no-uri", "Sarif", &no_uri);
    assert!(
        problems.iter().any(|p| p.contains("SARIF2005")),
        "expected SARIF2005, got {problems:?}"
    );
}
