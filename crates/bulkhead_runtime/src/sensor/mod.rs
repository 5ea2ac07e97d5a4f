//! The Linux sensor without eBPF: execs from the netlink process connector, opens from
//! fanotify, a user-space process table, container context, and drift prevention with
//! fanotify exec permission events.
//!
//! Owns: the sensor threads, what this sensor can fill ([`capabilities`]), and its counters.
//! Alerts go to a channel; the caller (the binary) prints them. Events caused by the sensor's
//! own process are ignored.

pub mod container;
pub mod ebpf;
pub mod fan;
pub mod procconn;
pub mod procfs;

use crate::engine::Engine;
use crate::event::{Event, EventType, O_RDONLY, Process};
use crate::fields::{CATALOGUE, Capabilities, FieldId};
use crate::output::{Alert, Priority};
use procfs::{Host, ProcTable};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// Fields this sensor cannot fill.
pub const UNAVAILABLE: [FieldId; 9] = [
    // The path as the process passed it: fanotify gives the resolved path only.
    FieldId::FdNameraw,
    // No syscall arguments: no open flags beyond the access mode, no link targets.
    FieldId::EvtArg,
    FieldId::EvtArgs,
    // No sockets.
    FieldId::FdSipName,
    FieldId::FdSip,
    FieldId::FdCip,
    FieldId::FdSport,
    FieldId::FdCport,
    FieldId::FdL4proto,
];

/// What this sensor fills: execve and open events, every process, user, container and
/// file field except those in [`UNAVAILABLE`] (and the socket fields that depend on them).
/// Image and Kubernetes fields are filled when a runtime's state names them and are
/// otherwise without value (so `not container.image.repository in (...)` holds, as in Falco
/// for a container whose image is unknown).
pub fn capabilities() -> Capabilities {
    let mut fields: std::collections::BTreeSet<FieldId> = CATALOGUE.iter().map(|d| d.id).collect();
    for f in UNAVAILABLE {
        fields.remove(&f);
    }
    for f in [
        FieldId::FdIp,
        FieldId::FdNet,
        FieldId::FdSnet,
        FieldId::FdCnet,
        FieldId::FdLport,
        FieldId::FdRport,
        FieldId::FdConnected,
        FieldId::FdNameChanged,
    ] {
        fields.remove(&f);
    }
    Capabilities {
        fields,
        event_types: [
            EventType::Execve,
            EventType::Open,
            EventType::Openat,
            EventType::Openat2,
        ]
        .into_iter()
        .collect(),
        sensor: "procconnector+fanotify",
    }
}

/// Sensor settings.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Deny executing files written after a container started (overlay upper layer, memfd).
    pub deny_drift: bool,
    /// Paths (globs) that may be executed even when drift.
    pub drift_allow: Vec<String>,
    /// runc state roots (empty: defaults).
    pub runc_roots: Vec<PathBuf>,
    /// Watch opens with fanotify.
    pub opens: bool,
}

/// Counters, readable while the sensor runs.
#[derive(Debug, Default)]
pub struct Stats {
    /// Events evaluated.
    pub events: AtomicU64,
    /// Alerts raised.
    pub alerts: AtomicU64,
    /// Times the kernel reported lost process-connector messages (ENOBUFS).
    pub connector_overflows: AtomicU64,
    /// Exec events whose process exited before `/proc` could be read (the eBPF sensor still
    /// evaluates them, built from their records).
    pub exited_before_read: AtomicU64,
    /// fanotify queue overflows.
    pub fanotify_overflows: AtomicU64,
    /// Execs denied as drift.
    pub denials: AtomicU64,
    /// eBPF: records lost in kernel (ring buffer full), summed over CPUs.
    pub kernel_drops: AtomicU64,
    /// eBPF: records lost in kernel, per possible CPU (last read).
    pub kernel_drops_per_cpu: Mutex<Vec<u64>>,
    /// eBPF: records that did not decode.
    pub malformed: AtomicU64,
    /// eBPF: processes in the user-space table (last read).
    pub processes: AtomicU64,
}

