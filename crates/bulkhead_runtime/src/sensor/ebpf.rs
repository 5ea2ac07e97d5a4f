//! The eBPF sensor: turns the records of [`crate::ebpf::EbpfSource`] into the engine's
//! [`Event`]s (exec and open-family events), with the process table and container context of
//! the other sensor, and evaluates them.
//!
//! Owns: the drain thread (batched: drain everything pending, then sleep a few milliseconds,
//! since the kernel side never wakes it), the record -> event conversion ([`Converter`]),
//! what this sensor fills ([`capabilities`]) and the per-CPU drop counters as metrics.
//!
//! A record is read from `/proc` when the process still lives; what the kernel already said
//! (argv, comm, parent, uid, pid namespace, cgroup id) fills the event when it does not, so a
//! process that exited before it was read is still evaluated (with the fields `/proc` alone
//! knows, cwd, tty, capabilities, left empty).

use super::container::Containers;
use super::procfs::{Host, ProcTable};
use super::{Config, Sensor, Stats, emit, now_ns};
use crate::ebpf::{EbpfSource, NR_OPEN, NR_OPENAT2, Record, RecordKind, nr};
use crate::engine::Engine;
use crate::event::{Event, EventType, MAX_ANCESTORS, Process};
use crate::fields::{CATALOGUE, Capabilities, FieldId};
use crate::output::Alert;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Fields this sensor cannot fill: no socket events yet.
pub const UNAVAILABLE: [FieldId; 14] = [
    FieldId::FdSipName,
    FieldId::FdSip,
    FieldId::FdCip,
    FieldId::FdSport,
    FieldId::FdCport,
    FieldId::FdL4proto,
    FieldId::FdIp,
    FieldId::FdNet,
    FieldId::FdSnet,
    FieldId::FdCnet,
    FieldId::FdLport,
    FieldId::FdRport,
    FieldId::FdConnected,
    FieldId::FdNameChanged,
];

/// What the eBPF sensor fills: execve and open/openat/openat2 events (with the path as
/// passed, `fd.nameraw`, the full open flags and the result), every process, user,
/// container and file field; not the socket fields in [`UNAVAILABLE`].
pub fn capabilities() -> Capabilities {
    let mut fields: std::collections::BTreeSet<FieldId> = CATALOGUE.iter().map(|d| d.id).collect();
    for f in UNAVAILABLE {
        fields.remove(&f);
    }
    Capabilities {
        fields,
        event_types: [
            EventType::Execve,
            EventType::Open,
            EventType::Openat,
            EventType::Openat2,
            EventType::Symlink,
            EventType::Symlinkat,
            EventType::Link,
            EventType::Linkat,
            EventType::Socket,
            EventType::Ptrace,
            EventType::InitModule,
            EventType::FinitModule,
            EventType::Unlink,
            EventType::Unlinkat,
            EventType::Rename,
            EventType::Renameat,
            EventType::Renameat2,
            EventType::MemfdCreate,
            EventType::Setuid,
            EventType::Setgid,
            EventType::Setresuid,
            EventType::Setresgid,
        ]
        .into_iter()
        .collect(),
        sensor: "ebpf",
    }
}

/// `AT_FDCWD`.
const AT_FDCWD: i32 = -100;

/// Record -> event conversion with the process table.
pub struct Converter {
    table: ProcTable,
    num: u64,
    /// Whether opens are turned into events (`--no-opens` turns them off).
    pub opens: bool,
}

impl Converter {
    /// A converter with an empty process table reading runc state under `runc_roots`.
    pub fn new(runc_roots: Vec<std::path::PathBuf>) -> Converter {
        Converter {
            table: ProcTable::new(Host::read(), Containers::new(runc_roots)),
            num: 0,
            opens: true,
        }
    }

    /// The event of one record (`None` for an open when opens are off).
    pub fn convert(&mut self, r: &Record) -> Option<Event> {
        self.num += 1;
        let mut ev = match r.kind {
            RecordKind::Exec => {
                let p = self.exec_process(r);
                Event::new(EventType::Execve, p)
            }
            RecordKind::Open => {
                if !self.opens {
                    return None;
                }
                let p = self.open_process(r);
                let ty = match r.syscall_nr {
                    NR_OPEN => EventType::Open,
                    NR_OPENAT2 => EventType::Openat2,
                    _ => EventType::Openat,
                };
                let raw = r.path.as_str();
                let name = absolute(raw, r.dfd, r.pid, &p.cwd);
                let mut e = Event::open(ty, p, &name, r.flags as u32, i64::from(r.res));
                if let Some(fd) = e.fd.as_mut() {
                    fd.nameraw = raw.to_string();
                }
                e
            }
            RecordKind::Syscall => {
                let p = self.open_process(r);
                syscall_event(r, p)?
            }
        };
        ev.num = self.num;
        ev.ts = now_ns();
        Some(ev)
    }

