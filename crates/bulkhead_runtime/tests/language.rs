//! Falco's rules language as its documentation describes it: exceptions (tuples, one-field
//! lists, comps, appended values), overrides (append/replace of lists, macros and rules, the
//! older `append: true`, enabling by name), lists in lists, every operator and transformer,
//! and the errors of malformed files (file, line and column).

mod support;

use bulkhead_runtime::event::{EventType, Fd, O_CREAT, O_WRONLY};
use bulkhead_runtime::fields::{Capabilities, FieldId};
use bulkhead_runtime::{Engine, LoadErrors, LoadReport, Priority, RulesSource, SkipReason};
use support::*;

fn load(files: &[&str]) -> Result<(Engine, LoadReport), LoadErrors> {
    let names: Vec<String> = (0..files.len()).map(|i| format!("rules{i}.yaml")).collect();
    let srcs: Vec<RulesSource<'_>> = files
        .iter()
        .zip(&names)
        .map(|(t, p)| RulesSource { path: p, text: t })
        .collect();
    Engine::load(&srcs, &Capabilities::all())
}

fn fired(e: &Engine, ev: &bulkhead_runtime::Event) -> Vec<String> {
    let mut out = Vec::new();
    e.for_each_match(ev, |r| out.push(r.name.to_string()));
    out
}

const WRITE_BIN: &str = r#"
- macro: bin_dir
  condition: fd.directory in (/bin, /sbin, /usr/bin, /usr/local/bin, /usr/libexec/alpine, /usr/lib/alpine)
- macro: open_write
  condition: evt.type in (open, openat, openat2) and evt.is_open_write=true and fd.typechar='f'
- rule: Write below binary dir
  desc: an attempt to write to any file below a set of binary directories
  condition: bin_dir and open_write
  output: File below a known binary directory opened for writing (user=%user.name file=%fd.name)
  priority: ERROR
  exceptions:
    - name: proc_writer
      fields: [proc.name, fd.directory]
      comps: [=, =]
      values:
        - [my-custom-yum, /usr/bin]
        - [my-custom-apt, /usr/local/bin]
    - name: container_writer
      fields: [container.image.repository, fd.directory]
      values:
        - [docker.io/alpine, /usr/libexec/alpine]
    - name: proc_filenames
      fields: [proc.name, fd.name]
      comps: [=, in]
      values:
        - [apk, [/usr/lib/alpine/alpine1, /usr/lib/alpine/alpine2]]
    - name: filenames
      fields: fd.filename
      comps: in
      values: [python, go]
"#;

fn write(name: &str, path: &str) -> bulkhead_runtime::Event {
    open(
        P::new(name, "/x", &[name]).build(),
        path,
        O_WRONLY | O_CREAT,
    )
}

#[test]
fn exceptions_as_documented() {
    let (e, _) = load(&[WRITE_BIN]).unwrap();
    let r = "Write below binary dir";
    assert_eq!(fired(&e, &write("vim", "/usr/bin/x")), [r]);
    // proc_writer: both fields must match.
    assert!(fired(&e, &write("my-custom-yum", "/usr/bin/x")).is_empty());
    assert_eq!(fired(&e, &write("my-custom-yum", "/usr/local/bin/x")), [r]);
    assert!(fired(&e, &write("my-custom-apt", "/usr/local/bin/x")).is_empty());
    // proc_filenames: `in` with a list value.
    assert!(fired(&e, &write("apk", "/usr/lib/alpine/alpine2")).is_empty());
    assert_eq!(fired(&e, &write("apk", "/usr/lib/alpine/alpine3")), [r]);
    // filenames: one field, values are the list.
    assert!(fired(&e, &write("vim", "/usr/bin/python")).is_empty());
    assert!(fired(&e, &write("vim", "/usr/bin/go")).is_empty());
    // container_writer: default comps `=`.
    let mut p = P::new("sh", "/bin/sh", &["sh"]).container();
    let mut c = (*p.0.container).clone();
    c.image_repository = Some("docker.io/alpine".into());
    p.0.container = std::sync::Arc::new(c);
    let p = p.build();
    assert!(fired(&e, &open(p.clone(), "/usr/libexec/alpine/x", O_WRONLY)).is_empty());
    assert_eq!(fired(&e, &open(p, "/usr/bin/x", O_WRONLY)), [r]);

    // Appending values to an exception.
    let more = r#"
- rule: Write below binary dir
  exceptions:
    - name: proc_writer
      values:
        - [vim, /usr/bin]
  override:
    exceptions: append
"#;
    let (e, _) = load(&[WRITE_BIN, more]).unwrap();
    assert!(fired(&e, &write("vim", "/usr/bin/x")).is_empty());
    assert_eq!(fired(&e, &write("vim", "/sbin/x")), [r]);
    // The older `append: true` does the same.
    let legacy = more.replace("  override:\n    exceptions: append\n", "  append: true\n");
    let (e, _) = load(&[WRITE_BIN, &legacy]).unwrap();
    assert!(fired(&e, &write("vim", "/usr/bin/x")).is_empty());
}

