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
