//! Byte-exact snapshots of the main commands' human output on the committed examples and
//! fixtures: `check` (human and concise) over a Dockerfile, a Kubernetes manifest and a
//! Compose file, and `sbom --format table` over two directories. insta trims trailing
//! whitespace when comparing, so `snap` also pins the final newline and the absence of
//! carriage returns and escape sequences.
//!
//! The vulnerability table of `bulkhead fs` is snapshotted in tests/scan.rs (it needs the
//! advisories of ../shared).

mod common;

use common::{bulkhead, text};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn snap(name: &str, out: &str) {
    assert!(
        out.ends_with('\n') && !out.ends_with("\n\n"),
        "{name}: output must end with exactly one newline"
    );
    assert!(!out.contains('\r'), "{name}: no carriage return");
    assert!(
        !out.contains('\x1b'),
        "{name}: no escape sequence with NO_COLOR"
    );
    insta::assert_snapshot!(name, out);
}

const EXAMPLES: [&str; 3] = [
    "Dockerfile",
    "k8s/insecure-deployment.yaml",
    "compose/docker-compose.yml",
];

#[test]
fn check_human_on_the_examples() {
    let mut args = vec!["check", "--isolated"];
    args.extend(EXAMPLES);
    let out = bulkhead(&args, &root().join("examples"));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    snap("check_human_examples", &text(&out.stdout));
}

#[test]
fn check_concise_on_the_examples() {
    let mut args = vec!["check", "--isolated", "--format", "concise"];
    args.extend(EXAMPLES);
    let out = bulkhead(&args, &root().join("examples"));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    snap("check_concise_examples", &text(&out.stdout));
}

#[test]
fn check_human_when_clean() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Dockerfile"),
        "FROM alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nUSER 10001\nHEALTHCHECK CMD [\"true\"]\nCMD [\"true\"]\n",
    )
    .unwrap();
    let out = bulkhead(&["check", "--isolated", "Dockerfile"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    snap("check_human_clean", &text(&out.stdout));
}

#[test]
fn sbom_table_of_directories() {
    let fixtures = root().join("crates/bulkhead_advisory/tests/fixtures");
    let mut all = String::new();
    for dir in ["rootfs-alpine-3.11", "cargo-project"] {
        let out = bulkhead(&["sbom", "--no-cache", "--format", "table", dir], &fixtures);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        all.push_str(&text(&out.stdout));
    }
    snap("sbom_table_directories", &all);
}