const BASE: &str = r#"
- required_engine_version: 0.26.0
- list: shell_binaries
  items: [ash, bash]
- list: all_shells
  items: [shell_binaries, '"zsh"']
- macro: spawned_process
  condition: evt.type in (execve, execveat)
- macro: shell_procs
  condition: proc.name in (all_shells)
- rule: Shell
  desc: a shell
  condition: spawned_process and shell_procs
  output: shell %proc.name
  priority: NOTICE
  tags: [shell]
"#;

fn run(name: &str, parent: &str) -> bulkhead_runtime::Event {
    exec(P::new(name, "/bin/x", &[name]).parents(&[parent]).build())
}

#[test]
fn lists_in_lists() {
    let (e, _) = load(&[BASE]).unwrap();
    for sh in ["ash", "bash", "zsh"] {
        assert_eq!(fired(&e, &run(sh, "init")), ["Shell"], "{sh}");
    }
    assert!(fired(&e, &run("csh", "init")).is_empty());
    // A quoted item is a value, not a list name.
    let quoted = BASE.replace(
        "items: [shell_binaries, '\"zsh\"']",
        "items: ['\"shell_binaries\"']",
    );
    let (e, _) = load(&[&quoted]).unwrap();
    assert!(fired(&e, &run("bash", "init")).is_empty());
    assert_eq!(fired(&e, &run("shell_binaries", "init")), ["Shell"]);
}

#[test]
fn overrides_append_and_replace() {
    let append_list = r#"
- list: shell_binaries
  items: [csh]
  override:
    items: append
"#;
    let (e, _) = load(&[BASE, append_list]).unwrap();
    assert_eq!(fired(&e, &run("csh", "init")), ["Shell"]);
    assert_eq!(fired(&e, &run("bash", "init")), ["Shell"]);

    let replace_list = append_list.replace("append", "replace");
    let (e, _) = load(&[BASE, &replace_list]).unwrap();
    assert_eq!(fired(&e, &run("csh", "init")), ["Shell"]);
    assert!(fired(&e, &run("bash", "init")).is_empty());

    let append_macro = r#"
- macro: shell_procs
  condition: and proc.pname = sshd
  override:
    condition: append
"#;
    let (e, _) = load(&[BASE, append_macro]).unwrap();
    assert_eq!(fired(&e, &run("bash", "sshd")), ["Shell"]);
    assert!(fired(&e, &run("bash", "init")).is_empty());

    let rule_over = r#"
- rule: Shell
  condition: and not proc.pname = cron
  output: " parent=%proc.pname"
  priority: ERROR
  override:
    condition: append
    output: append
    priority: replace
"#;
    let (e, _) = load(&[BASE, rule_over]).unwrap();
    assert!(fired(&e, &run("bash", "cron")).is_empty());
    let mut alerts = Vec::new();
    e.process(&run("bash", "init"), &mut alerts);
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].priority, Priority::Error);
    assert_eq!(
        alerts[0].message,
        "shell bash  parent=init container_id=host container_name=host"
    );

    // Disable by name, then enable again.
    let off = "- rule: Shell\n  enabled: false\n";
    let (e, report) = load(&[BASE, off]).unwrap();
    assert!(e.rules().is_empty());
    assert_eq!(report.disabled, ["Shell"]);
    let on = "- rule: Shell\n  enabled: true\n";
    let (e, _) = load(&[BASE, off, on]).unwrap();
    assert_eq!(e.rules().len(), 1);

    // `append` and `replace` keys that are not allowed, and overriding what does not exist.
    let bad = "- rule: Shell\n  priority: ERROR\n  override:\n    priority: append\n";
    let err = load(&[BASE, bad]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "rules1.yaml:4:15: `priority` cannot be overridden with `append`"
    );
    let missing = "- list: nope\n  items: [a]\n  override:\n    items: append\n";
    let err = load(&[BASE, missing]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "rules1.yaml:1:3: list `nope` is appended to but not defined before"
    );
}

fn one_rule(cond: &str) -> Engine {
    let text = format!(
        "- rule: R\n  desc: d\n  condition: {}\n  output: o\n  priority: INFO\n",
        serde_json::to_string(cond).unwrap()
    );
    let (e, report) = load(&[&text]).unwrap_or_else(|e| panic!("{cond}: {e}"));
    assert_eq!(report.active, ["R"], "{cond}");
    e
}

