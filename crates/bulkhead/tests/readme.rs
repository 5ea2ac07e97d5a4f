//! The README cannot lie: every `bulkhead` command of its fenced `sh` and `console` blocks is
//! run through the built binary in a scratch copy of the bundled examples, every `toml` block
//! is loaded as a `bulkhead.toml`, and every rule code its blocks show exists (with the
//! severity shown next to it).
//!
//! - A command that runs here (check, rule, rules, netpol, version) must exit 0 or 1 (2 is a
//!   usage or input error: the README shows something that does not work). In `console`
//!   blocks the lines after a `$ command` are its expected output (stdout and stderr); a last
//!   line `...` means the output goes on.
//! - Commands that need an image, a registry, keys or the network (`sbom`, `image`, `fs`,
//!   `db`, `sign`, `verify`, ... see [`PARSE_ONLY`]) are only parsed: the same command line with `--help` must be accepted by the parser.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fenced block: its language, first line number (1-based) and body.
struct Block {
    lang: String,
    line: usize,
    body: String,
}

fn blocks(readme: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur: Option<Block> = None;
    for (i, l) in readme.lines().enumerate() {
        match &mut cur {
            None => {
                if let Some(lang) = l.strip_prefix("```") {
                    cur = Some(Block {
                        lang: lang.trim().to_string(),
                        line: i + 2,
                        body: String::new(),
                    });
                }
            }
            Some(b) => {
                if l.starts_with("```") {
                    out.push(cur.take().unwrap());
                } else {
                    b.body.push_str(l);
                    b.body.push('\n');
                }
            }
        }
    }
    out
}

/// `cmd  # comment` -> `cmd` (a `#` after two spaces or more, outside quotes).
fn strip_comment(l: &str) -> &str {
    let (mut single, mut double) = (false, false);
    let b = l.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\'' if !double => single = !single,
            b'"' if !single => double = !double,
            b'#' if !single && !double && i >= 2 && b[i - 1] == b' ' && b[i - 2] == b' ' => {
                return l[..i].trim_end();
            }
            _ => {}
        }
    }
    l.trim_end()
}

/// One command of a block and the output the README shows for it.
struct Example {
    line: usize,
    command: String,
    expected: Option<Vec<String>>,
}

fn examples(b: &Block) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    let console = b.lang == "console";
    let mut pending = String::new();
    for (i, raw) in b.body.lines().enumerate() {
        let line = b.line + i;
        if console {
            if let Some(cmd) = raw.strip_prefix("$ ") {
                out.push(Example {
                    line,
                    command: strip_comment(cmd).to_string(),
                    expected: Some(Vec::new()),
                });
            } else if let Some(e) = out.last_mut().and_then(|e| e.expected.as_mut()) {
                e.push(raw.to_string());
            }
            continue;
        }
        let l = strip_comment(raw);
        if let Some(head) = l.strip_suffix('\\') {
            pending.push_str(head);
            continue;
        }
        let full = format!("{pending}{l}");
        pending.clear();
        out.push(Example {
            line,
            command: full.trim().to_string(),
            expected: None,
        });
    }
    out.retain(|e| e.command.starts_with("bulkhead ") || e.command.contains("| bulkhead "));
    out
}

/// A scratch directory with the bundled examples, and the paths the README's check examples
/// name (`Dockerfile`, `k8s/`, `deploy/`, `compose.yaml`) made from them.
fn sandbox() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_dir(&root().join("examples"), &d.join("examples"));
    std::fs::copy(root().join("examples/Dockerfile"), d.join("Dockerfile")).unwrap();
    copy_dir(&root().join("examples/k8s"), &d.join("k8s"));
    copy_dir(&root().join("examples/k8s"), &d.join("deploy"));
    std::fs::copy(
        root().join("examples/compose/docker-compose.yml"),
        d.join("compose.yaml"),
    )
    .unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Run `command` with `sh -c` in `cwd`, the built `bulkhead` first on PATH; stdout and stderr
