//! Container context of a process: its pid namespace compared with the sensor's own, the
//! container id from its cgroup path (64-hex ids of Docker, containerd, CRI-O, Podman) or from
//! the runc state directories (`/run/runc`, `/run/docker/runtime-runc/moby`,
//! `/run/containerd/runc/*`), the start time, privilege, and whether a file lies on the upper
//! (writable) layer of the container's overlay root.
//!
//! Owns: container discovery and its cache. Does not own process reading (`procfs`).

use crate::event::Container;
use std::collections::HashMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The namespace inode of `/proc/PID/ns/KIND`.
pub fn ns_inode(pid: i64, kind: &str) -> Option<u64> {
    std::fs::metadata(format!("/proc/{pid}/ns/{kind}"))
        .ok()
        .map(|m| m.ino())
}

/// A 64-hex container id in a cgroup file (`/proc/PID/cgroup`).
pub fn id_from_cgroup(text: &str) -> Option<String> {
    for line in text.lines() {
        let path = line.splitn(3, ':').nth(2).unwrap_or("");
        for comp in path.split('/').rev() {
            // docker-<id>.scope, cri-containerd-<id>.scope, crio-<id>.scope, libpod-<id>.scope, <id>
            let c = comp.strip_suffix(".scope").unwrap_or(comp);
            let c = c.rsplit(['-', ':']).next().unwrap_or(c);
            if c.len() == 64 && c.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Some(c.to_ascii_lowercase());
            }
        }
    }
    None
}

/// What a runc state file says about one container.
#[derive(Debug, Clone)]
struct RuncState {
    id: String,
    init_pid: i64,
    privileged: bool,
}

/// The container resolver.
pub struct Containers {
    own_pidns: Option<u64>,
    roots: Vec<PathBuf>,
    by_ns: HashMap<u64, Arc<Container>>,
    last_scan: Option<Instant>,
    host: Arc<Container>,
    boot_ns: u64,
    ticks: u64,
}

/// Where runtimes keep runc state.
pub const DEFAULT_RUNC_ROOTS: [&str; 4] = [
    "/run/runc",
    "/run/docker/runtime-runc/moby",
    "/run/containerd/runc/k8s.io",
    "/run/containerd/runc/default",
];

impl Containers {
    /// A resolver reading runc state under `roots` (empty: the default roots).
    pub fn new(roots: Vec<PathBuf>) -> Containers {
        let roots = if roots.is_empty() {
            DEFAULT_RUNC_ROOTS.iter().map(PathBuf::from).collect()
        } else {
            roots
        };
        let host = super::procfs::Host::read();
        Containers {
            own_pidns: ns_inode(std::process::id() as i64, "pid"),
            roots,
            by_ns: HashMap::new(),
            last_scan: None,
            host: Arc::new(Container::host()),
            boot_ns: host.boot_ns,
            ticks: host.ticks,
        }
    }