/// A snapshot of [`Stats`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatsSnapshot {
    /// Events evaluated.
    pub events: u64,
    /// Alerts raised.
    pub alerts: u64,
    /// Lost process-connector messages (times).
    pub connector_overflows: u64,
    /// Execs lost because the process exited first.
    pub exited_before_read: u64,
    /// fanotify overflows.
    pub fanotify_overflows: u64,
    /// Drift denials.
    pub denials: u64,
    /// eBPF: records lost in kernel, summed over CPUs.
    pub kernel_drops: u64,
    /// eBPF: records lost in kernel, per possible CPU (empty for the other sensor).
    pub kernel_drops_per_cpu: Vec<u64>,
    /// eBPF: records that did not decode.
    pub malformed: u64,
    /// eBPF: processes in the user-space table when the sensor stopped.
    pub processes: u64,
}

impl Stats {
    /// Record the per-CPU kernel drop counters.
    pub fn set_kernel_drops(&self, per_cpu: Vec<u64>) {
        self.kernel_drops
            .store(per_cpu.iter().sum(), Ordering::Relaxed);
        if let Ok(mut v) = self.kernel_drops_per_cpu.lock() {
            *v = per_cpu;
        }
    }

    /// Read the counters.
    pub fn snapshot(&self) -> StatsSnapshot {
        StatsSnapshot {
            events: self.events.load(Ordering::Relaxed),
            alerts: self.alerts.load(Ordering::Relaxed),
            connector_overflows: self.connector_overflows.load(Ordering::Relaxed),
            exited_before_read: self.exited_before_read.load(Ordering::Relaxed),
            fanotify_overflows: self.fanotify_overflows.load(Ordering::Relaxed),
            denials: self.denials.load(Ordering::Relaxed),
            kernel_drops: self.kernel_drops.load(Ordering::Relaxed),
            kernel_drops_per_cpu: self
                .kernel_drops_per_cpu
                .lock()
                .map(|v| v.clone())
                .unwrap_or_default(),
            malformed: self.malformed.load(Ordering::Relaxed),
            processes: self.processes.load(Ordering::Relaxed),
        }
    }
}

/// Why the sensor could not start.
#[derive(Debug, thiserror::Error)]
pub enum SensorError {
    /// The process connector could not be opened (needs CAP_NET_ADMIN).
    #[error("cannot subscribe to the netlink process connector (needs root or CAP_NET_ADMIN): {0}")]
    Connector(std::io::Error),
    /// fanotify could not be initialised (needs CAP_SYS_ADMIN).
    #[error("cannot initialise fanotify (needs root or CAP_SYS_ADMIN): {0}")]
    Fanotify(nix::Error),
}

/// A running sensor.
pub struct Sensor {
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
    /// Counters.
    pub stats: Arc<Stats>,
}

/// The rule name of drift denials.
pub const DRIFT_RULE: &str = "Drift prevented: executable not in the container image";