#[test]
fn operators_and_transformers() {
    let p = P::new("Bash", "/usr/bin/bash", &["bash", "-c", "echo hi"])
        .parents(&["sshd", "systemd", "init"])
        .cwd("/home/alice/")
        .build();
    let mut e = open(p.clone(), "/etc/ssl/private/key.pem", O_WRONLY);
    e.fd.as_mut().unwrap().nameraw = "../ssl/private/key.pem".into();
    let yes = [
        "fd.name glob '/etc/*/private/*.pem'",
        "fd.name iglob '/ETC/*'",
        "fd.name pmatch (/usr, /etc/ssl)",
        "fd.name regex '/etc/[a-z]+/private/.*'",
        "fd.name startswith /etc/ and fd.name endswith .pem",
        "fd.name contains private",
        "proc.cmdline icontains ECHO",
        "proc.aname = systemd",
        "proc.aname[1] = sshd and proc.aname[3] = init",
        "proc.aname in (init)",
        "proc.aname intersects (nothing, systemd)",
        "proc.pname exists",
        "tolower(proc.name) = bash",
        "toupper(proc.name) = BASH",
        "basename(proc.exepath) = bash",
        "len(proc.name) = 4",
        "len(proc.name) >= 4 and len(proc.name) < 5",
        "fd.directory = val(fd.directory)",
        "not proc.name = sh",
        "not (proc.name = sh or proc.name = zsh)",
        "evt.type = openat and not evt.type in (execve)",
        "evt.type != execve",
        "fd.num >= 3",
        "evt.res = SUCCESS",
        "evt.arg.flags contains O_WRONLY",
        "evt.arg[flags] contains O_WRONLY",
        "proc.cwd = /home/alice/",
        "proc.aname[7] = init or not proc.aname[7] exists",
    ];
    for c in yes {
        assert_eq!(fired(&one_rule(c), &e), ["R"], "{c}");
    }
    let no = [
        "fd.name glob '/etc/?.pem'",
        "fd.name iglob '/usr/*'",
        "fd.name pmatch (/usr, /etc/ss)",
        "fd.name regex 'private'",
        "proc.cmdline icontains ECHOX",
        "proc.aname = bash",
        "proc.aname[2] = sshd",
        "tolower(proc.name) = Bash",
        "len(proc.name) > 4",
        "proc.pname = val(proc.name)",
        "evt.type = execve",
        "proc.aname[5] exists",
        "fd.sip exists",
    ];
    for c in no {
        assert!(fired(&one_rule(c), &e).is_empty(), "{c}");
    }
    // Networks: both ends for fd.ip/fd.net, server end for fd.snet.
    let mut c = ev(EventType::Connect, p);
    c.fd = Some(Fd::socket(
        3,
        "tcp",
        ip("10.0.0.2"),
        40000,
        ip("192.168.1.9"),
        22,
    ));
    for cond in [
        "fd.net = 10.0.0.0/8",
        "fd.net != 127.0.0.0/8",
        "fd.snet in (\"172.16.0.0/12\", \"192.168.0.0/16\")",
        "fd.ip = 192.168.1.9",
        "fd.sport in (22, 2222) and fd.l4proto = tcp and fd.typechar = 4",
    ] {
        assert_eq!(fired(&one_rule(cond), &c), ["R"], "{cond}");
    }
    for cond in [
        "fd.snet = 10.0.0.0/8",
        "fd.ip != 10.0.0.2",
        "fd.net != 10.0.0.0/8",
    ] {
        assert!(fired(&one_rule(cond), &c).is_empty(), "{cond}");
    }
}

