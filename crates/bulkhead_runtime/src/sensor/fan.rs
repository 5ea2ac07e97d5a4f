//! fanotify: open notifications for the rules (every mounted filesystem that is not a
//! pseudo filesystem is marked, and new mounts are marked as they appear), and exec
//! permission decisions for drift prevention (`FAN_OPEN_EXEC_PERM`).
//!
//! Owns: the fanotify groups, marking, reading events, the open flags of the opener's
//! descriptor (from `/proc/PID/fdinfo`, when the opener still runs), and the drift decision.

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::fanotify::{
    EventFFlags, Fanotify, FanotifyEvent, FanotifyResponse, InitFlags, MarkFlags, MaskFlags,
    Response,
};
use std::collections::HashSet;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};
use std::os::unix::fs::MetadataExt;

/// Filesystems never marked (kernel interfaces, not files a workload opens as data).
const PSEUDO: [&str; 20] = [
    "proc",
    "sysfs",
    "cgroup",
    "cgroup2",
    "devpts",
    "mqueue",
    "bpf",
    "tracefs",
    "debugfs",
    "securityfs",
    "configfs",
    "fusectl",
    "pstore",
    "autofs",
    "binfmt_misc",
    "nsfs",
    "rpc_pipefs",
    "efivarfs",
    "hugetlbfs",
    "selinuxfs",
];

/// A fanotify group marked on every real filesystem.
pub struct FanGroup {
    fan: Fanotify,
    mask: MaskFlags,
    marked: HashSet<String>,
}

impl FanGroup {
    /// A notification group for opens (`perm = false`) or a permission group for exec
    /// decisions (`perm = true`).
    pub fn new(perm: bool) -> nix::Result<FanGroup> {
        let class = if perm {
            InitFlags::FAN_CLASS_CONTENT
        } else {
            InitFlags::FAN_CLASS_NOTIF
        };
        let fan = Fanotify::init(
            class | InitFlags::FAN_CLOEXEC | InitFlags::FAN_NONBLOCK,
            EventFFlags::O_RDONLY | EventFFlags::O_LARGEFILE | EventFFlags::O_CLOEXEC,
        )?;
        let mask = if perm {
            MaskFlags::FAN_OPEN_EXEC_PERM
        } else {
            MaskFlags::FAN_OPEN
        };
        Ok(FanGroup {
            fan,
            mask,
            marked: HashSet::new(),
        })
    }

    /// Mark every filesystem of `/proc/self/mountinfo` not marked yet; returns how many
    /// new ones were marked.
    pub fn mark_new_mounts(&mut self) -> usize {
        let Ok(text) = std::fs::read_to_string("/proc/self/mountinfo") else {
            return 0;
        };
        let mut n = 0;
        for line in text.lines() {
            let Some((pre, post)) = line.split_once(" - ") else {
                continue;
            };
            let f: Vec<&str> = pre.split(' ').collect();
            let (Some(devno), Some(mp)) = (f.get(2), f.get(4)) else {
                continue;
            };
            let fstype = post.split(' ').next().unwrap_or("");
            if PSEUDO.contains(&fstype) || self.marked.contains(*devno) {
                continue;
            }
            let path = super::container::unescape_mountinfo(mp);
            let r = self.fan.mark(
                MarkFlags::FAN_MARK_ADD | MarkFlags::FAN_MARK_FILESYSTEM,
                self.mask,
                rustix::fs::CWD,
                Some(path.as_str()),
            );
            // Remember failures too: a filesystem that refuses marks is not retried.
            self.marked.insert(devno.to_string());
            if r.is_ok() {
                n += 1;
            }
        }
        n
    }

    /// Wait up to `ms` for events.
    pub fn wait(&self, ms: u16) -> bool {
        let mut fds = [PollFd::new(self.fan.as_fd(), PollFlags::POLLIN)];
        matches!(poll(&mut fds, PollTimeout::from(ms)), Ok(n) if n > 0)
    }

    /// Read the pending events (empty when none).
    pub fn read(&self) -> Vec<FanotifyEvent> {
        self.fan.read_events().unwrap_or_default()
    }

    /// Answer a permission event.
    pub fn respond(&self, ev: &FanotifyEvent, allow: bool) {
        if let Some(fd) = ev.fd() {
            let r = if allow {
                Response::FAN_ALLOW
            } else {
                Response::FAN_DENY
            };
            let _ = self.fan.write_response(FanotifyResponse::new(fd, r));
        }
    }
}

/// The path of an event's file as this process sees it.
pub fn event_path(fd: BorrowedFd<'_>) -> Option<String> {
    std::fs::read_link(format!("/proc/self/fd/{}", fd.as_raw_fd()))
        .ok()
        .map(|p| p.to_string_lossy().into_owned())
}

/// The open flags with which `pid` holds the file of `fd` (from `/proc/PID/fdinfo`), when
/// the opener still runs. `O_TRUNC` and `O_CREAT` are not kept by the kernel after open.
pub fn opener_flags(pid: i64, fd: BorrowedFd<'_>) -> Option<u32> {
    let me = std::fs::metadata(format!("/proc/self/fd/{}", fd.as_raw_fd())).ok()?;
    let rd = std::fs::read_dir(format!("/proc/{pid}/fd")).ok()?;
    for e in rd.flatten().take(1024) {
        let Ok(m) = std::fs::metadata(e.path()) else {
            continue;
        };
        if m.ino() == me.ino() && m.dev() == me.dev() {
            let info = std::fs::read_to_string(format!(
                "/proc/{pid}/fdinfo/{}",
                e.file_name().to_string_lossy()
            ))
            .ok()?;
            let flags = info.lines().find_map(|l| l.strip_prefix("flags:"))?;
            return u32::from_str_radix(flags.trim(), 8).ok();
        }
    }
    None
}

/// Why an exec was judged drift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// The file is on the container's overlay upper layer (written after it started).
    UpperLayer { path: String },
    /// The file is a memfd.
    Memfd { path: String },
}

/// Decide whether the exec by `pid` (in a container) of the file `fd` is drift.
pub fn drift_of(pid: i64, fd: BorrowedFd<'_>) -> Option<Drift> {
    let path = event_path(fd)?;
    if path.starts_with("/memfd:") {
        return Some(Drift::Memfd { path });
    }
    let upper = super::container::upperdir_of(pid)?;
    let me = std::fs::metadata(format!("/proc/self/fd/{}", fd.as_raw_fd())).ok()?;
    let rel = path.trim_start_matches('/');
    let m = std::fs::metadata(upper.join(rel)).ok()?;
    (m.ino() == me.ino()).then_some(Drift::UpperLayer { path })
}
