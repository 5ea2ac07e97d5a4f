//! Rule evaluation alone: ns per event (all rules, through the event-type index) and ns per
//! event per rule, on a stream of events shaped like a busy container host (opens of
//! libraries and configuration, execs of shells and tools, connects), built from the same
//! synthetic processes as the tests. Needs ../shared/conformance/falco/falco_rules.yaml.

use bulkhead_runtime::event::{
    Ancestor, Container, Event, EventType, Fd, O_CLOEXEC, O_CREAT, O_WRONLY, Process,
};
use bulkhead_runtime::{Capabilities, Engine, RulesSource};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::sync::Arc;
use std::time::Duration;

fn proc_(name: &str, exe: &str, argv: &[&str], parents: &[&str], container: bool) -> Arc<Process> {
    let mut p = Process::new(100, name, exe, argv);
    p.start_ts = 1;
    p.ancestors = parents
        .iter()
        .map(|n| Ancestor {
            pid: 1,
            name: (*n).into(),
            exe: (*n).into(),
            exepath: format!("/usr/bin/{n}").into(),
            cmdline: (*n).into(),
        })
        .collect();
    if container {
        p.container = Arc::new(Container::with_id("3f2a9c1b7d4e5f60718293a4b5c6d7e8"));
    }
    Arc::new(p)
}

/// A stream: 70% opens, 20% execs, 10% connects.
pub fn stream() -> Vec<Event> {
    let procs = [
        proc_(
            "nginx",
            "/usr/sbin/nginx",
            &["nginx", "-g", "daemon off;"],
            &["containerd-shim", "systemd"],
            true,
        ),
        proc_(
            "python3",
            "/usr/bin/python3",
            &["python3", "app.py"],
            &["sh", "containerd-shim", "systemd"],
            true,
        ),
        proc_(
            "bash",
            "/bin/bash",
            &["bash"],
            &["sshd", "sshd", "systemd"],
            false,
        ),
        proc_(
            "java",
            "/usr/bin/java",
            &["java", "-jar", "app.jar"],
            &["containerd-shim", "systemd"],
            true,
        ),
    ];
    let paths = [
        "/usr/lib/x86_64-linux-gnu/libc.so.6",
        "/etc/ld.so.cache",
        "/app/config.yaml",
        "/proc/self/status",
        "/var/log/app.log",
        "/etc/hosts",
        "/tmp/cache/a",
    ];
    let execs = [
        ("sh", "/bin/sh", vec!["sh", "-c", "date"]),
        ("ls", "/bin/ls", vec!["ls", "-la"]),
        ("grep", "/bin/grep", vec!["grep", "foo", "x.txt"]),
        ("curl", "/usr/bin/curl", vec!["curl", "http://svc"]),
    ];
    let mut out = Vec::new();
    for i in 0..1000usize {
        let p = procs[i % procs.len()].clone();
        let mut e = match i % 10 {
            0 | 1 => {
                let (n, x, a) = &execs[i % execs.len()];
                let q = proc_(
                    n,
                    x,
                    a,
                    &[&p.name, "containerd-shim", "systemd"],
                    !p.container.is_host(),
                );
                Event::new(EventType::Execve, q)
            }
            2 => {
                let mut e = Event::new(EventType::Connect, p);
                e.fd = Some(Fd::socket(
                    5,
                    "tcp",
                    "10.1.0.5".parse().unwrap(),
                    40000,
                    "10.96.3.4".parse().unwrap(),
                    8080,
                ));
                e
            }
            3 => Event::open(
                EventType::Openat,
                p,
                paths[i % paths.len()],
                O_WRONLY | O_CREAT,
                4,
            ),
            _ => Event::open(EventType::Openat, p, paths[i % paths.len()], O_CLOEXEC, 3),
        };
        e.num = i as u64 + 1;
        e.ts = 1_000_000_000_000 + i as u64 * 1000;
        out.push(e);
    }
    out
}

fn bench(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/conformance/falco/falco_rules.yaml"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not readable");
        return;
    };
    let (engine, _) =
        Engine::load(&[RulesSource { path, text: &text }], &Capabilities::all()).unwrap();
    let events = stream();
    let mut g = c.benchmark_group("all_rules");
    g.throughput(Throughput::Elements(events.len() as u64));
    g.bench_function("stream_1000_events_25_rules", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for e in &events {
                engine.for_each_match(e, |_| n += 1);
            }
            n
        })
    });
    g.finish();
    let mut g = c.benchmark_group("per_rule");
    g.throughput(Throughput::Elements(events.len() as u64));
    g.warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_millis(600));
    let cx = bulkhead_runtime::eval::Cx::default();
    for r in engine.rules() {
        g.bench_function(&*r.name, |b| {
            b.iter(|| events.iter().filter(|e| r.matches(e, &cx)).count())
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2)).sample_size(20);
    targets = bench
}
criterion_main!(benches);
