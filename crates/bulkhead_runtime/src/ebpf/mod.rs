//! The eBPF event source: loads the checked-in CO-RE object `bpf/bulkhead.bpf.o` (built from
//! `bpf/bulkhead.bpf.c` by `bpf/build.sh`, so building this crate never needs clang), attaches
//! its four programs, and drains the records they write to the shared ring buffer.
//!
//! - `tp_btf/sched_process_exec`: one [`RecordKind::Exec`] per successful exec (pid, ppid, uid,
//!   comm after exec, the filename passed to exec, argv bounded to 512 bytes, cgroup id, pid
//!   namespace inode).
//! - `tp_btf/sched_process_exit`: one [`RecordKind::Exit`] per exit of a thread-group leader
//!   (the process table forgets the process).
//! - `tp_btf/sys_exit`, filtered in kernel to `open`/`openat`/`openat2`: the arguments (dfd,
//!   flags, mode, user path bounded to 255 bytes) read from the saved registers at exit with
//!   the result, one [`RecordKind::Open`] per call, as long as its path (header + path + NUL).
//! - `tp_btf/sys_exit`: the other watched calls, with their result ([`RecordKind::Syscall`]).
//!
//! Nothing is attached to `sys_enter`: every call's arguments are read at exit, from the saved
//! registers and the caller's memory.
//! - `tp_btf/sys_exit`: `connect` to an IPv4/IPv6 address and `dup`/`dup2`/`dup3` of an
//!   IPv4/IPv6 socket, with the result and both ends of the socket ([`RecordKind::Socket`],
//!   [`SockInfo`]); other address families and descriptors that are not such sockets are
//!   dropped in kernel.
//!
//! Events of one process (normally the monitor itself, see [`EbpfSource::load`]) are dropped in
//! kernel. The kernel side submits with `BPF_RB_NO_WAKEUP`, so nothing wakes the reader: callers
//! drain in batches ([`EbpfSource::drain`]) on their own schedule. A reservation that fails
//! because the buffer is full increments a per-CPU counter ([`EbpfSource::drops`]).
//!
//! Everything here uses aya's safe API: this module needs no `unsafe` code.

use aya::maps::{MapData, PerCpuArray, RingBuf};
use aya::programs::BtfTracePoint;
use aya::{Btf, Ebpf, EbpfLoader};

/// The compiled object, embedded 8-byte aligned as ELF parsing requires.
pub static OBJECT: &[u8] = aya::include_bytes_aligned!("../../bpf/bulkhead.bpf.o");

/// Size of the fixed-layout records written by the kernel side (`struct event` in the C
/// source); an open record stops after its path's NUL.
pub const RECORD_LEN: usize = 344;
/// Size of the header every record but an exit starts with (the path follows it).
pub const HEADER_LEN: usize = 88;
/// Size of an exit record (`struct exit_event`: time, kind, pid).
pub const EXIT_RECORD_LEN: usize = 16;
/// Size of an exec record (`struct exec_event`: the open layout, then argv).
pub const EXEC_RECORD_LEN: usize = RECORD_LEN + ARGS_LEN;
/// Bytes reserved for the path or filename, NUL included.
pub const PATH_LEN: usize = 256;
/// Bytes of argv an exec record carries at most.
pub const ARGS_LEN: usize = 512;
/// How many open-path prefixes can be ignored in kernel.
pub const IGNORE_MAX: usize = 4;
/// Longest ignored prefix, in bytes.
pub const IGNORE_LEN: usize = 63;
/// x86_64 syscall number of `open`.
pub const NR_OPEN: u32 = 2;
/// x86_64 syscall numbers of the other watched calls.
pub mod nr {
    /// `socket`.
    pub const SOCKET: u32 = 41;
    /// `link`.
    pub const LINK: u32 = 86;
    /// `symlink`.
    pub const SYMLINK: u32 = 88;
    /// `ptrace`.
    pub const PTRACE: u32 = 101;
    /// `init_module`.
    pub const INIT_MODULE: u32 = 175;
    /// `linkat`.
    pub const LINKAT: u32 = 265;
    /// `symlinkat`.
    pub const SYMLINKAT: u32 = 266;
    /// `finit_module`.
    pub const FINIT_MODULE: u32 = 313;
    /// `rename`.
    pub const RENAME: u32 = 82;
    /// `unlink`.
    pub const UNLINK: u32 = 87;
    /// `setuid`.
    pub const SETUID: u32 = 105;
    /// `setgid`.
    pub const SETGID: u32 = 106;
    /// `setresuid`.
    pub const SETRESUID: u32 = 117;
    /// `setresgid`.
    pub const SETRESGID: u32 = 119;
    /// `unlinkat`.
    pub const UNLINKAT: u32 = 263;
    /// `renameat`.
    pub const RENAMEAT: u32 = 264;
    /// `renameat2`.
    pub const RENAMEAT2: u32 = 316;
    /// `memfd_create`.
    pub const MEMFD_CREATE: u32 = 319;
    /// `dup`.
    pub const DUP: u32 = 32;
    /// `dup2`.
    pub const DUP2: u32 = 33;
    /// `connect`.
    pub const CONNECT: u32 = 42;
    /// `dup3`.
    pub const DUP3: u32 = 292;
}
/// x86_64 syscall number of `openat`.
pub const NR_OPENAT: u32 = 257;
/// x86_64 syscall number of `openat2`.
pub const NR_OPENAT2: u32 = 437;

