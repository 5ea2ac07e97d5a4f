//! The user-space process table: what `/proc/PID` says about a process (name, argv, exe,
//! cwd, tty, uids, login uid, capabilities, start time), its ancestors (from the table when
//! known, else from `/proc`), and its container.
//!
//! Owns: reading and caching. Entries are keyed by pid and checked against the start time,
//! so a reused pid never inherits another process's ancestry. Does not own container
//! discovery (`container`).

use super::container::Containers;
use crate::event::{Ancestor, MAX_ANCESTORS, Process};
use std::collections::HashMap;
use std::sync::Arc;

/// Host facts needed to turn `/proc` values into Falco's.
#[derive(Debug, Clone)]
pub struct Host {
    /// Boot time, ns since the epoch.
    pub boot_ns: u64,
    /// Clock ticks per second (`/proc/PID/stat` start times).
    pub ticks: u64,
}

impl Host {
    /// Read boot time from `/proc/stat`.
    pub fn read() -> Host {
        let btime = std::fs::read_to_string("/proc/stat")
            .ok()
            .and_then(|s| {
                s.lines().find_map(|l| {
                    l.strip_prefix("btime ")
                        .and_then(|v| v.trim().parse::<u64>().ok())
                })
            })
            .unwrap_or(0);
        Host {
            boot_ns: btime * 1_000_000_000,
            ticks: rustix::param::clock_ticks_per_second().max(1),
        }
    }
}

/// `/proc/PID/stat` fields we use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    /// Parent pid.
    pub ppid: i64,
    /// Controlling tty device.
    pub tty: i64,
    /// Session id.
    pub sid: i64,
    /// Start time in clock ticks since boot.
    pub start_ticks: u64,
}

/// Parse `/proc/PID/stat` (the command name may contain spaces and parentheses).
pub fn parse_stat(s: &str) -> Option<Stat> {
    let close = s.rfind(')')?;
    let rest: Vec<&str> = s[close + 1..].split_whitespace().collect();
    // rest[0] is the state (field 3).
    Some(Stat {
        ppid: rest.get(1)?.parse().ok()?,
        sid: rest.get(3)?.parse().ok()?,
        tty: rest.get(4)?.parse().ok()?,
        start_ticks: rest.get(19)?.parse().ok()?,
    })
}

fn read(pid: i64, file: &str) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/{file}")).ok()
}

fn link(pid: i64, file: &str) -> Option<String> {
    std::fs::read_link(format!("/proc/{pid}/{file}"))
        .ok()
        .map(|p| p.to_string_lossy().into_owned())
}

/// The process table.
pub struct ProcTable {
    host: Host,
    entries: HashMap<i64, (u64, Arc<Process>)>,
    /// Containers.
    pub containers: Containers,
    users: HashMap<(String, i64), String>,
    groups: HashMap<(String, i64), String>,
    exited: std::collections::VecDeque<(std::time::Instant, i64)>,
}

/// How long an exited process stays in the table: fanotify reports opens asynchronously, so
/// the open of a short-lived process (`cat /etc/shadow`) is often read after it exited.
const KEEP_EXITED: std::time::Duration = std::time::Duration::from_secs(3);

/// Most entries kept (oldest evicted first when exceeded).
const MAX_ENTRIES: usize = 65_536;

impl ProcTable {
    /// An empty table.
    pub fn new(host: Host, containers: Containers) -> ProcTable {
        ProcTable {
            host,
            entries: HashMap::new(),
            containers,
            users: HashMap::new(),
            groups: HashMap::new(),
            exited: std::collections::VecDeque::new(),
        }
    }

    /// Host facts.
    pub fn host(&self) -> &Host {
        &self.host
    }

    /// Note that a process exited; it is forgotten a few seconds later.
    pub fn remove(&mut self, pid: i64) {
        let now = std::time::Instant::now();
        while let Some(&(t, old)) = self.exited.front() {
            if now.duration_since(t) < KEEP_EXITED {
                break;
            }
            self.exited.pop_front();
            self.entries.remove(&old);
        }
        self.exited.push_back((now, pid));
    }

    /// Forget process `pid` at once (the eBPF sensor's exit records come after every other
    /// record of the process, and a child exec'd later names its new parent, so nothing needs
    /// an exited process kept).
    pub fn forget(&mut self, pid: i64) {
        self.entries.remove(&pid);
    }

    /// How many processes are cached.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no process is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The process `pid` as cached, if its start time still matches.
    pub fn cached(&self, pid: i64) -> Option<Arc<Process>> {
        self.entries.get(&pid).map(|(_, p)| p.clone())
    }

