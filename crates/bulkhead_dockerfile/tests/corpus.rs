//! The generated corpus (bench/gen_dockerfiles.py, 1,000 varied Dockerfiles: multi-stage,
//! heredocs, mounts, continuations with comments and blank lines, CRLF, Windows `escape=`)
//! must parse without a single input error, and checking it must stay fast.

use bulkhead_dockerfile::{Settings, check};
use std::path::Path;
use std::time::Instant;

#[test]
fn every_corpus_file_parses_without_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "Dockerfile"))
        .collect();
    files.sort();
    assert!(files.len() >= 1000, "corpus has only {} files", files.len());
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    let settings = Settings::default();
    let start = Instant::now();
    let mut findings = 0;
    let mut failures = Vec::new();
    for (path, text) in &texts {
        let out = check(path, text, &settings);
        findings += out.findings.len();
        if !out.errors.is_empty() {
            failures.push(format!("{path}: {:?}", out.errors));
        }
    }
    let elapsed = start.elapsed();
    assert!(
        failures.is_empty(),
        "{} files rejected:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "{} files, {findings} findings, {:.1} ms (debug build)",
        texts.len(),
        elapsed.as_secs_f64() * 1000.0
    );
}

/// `--fix --unsafe-fixes` over the whole corpus: the result still parses, every finding a
/// fix claimed to remove is gone (or has no fix left to offer), and fixing again changes
/// nothing.
#[test]
fn fixing_the_corpus_is_stable() {
    use bulkhead_diagnostics::fix_until_stable;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let settings = Settings::default();
    let mut changed = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        let original = std::fs::read_to_string(&p).unwrap();
        let looped = fix_until_stable(&original, 10, |text| {
            let out = check("Dockerfile", text, &settings);
            out.findings.into_iter().filter_map(|f| f.fix).collect()
        });
        assert!(looped.converged, "{}: fixes did not converge", p.display());
        let text = looped.fixed.unwrap_or_else(|| original.clone());
        let out = check("Dockerfile", &text, &settings);
        assert!(
            out.errors.is_empty(),
            "{}: fixed text no longer parses: {:?}",
            p.display(),
            out.errors
        );
        let left: Vec<_> = out
            .findings
            .iter()
            .filter(|f| f.fix.is_some())
            .map(|f| f.rule.code)
            .collect();
        assert!(
            left.is_empty(),
            "{}: fixable findings left after fixing: {left:?}",
            p.display()
        );
        if text != original {
            changed += 1;
        }
    }
    assert!(changed > 500, "only {changed} files had something to fix");
}