    /// A process cached with a container the runtime had not described yet (`runc init`
    /// runs in the namespace before `state.json` exists) gets the named container once it is.
    /// An exec (`force`) rereads the runc state at once: the runtime writes it just before
    /// the container's first exec, often within the usual 100 ms between rereads.
    fn renamed(&mut self, p: Arc<Process>, r: &Record, force: bool) -> Arc<Process> {
        if p.container.is_host() || p.container.name.is_some() {
            return p;
        }
        if force {
            self.table.containers.scan(true);
        }
        let c = self.table.containers.of_ns(u64::from(r.pidns), r.cgroup_id);
        if Arc::ptr_eq(&c, &p.container) || c.name.is_none() {
            return p;
        }
        let mut q = (*p).clone();
        q.container = c;
        let q = Arc::new(q);
        self.table.insert(q.clone());
        q
    }

    /// After an exec: read `/proc` while the process lives and it still runs the program the
    /// record names; otherwise build it from the record.
    fn exec_process(&mut self, r: &Record) -> Arc<Process> {
        let p = self.exec_process_inner(r);
        self.renamed(p, r, true)
    }

    fn exec_process_inner(&mut self, r: &Record) -> Arc<Process> {
        let pid = i64::from(r.pid);
        if let Some(p) = self.table.refresh(pid)
            && p.name == r.comm
        {
            if r.argv.is_empty() || p.args.len() + 1 == r.argv.len() {
                return p;
            }
            // /proc/PID/cmdline can be rewritten by the process; the kernel's argv at exec
            // is what the rules look at.
            let mut q = (*p).clone();
            set_argv(&mut q, &r.argv);
            let q = Arc::new(q);
            self.table.insert(q.clone());
            return q;
        }
        let p = Arc::new(self.process_of_record(r));
        self.table.insert(p.clone());
        p
    }

    /// The process of an open: cached since its exec unless the pid was reused (another
    /// command name), else read from `/proc`, else from the record.
    fn open_process(&mut self, r: &Record) -> Arc<Process> {
        let pid = i64::from(r.pid);
        if let Some(p) = self.table.cached(pid)
            && p.name == r.comm
        {
            return self.renamed(p, r, false);
        }
        if let Some(p) = self.table.refresh(pid) {
            return p;
        }
        let p = Arc::new(self.process_of_record(r));
        self.table.insert(p.clone());
        p
    }

    fn process_of_record(&mut self, r: &Record) -> Process {
        let argv: Vec<&str> = r.argv.iter().map(String::as_str).collect();
        let mut p = Process::new(i64::from(r.pid), &r.comm, &r.path, &argv);
        p.ppid = i64::from(r.ppid);
        p.uid = i64::from(r.uid);
        p.gid = -1;
        p.user_name = if r.uid == 0 {
            "root".into()
        } else {
            r.uid.to_string()
        };
        p.group_name = "<NA>".into();
        p.container = self.table.containers.of_ns(u64::from(r.pidns), r.cgroup_id);
        if let Some(parent) = self.table.cached(p.ppid) {
            let mut anc = parent.child_ancestry();
            anc.truncate(MAX_ANCESTORS);
            p.ancestors = anc;
        }
        p
    }
}

