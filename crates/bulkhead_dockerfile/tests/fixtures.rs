//! Snapshots of the findings (code, line, column, message, fix), suppressions and input
//! errors for every fixture in tests/fixtures, and of each fixture after `--fix
//! --unsafe-fixes`; a second round of fixes must change nothing.

use bulkhead_diagnostics::{Applicability, apply_suppressions, fix_until_stable};
use bulkhead_dockerfile::{Settings, check};
use std::fmt::Write;
use std::path::Path;

fn render(path: &str, text: &str) -> String {
    let out = check(path, text, &Settings::default());
    let mut s = String::new();
    for e in &out.errors {
        let (l, c) = e
            .range
            .map(|r| (r.start.line, r.start.column))
            .unwrap_or((0, 0));
        writeln!(s, "error {l}:{c} {}", e.message).unwrap();
    }
    let enabled = |code: &str| bulkhead_dockerfile::rule(code).is_none_or(|r| r.default_enabled);
    let findings: Vec<_> = out
        .findings
        .into_iter()
        .filter(|f| enabled(f.rule.code))
        .collect();
    let (kept, hidden) = apply_suppressions(path, findings, &out.suppressions, &|c| {
        bulkhead_dockerfile::rule(c).is_some_and(|r| r.default_enabled)
    });
    for f in &kept {
        let r = f.range.unwrap();
        let fix = match &f.fix {
            Some(x) if x.applicability == Applicability::Safe => " [fix]",
            Some(_) => " [unsafe fix]",
            None => "",
        };
        writeln!(
            s,
            "{}:{} {} {}{fix}",
            r.start.line, r.start.column, f.rule.code, f.message
        )
        .unwrap();
    }
    for f in &hidden {
        let by = f.suppressed.as_ref().unwrap();
        writeln!(
            s,
            "suppressed {} line {} by {}",
            f.rule.code,
            f.range.unwrap().start.line,
            by.origin
        )
        .unwrap();
    }
    s
}

/// The binary's fix loop with the default rules' fixes (none on a text that does not parse).
fn fix_all(path: &str, text: &str) -> String {
    let looped = fix_until_stable(text, 10, |cur| {
        let out = check(path, cur, &Settings::default());
        if !out.errors.is_empty() {
            return Vec::new();
        }
        out.findings
            .into_iter()
            .filter(|f| f.rule.default_enabled)
            .filter_map(|f| f.fix)
            .collect()
    });
    assert!(looped.converged, "{path}: fixes did not converge");
    looped.fixed.unwrap_or_else(|| text.to_string())
}

#[test]
fn fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 8);
    for p in files {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&p).unwrap();
        let display = format!("{name}.Dockerfile");
        insta::assert_snapshot!(format!("findings_{name}"), render(&display, &text));
        let fixed = fix_all(&display, &text);
        if fixed != text {
            insta::assert_snapshot!(format!("fixed_{name}"), fixed);
            // idempotent
            assert_eq!(
                fix_all(&display, &fixed),
                fixed,
                "{name}: second --fix changed the file"
            );
        }
    }
}