/// Why the eBPF source could not start or be read. Every variant means "no eBPF events": the
/// caller falls back to another sensor and says so.
#[derive(Debug, thiserror::Error)]
pub enum EbpfError {
    /// The kernel's BTF (`/sys/kernel/btf/vmlinux`) could not be read: CO-RE needs it.
    #[error("cannot read the kernel BTF (/sys/kernel/btf/vmlinux): {0}")]
    Btf(#[from] aya::BtfError),
    /// The object could not be parsed, relocated, or its maps created.
    #[error("cannot load the eBPF object: {0}")]
    Load(#[from] aya::EbpfError),
    /// The verifier rejected a program, or attaching it failed (no CAP_BPF/CAP_PERFMON...).
    #[error("eBPF program {name}: {source}")]
    Program {
        /// Program (function) name in the object.
        name: &'static str,
        /// What went wrong.
        source: aya::programs::ProgramError,
    },
    /// The loader was asked for something the object cannot do (too many or too long ignored
    /// prefixes).
    #[error("{0}")]
    Config(String),
    /// A map is missing from the object or has the wrong type.
    #[error("eBPF map {name}: {detail}")]
    Map {
        /// Map name in the object.
        name: &'static str,
        /// What went wrong.
        detail: String,
    },
}

/// What a record describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// A successful exec (`sched_process_exec`).
    Exec,
    /// An `open`/`openat`/`openat2` call with its result.
    Open,
    /// A thread-group leader exited (only `pid` and `ts_ns` are set).
    Exit,
    /// Another watched call (see [`nr`]), seen at exit: `path` is its first path (or the
    /// memfd name), `path2` the second, `flags`/`mode` its numeric arguments (socket domain
    /// and type, ptrace request and pid, linkat/renameat2/unlinkat/memfd flags, the ids of
    /// setuid/setgid, the first two of setresuid/setresgid), `dfd` its directory fd (the
    /// third id of setresuid/setresgid); `res` its result.
    Syscall,
    /// `connect` (to an IPv4/IPv6 address) or `dup`/`dup2`/`dup3` of an IPv4/IPv6 socket, at
    /// exit: `dfd` is the descriptor the call used (the socket, dup's old descriptor), `res`
    /// the result (dup's new descriptor), `flags` dup3's flags, [`Record::sock`] the socket.
    Socket,
}

/// The socket of a [`RecordKind::Socket`] record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SockInfo {
    /// Socket type (`SOCK_STREAM` = 1, `SOCK_DGRAM` = 2, `SOCK_RAW` = 3; 0 when the descriptor
    /// was not a socket).
    pub sock_type: u16,
    /// Local address and port (from the kernel's socket; unspecified before it is bound).
    pub local: std::net::SocketAddr,
    /// Remote address and port (connect: the address the caller passed; dup: the socket's
    /// peer, unspecified when not connected).
    pub remote: std::net::SocketAddr,
}