/// The event of a record of another watched call, its arguments named and rendered as Falco
/// does (`target`/`linkpath`, `oldpath`/`newpath`, `path`, `name`, `domain` as `AF_*`,
/// `request` as `PTRACE_*`, `uid`, `ruid`/`euid`/`suid`...). Seen at entry: `evt.res` is 0.
fn syscall_event(r: &Record, p: Arc<Process>) -> Option<Event> {
    Some(match r.syscall_nr {
        nr::SYMLINK | nr::SYMLINKAT => Event::new(
            if r.syscall_nr == nr::SYMLINK {
                EventType::Symlink
            } else {
                EventType::Symlinkat
            },
            p,
        )
        .with_arg("target", r.path.clone())
        .with_arg("linkpath", r.path2.clone()),
        nr::LINK | nr::LINKAT => Event::new(
            if r.syscall_nr == nr::LINK {
                EventType::Link
            } else {
                EventType::Linkat
            },
            p,
        )
        .with_arg("oldpath", r.path.clone())
        .with_arg("newpath", r.path2.clone()),
        nr::SOCKET => Event::new(EventType::Socket, p)
            .with_arg("domain", socket_domain(r.flags))
            .with_int_arg("type", r.mode as i64),
        nr::PTRACE => Event::new(EventType::Ptrace, p)
            .with_arg("request", ptrace_request(r.flags))
            .with_int_arg("pid", r.mode as i64),
        nr::UNLINK => Event::new(EventType::Unlink, p).with_arg("path", r.path.clone()),
        nr::UNLINKAT => Event::new(EventType::Unlinkat, p)
            .with_int_arg("dirfd", i64::from(r.dfd))
            .with_arg("name", r.path.clone())
            .with_int_arg("flags", r.flags as i64),
        nr::RENAME | nr::RENAMEAT | nr::RENAMEAT2 => Event::new(
            match r.syscall_nr {
                nr::RENAME => EventType::Rename,
                nr::RENAMEAT => EventType::Renameat,
                _ => EventType::Renameat2,
            },
            p,
        )
        .with_arg("oldpath", r.path.clone())
        .with_arg("newpath", r.path2.clone()),
        nr::MEMFD_CREATE => Event::new(EventType::MemfdCreate, p)
            .with_arg("name", r.path.clone())
            .with_int_arg("flags", r.flags as i64),
        nr::SETUID => Event::new(EventType::Setuid, p).with_int_arg("uid", r.flags as u32 as i64),
        nr::SETGID => Event::new(EventType::Setgid, p).with_int_arg("gid", r.flags as u32 as i64),
        nr::SETRESUID | nr::SETRESGID => {
            let (ty, names) = if r.syscall_nr == nr::SETRESUID {
                (EventType::Setresuid, ["ruid", "euid", "suid"])
            } else {
                (EventType::Setresgid, ["rgid", "egid", "sgid"])
            };
            Event::new(ty, p)
                .with_int_arg(names[0], r.flags as u32 as i64)
                .with_int_arg(names[1], r.mode as u32 as i64)
                .with_int_arg(names[2], r.dfd as u32 as i64)
        }
        nr::INIT_MODULE => Event::new(EventType::InitModule, p),
        nr::FINIT_MODULE => Event::new(EventType::FinitModule, p),
        _ => return None,
    })
}

/// A socket domain as Falco renders it.
pub fn socket_domain(d: u64) -> String {
    match d {
        1 => "AF_UNIX".into(),
        2 => "AF_INET".into(),
        10 => "AF_INET6".into(),
        16 => "AF_NETLINK".into(),
        17 => "AF_PACKET".into(),
        n => n.to_string(),
    }
}

/// A ptrace request as Falco renders it.
pub fn ptrace_request(r: u64) -> String {
    let name = match r {
        0 => "PTRACE_TRACEME",
        1 => "PTRACE_PEEKTEXT",
        2 => "PTRACE_PEEKDATA",
        3 => "PTRACE_PEEKUSR",
        4 => "PTRACE_POKETEXT",
        5 => "PTRACE_POKEDATA",
        6 => "PTRACE_POKEUSR",
        7 => "PTRACE_CONT",
        8 => "PTRACE_KILL",
        9 => "PTRACE_SINGLESTEP",
        12 => "PTRACE_GETREGS",
        13 => "PTRACE_SETREGS",
        16 => "PTRACE_ATTACH",
        17 => "PTRACE_DETACH",
        24 => "PTRACE_SYSCALL",
        0x4200 => "PTRACE_SETOPTIONS",
        0x4206 => "PTRACE_SEIZE",
        0x4207 => "PTRACE_INTERRUPT",
        _ => return r.to_string(),
    };
    name.into()
}

fn set_argv(p: &mut Process, argv: &[String]) {
    if let Some(first) = argv.first() {
        p.exe = first.clone();
    }
    p.args = argv.iter().skip(1).cloned().collect();
    p.refresh_derived();
}

/// The absolute, lexically normalised path of an open: relative paths are taken against the
/// process's working directory (`AT_FDCWD`) or the directory its `dfd` names (read from
/// `/proc` while it lives; else left relative).
pub fn absolute(raw: &str, dfd: i32, pid: u32, cwd: &str) -> String {
    if raw.starts_with('/') {
        return normalize(raw);
    }
    let base = if dfd == AT_FDCWD {
        cwd.to_string()
    } else {
        match std::fs::read_link(format!("/proc/{pid}/fd/{dfd}")) {
            Ok(p) => p.to_string_lossy().into_owned(),
            Err(_) => return raw.to_string(),
        }
    };
    normalize(&format!("{}/{raw}", base.trim_end_matches('/')))
}

