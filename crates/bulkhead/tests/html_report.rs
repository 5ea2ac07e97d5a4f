//! `--format html` opened in a real browser (Debian's headless Chromium driven by
//! playwright-core, tests/support/html_check.mjs): the page loads with no console error and
//! makes no request beyond its own file, the counts it shows equal the JSON report's, and
//! filter clicks hide exactly the right rows. `BULKHEAD_SCREENSHOT=path.png` keeps a
//! screenshot (docs/html-report.png is one).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The playwright-core directory, or None (with the reason) outside CI.
fn playwright() -> Option<PathBuf> {
    let in_ci = std::env::var("CI").as_deref() == Ok("true");
    let chromium = Path::new("/usr/bin/chromium");
    let out = Command::new("bash")
        .arg(root().join(".ci/playwright-setup.sh"))
        .output()
        .unwrap();
    let missing = if !chromium.exists() {
        Some("/usr/bin/chromium not found (Debian package chromium)".to_string())
    } else if !out.status.success() {
        Some(format!("playwright-core: {}", common::text(&out.stderr)))
    } else {
        None
    };
    if let Some(why) = missing {
        assert!(
            !in_ci,
            "{why} (CI=true: .ci/packages.txt and .ci/playwright-setup.sh provide it)"
        );
        println!("skipped: {why}");
        return None;
    }
    Some(PathBuf::from(common::text(&out.stdout).trim()))
}

/// What a person sees of the page at `html` (tests/support/html_check.mjs, filters tried
/// with `rule`), after checking that it loaded with no console error and fetched nothing.
fn browse(pw: &Path, html: &Path, rule: &str, screenshot: Option<&String>) -> serde_json::Value {
    let run = Command::new("node")
        .arg(root().join("crates/bulkhead/tests/support/html_check.mjs"))
        .arg(html)
        .arg(rule)
        .args(screenshot)
        .env("PLAYWRIGHT_DIR", pw)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}{}",
        common::text(&run.stdout),
        common::text(&run.stderr)
    );
    let seen: serde_json::Value = serde_json::from_str(common::text(&run.stdout).trim()).unwrap();
    assert_eq!(seen["consoleErrors"], serde_json::json!([]));
    assert_eq!(
        seen["requests"],
        serde_json::json!([format!("file://{}", html.display())]),
        "the page must fetch nothing"
    );
    seen
}

#[test]
fn html_report_in_a_browser() {
    let Some(pw) = playwright() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let json = dir.path().join("report.json");
    let out = common::bulkhead(
        &[
            "check",
            "examples",
            "-f",
            &format!("html:{}", html.display()),
            "-f",
            &format!("json:{}", json.display()),
        ],
        &root(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", common::text(&out.stderr));
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    // The JSON report also lists suppressed findings (with who suppressed them); the page's
    // table holds the ones that count.
    let findings: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppressed"].is_null())
        .collect();
    let count = |key: &str, val: &str| findings.iter().filter(|f| f[key] == val).count();
    let rule = "KS001";
    let shot = std::env::var("BULKHEAD_SCREENSHOT").unwrap_or_default();
    let seen = browse(&pw, &html, rule, Some(&shot).filter(|s| !s.is_empty()));
    let summary = &report["summary"];
    for sev in [
        "critical",
        "high",
        "medium",
        "low",
        "info",
        "suppressed",
        "errors",
    ] {
        assert_eq!(seen["counts"][sev], summary[sev], "{sev}");
    }
    assert_eq!(seen["rows"], findings.len());
    assert_eq!(seen["shown"], findings.len());
    assert!(count("severity", "medium") > 0 && count("code", rule) > 0);
    assert_eq!(
        seen["withoutMedium"],
        findings.len() - count("severity", "medium")
    );
    assert_eq!(seen["oneRule"], count("code", rule));
    assert_eq!(seen["oneRuleShown"], count("code", rule));
    let smallest = findings
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .min()
        .unwrap();
    assert_eq!(seen["firstRule"], smallest);
    assert_eq!(seen["docTitle"], rule);
    assert_eq!(seen["docOpen"], true);
}

/// `bulkhead fs --format html`: the vulnerability page in the same browser, counts equal to
/// the JSON report's, the severity and advisory filters hide the right rows, the advisory's
/// details open in the dialog, and nothing is fetched.
#[test]
fn vulnerability_html_report_in_a_browser() {
    let Some(pw) = playwright() else {
        return;
    };
    let shared = root().join("../shared/advisories/rustsec-osv/crates");
    if !shared.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared/advisories not found under CI=true"
        );
        println!("skipped: ../shared/advisories not found");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("advisory.db");
    let out = Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(["db", "import", "--db"])
        .arg(&db)
        .arg(&shared)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let target = root().join("crates/bulkhead_advisory/tests/fixtures/cargo-project");
    let (html, json) = (dir.path().join("vulns.html"), dir.path().join("vulns.json"));
    for (format, path) in [("html", &html), ("json", &json)] {
        let out = common::bulkhead(
            &[
                "fs",
                "--no-cache",
                "--scanners",
                "vuln",
                "--db",
                db.to_str().unwrap(),
                "-f",
                format,
                "-o",
                path.to_str().unwrap(),
                target.to_str().unwrap(),
            ],
            &root(),
        );
        assert_eq!(out.status.code(), Some(1), "{}", common::text(&out.stderr));
    }
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let vulns = report["vulnerabilities"].as_array().unwrap();
    let rule = "CVE-2016-10931";
    let seen = browse(&pw, &html, rule, None);
    let unrated = |v: &&serde_json::Value| v["severity_source"].is_null();
    let count = |sev: &str| {
        vulns
            .iter()
            .filter(|v| !unrated(v) && v["severity"] == sev)
            .count()
    };
    for sev in ["critical", "high", "medium", "low", "info"] {
        assert_eq!(seen["counts"][sev], count(sev), "{sev}");
    }
    assert_eq!(
        seen["counts"]["unknown"],
        vulns.iter().filter(unrated).count()
    );
    assert!(count("high") > 0, "{report:#}");
    assert_eq!(seen["rows"], vulns.len());
    assert_eq!(seen["shown"], vulns.len());
    assert_eq!(seen["withoutMedium"], vulns.len() - count("medium"));
    let one = vulns.iter().filter(|v| v["id"] == rule).count();
    assert!(one > 0);
    assert_eq!(seen["oneRule"], one);
    assert_eq!(seen["oneRuleShown"], one);
    assert_eq!(seen["docTitle"], rule);
    assert_eq!(seen["docOpen"], true);
}