impl SockInfo {
    /// Decode the `struct sock_info` at the start of a socket record's path area.
    fn parse(b: &[u8]) -> Option<SockInfo> {
        use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
        let u16_at = |at: usize| u16::from_ne_bytes([b[at], b[at + 1]]);
        let family = u16_at(0);
        let addr = |at: usize| -> IpAddr {
            let mut a = [0u8; 16];
            a.copy_from_slice(&b[at..at + 16]);
            if family == 2 {
                IpAddr::V4(Ipv4Addr::new(a[0], a[1], a[2], a[3]))
            } else {
                IpAddr::V6(Ipv6Addr::from(a))
            }
        };
        if family != 2 && family != 10 {
            return None;
        }
        Some(SockInfo {
            sock_type: u16_at(2),
            local: SocketAddr::new(addr(8), u16_at(4)),
            remote: SocketAddr::new(addr(24), u16_at(6)),
        })
    }
}

/// One decoded ring-buffer record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Exec or open.
    pub kind: RecordKind,
    /// `CLOCK_MONOTONIC` nanoseconds (`bpf_ktime_get_ns`).
    pub ts_ns: u64,
    /// Process id (thread group id).
    pub pid: u32,
    /// Thread id.
    pub tid: u32,
    /// Parent's process id (`real_parent->tgid`).
    pub ppid: u32,
    /// Real user id.
    pub uid: u32,
    /// Syscall number for opens (`NR_OPENAT` or `NR_OPENAT2`), 0 for execs.
    pub syscall_nr: u32,
    /// Open flags (`O_*`), 0 for execs.
    pub flags: u64,
    /// Open mode, 0 for execs.
    pub mode: u64,
    /// Directory fd the open path is relative to (`AT_FDCWD` = -100), 0 for execs.
    pub dfd: i32,
    /// Result of an open (the new fd or a negative errno), 0 for execs.
    pub res: i32,
    /// The task's cgroup (v2) id: the inode number of its cgroup directory.
    pub cgroup_id: u64,
    /// Inode of the task's pid namespace (as `/proc/PID/ns/pid` shows it).
    pub pidns: u32,
    /// Syscall records only: the second path (`linkpath`, `newpath`).
    pub path2: String,
    /// Socket records only: the socket's type and ends.
    pub sock: Option<SockInfo>,
    /// Exec only: argv as the new program sees it (at most [`ARGS_LEN`] bytes, lossy UTF-8).
    pub argv: Vec<String>,
    /// Task command name (after exec for execs).
    pub comm: String,
    /// Exec filename or open path (lossy UTF-8, at most 255 bytes).
    pub path: String,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_ne_bytes(a)
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_ne_bytes(a)
}

fn c_str(b: &[u8]) -> String {
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    String::from_utf8_lossy(&b[..end]).into_owned()
}

impl Record {
    fn exit(ts_ns: u64, pid: u32) -> Record {
        Record {
            kind: RecordKind::Exit,
            ts_ns,
            pid,
            tid: pid,
            ppid: 0,
            uid: 0,
            syscall_nr: 0,
            flags: 0,
            mode: 0,
            dfd: 0,
            res: 0,
            cgroup_id: 0,
            pidns: 0,
            path2: String::new(),
            sock: None,
            argv: Vec::new(),
            comm: String::new(),
            path: String::new(),
        }
    }

    /// Decode one record; `None` when the bytes are not a record of this object's layout
    /// (wrong length for its kind, or unknown kind).
    pub fn parse(b: &[u8]) -> Option<Record> {
        if b.len() == EXIT_RECORD_LEN && u32_at(b, 8) == 5 {
            return Some(Record::exit(u64_at(b, 0), u32_at(b, 12)));
        }
        if b.len() < HEADER_LEN {
            return None;
        }
        let kind = match (u32_at(b, 8), b.len()) {
            (1, EXEC_RECORD_LEN) => RecordKind::Exec,
            (2, HEADER_LEN..=RECORD_LEN) => RecordKind::Open,
            (3, EXEC_RECORD_LEN) => RecordKind::Syscall,
            (4, RECORD_LEN) => RecordKind::Socket,
            _ => return None,
        };
        let sock = if kind == RecordKind::Socket {
            Some(SockInfo::parse(&b[88..88 + PATH_LEN])?)
        } else {
            None
        };
        let argv = if kind == RecordKind::Exec {
            let n = (u32_at(b, 68) as usize).min(ARGS_LEN);
            b[RECORD_LEN..RECORD_LEN + n]
                .split(|&c| c == 0)
                .filter(|s| !s.is_empty())
                .map(|s| String::from_utf8_lossy(s).into_owned())
                .collect()
        } else {
            Vec::new()
        };
        let path2 = if kind == RecordKind::Syscall {
            c_str(&b[RECORD_LEN..RECORD_LEN + PATH_LEN])
        } else {
            String::new()
        };
        let path = if kind == RecordKind::Socket {
            String::new()
        } else {
            c_str(&b[HEADER_LEN..b.len().min(HEADER_LEN + PATH_LEN)])
        };
        Some(Record {
            kind,
            path2,
            sock,
            ts_ns: u64_at(b, 0),
            pid: u32_at(b, 12),
            tid: u32_at(b, 16),
            ppid: u32_at(b, 20),
            uid: u32_at(b, 24),
            syscall_nr: u32_at(b, 28),
            flags: u64_at(b, 32),
            mode: u64_at(b, 40),
            dfd: u32_at(b, 48) as i32,
            res: u32_at(b, 52) as i32,
            cgroup_id: u64_at(b, 56),
            pidns: u32_at(b, 64),
            argv,
            comm: c_str(&b[72..88]),
            path,
        })
    }
}