/// together.
fn sh(command: &str, cwd: &Path) -> (Option<i32>, String) {
    let bin = Path::new(env!("CARGO_BIN_EXE_bulkhead"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("exec 2>&1\n{command}"))
        .current_dir(cwd)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("CI_COMMIT_SHA", "0123abc")
        .output()
        .unwrap();
    (out.status.code(), common::text(&out.stdout))
}

/// Subcommands that need an image, a registry, keys, a cluster or the network.
const PARSE_ONLY: [&str; 11] = [
    "verify-attestation",
    "sbom",
    "image",
    "fs",
    "db",
    "key",
    "sign",
    "verify",
    "attest",
    "admission",
    "runtime",
];

#[test]
fn readme_commands_run_as_shown() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut failures = Vec::new();
    let mut ran = 0;
    for b in blocks(&readme) {
        if !matches!(b.lang.as_str(), "sh" | "console") {
            continue;
        }
        for ex in examples(&b) {
            // Only the bulkhead part of `bulkhead ... | jq ...`.
            let mut cmd = ex.command.clone();
            if cmd.starts_with("bulkhead ")
                && let Some(i) = cmd.find(" | ")
                && ex.expected.is_none()
            {
                cmd.truncate(i);
            }
            let sub = cmd
                .split_whitespace()
                .skip_while(|w| *w != "bulkhead")
                .nth(1)
                .unwrap_or("")
                .to_string();
            let dir = sandbox();
            if PARSE_ONLY.contains(&sub.as_str()) {
                let parse = cmd
                    .split(" | ")
                    .next()
                    .unwrap()
                    .split(" > ")
                    .next()
                    .unwrap()
                    .to_string()
                    + " --help";
                let (code, out) = sh(&parse, dir.path());
                if code != Some(0) {
                    failures.push(format!(
                        "README.md:{}: `{cmd}` is not a valid command line: {out}",
                        ex.line
                    ));
                }
                ran += 1;
                continue;
            }
            let (code, out) = sh(&cmd, dir.path());
            ran += 1;
            if !matches!(code, Some(0 | 1)) {
                failures.push(format!(
                    "README.md:{}: `{cmd}` exited {code:?}:\n{out}",
                    ex.line
                ));
                continue;
            }
            if let Some(expected) = &ex.expected
                && !expected.is_empty()
            {
                let (prefix, want) = match expected.last().map(String::as_str) {
                    Some("...") => (true, &expected[..expected.len() - 1]),
                    _ => (false, &expected[..]),
                };
                let got: Vec<&str> = out.lines().collect();
                let matches = if prefix {
                    got.len() >= want.len() && got[..want.len()] == want[..]
                } else {
                    got == want.iter().map(String::as_str).collect::<Vec<_>>()
                };
                if !matches {
                    failures.push(format!(
                        "README.md:{}: `{cmd}` printed:\n{out}\nbut the README shows:\n{}",
                        ex.line,
                        expected.join("\n")
                    ));
                }
            }
        }
    }
    assert!(ran >= 20, "only {ran} README commands found");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn readme_config_blocks_load_and_select_real_rules() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut seen = 0;
    for b in blocks(&readme).into_iter().filter(|b| b.lang == "toml") {
        seen += 1;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bulkhead.toml"), &b.body).unwrap();
        let out = common::bulkhead(&["check", "."], dir.path());
        assert_eq!(
            out.status.code(),
            Some(0),
            "README.md:{}: the config block is rejected:\n{}",
            b.line,
            common::text(&out.stderr)
        );
    }
    assert!(seen >= 1);
}

/// Every rule code the README's blocks and tables show exists, and where a severity is shown
/// next to it (`DF040 [low]`, `type="low"`), it is the rule's.
#[test]
fn readme_names_only_real_rule_codes() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let out = common::bulkhead(&["rules", "-f", "json"], Path::new("."));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let severity: HashMap<String, String> = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["code"].as_str().unwrap().to_string(),
                r["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let prefixes: Vec<String> = {
        let mut p: Vec<String> = severity
            .keys()
            .map(|c| {
                c.trim_end_matches(|ch: char| ch.is_ascii_digit())
                    .to_string()
            })
            .collect();
        p.push("K8S".into());
        p.sort();
        p.dedup();
        p
    };
    let mut problems = Vec::new();
    for (n, line) in readme.lines().enumerate() {
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] != b'-';
            let hit = boundary
                .then(|| {
                    prefixes.iter().find(|p| {
                        let end = i + p.len();
                        bytes[i..].starts_with(p.as_bytes())
                            && bytes.len() >= end + 3
                            && bytes[end..end + 3].iter().all(u8::is_ascii_digit)
                            && bytes
                                .get(end + 3)
                                .is_none_or(|c| !c.is_ascii_alphanumeric())
                    })
                })
                .flatten();
            let Some(p) = hit else {
                i += 1;
                continue;
            };
            let code = &line[i..i + p.len() + 3];
            match severity.get(code) {
                None => problems.push(format!("README.md:{}: no rule `{code}`", n + 1)),
                Some(sev) => {
                    let after = &line[i + code.len()..];
                    if let Some(shown) = after.strip_prefix(" [").and_then(|r| r.split(']').next())
                        && shown != sev
                    {
                        problems.push(format!(
                            "README.md:{}: `{code} [{shown}]` but {code} is {sev}",
                            n + 1
                        ));
                    }
                }
            }
            i += code.len();
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every relative link and image of the README points at a file of the repository.
#[test]
fn readme_links_resolve() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut broken = Vec::new();
    for (n, line) in readme.lines().enumerate() {
        let mut rest = line;
        while let Some(i) = rest.find("](") {
            let after = &rest[i + 2..];
            let Some(end) = after.find(')') else { break };
            let target = after[..end].split('#').next().unwrap_or("");
            let external = target.contains("://") || target.starts_with("mailto:");
            if !external && !target.is_empty() && !root().join(target).exists() {
                broken.push(format!("README.md:{}: broken link `{target}`", n + 1));
            }
            rest = &after[end..];
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}
