//! Time the engine alone (parse + every rule + suppressions) over a directory of
//! Dockerfiles, single-threaded: `cargo run --release -p bulkhead_dockerfile --example
//! check_corpus -- DIR`.

use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "crates/bulkhead_dockerfile/tests/corpus".into());
    let texts: Vec<String> = std::fs::read_dir(&dir)
        .expect("read dir")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read file"))
        .collect();
    let settings = bulkhead_dockerfile::Settings::default();
    let mut best = f64::MAX;
    let mut findings = 0;
    for _ in 0..5 {
        let t = Instant::now();
        findings = 0;
        for text in &texts {
            findings += bulkhead_dockerfile::check("Dockerfile", text, &settings)
                .findings
                .len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} files, {findings} findings: {:.1} ms single-threaded ({:.1} us/file)",
        texts.len(),
        best * 1e3,
        best * 1e6 / texts.len() as f64
    );
}