    /// Cache a process built elsewhere (from what the kernel reported when `/proc` could not
    /// be read, or corrected by it).
    pub fn insert(&mut self, p: Arc<Process>) {
        if self.entries.len() >= MAX_ENTRIES {
            self.entries.clear();
        }
        self.entries.insert(p.pid, (p.start_ts, p));
    }

    /// The process `pid`, read fresh from `/proc` (after an exec) and cached.
    pub fn refresh(&mut self, pid: i64) -> Option<Arc<Process>> {
        let p = Arc::new(self.read_process(pid, 0)?);
        let start = p.start_ts;
        if self.entries.len() >= MAX_ENTRIES {
            self.entries.clear();
        }
        self.entries.insert(pid, (start, p.clone()));
        Some(p)
    }

    /// The process `pid`: cached if its start time matches `/proc`, else read.
    pub fn get(&mut self, pid: i64) -> Option<Arc<Process>> {
        if let Some((start, p)) = self.entries.get(&pid) {
            let st = read(pid, "stat").and_then(|s| parse_stat(&s));
            match st {
                Some(st) if self.start_ns(st.start_ticks) == *start => return Some(p.clone()),
                None => return Some(p.clone()),
                _ => {}
            }
        }
        self.refresh(pid)
    }

    fn start_ns(&self, ticks: u64) -> u64 {
        self.host.boot_ns + ticks * (1_000_000_000 / self.host.ticks)
    }

    fn read_process(&mut self, pid: i64, depth: usize) -> Option<Process> {
        let stat = parse_stat(&read(pid, "stat")?)?;
        let comm = read(pid, "comm")
            .map(|s| s.trim_end_matches('\n').to_string())
            .unwrap_or_default();
        let raw = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let argv: Vec<String> = raw
            .split(|&b| b == 0)
            .filter(|s| !s.is_empty())
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .collect();
        let exe_link = link(pid, "exe").unwrap_or_default();
        let (exepath, memfd) = match exe_link.strip_prefix("/memfd:") {
            Some(rest) => (
                format!("memfd:{}", rest.trim_end_matches(" (deleted)")),
                true,
            ),
            None => (exe_link.trim_end_matches(" (deleted)").to_string(), false),
        };
        let argv_ref: Vec<&str> = argv.iter().map(String::as_str).collect();
        let mut p = Process::new(pid, &comm, &exepath, &argv_ref);
        p.ppid = stat.ppid;
        p.tty = stat.tty;
        p.start_ts = self.start_ns(stat.start_ticks);
        p.exe_from_memfd = memfd;
        let mut cwd = link(pid, "cwd").unwrap_or_else(|| "/".into());
        if !cwd.ends_with('/') {
            cwd.push('/');
        }
        p.cwd = cwd;
        if let Some(status) = read(pid, "status") {
            for l in status.lines() {
                if let Some(v) = l.strip_prefix("Uid:") {
                    p.uid = v
                        .split_whitespace()
                        .next()
                        .and_then(|x| x.parse().ok())
                        .unwrap_or(-1);
                } else if let Some(v) = l.strip_prefix("Gid:") {
                    p.gid = v
                        .split_whitespace()
                        .next()
                        .and_then(|x| x.parse().ok())
                        .unwrap_or(-1);
                } else if let Some(v) = l.strip_prefix("CapEff:") {
                    p.set_caps(u64::from_str_radix(v.trim(), 16).unwrap_or(0));
                }
            }
        }
        p.loginuid = read(pid, "loginuid")
            .and_then(|s| s.trim().parse::<i64>().ok())
            .map(|v| if v == 4_294_967_295 { -1 } else { v })
            .unwrap_or(-1);
        let container = self.containers.of_pid(pid);
        p.container = container.clone();
        let root_key = if container.is_host() {
            String::new()
        } else {
            container.id.clone()
        };
        p.user_name = self.user_name(pid, &root_key, p.uid);
        p.group_name = self.group_name(pid, &root_key, p.gid);
        if p.loginuid >= 0 {
            p.loginname = self.user_name(pid, &root_key, p.loginuid);
        }
        // Upper layer: the executable is a file of the container's overlay upper directory.
        if !memfd && !container.is_host() {
            p.exe_upper_layer = self.containers.is_upper(pid, &p.exepath);
        }
        if let Ok(md) = std::fs::metadata(format!("/proc/{pid}/exe")) {
            use std::os::unix::fs::MetadataExt;
            p.exe_ino_ctime = Some(md.ctime() as u64 * 1_000_000_000 + md.ctime_nsec() as u64);
            p.exe_ino_mtime = Some(md.mtime() as u64 * 1_000_000_000 + md.mtime_nsec() as u64);
            p.exe_writable =
                md.mode() & 0o222 != 0 && (md.uid() as i64 == p.uid || md.mode() & 0o002 != 0);
        }
        if stat.sid > 0 && stat.sid != pid {
            p.sname = read(stat.sid, "comm").map(|s| s.trim_end_matches('\n').to_string());
        } else if stat.sid == pid {
            p.sname = Some(comm.clone());
        }
        // Ancestors.
        if depth == 0 {
            let mut anc = Vec::with_capacity(MAX_ANCESTORS);
            let mut ppid = stat.ppid;
            while ppid > 0 && anc.len() < MAX_ANCESTORS {
                let a = match self.entries.get(&ppid) {
                    Some((_, pp)) => {
                        let next = pp.ppid;
                        (pp.as_ancestor(), next)
                    }
                    None => match self.read_ancestor(ppid) {
                        Some(x) => x,
                        None => break,
                    },
                };
                anc.push(a.0);
                ppid = a.1;
            }
            p.ancestors = anc;
        }
        Some(p)
    }

