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
    /// The OCI annotations of the bundle (runc keeps them as `key=value` labels).
    annotations: HashMap<String, String>,
}

/// Kubernetes context from the annotations CRI runtimes put on a container's bundle
/// (containerd's `io.kubernetes.cri.*`, CRI-O's `io.kubernetes.pod.*`/`io.kubernetes.cri-o.*`):
/// pod name, namespace, image reference (split into repository and tag) and container name.
fn apply_annotations(c: &mut Container, a: &HashMap<String, String>) {
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| a.get(*k).filter(|v| !v.is_empty()))
    };
    if let Some(v) = get(&["io.kubernetes.cri.sandbox-name", "io.kubernetes.pod.name"]) {
        c.k8s_pod = Some(v.clone());
    }
    if let Some(v) = get(&[
        "io.kubernetes.cri.sandbox-namespace",
        "io.kubernetes.pod.namespace",
    ]) {
        c.k8s_ns = Some(v.clone());
    }
    if let Some(v) = get(&[
        "io.kubernetes.cri.container-name",
        "io.kubernetes.container.name",
    ]) {
        c.name = Some(v.clone());
    }
    if let Some(v) = get(&[
        "io.kubernetes.cri.image-name",
        "io.kubernetes.cri-o.ImageName",
    ]) {
        let (repo, tag) = split_image(v);
        c.image = Some(v.clone());
        c.image_repository = Some(repo.to_string());
        c.image_tag = tag.map(str::to_string);
    }
}

/// `registry/repo:tag@sha256:...` -> (`registry/repo`, `tag`); a registry port is not a tag.
pub fn split_image(image: &str) -> (&str, Option<&str>) {
    let no_digest = image.split_once('@').map_or(image, |(r, _)| r);
    let slash = no_digest.rfind('/').map_or(0, |i| i + 1);
    match no_digest[slash..].rfind(':') {
        Some(i) => (&no_digest[..slash + i], Some(&no_digest[slash + i + 1..])),
        None => (no_digest, None),
    }
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
    /// Containers of namespaces no runc state named yet (the runtime may not have written it:
    /// `runc init` runs in the namespace before `state.json` exists), by namespace inode.
    unnamed: HashMap<u64, Arc<Container>>,
    /// cgroup v2 directory inode -> container id found in its path (`None`: not a container).
    by_cgroup: HashMap<u64, Option<String>>,
    last_cgroup_walk: Option<Instant>,
}

