//! The doors users meet Bulkhead through, exercised as they would use them: the GitHub Action
//! (schema-valid, and each `run:` step executed with the environment GitHub sets), the man
//! pages (generated from the command line, committed, drift-checked) and `--version`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A tool the test needs: under CI it must be there (.ci/setup.d/integrations.sh installs
/// it); elsewhere the test says why it did not run.
fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join(name))
            .find(|c| c.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{name} not found under CI=true: .ci/setup.d/integrations.sh installs it"
        );
        println!("skipped: {name} not found (pip install {name})");
    }
    found
}

#[test]
fn version_names_commit_and_build_date() {
    let out = common::bulkhead(&["--version"], &root());
    let v = common::text(&out.stdout);
    // `bulkhead 0.1.0 (0123456789ab 2026-12-05)` (`unknown` outside a git checkout).
    let (head, rest) = v
        .trim_end()
        .split_once(" (")
        .expect("version has a parenthesis");
    assert_eq!(head, concat!("bulkhead ", env!("CARGO_PKG_VERSION")));
    let inner = rest.strip_suffix(')').expect("closing parenthesis");
    let (commit, date) = inner.split_once(' ').expect("commit and date");
    assert!(
        commit == "unknown"
            || (commit.len() == 12 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{commit}"
    );
    let d: Vec<&str> = date.split('-').collect();
    assert_eq!(
        d.iter().map(|p| p.len()).collect::<Vec<_>>(),
        [4, 2, 2],
        "{date}"
    );
}

/// docs/man is what `bulkhead man` writes: regenerate and compare byte for byte, both ways.
#[test]
fn man_pages_match_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::bulkhead(&["man", "-o", dir.path().to_str().unwrap()], &root());
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let list = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let committed = root().join("docs/man");
    let fresh = list(dir.path());
    assert!(
        fresh.contains(&"bulkhead.1".to_string())
            && fresh.contains(&"bulkhead-check.1".to_string())
    );
    assert_eq!(
        list(&committed),
        fresh,
        "docs/man is stale: run `cargo run -- man -o docs/man`"
    );
    for f in &fresh {
        let a = std::fs::read(committed.join(f)).unwrap();
        let b = std::fs::read(dir.path().join(f)).unwrap();
        assert!(
            a == b,
            "docs/man/{f} is stale: run `cargo run -- man -o docs/man`"
        );
    }
    let check = std::fs::read_to_string(dir.path().join("bulkhead-check.1")).unwrap();
    assert!(check.contains(".SH NAME"), "{check}");
    assert!(check.contains("\\-\\-fix"), "{check}");
}

#[test]
fn action_validates_against_the_github_actions_schema() {
    let Some(cj) = tool("check-jsonschema") else {
        return;
    };
    let out = Command::new(cj)
        .args(["--builtin-schema", "vendor.github-actions", "action.yml"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        common::text(&out.stdout),
        common::text(&out.stderr)
    );
}

/// The composite action's steps, parsed from action.yml.
fn action_steps() -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let v: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    assert_eq!(v["runs"]["using"], "composite");
    v["runs"]["steps"].as_array().unwrap().clone()
}

fn step<'a>(steps: &'a [serde_json::Value], id: &str) -> &'a str {
    steps
        .iter()
        .find(|s| s["id"] == id)
        .and_then(|s| s["run"].as_str())
        .unwrap_or_else(|| panic!("no run step with id {id}"))
}

struct Runner {
    dir: tempfile::TempDir,
}

impl Runner {
    fn new() -> Self {
        let r = Runner {
            dir: tempfile::tempdir().unwrap(),
        };
        for f in ["github_path", "github_output"] {
            std::fs::write(r.dir.path().join(f), "").unwrap();
        }
        r
    }
    fn file(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).unwrap()
    }
    /// Run one step's script as GitHub does (`bash -e {0}` for `shell: bash`), with the
    /// INPUT_* variables the step's `env:` would set and the runner's GITHUB_* files.
    fn run(
        &self,
        script: &str,
        inputs: &[(&str, &str)],
        path_prefix: Option<&Path>,
    ) -> (i32, String) {
        let mut cmd = Command::new("bash");
        // What GitHub runs for `shell: bash`: `bash --noprofile --norc -eo pipefail {0}`.
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c"])
            .arg(script)
            .current_dir(root());
        cmd.env("GITHUB_PATH", self.dir.path().join("github_path"))
            .env("GITHUB_OUTPUT", self.dir.path().join("github_output"))
            .env("RUNNER_TEMP", self.dir.path())
            .env("ACTION_PATH", root())
            .env("NO_COLOR", "1");
        if let Some(p) = path_prefix {
            let path = std::env::var("PATH").unwrap_or_default();
            cmd.env("PATH", format!("{}:{path}", p.display()));
        }
        for (k, v) in inputs {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            format!("{}{}", common::text(&out.stdout), common::text(&out.stderr)),
        )
    }
}