impl Sensor {
    /// Start the sensor threads; alerts are sent to `tx`.
    pub fn start(
        engine: Arc<Engine>,
        cfg: Config,
        tx: Sender<Alert>,
    ) -> Result<Sensor, SensorError> {
        let stop = Arc::new(AtomicBool::new(false));
        let stats = Arc::new(Stats::default());
        let table = Arc::new(Mutex::new(ProcTable::new(
            Host::read(),
            container::Containers::new(cfg.runc_roots.clone()),
        )));
        let own = std::process::id() as i64;
        let conn = procconn::ProcConnector::open().map_err(SensorError::Connector)?;
        let mut opens = if cfg.opens {
            let mut g = fan::FanGroup::new(false).map_err(SensorError::Fanotify)?;
            g.mark_new_mounts();
            Some(g)
        } else {
            None
        };
        let mut perm = if cfg.deny_drift {
            Some(drift_group()?)
        } else {
            None
        };
        let mut threads = Vec::new();
        // Execs.
        {
            let (stop, stats, table, engine, tx) = (
                stop.clone(),
                stats.clone(),
                table.clone(),
                engine.clone(),
                tx.clone(),
            );
            threads.push(std::thread::spawn(move || {
                let mut buf = vec![0u8; 64 * 1024];
                let mut evs = Vec::new();
                let mut num = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    evs.clear();
                    match conn.recv(&mut buf, &mut evs) {
                        Ok(_) => {}
                        Err(e) if e.raw_os_error() == Some(105) => {
                            stats.connector_overflows.fetch_add(1, Ordering::Relaxed);
                            continue;
                        }
                        Err(_) => continue,
                    }
                    for e in &evs {
                        match *e {
                            procconn::ProcEvent::Exec { pid, tgid }
                                if pid == tgid && tgid != own =>
                            {
                                let p = table.lock().unwrap().refresh(tgid);
                                let Some(p) = p else {
                                    stats.exited_before_read.fetch_add(1, Ordering::Relaxed);
                                    continue;
                                };
                                num += 1;
                                let mut ev = Event::new(EventType::Execve, p);
                                ev.num = num;
                                ev.ts = now_ns();
                                emit(&engine, &ev, &stats, &tx);
                            }
                            procconn::ProcEvent::Exit { pid, tgid } if pid == tgid => {
                                table.lock().unwrap().remove(tgid);
                            }
                            _ => {}
                        }
                    }
                }
            }));
        }
        // Opens.
        if let Some(mut g) = opens.take() {
            let (stop, stats, table, engine, tx) = (
                stop.clone(),
                stats.clone(),
                table.clone(),
                engine.clone(),
                tx.clone(),
            );
            threads.push(std::thread::spawn(move || {
                let mut num = 1u64 << 40;
                let mut last_mark = std::time::Instant::now();
                while !stop.load(Ordering::Relaxed) {
                    if last_mark.elapsed().as_millis() > 500 {
                        g.mark_new_mounts();
                        last_mark = std::time::Instant::now();
                    }
                    if !g.wait(200) {
                        continue;
                    }
                    for ev in g.read() {
                        if ev
                            .mask()
                            .contains(nix::sys::fanotify::MaskFlags::FAN_Q_OVERFLOW)
                        {
                            stats.fanotify_overflows.fetch_add(1, Ordering::Relaxed);
                            continue;
                        }
                        let pid = i64::from(ev.pid());
                        if pid == own {
                            continue;
                        }
                        let Some(fd) = ev.fd() else { continue };
                        let Some(path) = fan::event_path(fd) else {
                            continue;
                        };
                        let flags = fan::opener_flags(pid, fd).unwrap_or(O_RDONLY);
                        let p = table
                            .lock()
                            .unwrap()
                            .get(pid)
                            .unwrap_or_else(|| Arc::new(gone(pid)));
                        num += 1;
                        let mut e = Event::open(EventType::Openat, p, &path, flags & !0o1000, 0);
                        if std::fs::metadata(&path).is_ok_and(|m| m.is_dir())
                            && let Some(f) = e.fd.as_mut()
                        {
                            f.kind = crate::event::FdKind::Directory;
                        }
                        e.num = num;
                        e.ts = now_ns();
                        emit(&engine, &e, &stats, &tx);
                    }
                }
            }));
        }
        // Drift prevention.
        if let Some(g) = perm.take() {
            threads.push(spawn_drift(
                g,
                stop.clone(),
                stats.clone(),
                table.clone(),
                tx.clone(),
                cfg.drift_allow.clone(),
            ));
        }
        Ok(Sensor {
            stop,
            threads,
            stats,
        })
    }

    /// Stop the threads and return the final counters.
    pub fn stop(self) -> StatsSnapshot {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.threads {
            let _ = t.join();
        }
        self.stats.snapshot()
    }
}

/// The fanotify group answering exec permission requests for drift prevention.
fn drift_group() -> Result<fan::FanGroup, SensorError> {
    let mut g = fan::FanGroup::new(true).map_err(SensorError::Fanotify)?;
    g.mark_new_mounts();
    Ok(g)
}