/// Remove `.`, `..` and repeated `/` from an absolute path (no filesystem access).
pub fn normalize(path: &str) -> String {
    if !path.contains("/.") && !path.contains("//") && !path.ends_with('/') {
        return path.to_string();
    }
    let mut parts: Vec<&str> = Vec::new();
    for c in path.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    let mut out = String::with_capacity(path.len());
    for c in &parts {
        out.push('/');
        out.push_str(c);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// How long the drain thread sleeps when the ring buffer is empty.
const IDLE: Duration = Duration::from_millis(5);
/// Records drained per batch.
const BATCH: usize = 4096;

impl Sensor {
    /// Start the eBPF sensor on a loaded source (load it with `EbpfSource::load(own pid)`
    /// first, so a failure can fall back before anything started). `--deny-drift` still
    /// uses fanotify permission events (no BPF-LSM on these kernels).
    pub fn start_ebpf(
        engine: Arc<Engine>,
        cfg: Config,
        tx: Sender<Alert>,
        mut src: EbpfSource,
    ) -> Result<Sensor, super::SensorError> {
        let stop = Arc::new(AtomicBool::new(false));
        let stats = Arc::new(Stats::default());
        let mut threads = Vec::new();
        if cfg.deny_drift {
            let table = Arc::new(Mutex::new(ProcTable::new(
                Host::read(),
                Containers::new(cfg.runc_roots.clone()),
            )));
            threads.push(super::spawn_drift(
                super::drift_group()?,
                stop.clone(),
                stats.clone(),
                table,
                tx.clone(),
                cfg.drift_allow.clone(),
            ));
        }
        let mut conv = Converter::new(cfg.runc_roots.clone());
        conv.opens = cfg.opens;
        {
            let (stop, stats) = (stop.clone(), stats.clone());
            threads.push(std::thread::spawn(move || {
                let mut recs = Vec::with_capacity(BATCH);
                let mut last_drops = Instant::now();
                loop {
                    let stopping = stop.load(Ordering::Relaxed);
                    recs.clear();
                    let n = src.drain(BATCH, &mut recs);
                    for r in &recs {
                        if let Some(ev) = conv.convert(r) {
                            emit(&engine, &ev, &stats, &tx);
                        }
                    }
                    if stopping || last_drops.elapsed() >= Duration::from_millis(500) {
                        if let Ok(d) = src.drops() {
                            stats.set_kernel_drops(d);
                        }
                        stats.malformed.store(src.malformed(), Ordering::Relaxed);
                        last_drops = Instant::now();
                    }
                    if stopping && n < BATCH {
                        break;
                    }
                    if n < BATCH {
                        std::thread::sleep(IDLE);
                    }
                }
            }));
        }
        Ok(Sensor {
            stop,
            threads,
            stats,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_made_absolute_and_normalised() {
        assert_eq!(absolute("/etc/shadow", AT_FDCWD, 1, "/x/"), "/etc/shadow");
        assert_eq!(absolute("shadow", AT_FDCWD, 1, "/etc/"), "/etc/shadow");
        assert_eq!(
            absolute("../../etc/./shadow", AT_FDCWD, 1, "/tmp/a/"),
            "/etc/shadow"
        );
        assert_eq!(absolute("//etc//passwd", AT_FDCWD, 1, "/"), "/etc/passwd");
        assert_eq!(normalize("/.."), "/");
        assert_eq!(normalize("/a/b/"), "/a/b");
        // A directory fd that cannot be read: left as passed.
        assert_eq!(absolute("x", 12345, u32::MAX, "/"), "x");
    }

    fn record(kind: RecordKind, pid: u32, comm: &str, path: &str) -> Record {
        Record {
            kind,
            ts_ns: 1,
            pid,
            tid: pid,
            ppid: 1,
            uid: 0,
            syscall_nr: if kind == RecordKind::Open { 257 } else { 0 },
            flags: 0o1101,
            mode: 0o644,
            dfd: AT_FDCWD,
            res: 3,
            cgroup_id: 0,
            pidns: 0,
            argv: if kind == RecordKind::Exec {
                vec![comm.to_string(), "-x".into()]
            } else {
                Vec::new()
            },
            path2: String::new(),
            comm: comm.into(),
            path: path.into(),
        }
    }

    #[test]
    fn syscall_records_become_falco_events() {
        let pid = 4_194_305 + 9;
        let mut c = Converter::new(vec!["/nonexistent".into()]);
        let mut r = record(RecordKind::Syscall, pid, "ln", "/etc/shadow");
        r.syscall_nr = nr::SYMLINKAT;
        r.path2 = "/tmp/x".into();
        let e = c.convert(&r).unwrap();
        assert_eq!(e.ty, EventType::Symlinkat);
        assert_eq!(
            (e.arg("target"), e.arg("linkpath")),
            (
                Some(&crate::event::ArgValue::Str("/etc/shadow".into())),
                Some(&crate::event::ArgValue::Str("/tmp/x".into()))
            )
        );
        r.syscall_nr = nr::SOCKET;
        r.flags = 17;
        let e = c.convert(&r).unwrap();
        assert_eq!(
            (e.ty, e.arg("domain")),
            (
                EventType::Socket,
                Some(&crate::event::ArgValue::Str("AF_PACKET".into()))
            )
        );
        r.syscall_nr = nr::PTRACE;
        r.flags = 16;
        let e = c.convert(&r).unwrap();
        assert_eq!(
            e.arg("request"),
            Some(&crate::event::ArgValue::Str("PTRACE_ATTACH".into()))
        );
        r.syscall_nr = nr::SETRESUID;
        (r.flags, r.mode, r.dfd) = (1000, 0, -1);
        let e = c.convert(&r).unwrap();
        assert_eq!(e.ty, EventType::Setresuid);
        assert_eq!(
            ["ruid", "euid", "suid"].map(|n| e.arg(n).cloned()),
            [1000, 0, 4_294_967_295].map(|v| Some(crate::event::ArgValue::Int(v)))
        );
        r.syscall_nr = nr::RENAMEAT2;
        r.path2 = "/etc/passwd".into();
        let e = c.convert(&r).unwrap();
        assert_eq!(
            (e.ty, e.arg("newpath")),
            (
                EventType::Renameat2,
                Some(&crate::event::ArgValue::Str("/etc/passwd".into()))
            )
        );
        r.syscall_nr = 9999;
        assert!(c.convert(&r).is_none());
        assert_eq!(ptrace_request(0x9999), "39321");
    }

    #[test]
    fn a_gone_process_is_built_from_its_records() {
        // A pid that cannot exist (above pid_max): nothing from /proc.
        let pid = 4_194_305 + 7;
        let mut c = Converter::new(vec!["/nonexistent".into()]);
        let e = c
            .convert(&record(RecordKind::Exec, pid, "nc", "/bin/nc"))
            .unwrap();
        assert_eq!(e.ty, EventType::Execve);
        assert_eq!(e.proc.name, "nc");
        assert_eq!(e.proc.exepath, "/bin/nc");
        assert_eq!(e.proc.cmdline, "nc -x");
        assert_eq!(e.proc.ppid, 1);
        assert!(e.proc.container.is_host());
        let o = c
            .convert(&record(RecordKind::Open, pid, "nc", "../etc/./passwd"))
            .unwrap();
        assert_eq!(o.ty, EventType::Openat);
        assert_eq!(o.num, 2);
        assert_eq!(o.res, 3);
        let fd = o.fd.as_ref().unwrap();
        assert_eq!(fd.name, "/etc/passwd");
        assert_eq!(fd.nameraw, "../etc/./passwd");
        assert_eq!(fd.num, 3);
        // The same process (cached since its exec).
        assert!(Arc::ptr_eq(&o.proc, &e.proc));
        // A reused pid with another command is not the cached process.
        let o = c
            .convert(&record(RecordKind::Open, pid, "cat", "/etc/hosts"))
            .unwrap();
        assert_eq!(o.proc.name, "cat");
        // Opens off: no open events.
        c.opens = false;
        assert!(
            c.convert(&record(RecordKind::Open, pid, "cat", "/x"))
                .is_none()
        );
    }

    #[test]
    fn capabilities_lack_only_socket_fields() {
        let c = capabilities();
        assert!(c.fields.contains(&FieldId::FdNameraw));
        assert!(c.fields.contains(&FieldId::EvtArg));
        assert!(!c.fields.contains(&FieldId::FdSip));
        assert!(c.event_types.contains(&EventType::Open));
    }
}