/// The install step downloads the pinned archive, refuses it when the checksum differs, and
/// puts the binary on GITHUB_PATH; the run step gates on findings like trivy-action does.
#[test]
fn action_steps_install_and_gate_on_the_examples() {
    let steps = action_steps();
    let runner = Runner::new();
    // A release archive of the binary under test, served from a file:// URL.
    let stage = tempfile::tempdir().unwrap();
    std::fs::copy(
        env!("CARGO_BIN_EXE_bulkhead"),
        stage.path().join("bulkhead"),
    )
    .unwrap();
    let archive = runner.dir.path().join("bulkhead.tar.gz");
    let st = Command::new("tar")
        .args([
            "-czf",
            archive.to_str().unwrap(),
            "-C",
            stage.path().to_str().unwrap(),
            "bulkhead",
        ])
        .status()
        .unwrap();
    assert!(st.success());
    let sum = {
        let out = Command::new("sha256sum").arg(&archive).output().unwrap();
        common::text(&out.stdout)
            .split_whitespace()
            .next()
            .unwrap()
            .to_string()
    };
    let url = format!("file://{}", archive.display());
    let install = step(&steps, "install");

    // A wrong checksum: nothing is installed.
    let bad = "0".repeat(64);
    let (code, log) = runner.run(
        install,
        &[
            ("INPUT_VERSION", "9.9.9"),
            ("INPUT_CHECKSUM", &bad),
            ("INPUT_DOWNLOAD_URL", &url),
        ],
        None,
    );
    assert_ne!(code, 0, "{log}");
    assert_eq!(runner.file("github_path"), "", "{log}");

    let (code, log) = runner.run(
        install,
        &[
            ("INPUT_VERSION", "9.9.9"),
            ("INPUT_CHECKSUM", &sum),
            ("INPUT_DOWNLOAD_URL", &url),
        ],
        None,
    );
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("bulkhead 0.1.0 ("), "{log}");
    let bin_dir = PathBuf::from(runner.file("github_path").trim());
    assert!(bin_dir.join("bulkhead").is_file());

    let run = step(&steps, "run");
    let base = [
        ("INPUT_SCAN_TYPE", "config"),
        ("INPUT_SCAN_REF", "examples"),
        ("INPUT_IMAGE_REF", ""),
        ("INPUT_SEVERITY", "CRITICAL,HIGH"),
        ("INPUT_EXIT_CODE", "1"),
        ("INPUT_FORMAT", "concise"),
        ("INPUT_OUTPUT", ""),
        ("INPUT_IGNORE_UNFIXED", "false"),
        ("INPUT_TRIVYIGNORES", ""),
        ("INPUT_IGNORE_FILE", ""),
        ("INPUT_SKIP_DIRS", ""),
        ("INPUT_KEY", ""),
    ];
    let with = |over: &[(&'static str, &'static str)]| {
        let mut v: Vec<(&str, &str)> = base.to_vec();
        for (k, val) in over {
            v.retain(|(kk, _)| kk != k);
            v.push((k, val));
        }
        v
    };
    // The bundled examples have HIGH findings: the step fails with exit-code and says 1.
    let (code, log) = runner.run(run, &with(&[]), Some(&bin_dir));
    assert_eq!(code, 1, "{log}");
    assert!(
        log.contains("+ bulkhead check examples --fail-on high --format concise"),
        "{log}"
    );
    assert!(runner.file("github_output").contains("exit-code=1\n"));
    // exit-code 0 reports without failing.
    let (code, log) = runner.run(run, &with(&[("INPUT_EXIT_CODE", "0")]), Some(&bin_dir));
    assert_eq!(code, 0, "{log}");
    // SARIF to a file, for code scanning.
    let sarif = runner.dir.path().join("bulkhead.sarif");
    let sarif_s = sarif.to_str().unwrap().to_string();
    let inputs: Vec<(&str, &str)> = with(&[("INPUT_FORMAT", "sarif"), ("INPUT_EXIT_CODE", "0")])
        .into_iter()
        .chain([("INPUT_OUTPUT", sarif_s.as_str())])
        .collect();
    let (code, log) = runner.run(run, &inputs, Some(&bin_dir));
    assert_eq!(code, 0, "{log}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(!v["runs"][0]["results"].as_array().unwrap().is_empty());
    // skip-dirs: nothing left to check under examples is clean.
    let (code, log) = runner.run(
        run,
        &with(&[("INPUT_SKIP_DIRS", "examples/Dockerfile,compose,k8s,netpol")]),
        Some(&bin_dir),
    );
    assert_eq!(code, 0, "{log}");
    // A typo in scan-type is an error (2), never a pass.
    let (code, log) = runner.run(
        run,
        &with(&[("INPUT_SCAN_TYPE", "configg")]),
        Some(&bin_dir),
    );
    assert_eq!(code, 2, "{log}");
    assert!(log.contains("unknown scan-type 'configg'"), "{log}");
    let (code, log) = runner.run(run, &with(&[("INPUT_SCAN_TYPE", "image")]), Some(&bin_dir));
    assert_eq!(code, 2, "{log}");
    assert!(log.contains("image-ref is required"), "{log}");
}

