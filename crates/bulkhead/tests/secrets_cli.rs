//! `bulkhead fs --scanners secret DIR`: .gitignore honoured, binaries skipped, oversized files
//! noted, secrets masked in every format, exit statuses, and the peers' ids in ignore files.

mod common;

use common::{bulkhead, text};
use std::path::Path;

/// Tokens made at run time: this source holds none.
fn gh() -> String {
    format!("gh{}_{}", "p", "Zq4Wm8Rt2Yu6Io0Pa3Sd7Fg1Hj5Kl9Zx2Cv6Bn0")
}
fn aws() -> String {
    format!("{}{}", "AK", "IAQ7M2ZK4XW9TLP3VN")
}

fn tree(dir: &Path) {
    std::fs::write(dir.join(".gitignore"), "ignored.env\n").unwrap();
    std::fs::write(
        dir.join("app.env"),
        format!("# config\nGITHUB_TOKEN={}\n", gh()),
    )
    .unwrap();
    std::fs::write(dir.join("ignored.env"), format!("GITHUB_TOKEN={}\n", gh())).unwrap();
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("src/deploy.py"),
        format!(
            "import os\nKEY_ID = \"{}\"\nEXAMPLE = \"AKIAIOSFODNN7EXAMPLE\"\n",
            aws()
        ),
    )
    .unwrap();
    let mut bin = b"\x7fELF\x02\x01\x01\x00".to_vec();
    bin.extend_from_slice(gh().as_bytes());
    std::fs::write(dir.join("tool.bin"), bin).unwrap();
}

#[test]
fn finds_masks_and_honours_gitignore() {
    let d = tempfile::tempdir().unwrap();
    tree(d.path());
    let out = bulkhead(
        &["fs", "--scanners", "secret", "--format", "json", "."],
        d.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(!stdout.contains(&gh()) && !stdout.contains(&aws()));
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let got: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}:{} {}",
                f["code"].as_str().unwrap(),
                f["path"].as_str().unwrap(),
                f["range"]["start"]["line"],
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "SC039 app.env:2 GitHub personal access token: `ghp_************************`",
            "SC001 src/deploy.py:2 AWS access key ID: `AKIA****************`",
        ]
    );
}

#[test]
fn masked_in_every_format() {
    let d = tempfile::tempdir().unwrap();
    tree(d.path());
    for format in ["table", "json", "sarif"] {
        let out = bulkhead(
            &["fs", "--scanners", "secret", "--format", format, "."],
            d.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{format}");
        let s = text(&out.stdout);
        assert!(s.contains("ghp_****"), "{format}: {s}");
        assert!(
            !s.contains(&gh()) && !s.contains(&aws()),
            "{format} prints a secret"
        );
    }
}

#[test]
fn ignores_by_peer_ids_and_exit_code() {
    let d = tempfile::tempdir().unwrap();
    tree(d.path());
    // gitleaks/Trivy ids in .trivyignore and DOCKLE_IGNORES-style env: both suppress.
    std::fs::write(d.path().join(".trivyignore"), "github-pat  # rotated\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(["fs", "--scanners", "secret", "--format", "json", "."])
        .current_dir(d.path())
        .env("NO_COLOR", "1")
        .env("DOCKLE_IGNORES", "aws-access-token")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(v["summary"]["suppressed"], 2);
    std::fs::remove_file(d.path().join(".trivyignore")).unwrap();
    let out = bulkhead(
        &["fs", "--scanners", "secret", "--exit-code", "0", "."],
        d.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let out = bulkhead(&["fs", "--scanners", "secret", "missing-dir"], d.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn oversized_files_are_noted_not_skipped_silently() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("big.txt"), "x".repeat(5000)).unwrap();
    let out = bulkhead(
        &[
            "fs",
            "--scanners",
            "secret",
            "--secret-max-file-size",
            "1000",
            ".",
        ],
        d.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr)
            .contains("big.txt (5000 bytes) is larger than --secret-max-file-size; not scanned"),
        "{}",
        text(&out.stderr)
    );
}