/// The loaded and attached programs with their ring buffer. Dropping it detaches everything.
pub struct EbpfSource {
    ring: RingBuf<MapData>,
    drops: PerCpuArray<MapData, u64>,
    malformed: u64,
    // Keeps the programs (and so their links) alive; dropped last.
    _bpf: Ebpf,
}

impl std::fmt::Debug for EbpfSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EbpfSource")
            .field("malformed", &self.malformed)
            .finish_non_exhaustive()
    }
}

fn program_err(name: &'static str) -> impl Fn(aya::programs::ProgramError) -> EbpfError {
    move |source| EbpfError::Program { name, source }
}

fn missing(name: &'static str) -> EbpfError {
    EbpfError::Map {
        name,
        detail: "not in the object".into(),
    }
}

impl EbpfSource {
    /// Load the object against the running kernel's BTF, drop every event of process
    /// `filter_tgid` in kernel (pass `std::process::id()` for the monitor itself; 0 filters
    /// nothing since pid 0 never execs or opens), and attach both programs.
    pub fn load(filter_tgid: u32) -> Result<EbpfSource, EbpfError> {
        Self::load_with(filter_tgid, &[])
    }

    /// [`EbpfSource::load`], also dropping in kernel the opens of absolute paths that start
    /// with one of `ignore` (at most [`IGNORE_MAX`] absolute prefixes of at most
    /// [`IGNORE_LEN`] bytes), unless the path contains `..` (so `/ignored/../etc/shadow` is
    /// still seen). Nothing of such an open reaches user space: in-kernel filtering of paths
    /// no rule looks at.
    pub fn load_with(filter_tgid: u32, ignore: &[String]) -> Result<EbpfSource, EbpfError> {
        if ignore.len() > IGNORE_MAX {
            return Err(EbpfError::Config(format!(
                "at most {IGNORE_MAX} ignored open prefixes (got {})",
                ignore.len()
            )));
        }
        // The prefixes as the C side compares them: 8 words of native-endian bytes each,
        // zero-padded, and their lengths.
        let mut table = [[0u64; (IGNORE_LEN + 1) / 8]; IGNORE_MAX];
        let mut lens = [0u32; IGNORE_MAX];
        for ((slot, len), p) in table.iter_mut().zip(&mut lens).zip(ignore) {
            if !p.starts_with('/') || p.len() > IGNORE_LEN || p.contains('\0') {
                return Err(EbpfError::Config(format!(
                    "ignored open prefix `{p}`: must be an absolute path of at most {IGNORE_LEN} bytes"
                )));
            }
            let mut bytes = [0u8; IGNORE_LEN + 1];
            bytes[..p.len()].copy_from_slice(p.as_bytes());
            for (w, chunk) in slot.iter_mut().zip(bytes.chunks_exact(8)) {
                *w = u64::from_ne_bytes(chunk.try_into().unwrap_or([0; 8]));
            }
            *len = p.len() as u32;
        }
        let ignore_n = ignore.len() as u32;
        let btf = Btf::from_sys_fs()?;
        let mut bpf = EbpfLoader::new()
            .btf(Some(&btf))
            .override_global("filter_tgid", &filter_tgid, true)
            .override_global("ignore_n", &ignore_n, true)
            .override_global("ignore", &table, true)
            .override_global("ignore_len", &lens, true)
            .load(OBJECT)?;

        const EXEC: &str = "bulkhead_exec";
        let prog: &mut BtfTracePoint = bpf
            .program_mut(EXEC)
            .ok_or_else(|| missing(EXEC))?
            .try_into()
            .map_err(program_err(EXEC))?;
        prog.load("sched_process_exec", &btf)
            .map_err(program_err(EXEC))?;
        prog.attach().map_err(program_err(EXEC))?;

        for (name, tracepoint) in [
            ("bulkhead_exit", "sched_process_exit"),
            ("bulkhead_sys_exit", "sys_exit"),
        ] {
            let prog: &mut BtfTracePoint = bpf
                .program_mut(name)
                .ok_or_else(|| missing(name))?
                .try_into()
                .map_err(program_err(name))?;
            prog.load(tracepoint, &btf).map_err(program_err(name))?;
            prog.attach().map_err(program_err(name))?;
        }

        let ring = bpf.take_map("events").ok_or_else(|| missing("events"))?;
        let ring = RingBuf::try_from(ring).map_err(|e| EbpfError::Map {
            name: "events",
            detail: e.to_string(),
        })?;
        let drops = bpf.take_map("drops").ok_or_else(|| missing("drops"))?;
        let drops = PerCpuArray::try_from(drops).map_err(|e| EbpfError::Map {
            name: "drops",
            detail: e.to_string(),
        })?;
        Ok(EbpfSource {
            ring,
            drops,
            malformed: 0,
            _bpf: bpf,
        })
    }