/// The drift prevention thread: answers every exec permission request of group `g`, denying
/// (and alerting on) executables written after their container started.
fn spawn_drift(
    mut g: fan::FanGroup,
    stop: Arc<AtomicBool>,
    stats: Arc<Stats>,
    table: Arc<Mutex<ProcTable>>,
    tx: Sender<Alert>,
    allow: Vec<String>,
) -> JoinHandle<()> {
    let own = std::process::id() as i64;
    let hostname = hostname();
    std::thread::spawn(move || {
        let own_ns = container::ns_inode(own, "pid");
        let mut last_mark = std::time::Instant::now();
        loop {
            if last_mark.elapsed().as_millis() > 200 {
                g.mark_new_mounts();
                last_mark = std::time::Instant::now();
            }
            // Keep answering until told to stop; pending events are allowed on exit
            // when the group closes.
            if stop.load(Ordering::Relaxed) {
                break;
            }
            if !g.wait(100) {
                continue;
            }
            for ev in g.read() {
                let pid = i64::from(ev.pid());
                let Some(fd) = ev.fd() else { continue };
                let in_container =
                    container::ns_inode(pid, "pid").is_some_and(|ns| Some(ns) != own_ns);
                let drift = if in_container {
                    fan::drift_of(pid, fd)
                } else {
                    None
                };
                let drift = drift.filter(|d| {
                    let path = match d {
                        fan::Drift::UpperLayer { path } | fan::Drift::Memfd { path } => path,
                    };
                    !allow
                        .iter()
                        .any(|a| crate::matchers::glob_match(a, path, false))
                });
                match drift {
                    None => g.respond(&ev, true),
                    Some(d) => {
                        // Read the process while it waits for the answer: once
                        // denied, it may exit at once.
                        let p = table
                            .lock()
                            .unwrap()
                            .refresh(pid)
                            .unwrap_or_else(|| Arc::new(gone(pid)));
                        g.respond(&ev, false);
                        stats.denials.fetch_add(1, Ordering::Relaxed);
                        let _ = tx.send(drift_alert(&p, &d, &hostname));
                        stats.alerts.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        }
    })
}

fn emit(engine: &Engine, ev: &Event, stats: &Stats, tx: &Sender<Alert>) {
    stats.events.fetch_add(1, Ordering::Relaxed);
    engine.for_each_match(ev, |r| {
        stats.alerts.fetch_add(1, Ordering::Relaxed);
        let _ = tx.send(engine.alert(r, ev));
    });
}

fn gone(pid: i64) -> Process {
    let mut p = Process::new(pid, "<NA>", "", &[]);
    p.user_name = "<NA>".into();
    p
}

/// This process's resident set and its peak, in KiB (`VmRSS`, `VmHWM` of `/proc/self/status`;
/// 0 when unreadable): the monitor's stop line and the rate bench report them.
pub fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| -> u64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (kb("VmRSS:"), kb("VmHWM:"))
}

/// Nanoseconds since the epoch.
pub fn now_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// This host's name.
pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

fn drift_alert(p: &Process, d: &fan::Drift, hostname: &str) -> Alert {
    let (kind, path) = match d {
        fan::Drift::UpperLayer { path } => ("upper_layer", path),
        fan::Drift::Memfd { path } => ("memfd", path),
    };
    let ts = now_ns();
    let message = format!(
        "Execution denied: binary not part of the container image | file={path} drift={kind} process={} command={} container_id={} container_name={}",
        p.name,
        p.cmdline,
        p.container.id,
        p.container.name.as_deref().unwrap_or("<NA>")
    );
    let s = |v: &str| serde_json::Value::String(v.to_string());
    let mut fields = vec![
        ("container.id".to_string(), s(&p.container.id)),
        (
            "container.name".to_string(),
            p.container
                .name
                .as_deref()
                .map_or(serde_json::Value::Null, s),
        ),
        ("evt.res".to_string(), s("EPERM")),
        ("evt.time".to_string(), serde_json::Value::from(ts)),
        ("fd.name".to_string(), s(path)),
        ("proc.cmdline".to_string(), s(&p.cmdline)),
        ("proc.name".to_string(), s(&p.name)),
    ];
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Alert {
        time: ts,
        rule: DRIFT_RULE.into(),
        priority: Priority::Critical,
        source: "syscall".into(),
        tags: vec!["container".into(), "drift".into(), "process".into()],
        message,
        output_fields: fields,
        hostname: hostname.into(),
    }
}

/// SIGINT/SIGTERM turned into a flag: the signals are blocked in the calling thread (call it
/// before starting other threads so they inherit the mask) and a thread waits for them with
/// `sigwait`, so no signal handler (and no unsafe code) is needed.
pub fn termination_flag() -> Arc<AtomicBool> {
    use nix::sys::signal::{SigSet, Signal};
    let flag = Arc::new(AtomicBool::new(false));
    let mut set = SigSet::empty();
    set.add(Signal::SIGINT);
    set.add(Signal::SIGTERM);
    if set.thread_block().is_ok() {
        let f = flag.clone();
        std::thread::spawn(move || {
            if set.wait().is_ok() {
                f.store(true, Ordering::Relaxed);
            }
        });
    }
    flag
}
