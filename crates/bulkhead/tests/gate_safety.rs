//! `bulkhead check` must never pass by accident: selectors that name no rule, inputs that are
//! not regular files, fixes of suppressed findings, hostile text in the terminal. Each test
//! here failed before its fix (issue 12).

mod common;

use common::{bulkhead, text};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn write(dir: &Path, name: &str, body: &str) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(p, body).unwrap();
}

/// Run bulkhead with `input` on its stdin.
fn with_stdin(args: &[&str], cwd: &Path, input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

const ROOT_DOCKERFILE: &str = "FROM alpine:3.20\nUSER root\n";

#[test]
fn unknown_selectors_are_usage_errors_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Dockerfile", ROOT_DOCKERFILE);
    let out = bulkhead(
        &["check", "--isolated", "--select", "NOPE", "."],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: --select: `NOPE` selects no rule; `bulkhead rules` lists every code\n"
    );
    assert_eq!(text(&out.stdout), "");

    // The README's old `K8S` prefix: the codes are `KS`.
    let out = bulkhead(&["check", "--isolated", "--ignore", "K8S", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: --ignore: `K8S` selects no rule (did you mean `KS`?); `bulkhead rules` lists every code\n"
    );
    let out = bulkhead(
        &["check", "--isolated", "--extend-select", "PSSS014", "."],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("(did you mean `PSS014`?)"),
        "{}",
        text(&out.stderr)
    );

    // A peer tool's id that no rule of ours is equivalent to says so.
    let out = bulkhead(
        &["check", "--isolated", "--select", "DL3099", "."],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(
            "`DL3099` selects no rule (it looks like a hadolint id, but no Bulkhead rule is equivalent to it)"
        ),
        "{}",
        text(&out.stderr)
    );

    // The same in the config file, naming the file.
    write(
        dir.path(),
        "bulkhead.toml",
        "[check]\nselect = [\"DF\", \"K8S\"]\n",
    );
    let out = bulkhead(&["check", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.starts_with("error: `select` in "), "{err}");
    assert!(
        err.contains("bulkhead.toml: `K8S` selects no rule (did you mean `KS`?)"),
        "{err}"
    );
    write(
        dir.path(),
        "bulkhead.toml",
        "[check]\nignore = [\"NOPE\"]\n",
    );
    let out = bulkhead(&["check", "."], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));

    // Real selectors of every form still work: prefix, code, name, alias, ALL.
    std::fs::remove_file(dir.path().join("bulkhead.toml")).unwrap();
    for sel in ["DF", "DF015", "DL3002", "ALL", "KS0"] {
        let out = bulkhead(
            &["check", "--isolated", "--select", sel, "-f", "concise", "."],
            dir.path(),
        );
        assert_ne!(out.status.code(), Some(2), "{sel}: {}", text(&out.stderr));
    }
}

#[test]
fn suppressed_findings_are_never_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let dockerfile = "FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get update && apt-get install -y curl\n# bulkhead: ignore[DF040] the recommends are wanted here\nRUN apt-get install -y wget\nRUN apt-get install -y git\n";
    write(dir.path(), "Dockerfile", dockerfile);
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF040",
            "--diff",
            "Dockerfile",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let diff = text(&out.stdout);
    // Only the unsuppressed line 6 is rewritten.
    assert!(
        diff.contains(
            "-RUN apt-get install -y git\n+RUN apt-get install --no-install-recommends -y git\n"
        ),
        "{diff}"
    );
    assert_eq!(diff.matches("\n-RUN").count(), 1, "{diff}");
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF040",
            "--fix",
            "Dockerfile",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let fixed = std::fs::read_to_string(dir.path().join("Dockerfile")).unwrap();
    assert_eq!(
        fixed,
        dockerfile.replace("install -y git", "install --no-install-recommends -y git")
    );

    // Kubernetes: a comment suppression of a fixable rule keeps its line as it is.
    let manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext: # bulkhead: ignore[PSS014] needs setuid\n        allowPrivilegeEscalation: true\n";
    write(dir.path(), "pod.yaml", manifest);
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "PSS014",
            "--diff",
            "pod.yaml",
        ],
        dir.path(),
    );
    assert_eq!(
        (out.status.code(), text(&out.stdout).as_str()),
        (Some(0), ""),
        "{}",
        text(&out.stderr)
    );
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "PSS014",
            "--fix",
            "pod.yaml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("pod.yaml")).unwrap(),
        manifest
    );
}

#[test]
fn dev_stdin_and_dash_read_standard_input_kind_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: nginx:1.27\n";
    for name in ["/dev/stdin", "-"] {
        let out = with_stdin(
            &[
                "check",
                "--isolated",
                "--select",
                "PSS001",
                "-f",
                "concise",
                name,
            ],
            dir.path(),
            pod,
        );
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout),
            "-:6:3: PSS001 [high] `hostNetwork: true` shares the host's namespace with the pod\n",
            "{name}"
        );
    }
    // A Dockerfile through a pipe, with no name to go by: its first instruction decides.
    let out = with_stdin(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015",
            "-f",
            "concise",
            "/dev/stdin",
        ],
        dir.path(),
        "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nUSER root\n",
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("-:3:1: DF015 [high]"),
        "{}",
        text(&out.stdout)
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let st = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(st.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_named_dockerfile_and_a_process_substitution_are_read_as_streams() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("Dockerfile");
    mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            f.write_all(ROOT_DOCKERFILE.as_bytes()).unwrap();
        })
    };
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015",
            "-f",
            "concise",
            "Dockerfile",
        ],
        dir.path(),
    );
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("Dockerfile:2:1: DF015 [high]"),
        "{}",
        text(&out.stdout)
    );

    // bash's <(...) hands over /dev/fd/N, a pipe; its kind comes from its content.
    if Command::new("bash").arg("-c").arg("true").status().is_err() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "bash missing");
        eprintln!("skipped: no bash");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_bulkhead");
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "'{bin}' check --isolated --select PSS001 -f concise <(printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: p\\nspec:\\n  hostPID: true\\n  containers: [{{name: a, image: nginx:1.27}}]\\n')"
        ))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.starts_with("/dev/fd/"), "{s}");
    assert!(s.contains(":6:3: PSS001 [high] `hostPID: true`"), "{s}");

    // --fix cannot write into a pipe: said so, exit 2.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            f.write_all(b"FROM debian:12\nRUN apt-get install -y git\n")
                .unwrap();
        })
    };
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF040",
            "--fix",
            "-f",
            "concise",
            "Dockerfile",
        ],
        dir.path(),
    );
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).contains(
            "Dockerfile:1:1: error: is a pipe: fixes cannot be written back (use --diff to see them)"
        ),
        "{}",
        text(&out.stdout)
    );
}

#[cfg(unix)]
#[test]
fn a_device_is_refused_never_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Dockerfile", ROOT_DOCKERFILE);
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015",
            "-f",
            "concise",
            "/dev/zero",
            "Dockerfile",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stdout),
        "Dockerfile:2:1: DF015 [high] The image runs as root (`USER root`): switch to a non-root UID\n/dev/zero:1:1: error: is a character device, not a file, directory or pipe: refused\n"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_inside_a_walked_directory_is_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("Dockerfile"));
    write(dir.path(), "sub/Dockerfile", ROOT_DOCKERFILE);
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "DF015",
            "-f",
            "concise",
            ".",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).starts_with("sub/Dockerfile:2:1: DF015"),
        "{}",
        text(&out.stdout)
    );
}