#[test]
fn malformed_files_are_errors_with_file_and_line() {
    let cases = [
        (
            "- rule: R\n  desc: [unclosed\n",
            "rules0.yaml:2:9: invalid YAML: unclosed bracket",
        ),
        (
            "rule: R\n",
            "rules0.yaml:1:1: a rules file is a sequence of items",
        ),
        (
            "- rule: R\n  desc: d\n  condition: proc.name = a\n  output: o\n",
            "rules0.yaml:1:3: rule `R` has no `priority`",
        ),
        (
            "- rule: R\n  desc: d\n  condition: proc.name = a\n  output: o\n  priority: LOUD\n",
            "rules0.yaml:5:13: invalid priority `LOUD`",
        ),
        ("- foo: bar\n", "rules0.yaml:1:3: unknown item `foo`"),
        (
            "- required_engine_version: 9.0.0\n",
            "rules0.yaml:1:28: rules require engine version 9.0.0, this engine is 0.57.0",
        ),
        (
            "\n- rule: R\n  desc: d\n  condition: proc.name = a and (\n  output: o\n  priority: INFO\n",
            "rules0.yaml:4:1: rule `R`: condition syntax error at offset 19: expected a condition, found the end",
        ),
        (
            "- rule: R\n  desc: d\n  condition: evt.type = execve and undefined_macro\n  output: o\n  priority: INFO\n",
            "rules0.yaml:3:1: rule `R`: undefined macro `undefined_macro`",
        ),
        (
            "- macro: m\n  condition: proc.name =\n- rule: R\n  desc: d\n  condition: m\n  output: o\n  priority: INFO\n",
            "rules0.yaml:2:1: macro `m` (used by rule `R`): syntax error: expected a value, found the end",
        ),
        (
            "- rule: R\n  desc: d\n  condition: proc.pid = abc\n  output: o\n  priority: INFO\n",
            "rules0.yaml:3:1: rule `R`: `abc` is not a number",
        ),
        (
            "- rule: R\n  desc: d\n  condition: fd.name regex '('\n  output: o\n  priority: INFO\n",
            "rules0.yaml:3:1: rule `R`: invalid regex",
        ),
        (
            "- macro: a\n  condition: b\n- macro: b\n  condition: a\n- rule: R\n  desc: d\n  condition: a\n  output: o\n  priority: INFO\n",
            "rules0.yaml:4:1: macro `b` (used by rule `R`): macro `a` refers to itself",
        ),
    ];
    for (text, want) in cases {
        let err = load(&[text]).expect_err(text).to_string();
        assert!(err.starts_with(want), "{text:?}\n got: {err}\nwant: {want}");
    }
}

#[test]
fn unknown_fields_skip_the_rule_by_name_and_unavailable_ones_are_reported_once() {
    let text = r#"
- rule: Uses a future field
  desc: d
  condition: evt.type = execve and proc.future_thing = 1
  output: o
  priority: INFO
- rule: Fine
  desc: d
  condition: evt.type = execve and proc.name = x
  output: o %nope.field
  priority: INFO
- rule: Needs sip name
  desc: d
  condition: evt.type = connect and fd.sip.name = a
  output: o
  priority: INFO
- rule: Also sip name
  desc: d
  condition: evt.type = connect and fd.sip.name = b
  output: o
  priority: INFO
- rule: Audit
  desc: d
  condition: ka.verb = create
  output: o
  priority: INFO
  source: k8s_audit
"#;
    let mut caps = Capabilities::all();
    caps.fields.remove(&FieldId::FdSipName);
    let (e, report) = Engine::load(
        &[RulesSource {
            path: "r.yaml",
            text,
        }],
        &caps,
    )
    .unwrap();
    assert_eq!(e.rules().len(), 1);
    assert_eq!(report.active, ["Fine"]);
    assert_eq!(
        report
            .skipped
            .iter()
            .map(|s| (s.rule.as_str(), s.reason.clone()))
            .collect::<Vec<_>>(),
        vec![
            (
                "Uses a future field",
                SkipReason::UnknownFields(vec!["proc.future_thing".into()])
            ),
            (
                "Needs sip name",
                SkipReason::UnavailableFields(vec!["fd.sip.name".into()])
            ),
            (
                "Also sip name",
                SkipReason::UnavailableFields(vec!["fd.sip.name".into()])
            ),
            ("Audit", SkipReason::Source("k8s_audit".into())),
        ]
    );
    assert_eq!(
        report.unavailable_fields.iter().collect::<Vec<_>>(),
        ["fd.sip.name"]
    );
    assert_eq!(
        report.unknown_output_fields.iter().collect::<Vec<_>>(),
        ["nope.field"]
    );
}

#[test]
fn the_default_file_with_a_limited_sensor_skips_rules_by_name() {
    let Some((path, text)) = falco_rules() else {
        return;
    };
    let mut caps = Capabilities::all();
    caps.fields.remove(&FieldId::FdSipName);
    caps.fields.remove(&FieldId::ProcIsExeUpperLayer);
    let (e, report) = Engine::load(
        &[RulesSource {
            path: &path,
            text: &text,
        }],
        &caps,
    )
    .unwrap();
    assert_eq!(e.rules().len(), 23);
    let skipped: Vec<&str> = report.skipped.iter().map(|s| s.rule.as_str()).collect();
    assert_eq!(
        skipped,
        [
            "Contact K8S API Server From Container",
            "Drop and execute new binary in container"
        ]
    );
    assert_eq!(
        report.unavailable_fields.iter().collect::<Vec<_>>(),
        ["fd.sip.name", "proc.is_exe_upper_layer"]
    );
}