/// Where the cgroup v2 hierarchy is mounted.
const CGROUP_ROOT: &str = "/sys/fs/cgroup";

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
            by_cgroup: HashMap::new(),
            last_cgroup_walk: None,
            unnamed: HashMap::new(),
        }
    }

    /// The container of a process that may have exited already, from what the kernel said
    /// about it (the eBPF records): its pid namespace inode and its cgroup v2 id. A namespace
    /// other than the sensor's is a container, named from the runc state when one lists it,
    /// else by the 64-hex id in its cgroup path, else by the namespace.
    pub fn of_ns(&mut self, pidns: u64, cgroup_id: u64) -> Arc<Container> {
        if Some(pidns) == self.own_pidns || pidns == 0 {
            return match self.id_of_cgroup(cgroup_id) {
                Some(id) => Arc::new(Container::with_id(&id)),
                None => self.host.clone(),
            };
        }
        if let Some(c) = self.by_ns.get(&pidns) {
            return c.clone();
        }
        self.scan(false);
        if let Some(c) = self.by_ns.get(&pidns) {
            return c.clone();
        }
        if let Some(c) = self.unnamed.get(&pidns) {
            return c.clone();
        }
        let id = self
            .id_of_cgroup(cgroup_id)
            .unwrap_or_else(|| format!("{pidns:012x}"));
        let c = Arc::new(Container::with_id(&id));
        self.remember_unnamed(pidns, c.clone());
        c
    }

    /// The container id in the path of the cgroup v2 directory whose inode is `cgroup_id`
    /// (the hierarchy is walked again, at most every 100 ms, when the id is new).
    pub fn id_of_cgroup(&mut self, cgroup_id: u64) -> Option<String> {
        if cgroup_id == 0 {
            return None;
        }
        if let Some(v) = self.by_cgroup.get(&cgroup_id) {
            return v.clone();
        }
        if self
            .last_cgroup_walk
            .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return None;
        }
        self.last_cgroup_walk = Some(Instant::now());
        if self.by_cgroup.len() > 65_536 {
            self.by_cgroup.clear();
        }
        let mut stack = vec![(PathBuf::from(CGROUP_ROOT), 0usize)];
        while let Some((dir, depth)) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in rd.flatten() {
                let Ok(ft) = e.file_type() else { continue };
                if !ft.is_dir() {
                    continue;
                }
                let path = e.path();
                let Ok(md) = e.metadata() else { continue };
                let rel = path
                    .strip_prefix(CGROUP_ROOT)
                    .map(|r| format!("0::/{}", r.display()))
                    .unwrap_or_default();
                self.by_cgroup.insert(md.ino(), id_from_cgroup(&rel));
                if depth < 8 {
                    stack.push((path, depth + 1));
                }
            }
        }
        self.by_cgroup.get(&cgroup_id).cloned().flatten()
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
                if let Some(c) = self.unnamed.get(&ns) {
                    return c.clone();
                }
                let id = cg_id.unwrap_or_else(|| format!("{ns:012x}"));
                let mut c = Container::with_id(&id);
                c.start_ts = self.start_of(pid);
                let c = Arc::new(c);
                self.remember_unnamed(ns, c.clone());
                c
            }
            _ => match cg_id {
                Some(id) => Arc::new(Container::with_id(&id)),
                None => self.host.clone(),
            },
        }
    }

    /// Remember a container no runc state names (yet): every lookup rescans the state
    /// directories first (at most every 100 ms), so it is named once its state appears.
    fn remember_unnamed(&mut self, ns: u64, c: Arc<Container>) {
        if self.unnamed.len() > 4096 {
            self.unnamed.clear();
        }
        self.unnamed.insert(ns, c);
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
                apply_annotations(&mut c, &st.annotations);
                c.start_ts = self.start_of(st.init_pid);
                self.by_ns.insert(ns, Arc::new(c));
                self.unnamed.remove(&ns);
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
    let annotations = v
        .pointer("/config/labels")
        .and_then(|l| l.as_array())
        .map(|l| {
            l.iter()
                .filter_map(|x| x.as_str()?.split_once('='))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .unwrap_or_default();
    Some(RuncState {
        id,
        init_pid,
        privileged: eff >= 38,
        annotations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_split_and_annotations_apply() {
        assert_eq!(
            split_image("docker.io/library/nginx:1.25"),
            ("docker.io/library/nginx", Some("1.25"))
        );
        assert_eq!(
            split_image("localhost:5000/app@sha256:abc"),
            ("localhost:5000/app", None)
        );
        assert_eq!(
            split_image("localhost:5000/app:v1@sha256:abc"),
            ("localhost:5000/app", Some("v1"))
        );
        assert_eq!(split_image("busybox"), ("busybox", None));
        let mut c = Container::with_id("abc");
        let a: HashMap<String, String> = [
            ("io.kubernetes.pod.name", "web-0"),
            ("io.kubernetes.pod.namespace", "shop"),
            ("io.kubernetes.cri-o.ImageName", "quay.io/x/web:2"),
            ("io.kubernetes.container.name", "web"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        apply_annotations(&mut c, &a);
        assert_eq!(
            (
                c.k8s_pod.as_deref(),
                c.k8s_ns.as_deref(),
                c.name.as_deref(),
                c.image_repository.as_deref(),
                c.image_tag.as_deref()
            ),
            (
                Some("web-0"),
                Some("shop"),
                Some("web"),
                Some("quay.io/x/web"),
                Some("2")
            )
        );
    }

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
