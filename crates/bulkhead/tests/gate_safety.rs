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

#[cfg(unix)]
#[test]
fn hostile_names_and_keys_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    // An escape sequence in the file name (clears the screen, sets the title) and in a YAML
    // key that the duplicate-key error quotes.
    let name = "evil\u{1b}]0;pwned\u{7}\u{1b}[2J.yaml";
    write(
        dir.path(),
        name,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    \"\\e[31mk\": a\n    \"\\e[31mk\": b\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: nginx:1.27}]\n",
    );
    for format in ["human", "concise", "github", "json", "junit", "sarif"] {
        let out = bulkhead(
            &[
                "check",
                "--isolated",
                "--select",
                "PSS001",
                "-f",
                format,
                ".",
            ],
            dir.path(),
        );
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert!(out.status.code().is_some_and(|c| c >= 1), "{format}");
        for (what, s) in [("stdout", &stdout), ("stderr", &stderr)] {
            assert!(
                !s.contains('\u{1b}') && !s.contains('\u{7}'),
                "{format} {what}: {s:?}"
            );
        }
        assert!(
            stdout.contains("PSS001") || format == "junit",
            "{format}: {stdout}"
        );
    }
    // Errors printed on stderr (a JSON report on stdout) and a named input that is missing.
    let missing = format!("{name}.missing");
    let out = bulkhead(
        &["check", "--isolated", "-f", "json", missing.as_str()],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(
        stderr.starts_with("evil\u{241b}]0;pwned\u{2407}"),
        "{stderr:?}"
    );
}

/// A big honest file is checked completely: the alias-expansion guard counts only nodes copied
/// through aliases, per document.
#[test]
fn large_files_are_loaded_whole_and_alias_bombs_stay_in_their_document() {
    let dir = tempfile::tempdir().unwrap();
    // 100,000 documents, the last one with a finding.
    let mut many = String::new();
    for i in 0..100_000 {
        many.push_str(&format!(
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\ndata:\n  k: v\n"
        ));
    }
    many.push_str("---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: last\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: nginx:1.27}]\n");
    write(dir.path(), "many.yaml", &many);
    // A List of 40,000 Pods, the last one with a finding.
    let mut items: Vec<String> = (0..40_000)
        .map(|i| {
            format!(
                "{{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{{\"name\":\"p{i}\"}},\"spec\":{{\"containers\":[{{\"name\":\"a\",\"image\":\"nginx:1.27\"}}]}}}}"
            )
        })
        .collect();
    items.push("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"last\"},\"spec\":{\"hostPID\":true,\"containers\":[{\"name\":\"a\",\"image\":\"nginx:1.27\"}]}}".into());
    let list = format!(
        "{{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n{}\n]}}\n",
        items.join(",\n")
    );
    write(dir.path(), "list.json", &list);
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "PSS001",
            "-f",
            "concise",
            "many.yaml",
            "list.json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let expected = "list.json:40002:68: PSS001 [high] `hostPID: true` shares the host's namespace with the pod\nmany.yaml:700007:3: PSS001 [high] `hostNetwork: true` shares the host's namespace with the pod\n";
    assert_eq!(text(&out.stdout), expected);

    // A billion-laughs document is reported as alias expansion, and the next document of the
    // same file is still checked.
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    bomb.push_str("---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: after\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: nginx:1.27}]\n");
    write(dir.path(), "bomb.yaml", &bomb);
    let out = bulkhead(
        &[
            "check",
            "--isolated",
            "--select",
            "PSS001",
            "-f",
            "concise",
            "bomb.yaml",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let s = text(&out.stdout);
    assert!(
        s.contains("bomb.yaml:19:3: PSS001 [high] `hostNetwork: true`"),
        "{s}"
    );
    assert!(
        s.contains("error: invalid YAML: too many nodes after alias expansion in this document"),
        "{s}"
    );
}
