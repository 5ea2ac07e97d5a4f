//! `bulkhead check` end to end with the real engines: stdin, several reports in one run,
//! malformed inputs among good ones, selection, thresholds, fixes and diffs.

mod common;

use common::{bulkhead, text};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const ROOT_DOCKERFILE: &str = "FROM alpine:3.20\nUSER root\n";

#[test]
fn stdin_with_stdin_filename() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args([
            "check",
            "--isolated",
            "--format",
            "concise",
            "--select",
            "DF015",
            "-",
            "--stdin-filename",
            "app/Dockerfile",
        ])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ROOT_DOCKERFILE.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let s = text(&out.stdout);
    assert!(s.starts_with("app/Dockerfile:2:1: DF015 [high]"), "{s}");
    assert_eq!(s.lines().count(), 1, "{s}");
}

#[test]
fn malformed_input_among_good_ones_is_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Dockerfile"), ROOT_DOCKERFILE).unwrap();
    std::fs::write(
        dir.path().join("broken.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [unclosed\n",
    )
    .unwrap();
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--format",
            "concise",
            "--select",
            "DF015",
            ".",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    let s = text(&out.stdout);
    assert!(s.contains("Dockerfile:2:1: DF015 [high]"), "{s}");
    let err_line = s
        .lines()
        .find(|l| l.starts_with("broken.yaml:"))
        .expect("error reported");
    assert!(err_line.contains(": error: "), "{err_line}");
    assert!(
        !err_line.starts_with("broken.yaml:1:1"),
        "error must carry the real line: {err_line}"
    );
}

#[test]
fn several_reports_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Dockerfile"), ROOT_DOCKERFILE).unwrap();
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015",
            "--format",
            "concise",
            "--format",
            "sarif:out/report.sarif",
            "--format",
            "json:report.json",
            "Dockerfile",
        ],
        dir.path(),
    );
    // the report directory does not exist: writing the report fails, exit 2
    assert_eq!(out.status.code(), Some(2));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015",
            "--format",
            "concise",
            "--format",
            "sarif:out/report.sarif",
            "--format",
            "json:report.json",
            "Dockerfile",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("Dockerfile:2:1: DF015"));
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("out/report.sarif")).unwrap(),
    )
    .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "DF015");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.json")).unwrap())
            .unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["findings"][0]["code"], "DF015");
    assert_eq!(json["findings"][0]["range"]["start"]["line"], 2);
}

#[test]
fn fail_on_threshold_and_selection() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Dockerfile"), ROOT_DOCKERFILE).unwrap();
    // DF015 is high: failing on critical only -> 0
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015",
            "--fail-on",
            "critical",
            "Dockerfile",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015",
            "--fail-on",
            "high",
            "Dockerfile",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    // ignored -> clean
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015",
            "--ignore",
            "DF015",
            "--format",
            "concise",
            "Dockerfile",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
    // by hadolint alias
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DL3002",
            "--format",
            "concise",
            "Dockerfile",
        ],
        dir.path(),
    );
    assert!(text(&out.stdout).contains("DF015"), "{}", text(&out.stdout));
    // config file selection, overridden by the command line
    std::fs::write(
        dir.path().join("bulkhead.toml"),
        "[check]\nselect = [\"DF002\"]\nfail-on = \"critical\"\n",
    )
    .unwrap();
    let out = bulkhead(&["check", "--format", "concise", "Dockerfile"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
    let out = bulkhead(
        &[
            "check",
            "--select",
            "DF015",
            "--fail-on",
            "info",
            "--format",
            "concise",
            "Dockerfile",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn unused_and_unknown_suppressions_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Dockerfile"),
        "FROM alpine:3.20\n# bulkhead: ignore[DF015] stale: nothing here runs as root\nRUN true\n# bulkhead: ignore[DF999] typo\nRUN true\n# bulkhead: ignore[DF015] this debug image runs as root on purpose\nUSER root\n",
    )
    .unwrap();
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015,BH",
            "--format",
            "concise",
            "Dockerfile",
        ],
        dir.path(),
    );
    let s = text(&out.stdout);
    assert_eq!(
        s,
        "Dockerfile:2:1: BH001 [low] Unused suppression of `DF015`: no such finding here\n\
         Dockerfile:4:1: BH002 [low] Suppression names unknown rule `DF999`\n"
    );
    // the suppressed finding is still in the SARIF output, marked as suppressed
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015,BH",
            "--format",
            "sarif",
            "Dockerfile",
        ],
        dir.path(),
    );
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let suppressed: Vec<_> = results
        .iter()
        .filter(|r| r["suppressions"].is_array())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["ruleId"], "DF015");
    assert_eq!(
        suppressed[0]["suppressions"][0]["justification"],
        "this debug image runs as root on purpose"
    );
}

#[test]
fn fix_is_atomic_idempotent_and_diff_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let original =
        "FROM debian:12\n# keep this comment\nRUN apt-get update && apt-get install -y curl\n";
    let path = dir.path().join("Dockerfile");
    std::fs::write(&path, original).unwrap();
    let out = bulkhead(&["check", "--isolated", "--diff", "Dockerfile"], dir.path());
    let diff = text(&out.stdout);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        original,
        "--diff must not write"
    );
    if diff.is_empty() {
        // no safe fix for this input yet: nothing more to check
        assert_eq!(out.status.code(), Some(0));
        return;
    }
    assert_eq!(out.status.code(), Some(1));
    assert!(
        diff.starts_with("--- a/Dockerfile\n+++ b/Dockerfile\n"),
        "{diff}"
    );
    let out = bulkhead(&["check", "--isolated", "--fix", "Dockerfile"], dir.path());
    assert_ne!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_ne!(fixed, original);
    assert!(fixed.contains("# keep this comment\n"));
    // a second --fix changes nothing, and --diff now shows nothing
    let _ = bulkhead(&["check", "--isolated", "--fix", "Dockerfile"], dir.path());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
    let out = bulkhead(&["check", "--isolated", "--diff", "Dockerfile"], dir.path());
    assert_eq!(text(&out.stdout), "");
    assert_eq!(out.status.code(), Some(0));
    // no temporary files left behind
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("Dockerfile")]);
}