    fn read_ancestor(&self, pid: i64) -> Option<(Ancestor, i64)> {
        let stat = parse_stat(&read(pid, "stat")?)?;
        let name = read(pid, "comm")
            .map(|s| s.trim_end_matches('\n').to_string())
            .unwrap_or_default();
        let raw = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let argv: Vec<String> = raw
            .split(|&b| b == 0)
            .filter(|s| !s.is_empty())
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .collect();
        let exepath = link(pid, "exe").unwrap_or_default();
        let args = argv.iter().skip(1).cloned().collect::<Vec<_>>().join(" ");
        let cmdline = if args.is_empty() {
            name.clone()
        } else {
            format!("{name} {args}")
        };
        Some((
            Ancestor {
                pid,
                exe: argv.first().unwrap_or(&exepath).as_str().into(),
                exepath: exepath.into(),
                name: name.into(),
                cmdline: cmdline.into(),
            },
            stat.ppid,
        ))
    }

    fn user_name(&mut self, pid: i64, root_key: &str, uid: i64) -> String {
        if let Some(n) = self.users.get(&(root_key.to_string(), uid)) {
            return n.clone();
        }
        let n = lookup_name(pid, "passwd", uid).unwrap_or_else(|| {
            if uid == 0 {
                "root".into()
            } else {
                uid.to_string()
            }
        });
        self.users.insert((root_key.to_string(), uid), n.clone());
        n
    }

    fn group_name(&mut self, pid: i64, root_key: &str, gid: i64) -> String {
        if let Some(n) = self.groups.get(&(root_key.to_string(), gid)) {
            return n.clone();
        }
        let n = lookup_name(pid, "group", gid).unwrap_or_else(|| {
            if gid == 0 {
                "root".into()
            } else {
                gid.to_string()
            }
        });
        self.groups.insert((root_key.to_string(), gid), n.clone());
        n
    }
}

/// The name of `id` in the process's own `/etc/passwd` or `/etc/group` (so a container's
/// users are named as the container names them).
fn lookup_name(pid: i64, file: &str, id: i64) -> Option<String> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/root/etc/{file}"))
        .or_else(|_| std::fs::read_to_string(format!("/etc/{file}")))
        .ok()?;
    text.lines().find_map(|l| {
        let mut it = l.split(':');
        let name = it.next()?;
        let _ = it.next()?;
        let v: i64 = it.next()?.parse().ok()?;
        (v == id).then(|| name.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_with_spaces_in_the_name() {
        let s = "123 (a b) c) S 1 123 123 34816 123 4194560 0 0 0 0 0 0 0 0 20 0 1 0 4567 0 0";
        assert_eq!(
            parse_stat(s),
            Some(Stat {
                ppid: 1,
                tty: 34816,
                sid: 123,
                start_ticks: 4567
            })
        );
    }

    #[test]
    fn own_process_reads() {
        let mut t = ProcTable::new(Host::read(), Containers::new(Vec::new()));
        let me = std::process::id() as i64;
        let p = t.get(me).unwrap();
        assert_eq!(p.pid, me);
        assert!(!p.name.is_empty());
        assert!(p.exepath.starts_with('/'));
        assert!(p.start_ts > 0);
    }
}
