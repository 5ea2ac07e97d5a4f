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

/// Standard base64 with padding (a Kubernetes Secret's `data`).
fn base64(b: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in b.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A Dockerfile and a manifest with secrets in the values `check` reads.
fn check_tree(dir: &Path) {
    std::fs::write(
        dir.join("Dockerfile"),
        format!(
            "FROM debian:12\nENV GITHUB_TOKEN={} \\\n    URL=\"db://u:Sup3rS3cretPw@db/x\"\n# bulkhead: ignore[SC001] rotated, tracked in OPS-7\nARG OLD={}\nARG KEY={}\nENV PLAIN=hello\n",
            gh(),
            aws(),
            aws()
        ),
    )
    .unwrap();
    let b64 = base64(format!("token: {}\n", gh()).as_bytes());
    std::fs::write(
        dir.join("k.yaml"),
        format!(
            "apiVersion: v1\nkind: Secret\nmetadata: {{name: s}}\ndata:\n  creds: {b64}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c}}\ndata:\n  app.ini: |\n    id = {aws}\n    gh = {gh}\n---\napiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n  - name: a\n    env:\n    - {{name: GH, value: \"{gh}\"}}\n",
            aws = aws(),
            gh = gh()
        ),
    )
    .unwrap();
}

fn codes_at(stdout: &str, prefix: &[&str]) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["suppressed"].is_null()
                && prefix
                    .iter()
                    .any(|p| f["code"].as_str().unwrap().starts_with(p))
        })
        .map(|f| {
            format!(
                "{} {}:{}:{}",
                f["code"].as_str().unwrap(),
                f["path"].as_str().unwrap(),
                f["range"]["start"]["line"],
                f["range"]["start"]["column"],
            )
        })
        .collect()
}

#[test]
fn check_reports_secret_values_at_their_place() {
    let d = tempfile::tempdir().unwrap();
    check_tree(d.path());
    let out = bulkhead(&["check", "--format", "json", "."], d.path());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    // The suppressed SC001 (line 5) is gone; KS046 says the ConfigMap's AKIA key, so SC001
    // does not repeat it; DF021 (the name) stays beside SC039 (the value).
    assert_eq!(
        codes_at(&stdout, &["SC", "DF021", "KS026", "KS046"]),
        [
            "DF021 Dockerfile:2:5",
            "SC039 Dockerfile:2:18",
            "SC063 Dockerfile:3:17",
            "SC001 Dockerfile:6:9",
            "SC039 k.yaml:5:10",
            "KS046 k.yaml:11:3",
            "SC039 k.yaml:13:10",
            "SC039 k.yaml:22:26",
        ]
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["summary"]["suppressed"], 1);
}

#[test]
fn check_secret_findings_follow_selection() {
    let d = tempfile::tempdir().unwrap();
    check_tree(d.path());
    let run = |args: &[&str]| {
        let mut a = vec!["check", "--format", "json"];
        a.extend_from_slice(args);
        a.push(".");
        codes_at(&text(&bulkhead(&a, d.path()).stdout), &["SC"])
    };
    assert_eq!(
        run(&["--ignore", "SC039,connection-string-password"]),
        ["SC001 Dockerfile:6:9"]
    );
    assert_eq!(run(&["--select", "DF,KS"]), Vec::<String>::new());
    // An SC rule selected by its gitleaks id.
    assert_eq!(
        run(&["--select", "aws-access-token,KS"]),
        ["SC001 Dockerfile:6:9"]
    );
    // Without KS046 the ConfigMap's key id is SC001's.
    assert_eq!(
        run(&["--select", "SC001"]),
        ["SC001 Dockerfile:6:9", "SC001 k.yaml:12:10"]
    );
    assert_eq!(run(&["--select", "SC001,KS046"]), ["SC001 Dockerfile:6:9"]);
}

#[test]
fn check_never_prints_a_secret() {
    let d = tempfile::tempdir().unwrap();
    check_tree(d.path());
    let b64 = base64(format!("token: {}\n", gh()).as_bytes());
    for format in [
        "human", "concise", "json", "sarif", "github", "junit", "html",
    ] {
        let out = bulkhead(&["check", "--format", format, "."], d.path());
        assert_eq!(out.status.code(), Some(1), "{format}");
        let s = text(&out.stdout);
        assert!(s.contains("ghp_****"), "{format}: {s}");
        for secret in [gh(), aws(), b64.clone(), "Sup3rS3cretPw".to_string()] {
            assert!(!s.contains(&secret), "{format} prints {secret}:\n{s}");
        }
    }
}

/// A high-entropy password made at run time.
fn pw() -> String {
    format!("{}{}", "6WFq6K5N", "BttfCRopAPOz")
}

/// A Compose file with secrets in `environment` (map and list forms) and `build.args`, an
/// interpolated value, an `env_file` (not followed) and a suppressed entry.
fn compose_tree(dir: &Path) {
    std::fs::write(dir.join(".env"), format!("GITHUB_TOKEN={}\n", gh())).unwrap();
    std::fs::write(
        dir.join("docker-compose.yml"),
        format!(
            "services:\n  web:\n    image: app:1.2\n    user: \"1000\"\n    read_only: true\n    env_file: .env\n    environment:\n      DB_PASSWORD: {pw}\n      DB_PASSWORD_REF: ${{DB_PASSWORD}}\n      GH: \"{gh}\"\n    build:\n      context: .\n      args:\n        - NPM_TOKEN={pw}\n        - APP_VERSION=1.2\n  worker:\n    image: app:1.2\n    user: \"1000\"\n    read_only: true\n    environment:\n      - API_KEY=${{API_KEY}}\n      # bulkhead: ignore[SC065] rotated, tracked in OPS-9\n      - SECRET_KEY={pw}\n      - URL=postgres://app:Sup3rS3cretPw@db/x\n",
            pw = pw(),
            gh = gh()
        ),
    )
    .unwrap();
}

#[test]
fn check_reports_compose_environment_secrets() {
    let d = tempfile::tempdir().unwrap();
    compose_tree(d.path());
    let out = bulkhead(
        &["check", "--format", "json", "docker-compose.yml"],
        d.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    // Map and list forms and build args at the secret's own column; `${...}` references and
    // the `.env` file `env_file` names are not secrets of this file; SC065 on line 23 is
    // suppressed by the comment above it.
    assert_eq!(
        codes_at(&stdout, &["SC", "DC"]),
        [
            "SC065 docker-compose.yml:8:20",
            "SC039 docker-compose.yml:10:12",
            "SC065 docker-compose.yml:14:21",
            "SC063 docker-compose.yml:24:28",
        ]
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["summary"]["suppressed"], 1);
    let f = &v["findings"][0];
    assert_eq!(
        f["message"],
        "Secret in an environment variable assignment in service `web` environment `DB_PASSWORD`: `6WFq****************`"
    );
    // Selected out, nothing is reported.
    let out = bulkhead(
        &[
            "check",
            "--format",
            "json",
            "--ignore",
            "SC",
            "docker-compose.yml",
        ],
        d.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn check_never_prints_a_compose_secret() {
    let d = tempfile::tempdir().unwrap();
    compose_tree(d.path());
    for format in [
        "human", "concise", "json", "sarif", "github", "junit", "html",
    ] {
        let out = bulkhead(
            &["check", "--format", format, "docker-compose.yml"],
            d.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{format}");
        let s = text(&out.stdout);
        assert!(s.contains("6WFq****"), "{format}: {s}");
        for secret in [pw(), gh(), "Sup3rS3cretPw".to_string()] {
            assert!(!s.contains(&secret), "{format} prints {secret}:\n{s}");
        }
    }
}