#[test]
fn gitignore_and_exclude_are_honoured() {
    let dir = tempfile::tempdir().unwrap();
    for d in ["a", "b", "c"] {
        std::fs::create_dir(dir.path().join(d)).unwrap();
        std::fs::write(dir.path().join(d).join("Dockerfile"), ROOT_DOCKERFILE).unwrap();
    }
    std::fs::write(dir.path().join(".gitignore"), "b/\n").unwrap();
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015",
            "--exclude",
            "c/",
            "--format",
            "concise",
            ".",
        ],
        dir.path(),
    );
    let s = text(&out.stdout);
    assert_eq!(
        s,
        "a/Dockerfile:2:1: DF015 [high] The image runs as root (`USER root`): switch to a non-root UID\n"
    );
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015",
            "--no-respect-gitignore",
            "--format",
            "concise",
            ".",
        ],
        dir.path(),
    );
    assert_eq!(text(&out.stdout).lines().count(), 3);
}

const POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
        seccompProfile:
          type: RuntimeDefault
";

#[test]
fn pss_level_and_version_from_the_command_line_and_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pod.yaml"), POD).unwrap();
    // restricted@latest (default): runAsNonRoot is missing
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "PSS",
            "--format",
            "json",
            "pod.yaml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1, "{v:#}");
    assert_eq!(f[0]["pss_check"], "runAsNonRoot");
    assert_eq!(f[0]["object"]["kind"], "Pod");
    assert_eq!(f[0]["object"]["name"], "web");
    assert!(f[0]["code"].as_str().unwrap().starts_with("PSS"));
    // baseline allows it
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "PSS",
            "--pss",
            "baseline",
            "--format",
            "concise",
            "pod.yaml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    // restricted at v1.7: no allowPrivilegeEscalation/seccomp/capabilities checks yet, but
    // runAsNonRoot already applies
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "PSS",
            "--pss",
            "restricted@v1.7",
            "--format",
            "concise",
            "pod.yaml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    // from the config file
    std::fs::write(
        dir.path().join("bulkhead.toml"),
        "[kubernetes]\npss = \"baseline@v1.29\"\n",
    )
    .unwrap();
    let out = bulkhead(
        &[
            "check", "--select", "PSS", "--format", "concise", "pod.yaml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let out = bulkhead(
        &[
            "check",
            "--select",
            "PSS",
            "--pss",
            "restricted@banana",
            "pod.yaml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn examples_are_flagged_by_every_engine() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let out = bulkhead(&["check", "--isolated", "--format", "json", "."], &examples);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: std::collections::BTreeSet<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["code"]
                .as_str()
                .unwrap()
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect()
        })
        .collect();
    for prefix in ["DF", "PSS", "KS", "DC", "NP"] {
        assert!(
            codes.contains(prefix),
            "no {prefix} finding in examples/: {codes:?}"
        );
    }
    assert!(
        v["errors"].as_array().unwrap().is_empty(),
        "{:#}",
        v["errors"]
    );
}

#[test]
fn kubernetes_fixes_make_a_deployment_pass_restricted_and_keep_comments() {
    let dir = tempfile::tempdir().unwrap();
    let original = "# the web tier\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: app # main container\n          image: nginx:1.27\n";
    let path = dir.path().join("deploy.yaml");
    std::fs::write(&path, original).unwrap();
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "PSS",
            "--format",
            "concise",
            "deploy.yaml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    // safe fixes alone are not enough for restricted; unsafe ones finish the job
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "PSS",
            "--fix",
            "--unsafe-fixes",
            "--format",
            "concise",
            "deploy.yaml",
        ],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(fixed.starts_with("# the web tier\n"), "{fixed}");
    assert!(fixed.contains("- name: app # main container\n"), "{fixed}");
    assert!(fixed.contains("runAsNonRoot: true"), "{fixed}");
    // idempotent
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "PSS",
            "--diff",
            "--unsafe-fixes",
            "deploy.yaml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn dockerignore_and_required_labels_reach_the_dockerfile_rules() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".dockerignore"),
        "# build noise\nnode_modules\n*.log\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("Dockerfile"),
        "FROM alpine:3.20\nCOPY app.log /app/\nCOPY src/ /app/\nUSER 10001\n",
    )
    .unwrap();
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF034,DF081",
            "--format",
            "concise",
            "Dockerfile",
        ],
        dir.path(),
    );
    assert_eq!(
        text(&out.stdout),
        "Dockerfile:2:6: DF034 [low] `app.log` is excluded by .dockerignore\n"
    );
    std::fs::write(
        dir.path().join("bulkhead.toml"),
        "[dockerfile]\nrequired-labels = [\"org.opencontainers.image.source\"]\n",
    )
    .unwrap();
    let out = bulkhead(
        &[
            "check",
            "--select",
            "DF034,DF081",
            "--format",
            "concise",
            "Dockerfile",
        ],
        dir.path(),
    );
    assert_eq!(
        text(&out.stdout),
        "Dockerfile:1:1: DF081 [info] Required label `org.opencontainers.image.source` is missing\n\
         Dockerfile:2:6: DF034 [low] `app.log` is excluded by .dockerignore\n"
    );
}