    /// Move up to `max` pending records into `out` without blocking; returns how many were
    /// appended. Records of an unknown layout are counted ([`EbpfSource::malformed`]) and
    /// skipped. With `BPF_RB_NO_WAKEUP` the caller polls: drain until this returns less than
    /// `max`, then sleep a little.
    pub fn drain(&mut self, max: usize, out: &mut Vec<Record>) -> usize {
        let mut n = 0;
        while n < max {
            let Some(item) = self.ring.next() else { break };
            match Record::parse(&item) {
                Some(r) => {
                    out.push(r);
                    n += 1;
                }
                None => self.malformed += 1,
            }
        }
        n
    }

    /// Records lost in kernel because the ring buffer was full, one counter per possible CPU.
    pub fn drops(&self) -> Result<Vec<u64>, EbpfError> {
        let v = self.drops.get(&0, 0).map_err(|e| EbpfError::Map {
            name: "drops",
            detail: e.to_string(),
        })?;
        Ok(v.iter().copied().collect())
    }

    /// Records skipped because they did not decode (should stay 0).
    pub fn malformed(&self) -> u64 {
        self.malformed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_is_embedded_and_aligned() {
        assert_eq!(&OBJECT[..4], b"\x7fELF");
        assert_eq!(OBJECT.as_ptr() as usize % 8, 0);
    }

    #[test]
    fn parse_decodes_layout_and_rejects_others() {
        let mut b = vec![0u8; RECORD_LEN];
        b[0..8].copy_from_slice(&7u64.to_ne_bytes());
        b[8..12].copy_from_slice(&2u32.to_ne_bytes());
        b[12..16].copy_from_slice(&42u32.to_ne_bytes());
        b[16..20].copy_from_slice(&43u32.to_ne_bytes());
        b[20..24].copy_from_slice(&1u32.to_ne_bytes());
        b[24..28].copy_from_slice(&1000u32.to_ne_bytes());
        b[28..32].copy_from_slice(&NR_OPENAT.to_ne_bytes());
        b[32..40].copy_from_slice(&0o1101u64.to_ne_bytes());
        b[40..48].copy_from_slice(&0o644u64.to_ne_bytes());
        b[48..52].copy_from_slice(&(-100i32).to_ne_bytes());
        b[52..56].copy_from_slice(&(-2i32).to_ne_bytes());
        b[56..64].copy_from_slice(&77u64.to_ne_bytes());
        b[64..68].copy_from_slice(&4026531836u32.to_ne_bytes());
        b[72..75].copy_from_slice(b"cat");
        b[88..98].copy_from_slice(b"/etc/hosts");
        let r = Record::parse(&b).unwrap();
        assert_eq!(
            r,
            Record {
                kind: RecordKind::Open,
                ts_ns: 7,
                pid: 42,
                tid: 43,
                ppid: 1,
                uid: 1000,
                syscall_nr: NR_OPENAT,
                flags: 0o1101,
                mode: 0o644,
                dfd: -100,
                res: -2,
                cgroup_id: 77,
                pidns: 4026531836,
                argv: Vec::new(),
                path2: String::new(),
                sock: None,
                comm: "cat".into(),
                path: "/etc/hosts".into(),
            }
        );
        // A path filling the buffer without NUL is still bounded.
        b[88..88 + PATH_LEN].fill(b'a');
        assert_eq!(Record::parse(&b).unwrap().path.len(), PATH_LEN);
        // Opens are as long as their path: header, path, NUL.
        let mut short = b[..HEADER_LEN + 11].to_vec();
        short[HEADER_LEN..].copy_from_slice(b"/etc/hosts\0");
        assert_eq!(Record::parse(&short).unwrap().path, "/etc/hosts");
        assert_eq!(Record::parse(&b[..HEADER_LEN + 3]).unwrap().path, "aaa");
        assert_eq!(Record::parse(&b[..HEADER_LEN - 1]), None);
        let mut long = b.clone();
        long.push(0);
        assert_eq!(Record::parse(&long), None);
        // An exit: time, kind 5, pid.
        let mut e = vec![0u8; EXIT_RECORD_LEN];
        e[0..8].copy_from_slice(&9u64.to_ne_bytes());
        e[8..12].copy_from_slice(&5u32.to_ne_bytes());
        e[12..16].copy_from_slice(&1234u32.to_ne_bytes());
        let r = Record::parse(&e).unwrap();
        assert_eq!((r.kind, r.pid, r.ts_ns), (RecordKind::Exit, 1234, 9));
        e[8..12].copy_from_slice(&2u32.to_ne_bytes());
        assert_eq!(Record::parse(&e), None);
        // An exec record: argv split at NULs, bounded by args_len (even when it lies).
        let mut x = b.clone();
        x[8..12].copy_from_slice(&1u32.to_ne_bytes());
        x.extend_from_slice(&[0u8; ARGS_LEN]);
        x[RECORD_LEN..RECORD_LEN + 12].copy_from_slice(b"cat\0-n\0/etc\0");
        x[68..72].copy_from_slice(&7u32.to_ne_bytes());
        let r = Record::parse(&x).unwrap();
        assert_eq!(
            (r.kind, r.argv.clone()),
            (RecordKind::Exec, vec!["cat".into(), "-n".into()])
        );
        x[68..72].copy_from_slice(&u32::MAX.to_ne_bytes());
        assert_eq!(Record::parse(&x).unwrap().argv, ["cat", "-n", "/etc"]);
        // A kind whose length does not match is refused.
        assert_eq!(Record::parse(&x[..RECORD_LEN]), None);
        b[8..12].copy_from_slice(&9u32.to_ne_bytes());
        assert_eq!(Record::parse(&b), None);
        // A socket record: IPv4 ends in network order, ports in host order.
        b[8..12].copy_from_slice(&4u32.to_ne_bytes());
        b[88..88 + PATH_LEN].fill(0);
        b[88..90].copy_from_slice(&2u16.to_ne_bytes());
        b[90..92].copy_from_slice(&1u16.to_ne_bytes());
        b[92..94].copy_from_slice(&40000u16.to_ne_bytes());
        b[94..96].copy_from_slice(&443u16.to_ne_bytes());
        b[96..100].copy_from_slice(&[10, 1, 0, 5]);
        b[112..116].copy_from_slice(&[203, 0, 113, 9]);
        let r = Record::parse(&b).unwrap();
        assert_eq!(r.kind, RecordKind::Socket);
        assert_eq!(r.path, "");
        let s = r.sock.unwrap();
        assert_eq!(
            (s.sock_type, s.local.to_string(), s.remote.to_string()),
            (1, "10.1.0.5:40000".into(), "203.0.113.9:443".into())
        );
        // IPv6: all 16 bytes.
        b[88..90].copy_from_slice(&10u16.to_ne_bytes());
        b[112..128].copy_from_slice(&std::net::Ipv6Addr::LOCALHOST.octets());
        assert_eq!(
            Record::parse(&b).unwrap().sock.unwrap().remote.to_string(),
            "[::1]:443"
        );
        // Another family is not a socket record of this object.
        b[88..90].copy_from_slice(&1u16.to_ne_bytes());
        assert_eq!(Record::parse(&b), None);
    }
}
