//! The eBPF sensor: turns the records of [`crate::ebpf::EbpfSource`] into the engine's
//! [`Event`]s (exec and open-family events), with the process table and container context of
//! the other sensor, and evaluates them.
//!
//! Owns: the drain thread (batched: drain everything pending, then sleep a few milliseconds,
//! since the kernel side never wakes it), the record -> event conversion ([`Converter`]),
//! what this sensor fills ([`capabilities`]), the per-CPU drop counters as metrics, and the
//! name of a connection's server address (`fd.sip.name`) from the hosts file the connecting
//! process sees (DNS is never queried: the sensor does not wait on the network).
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
use crate::event::{Event, EventType, Fd, MAX_ANCESTORS, Process};
use crate::fields::{CATALOGUE, Capabilities, FieldId};
use crate::output::Alert;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the eBPF sensor fills: execve, open/openat/openat2 (with the path as passed,
/// `fd.nameraw`, the full open flags and the result), connect and dup/dup2/dup3 of IPv4/IPv6
/// sockets (with both ends, the protocol and the result) and the other watched calls; every
/// field of the catalogue (`fd.sip.name` from the hosts file the process sees).
pub fn capabilities() -> Capabilities {
    let fields: std::collections::BTreeSet<FieldId> = CATALOGUE.iter().map(|d| d.id).collect();
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
            EventType::Connect,
            EventType::Dup,
            EventType::Dup2,
            EventType::Dup3,
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
    /// The last hosts file read for each pid namespace (a process that connected and exited
    /// before its record was read is named with its namespace's file).
    hosts: std::collections::HashMap<u32, String>,
    /// Whether opens are turned into events (`--no-opens` turns them off).
    pub opens: bool,
    /// Execs whose process was gone (or already ran another program) when `/proc` was read:
    /// built from their records instead.
    pub gone: u64,
    /// Open flags rendered as Falco does (`O_RDONLY|O_CLOEXEC`), by value: a handful of
    /// combinations cover nearly every open.
    flag_texts: std::collections::HashMap<u32, String>,
}

impl Converter {
    /// A converter with an empty process table reading runc state under `runc_roots`.
    pub fn new(runc_roots: Vec<std::path::PathBuf>) -> Converter {
        Converter {
            table: ProcTable::new(Host::read(), Containers::new(runc_roots)),
            num: 0,
            hosts: std::collections::HashMap::new(),
            opens: true,
            gone: 0,
            flag_texts: std::collections::HashMap::new(),
        }
    }

    /// How many processes the table holds (live processes seen, plus those whose exit was
    /// not reported yet).
    pub fn processes(&self) -> usize {
        self.table.len()
    }

    /// The event of one record (`None` for an open when opens are off, and for an exit,
    /// which only removes the process from the table).
    pub fn convert(&mut self, r: &Record) -> Option<Event> {
        self.convert_hinted(r, false)
    }

    /// [`Converter::convert`], told whether the record's process is known to have exited
    /// already (its exit record follows in the same batch): an exec is then built from its
    /// record without trying `/proc` (under an exec storm most processes are gone, and each
    /// failed `/proc` lookup costs the drain thread a path walk).
    pub fn convert_hinted(&mut self, r: &Record, exited: bool) -> Option<Event> {
        if r.kind == RecordKind::Exit {
            self.table.forget(i64::from(r.pid));
            return None;
        }
        self.num += 1;
        let mut ev = match r.kind {
            RecordKind::Exec => {
                let p = self.exec_process(r, exited);
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
                let flags = r.flags as u32;
                let text = match self.flag_texts.get(&flags) {
                    Some(t) => t.clone(),
                    None => {
                        let t = crate::event::open_flags_to_string(flags);
                        // Bounded: any process may pass any flag bits.
                        if self.flag_texts.len() < 256 {
                            self.flag_texts.insert(flags, t.clone());
                        }
                        t
                    }
                };
                Event::open_parts(ty, p, name, raw.to_string(), flags, text, i64::from(r.res))
            }
            RecordKind::Syscall => {
                let p = self.open_process(r);
                let mut e = syscall_event(r, p)?;
                e.res = i64::from(r.res);
                e
            }
            RecordKind::Socket => {
                let p = self.open_process(r);
                let mut e = socket_event(r, p)?;
                if let Some(fd) = e.fd.as_mut()
                    && let Some(ip) = fd.sip
                {
                    fd.sip_name = self.hosts_name(r, ip);
                }
                e
            }
            RecordKind::Exit => return None,
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
    fn exec_process(&mut self, r: &Record, exited: bool) -> Arc<Process> {
        let p = self.exec_process_inner(r, exited);
        self.renamed(p, r, true)
    }

    fn exec_process_inner(&mut self, r: &Record, exited: bool) -> Arc<Process> {
        let pid = i64::from(r.pid);
        if !exited
            && let Some(p) = self.table.refresh(pid)
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
        self.gone += 1;
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

    /// `fd.sip.name`: the name of `ip` in the hosts file the process sees, read through
    /// `/proc/PID/root` (else its parent's, else the last one read in its pid namespace),
    /// else the host's `/etc/hosts`.
    fn hosts_name(&mut self, r: &Record, ip: std::net::IpAddr) -> Option<String> {
        let own = [r.pid, r.ppid]
            .iter()
            .find_map(|p| std::fs::read_to_string(format!("/proc/{p}/root/etc/hosts")).ok());
        let text = match own {
            Some(t) => {
                self.hosts.insert(r.pidns, t);
                self.hosts.get(&r.pidns)
            }
            None => self.hosts.get(&r.pidns),
        };
        if let Some(n) = text.and_then(|t| name_in_hosts(t, ip)) {
            return Some(n);
        }
        std::fs::read_to_string("/etc/hosts")
            .ok()
            .and_then(|t| name_in_hosts(&t, ip))
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
/// `request` as `PTRACE_*`, `uid`, `ruid`/`euid`/`suid`...). Seen at exit: `evt.res` is the
/// call's result.
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

/// The event of a socket record: `connect` with its result, or `dup`/`dup2`/`dup3` whose
/// result is the new descriptor; the descriptor (`fd.*`) is the socket, its local end the
/// client and its remote end the server (as for an outbound connection), `fd.sip.name` the
/// server address's name (filled by the converter).
fn socket_event(r: &Record, p: Arc<Process>) -> Option<Event> {
    let s = r.sock?;
    let ty = match r.syscall_nr {
        nr::CONNECT => EventType::Connect,
        nr::DUP => EventType::Dup,
        nr::DUP2 => EventType::Dup2,
        nr::DUP3 => EventType::Dup3,
        _ => return None,
    };
    let l4 = match s.sock_type {
        1 => "tcp",
        2 => "udp",
        _ => "raw",
    };
    let mut fd = Fd::socket(
        i64::from(r.dfd),
        l4,
        s.local.ip(),
        s.local.port(),
        s.remote.ip(),
        s.remote.port(),
    );
    if s.sock_type == 0 {
        fd.l4proto = None;
    }
    fd.connected = match ty {
        EventType::Connect => r.res == 0,
        _ => s.remote.port() != 0,
    };
    let name = fd.name.clone();
    let mut e = Event::new(ty, p);
    e.res = i64::from(r.res);
    e = match ty {
        EventType::Connect => e
            .with_int_arg("fd", i64::from(r.dfd))
            .with_arg("tuple", name),
        EventType::Dup => e.with_int_arg("fd", i64::from(r.dfd)),
        _ => {
            let e = e
                .with_int_arg("oldfd", i64::from(r.dfd))
                .with_int_arg("newfd", i64::from(r.res));
            if ty == EventType::Dup3 {
                e.with_int_arg("flags", r.flags as i64)
            } else {
                e
            }
        }
    };
    e.fd = Some(fd);
    Some(e)
}

/// The first name given to `ip` in the text of a hosts file.
pub fn name_in_hosts(text: &str, ip: std::net::IpAddr) -> Option<String> {
    text.lines().find_map(|l| {
        let l = l.split('#').next().unwrap_or("");
        let mut w = l.split_whitespace();
        let addr: std::net::IpAddr = w.next()?.parse().ok()?;
        if addr == ip {
            w.next().map(str::to_string)
        } else {
            None
        }
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
/// How often the rules' host names are resolved again.
const DNS_REFRESH: Duration = Duration::from_secs(30);

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
        // The rules' host names for fd.sip.name, resolved off the event path.
        engine.resolver().clone().spawn(DNS_REFRESH, stop.clone());
        let mut conv = Converter::new(cfg.runc_roots.clone());
        conv.opens = cfg.opens;
        {
            let (stop, stats) = (stop.clone(), stats.clone());
            threads.push(std::thread::spawn(move || {
                let mut recs = Vec::with_capacity(BATCH);
                // pid -> index of its last exit record in the batch.
                let mut exits: std::collections::HashMap<u32, usize> =
                    std::collections::HashMap::new();
                let mut last_drops = Instant::now();
                loop {
                    let stopping = stop.load(Ordering::Relaxed);
                    recs.clear();
                    exits.clear();
                    let n = src.drain(BATCH, &mut recs);
                    for (i, r) in recs.iter().enumerate() {
                        if r.kind == RecordKind::Exit {
                            exits.insert(r.pid, i);
                        }
                    }
                    for (i, r) in recs.iter().enumerate() {
                        let exited = exits.get(&r.pid).is_some_and(|&x| x > i);
                        if let Some(ev) = conv.convert_hinted(r, exited) {
                            emit(&engine, &ev, &stats, &tx);
                        }
                    }
                    if stopping || last_drops.elapsed() >= Duration::from_millis(500) {
                        if let Ok(d) = src.drops() {
                            stats.set_kernel_drops(d);
                        }
                        stats.malformed.store(src.malformed(), Ordering::Relaxed);
                        stats.exited_before_read.store(conv.gone, Ordering::Relaxed);
                        stats
                            .processes
                            .store(conv.processes() as u64, Ordering::Relaxed);
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
            sock: None,
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
    fn exits_empty_the_table_and_an_exec_known_to_have_exited_is_not_read_from_proc() {
        // A live pid (this test): without the hint its exec is read from /proc.
        let me = std::process::id();
        let mut c = Converter::new(vec!["/nonexistent".into()]);
        let mut r = record(RecordKind::Exec, me, "storm-child", "/tiny");
        let own = std::fs::read_to_string("/proc/self/comm").unwrap();
        r.comm = own.trim_end().to_string();
        let e = c.convert(&r).unwrap();
        assert_eq!((c.gone, c.processes()), (0, 1));
        assert!(e.proc.start_ts > 0, "read from /proc");
        // Told its exit record follows in the batch: built from the record, counted.
        let e = c.convert_hinted(&r, true).unwrap();
        assert_eq!(c.gone, 1);
        assert_eq!((e.proc.exepath.as_str(), e.proc.start_ts), ("/tiny", 0));
        // The exit record forgets it and is no event.
        let mut x = record(RecordKind::Exit, me, "", "");
        x.argv.clear();
        assert!(c.convert(&x).is_none());
        assert_eq!(c.processes(), 0);
    }

    #[test]
    fn capabilities_include_the_socket_fields() {
        let c = capabilities();
        assert!(c.fields.contains(&FieldId::FdNameraw));
        assert!(c.fields.contains(&FieldId::EvtArg));
        assert!(c.fields.contains(&FieldId::FdSip));
        assert!(c.fields.contains(&FieldId::FdSipName));
        assert!(c.event_types.contains(&EventType::Open));
        assert!(c.event_types.contains(&EventType::Connect));
        assert!(c.event_types.contains(&EventType::Dup2));
    }

    #[test]
    fn socket_records_become_connect_and_dup_events() {
        let pid = 4_194_305 + 11;
        let mut c = Converter::new(vec!["/nonexistent".into()]);
        let mut r = record(RecordKind::Socket, pid, "ssh", "");
        r.syscall_nr = nr::CONNECT;
        (r.dfd, r.res) = (3, -115);
        r.sock = Some(crate::ebpf::SockInfo {
            sock_type: 1,
            local: "203.0.113.7:50000".parse().unwrap(),
            remote: "203.0.113.9:4444".parse().unwrap(),
        });
        let e = c.convert(&r).unwrap();
        assert_eq!((e.ty, e.res), (EventType::Connect, -115));
        let fd = e.fd.as_ref().unwrap();
        assert_eq!(fd.name, "203.0.113.7:50000->203.0.113.9:4444");
        assert_eq!((fd.num, fd.l4proto, fd.connected), (3, Some("tcp"), false));
        assert_eq!(fd.sport, Some(4444));
        r.syscall_nr = nr::DUP2;
        (r.dfd, r.res) = (3, 1);
        let e = c.convert(&r).unwrap();
        assert_eq!((e.ty, e.res), (EventType::Dup2, 1));
        assert_eq!(e.arg("newfd"), Some(&crate::event::ArgValue::Int(1)));
        assert!(e.fd.as_ref().unwrap().connected);
        r.sock.as_mut().unwrap().sock_type = 2;
        r.syscall_nr = nr::DUP3;
        let e = c.convert(&r).unwrap();
        assert_eq!(e.fd.as_ref().unwrap().l4proto, Some("udp"));
        r.sock = None;
        assert!(c.convert(&r).is_none());
    }

    #[test]
    fn hosts_files_name_addresses() {
        let hosts = "# comment\n127.0.0.1 localhost\n127.1.2.3\tkubernetes.default.svc.cluster.local kubernetes # k8s\n::1 ip6-localhost\n";
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        assert_eq!(
            name_in_hosts(hosts, ip("127.1.2.3")).as_deref(),
            Some("kubernetes.default.svc.cluster.local")
        );
        assert_eq!(
            name_in_hosts(hosts, ip("::1")).as_deref(),
            Some("ip6-localhost")
        );
        assert_eq!(name_in_hosts(hosts, ip("10.0.0.1")), None);
        assert_eq!(
            name_in_hosts("garbage line\n127.0.0.1\n", ip("127.0.0.1")),
            None
        );
    }
}
