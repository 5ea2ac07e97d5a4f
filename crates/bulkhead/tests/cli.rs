//! End-to-end tests of the foundation: exit statuses, errors, config, rules, completions.

mod common;

use common::{bulkhead, text};
use std::path::Path;
use std::process::Command;

#[test]
fn nonexistent_path_exits_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = bulkhead(&["check", "--isolated", "/nonexistent"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let all = text(&out.stdout) + &text(&out.stderr);
    assert!(all.contains("no such file or directory"), "{all}");
    assert!(all.contains("/nonexistent"), "{all}");
    let out = bulkhead(
        &["check", "--isolated", "--format", "concise", "/nonexistent"],
        dir.path(),
    );
    assert_eq!(
        text(&out.stdout),
        "/nonexistent:1:1: error: no such file or directory\n"
    );
}

#[test]
fn empty_directory_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = bulkhead(
        &["check", "--isolated", "--format", "concise", "."],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn explicit_file_of_unknown_kind_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("values.yaml"), "replicas: 3\n").unwrap();
    let out = bulkhead(
        &["check", "--isolated", "--format", "concise", "values.yaml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).starts_with("values.yaml:1:1: error: not a Dockerfile"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn unrelated_yaml_in_a_directory_is_not_an_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("values.yaml"), "replicas: 3\n").unwrap();
    std::fs::write(dir.path().join("package.json"), "{\"name\": \"x\"}\n").unwrap();
    let out = bulkhead(
        &["check", "--isolated", "--format", "json", "."],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 0);
}

#[test]
fn invalid_utf8_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Dockerfile"),
        b"FROM alpine:3.20\nRUN echo \xff\n",
    )
    .unwrap();
    let out = bulkhead(
        &["check", "--isolated", "--format", "concise", "Dockerfile"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).contains("Dockerfile:2:10: error: not valid UTF-8"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn config_errors_point_at_the_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bulkhead.toml"),
        "[check]\nselet = [\"DF\"]\n",
    )
    .unwrap();
    let out = bulkhead(&["check", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("bulkhead.toml:2:1: unknown field `selet`"),
        "{err}"
    );
    // --isolated ignores it
    let out = bulkhead(&["check", "--isolated", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn config_is_found_walking_up() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".bulkhead.toml"),
        "[check]\nfail-on = \"bogus\"\n",
    )
    .unwrap();
    let sub = dir.path().join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    let out = bulkhead(&["check", "."], &sub);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(".bulkhead.toml:2:11: unknown severity `bogus`"),
        "{}",
        text(&out.stderr)
    );
}

/// ruff's rule: each checked file takes the config nearest to it, walking up from its own
/// directory; `--config` still overrides, and the run's config (from the working directory)
/// applies to files under no config of their own.
#[test]
fn the_nearest_config_of_each_file_wins() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let root_df = "FROM alpine:3.20\nUSER root\n";
    std::fs::write(d.join("Dockerfile"), root_df).unwrap();
    std::fs::create_dir_all(d.join("svc/deep")).unwrap();
    std::fs::write(d.join("svc/deep/Dockerfile"), root_df).unwrap();
    std::fs::write(d.join("bulkhead.toml"), "[check]\nselect = [\"DF015\"]\n").unwrap();
    // svc/ turns DF015 off for its files.
    std::fs::write(
        d.join("svc/bulkhead.toml"),
        "[check]\nselect = [\"DF015\"]\nignore = [\"DF015\"]\n",
    )
    .unwrap();
    let out = bulkhead(&["check", "-f", "concise", "."], d);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "Dockerfile:2:1: DF015 [high] The image runs as root (`USER root`): switch to a non-root UID\n"
    );
    // Run from elsewhere: svc/deep's file still takes svc/bulkhead.toml.
    let out = bulkhead(
        &["check", "-f", "concise", "--select", "DF015", "deep"],
        &d.join("svc"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    // --config names one config for every file.
    let out = bulkhead(
        &["check", "-f", "concise", "--config", "bulkhead.toml", "."],
        d,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout).lines().count(),
        2,
        "{}",
        text(&out.stdout)
    );
    // An invalid nearer config is an error of the run.
    std::fs::write(
        d.join("svc/bulkhead.toml"),
        "[check]\nselect = [\"NOPE\"]\n",
    )
    .unwrap();
    let out = bulkhead(&["check", "-f", "concise", "."], d);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("svc/bulkhead.toml: `NOPE` selects no rule"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn pss_versions_beyond_the_newest_known_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = bulkhead(
        &["check", "--isolated", "--pss", "restricted@v1.99", "."],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("Pod Security Standards version `v1.99` is newer than the newest this bulkhead knows (v1.37)"),
        "{err}"
    );
    std::fs::write(
        dir.path().join("bulkhead.toml"),
        "[kubernetes]\npss = \"baseline@v1.99\"\n",
    )
    .unwrap();
    let out = bulkhead(&["check", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("bulkhead.toml:2:7: Pod Security Standards version `v1.99` is newer"),
        "{}",
        text(&out.stderr)
    );
    let out = bulkhead(
        &["check", "--isolated", "--pss", "restricted@v1.37", "."],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn rules_table_has_a_header_aligned_columns_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let out = bulkhead(&["rules", "--select", "DF015,KS002"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 4, "{s}");
    assert!(
        lines[0] == "CODE   SEVERITY  FIX  DEFAULT  NAME                 SUMMARY",
        "{s}"
    );
    assert!(
        lines[1].starts_with(
            "DF015  high      -    on       root-user            The image runs as root"
        ),
        "{s}"
    );
    assert!(
        lines[2].starts_with("KS002  low       -    off      run-as-user-low-uid  Container runs"),
        "{s}"
    );
    // every column starts at the same offset on every row
    let col = lines[0].find("SUMMARY").unwrap();
    for l in &lines[1..3] {
        assert_eq!(&l[col - 2..col], "  ", "{l}");
        assert_ne!(&l[col..col + 1], " ", "{l}");
    }
    assert_eq!(
        lines[3],
        "2 rules; 1 off by default (enable with --select CODE or --extend-select CODE)."
    );
    let out = bulkhead(&["rules", "-f", "md", "--select", "KS002"], dir.path());
    assert_eq!(
        text(&out.stdout),
        "| code | name | severity | fix | default | aliases |\n|---|---|---|---|---|---|\n| KS002 | run-as-user-low-uid | low | — | off | trivy `KSV-0020`, checkov `CKV_K8S_40`, kube-score `container-security-context-user-group-id`, kubesec `RunAsUser` |\n"
    );
    let out = bulkhead(&["rules", "-f", "json", "--select", "PSS"], dir.path());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["rules"].as_array().unwrap().len(), 19);
    let out = bulkhead(&["rules", "--select", "K8S"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("(did you mean `KS`?)"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = bulkhead(&["check", "--format", "xml", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown output format `xml`"));
    let out = bulkhead(&["check", "--fail-on", "urgent", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let out = bulkhead(
        &["check", "--format", "human", "--format", "json", "."],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("only one report can go to stdout"));
    let out = bulkhead(&["frobnicate"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rule_prints_documentation_and_unknown_rule_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = bulkhead(&["rule", "BH001"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let s = text(&out.stdout);
    assert!(s.starts_with("# BH001 unused-suppression\n"), "{s}");
    for section in [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Fix safety",
    ] {
        assert!(s.contains(section), "{section} missing");
    }
    let out = bulkhead(&["rule", "XX999"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_json_lists_every_rule_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = bulkhead(&["rules", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    let codes: Vec<&str> = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    let mut dedup = codes.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(codes.len(), dedup.len());
    assert!(codes.contains(&"BH001"));
}

#[test]
fn completions_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let out = bulkhead(&["completions", "bash"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("_bulkhead()"));
    let out = bulkhead(&["--version"], dir.path());
    let v = text(&out.stdout);
    assert!(
        v.starts_with(&format!("bulkhead {}", env!("CARGO_PKG_VERSION"))) && v.ends_with('\n'),
        "{v}"
    );
}

#[test]
fn broken_pipe_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    // `rules` prints well over a pipe buffer's worth once engines are registered; close the
    // read end immediately.
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(["completions", "zsh"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn readme_is_assembled_from_its_sections() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new("bash")
        .args(["docs/build-readme.sh", "--check"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn readme_starts_with_the_two_setup_commands() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let block: Vec<&str> = readme
        .lines()
        .skip_while(|l| *l != "```sh")
        .skip(1)
        .take_while(|l| *l != "```")
        .collect();
    assert_eq!(block.len(), 2, "{block:?}");
    assert!(block[0].starts_with("cargo run --release -- check examples/"));
    assert!(block[1].starts_with("bash .ci/test"));
    let run = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    assert!(
        run.contains("bash .ci/test"),
        ".ci/run must call the README's test command"
    );
}