fn git(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
        .output()
        .unwrap();
    (
        out.status.success(),
        format!("{}{}", common::text(&out.stdout), common::text(&out.stderr)),
    )
}

/// The real pre-commit, with this repository (its committed HEAD) as the hook source, in a
/// scratch git repository: a bad Dockerfile is refused with its findings, a good one and
/// unrelated YAML pass, and the fix hook rewrites the file (pre-commit then stops the commit
/// so the change can be reviewed).
#[test]
fn pre_commit_hooks_gate_and_fix_commits() {
    let Some(_) = tool("pre-commit") else {
        return;
    };
    let head = {
        let (ok, out) = git(&root(), &["rev-parse", "HEAD"]);
        assert!(ok, "{out}");
        out.trim().to_string()
    };
    let work = tempfile::tempdir().unwrap();
    let repo = work.path().join("repo");
    std::fs::create_dir(&repo).unwrap();
    let home = work.path().join("pre-commit-home");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_bulkhead"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let commit = |msg: &str| {
        let out = Command::new("git")
            .args(["commit", "-m", msg])
            .current_dir(&repo)
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", &home)
            .env("NO_COLOR", "1")
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
            .output()
            .unwrap();
        (
            out.status.success(),
            format!("{}{}", common::text(&out.stdout), common::text(&out.stderr)),
        )
    };
    assert!(git(&repo, &["init", "-q", "-b", "main"]).0);
    std::fs::write(
        repo.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n- repo: {}\n  rev: {head}\n  hooks:\n  - id: bulkhead-dockerfile\n  - id: bulkhead-kubernetes\n",
            root().canonicalize().unwrap().display()
        ),
    )
    .unwrap();
    let out = Command::new("pre-commit")
        .args(["install"])
        .current_dir(&repo)
        .env("PRE_COMMIT_HOME", &home)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::text(&out.stderr));

    // A Dockerfile on `latest` that runs as root: refused, with the findings.
    std::fs::write(
        repo.join("Dockerfile"),
        "FROM ubuntu:latest\nUSER root\nCMD [\"x\"]\n",
    )
    .unwrap();
    assert!(git(&repo, &["add", "."]).0);
    let (ok, log) = commit("bad");
    assert!(!ok, "{log}");
    assert!(log.contains("DF002"), "{log}");
    assert!(
        log.contains("bulkhead (Dockerfiles)...") && log.contains("Failed"),
        "{log}"
    );

    // Pinned and non-root: the commit goes through; the YAML config is not a manifest and
    // is skipped by the Kubernetes hook instead of failing it.
    std::fs::write(
        repo.join("Dockerfile"),
        "FROM ubuntu:24.04@sha256:0000000000000000000000000000000000000000000000000000000000000000\nUSER 10001\nCMD [\"x\"]\n",
    )
    .unwrap();
    assert!(git(&repo, &["add", "."]).0);
    let (ok, log) = commit("good");
    assert!(ok, "{log}");
    assert!(
        log.contains("bulkhead (Kubernetes and Compose)...") && log.contains("Passed"),
        "{log}"
    );

    // The fix hook rewrites `ADD` of a local file to `COPY` (DF030, a safe fix).
    std::fs::write(
        repo.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n- repo: {}\n  rev: {head}\n  hooks:\n  - id: bulkhead-dockerfile-fix\n",
            root().canonicalize().unwrap().display()
        ),
    )
    .unwrap();
    let fixable = "FROM ubuntu:24.04@sha256:0000000000000000000000000000000000000000000000000000000000000000\nADD app.py /app/\nUSER 10001\nCMD [\"x\"]\n";
    std::fs::write(repo.join("Dockerfile"), fixable).unwrap();
    assert!(git(&repo, &["add", "."]).0);
    let (ok, log) = commit("fix me");
    assert!(
        !ok,
        "pre-commit stops a commit whose files a hook changed: {log}"
    );
    assert!(log.contains("files were modified by this hook"), "{log}");
    assert_eq!(
        std::fs::read_to_string(repo.join("Dockerfile")).unwrap(),
        fixable.replace("ADD app.py", "COPY app.py")
    );
    assert!(git(&repo, &["add", "."]).0);
    let (ok, log) = commit("fixed");
    assert!(ok, "{log}");
}