    /// The container of `pid` (the host when none).
    pub fn of_pid(&mut self, pid: i64) -> Arc<Container> {
        let ns = ns_inode(pid, "pid");
        let cg = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).ok();
        let cg_id = cg.as_deref().and_then(id_from_cgroup);
        match ns {
            Some(ns) if Some(ns) != self.own_pidns => {
                if let Some(c) = self.by_ns.get(&ns) {
                    return c.clone();
                }
                self.scan(false);
                if let Some(c) = self.by_ns.get(&ns) {
                    return c.clone();
                }
                // Not from a runc state we can read: name it by its cgroup id, or its
                // namespace.
                let id = cg_id.unwrap_or_else(|| format!("{ns:012x}"));
                let mut c = Container::with_id(&id);
                c.start_ts = self.start_of(pid);
                let c = Arc::new(c);
                self.by_ns.insert(ns, c.clone());
                c
            }
            _ => match cg_id {
                Some(id) => Arc::new(Container::with_id(&id)),
                None => self.host.clone(),
            },
        }
    }

    fn start_of(&self, pid: i64) -> Option<u64> {
        let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let st = super::procfs::parse_stat(&s)?;
        Some(self.boot_ns + st.start_ticks * (1_000_000_000 / self.ticks))
    }

    /// Re-read the runc state directories (at most every 100 ms unless forced).
    pub fn scan(&mut self, force: bool) {
        if !force
            && self
                .last_scan
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.last_scan = Some(Instant::now());
        for root in self.roots.clone() {
            let Ok(rd) = std::fs::read_dir(&root) else {
                continue;
            };
            for e in rd.flatten() {
                let Some(st) = read_state(&e.path().join("state.json")) else {
                    continue;
                };
                let Some(ns) = ns_inode(st.init_pid, "pid") else {
                    continue;
                };
                if self
                    .by_ns
                    .get(&ns)
                    .is_some_and(|c| c.full_id.as_deref() == Some(&st.id) || c.id == st.id)
                {
                    continue;
                }
                let mut c = Container::with_id(&st.id);
                if c.full_id.is_none() {
                    c.full_id = Some(st.id.clone());
                }
                c.name = Some(st.id.clone());
                c.privileged = Some(st.privileged);
                c.start_ts = self.start_of(st.init_pid);
                self.by_ns.insert(ns, Arc::new(c));
            }
        }
    }

    /// Whether `exepath` (as the process sees it) is a file of the upper layer of the
    /// overlay mounted at the root of `pid`'s mount namespace.
    pub fn is_upper(&self, pid: i64, exepath: &str) -> bool {
        let Some(upper) = upperdir_of(pid) else {
            return false;
        };
        let Ok(exe) = std::fs::metadata(format!("/proc/{pid}/exe")) else {
            return false;
        };
        let rel = exepath.trim_start_matches('/');
        match std::fs::metadata(upper.join(rel)) {
            Ok(m) => m.ino() == exe.ino(),
            Err(_) => false,
        }
    }
}

/// The `upperdir` of the overlay mounted at `/` in `pid`'s mount namespace.
pub fn upperdir_of(pid: i64) -> Option<PathBuf> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/mountinfo")).ok()?;
    for line in text.lines() {
        let (pre, post) = line.split_once(" - ")?;
        let mount_point = pre.split(' ').nth(4)?;
        if mount_point != "/" {
            continue;
        }
        let mut it = post.split(' ');
        if it.next()? != "overlay" {
            continue;
        }
        let opts = it.nth(1)?;
        for o in opts.split(',') {
            if let Some(u) = o.strip_prefix("upperdir=") {
                return Some(PathBuf::from(unescape_mountinfo(u)));
            }
        }
    }
    None
}

/// Undo mountinfo's octal escapes (`\\040` for a space).
pub fn unescape_mountinfo(s: &str) -> String {
    // Octal escapes (`\040` for a space).
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && i + 3 < b.len()
            && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
        {
            let v = (b[i + 1] - b'0') * 64 + (b[i + 2] - b'0') * 8 + (b[i + 3] - b'0');
            out.push(v);
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn read_state(path: &Path) -> Option<RuncState> {
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let id = v.get("id")?.as_str()?.to_string();
    let init_pid = v.get("init_process_pid")?.as_i64()?;
    let eff = v
        .pointer("/config/capabilities/Effective")
        .and_then(|e| e.as_array())
        .map_or(0, Vec::len);
    Some(RuncState {
        id,
        init_pid,
        privileged: eff >= 38,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_cgroup_paths() {
        let id = "3f2a9c1b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";
        for line in [
            format!("0::/system.slice/docker-{id}.scope"),
            format!("0::/kubepods/besteffort/pod1/cri-containerd-{id}.scope"),
            format!("12:memory:/docker/{id}"),
            format!("0::/machine.slice/libpod-{id}.scope/container"),
        ] {
            assert_eq!(id_from_cgroup(&line).as_deref(), Some(id), "{line}");
        }
        assert_eq!(
            id_from_cgroup("4:memory:/process_api/1e53bbb7746c3163c6390e71d9c836c0\n0::/"),
            None
        );
    }

    #[test]
    fn mountinfo_escapes() {
        assert_eq!(unescape_mountinfo("/a\\040b"), "/a b");
    }
}
