//! The event model: one system event (its type, result, arguments and file descriptor) with
//! the process and container it happened in.
//!
//! Owns: the data a sensor hands to the rule engine. Everything a rule may compare is computed
//! when the event (or its process) is built, so evaluating a condition reads borrowed slices and
//! never allocates. Does not own: how sensors learn these values (see `sensor`), nor how rules
//! read them (see `eval`).

use std::net::IpAddr;
use std::sync::Arc;

/// The system calls the engine knows, named as Falco names its event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum EventType {
    Execve,
    Execveat,
    Open,
    Openat,
    Openat2,
    Connect,
    Socket,
    Ptrace,
    Link,
    Linkat,
    Symlink,
    Symlinkat,
    Unlink,
    Unlinkat,
    Rename,
    Renameat,
    Renameat2,
    Setuid,
    Setgid,
    Setresuid,
    Setresgid,
    InitModule,
    FinitModule,
    MemfdCreate,
    Dup,
    Dup2,
    Dup3,
    Sendto,
    Sendmsg,
    Accept,
    Accept4,
    Bind,
    Listen,
    Chmod,
    Fchmod,
    Fchmodat,
    Mkdir,
    Mkdirat,
    Clone,
    Fork,
    Vfork,
    Clone3,
    Procexit,
}

impl EventType {
    /// Every event type, in declaration order.
    pub const ALL: [EventType; 43] = [
        EventType::Execve,
        EventType::Execveat,
        EventType::Open,
        EventType::Openat,
        EventType::Openat2,
        EventType::Connect,
        EventType::Socket,
        EventType::Ptrace,
        EventType::Link,
        EventType::Linkat,
        EventType::Symlink,
        EventType::Symlinkat,
        EventType::Unlink,
        EventType::Unlinkat,
        EventType::Rename,
        EventType::Renameat,
        EventType::Renameat2,
        EventType::Setuid,
        EventType::Setgid,
        EventType::Setresuid,
        EventType::Setresgid,
        EventType::InitModule,
        EventType::FinitModule,
        EventType::MemfdCreate,
        EventType::Dup,
        EventType::Dup2,
        EventType::Dup3,
        EventType::Sendto,
        EventType::Sendmsg,
        EventType::Accept,
        EventType::Accept4,
        EventType::Bind,
        EventType::Listen,
        EventType::Chmod,
        EventType::Fchmod,
        EventType::Fchmodat,
        EventType::Mkdir,
        EventType::Mkdirat,
        EventType::Clone,
        EventType::Fork,
        EventType::Vfork,
        EventType::Clone3,
        EventType::Procexit,
    ];
    /// Number of event types (size of per-type tables).
    pub const COUNT: usize = Self::ALL.len();

    /// Falco's name (`evt.type`).
    pub fn name(self) -> &'static str {
        match self {
            EventType::Execve => "execve",
            EventType::Execveat => "execveat",
            EventType::Open => "open",
            EventType::Openat => "openat",
            EventType::Openat2 => "openat2",
            EventType::Connect => "connect",
            EventType::Socket => "socket",
            EventType::Ptrace => "ptrace",
            EventType::Link => "link",
            EventType::Linkat => "linkat",
            EventType::Symlink => "symlink",
            EventType::Symlinkat => "symlinkat",
            EventType::Unlink => "unlink",
            EventType::Unlinkat => "unlinkat",
            EventType::Rename => "rename",
            EventType::Renameat => "renameat",
            EventType::Renameat2 => "renameat2",
            EventType::Setuid => "setuid",
            EventType::Setgid => "setgid",
            EventType::Setresuid => "setresuid",
            EventType::Setresgid => "setresgid",
            EventType::InitModule => "init_module",
            EventType::FinitModule => "finit_module",
            EventType::MemfdCreate => "memfd_create",
            EventType::Dup => "dup",
            EventType::Dup2 => "dup2",
            EventType::Dup3 => "dup3",
            EventType::Sendto => "sendto",
            EventType::Sendmsg => "sendmsg",
            EventType::Accept => "accept",
            EventType::Accept4 => "accept4",
            EventType::Bind => "bind",
            EventType::Listen => "listen",
            EventType::Chmod => "chmod",
            EventType::Fchmod => "fchmod",
            EventType::Fchmodat => "fchmodat",
            EventType::Mkdir => "mkdir",
            EventType::Mkdirat => "mkdirat",
            EventType::Clone => "clone",
            EventType::Fork => "fork",
            EventType::Vfork => "vfork",
            EventType::Clone3 => "clone3",
            EventType::Procexit => "procexit",
        }
    }

    /// The event type Falco calls `name`.
    pub fn from_name(name: &str) -> Option<EventType> {
        Self::ALL.iter().copied().find(|t| t.name() == name)
    }

    /// Index in per-type tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One argument value of an event (`evt.arg.NAME`).
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    /// Text (paths, rendered flags, rendered requests).
    Str(String),
    /// A number.
    Int(i64),
}

/// One named event argument.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    /// Falco's argument name (`flags`, `target`, `linkpath`, `request`, `domain`, ...).
    pub name: &'static str,
    /// Its value.
    pub value: ArgValue,
}

/// What kind of object a file descriptor refers to (`fd.type`, `fd.typechar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FdKind {
    File,
    Directory,
    Ipv4,
    Ipv6,
    Unix,
    Pipe,
    Memfd,
    Netlink,
    Other,
}

impl FdKind {
    /// `fd.type`.
    pub fn name(self) -> &'static str {
        match self {
            FdKind::File => "file",
            FdKind::Directory => "directory",
            FdKind::Ipv4 => "ipv4",
            FdKind::Ipv6 => "ipv6",
            FdKind::Unix => "unix",
            FdKind::Pipe => "pipe",
            FdKind::Memfd => "memfd",
            FdKind::Netlink => "netlink",
            FdKind::Other => "unknown",
        }
    }
    /// `fd.typechar`.
    pub fn typechar(self) -> &'static str {
        match self {
            FdKind::File => "f",
            FdKind::Directory => "d",
            FdKind::Ipv4 => "4",
            FdKind::Ipv6 => "6",
            FdKind::Unix => "u",
            FdKind::Pipe => "p",
            FdKind::Memfd => "m",
            FdKind::Netlink => "n",
            FdKind::Other => "o",
        }
    }
}

/// The file descriptor an event created or used.
#[derive(Debug, Clone, PartialEq)]
pub struct Fd {
    /// Descriptor number (`-1` when the call failed).
    pub num: i64,
    /// Its kind.
    pub kind: FdKind,
    /// Resolved name: absolute path for files, `cip:cport->sip:sport` for sockets.
    pub name: String,
    /// The path as the process passed it (`fd.nameraw`).
    pub nameraw: String,
    /// Transport protocol for sockets (`tcp`, `udp`, `raw`).
    pub l4proto: Option<&'static str>,
    /// Client (local for outbound) address and port.
    pub cip: Option<IpAddr>,
    /// Client port.
    pub cport: Option<u16>,
    /// Server (remote for outbound) address.
    pub sip: Option<IpAddr>,
    /// Server port.
    pub sport: Option<u16>,
    /// Whether the socket is connected.
    pub connected: bool,
    /// Whether the name changed with this event (sendto on an unconnected socket).
    pub name_changed: bool,
    /// Host name the server address was resolved from, when the sensor knows it.
    pub sip_name: Option<String>,
}

impl Fd {
    /// A file descriptor on a path.
    pub fn file(num: i64, path: impl Into<String>) -> Fd {
        let name = path.into();
        Fd {
            num,
            kind: FdKind::File,
            nameraw: name.clone(),
            name,
            l4proto: None,
            cip: None,
            cport: None,
            sip: None,
            sport: None,
            connected: false,
            name_changed: false,
            sip_name: None,
        }
    }

    /// An outbound connected socket from `c` to `s` (`tcp` or `udp`).
    pub fn socket(
        num: i64,
        l4proto: &'static str,
        cip: IpAddr,
        cport: u16,
        sip: IpAddr,
        sport: u16,
    ) -> Fd {
        let kind = if sip.is_ipv4() {
            FdKind::Ipv4
        } else {
            FdKind::Ipv6
        };
        let name = format!("{cip}:{cport}->{sip}:{sport}");
        Fd {
            num,
            kind,
            nameraw: name.clone(),
            name,
            l4proto: Some(l4proto),
            cip: Some(cip),
            cport: Some(cport),
            sip: Some(sip),
            sport: Some(sport),
            connected: true,
            name_changed: false,
            sip_name: None,
        }
    }

    /// `fd.directory`: the directory of a file path.
    pub fn directory(&self) -> &str {
        dirname(&self.name)
    }

    /// `fd.filename`: the last component of a file path.
    pub fn filename(&self) -> &str {
        basename(&self.name)
    }
}

/// The directory part of a path, as Falco's `fd.directory` gives it (`/etc` for `/etc/x`).
pub fn dirname(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) => "/",
        Some(i) => &path[..i],
        None => "",
    }
}

/// The last component of a path.
pub fn basename(path: &str) -> &str {
    match path.rfind('/') {
        Some(i) => &path[i + 1..],
        None => path,
    }
}

/// What the engine knows of one ancestor of a process.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ancestor {
    /// Process id.
    pub pid: i64,
    /// Command name (`comm`, at most 15 bytes as the kernel keeps it).
    pub name: Arc<str>,
    /// `argv[0]`.
    pub exe: Arc<str>,
    /// Full executable path.
    pub exepath: Arc<str>,
    /// `name args...`.
    pub cmdline: Arc<str>,
}

/// The container a process runs in (`container.id` is `host` outside any container).
#[derive(Debug, Clone, PartialEq)]
pub struct Container {
    /// 12-character short id, or `host`.
    pub id: String,
    /// Full id (64 hex characters) when known.
    pub full_id: Option<String>,
    /// Name, when the runtime state says.
    pub name: Option<String>,
    /// Image reference.
    pub image: Option<String>,
    /// Image repository (reference without tag or digest).
    pub image_repository: Option<String>,
    /// Image tag.
    pub image_tag: Option<String>,
    /// Whether it runs privileged.
    pub privileged: Option<bool>,
    /// Start time, nanoseconds since the epoch.
    pub start_ts: Option<u64>,
    /// Kubernetes namespace.
    pub k8s_ns: Option<String>,
    /// Kubernetes pod name.
    pub k8s_pod: Option<String>,
}

impl Container {
    /// The host (no container).
    pub fn host() -> Container {
        Container {
            id: "host".into(),
            full_id: None,
            name: Some("host".into()),
            image: None,
            image_repository: None,
            image_tag: None,
            privileged: None,
            start_ts: None,
            k8s_ns: None,
            k8s_pod: None,
        }
    }

    /// A container known only by its id.
    pub fn with_id(id: &str) -> Container {
        let short: String = id.chars().take(12).collect();
        Container {
            id: short,
            full_id: (id.len() > 12).then(|| id.to_string()),
            name: None,
            image: None,
            image_repository: None,
            image_tag: None,
            privileged: None,
            start_ts: None,
            k8s_ns: None,
            k8s_pod: None,
        }
    }

    /// Whether this is the host.
    pub fn is_host(&self) -> bool {
        self.id == "host"
    }
}

/// A process (thread group) as the rules see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Process {
    /// Process id (host namespace).
    pub pid: i64,
    /// Parent process id.
    pub ppid: i64,
    /// Command name (`comm`).
    pub name: String,
    /// `argv[0]`.
    pub exe: String,
    /// Full executable path (`/proc/PID/exe`), `memfd:NAME` for memfd executables.
    pub exepath: String,
    /// `argv[1..]`.
    pub args: Vec<String>,
    /// `argv[1..]` joined by spaces (`proc.args`).
    pub args_joined: String,
    /// `name args...` (`proc.cmdline`).
    pub cmdline: String,
    /// Working directory, with a trailing `/` as Falco gives it.
    pub cwd: String,
    /// Controlling terminal device number (0 when none).
    pub tty: i64,
    /// Real user id.
    pub uid: i64,
    /// User name of `uid`.
    pub user_name: String,
    /// Audit login uid (`-1` / 4294967295 when unset).
    pub loginuid: i64,
    /// Login user name.
    pub loginname: String,
    /// Real group id.
    pub gid: i64,
    /// Group name of `gid`.
    pub group_name: String,
    /// Start time, nanoseconds since the epoch.
    pub start_ts: u64,
    /// Effective capability mask.
    pub cap_effective: u64,
    /// `cap_effective` rendered as Falco does (`CAP_CHOWN CAP_DAC_OVERRIDE ...`).
    pub cap_effective_str: String,
    /// Whether the executable is on the upper (writable) layer of an overlay mount.
    pub exe_upper_layer: bool,
    /// Whether the executable is a memfd.
    pub exe_from_memfd: bool,
    /// Whether the executable file is writable by the process.
    pub exe_writable: bool,
    /// Executable inode change time (ns since epoch).
    pub exe_ino_ctime: Option<u64>,
    /// Executable inode modification time (ns since epoch).
    pub exe_ino_mtime: Option<u64>,
    /// Session leader's name.
    pub sname: Option<String>,
    /// Ancestors, nearest first (`[0]` is the parent), at most [`MAX_ANCESTORS`].
    pub ancestors: Vec<Ancestor>,
    /// The container it runs in.
    pub container: Arc<Container>,
}

/// How many ancestors a process carries (Falco's default rules read up to `aname[7]`).
pub const MAX_ANCESTORS: usize = 8;

impl Process {
    /// A process with its derived fields filled from `name`, `exepath` and `argv`.
    pub fn new(pid: i64, name: &str, exepath: &str, argv: &[&str]) -> Process {
        let exe = argv.first().copied().unwrap_or(exepath).to_string();
        let args: Vec<String> = argv.iter().skip(1).map(|s| s.to_string()).collect();
        let mut p = Process {
            pid,
            ppid: 0,
            name: name.to_string(),
            exe,
            exepath: exepath.to_string(),
            args,
            args_joined: String::new(),
            cmdline: String::new(),
            cwd: "/".into(),
            tty: 0,
            uid: 0,
            user_name: "root".into(),
            loginuid: -1,
            loginname: String::new(),
            gid: 0,
            group_name: "root".into(),
            start_ts: 0,
            cap_effective: 0,
            cap_effective_str: String::new(),
            exe_upper_layer: false,
            exe_from_memfd: false,
            exe_writable: false,
            exe_ino_ctime: None,
            exe_ino_mtime: None,
            sname: None,
            ancestors: Vec::new(),
            container: Arc::new(Container::host()),
        };
        p.refresh_derived();
        p
    }

    /// Recompute `args_joined` and `cmdline` after `name` or `args` changed.
    pub fn refresh_derived(&mut self) {
        self.args_joined = self.args.join(" ");
        self.cmdline = if self.args_joined.is_empty() {
            self.name.clone()
        } else {
            format!("{} {}", self.name, self.args_joined)
        };
    }

    /// Set the effective capabilities (and their rendering).
    pub fn set_caps(&mut self, mask: u64) {
        self.cap_effective = mask;
        self.cap_effective_str = caps_to_string(mask);
    }

    /// This process as an ancestor entry of its children.
    pub fn as_ancestor(&self) -> Ancestor {
        Ancestor {
            pid: self.pid,
            name: self.name.as_str().into(),
            exe: self.exe.as_str().into(),
            exepath: self.exepath.as_str().into(),
            cmdline: self.cmdline.as_str().into(),
        }
    }

    /// Ancestry for a child of this process: this process then its own ancestors (their
    /// strings shared, not copied: a storm of children of one shell copies nothing but the
    /// shell's own four strings per child).
    pub fn child_ancestry(&self) -> Vec<Ancestor> {
        let mut v = Vec::with_capacity(MAX_ANCESTORS);
        v.push(self.as_ancestor());
        v.extend(self.ancestors.iter().take(MAX_ANCESTORS - 1).cloned());
        v
    }
}

/// Capability names, by bit number.
pub const CAP_NAMES: [&str; 41] = [
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
];

/// A capability mask rendered as Falco renders `thread.cap_effective`.
pub fn caps_to_string(mask: u64) -> String {
    let mut s = String::new();
    for (bit, name) in CAP_NAMES.iter().enumerate() {
        if mask & (1u64 << bit) != 0 {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(name);
        }
    }
    s
}

/// One event as the rules see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Sequence number (`evt.num`), from 1.
    pub num: u64,
    /// Time, nanoseconds since the epoch.
    pub ts: u64,
    /// System call.
    pub ty: EventType,
    /// Return value (negative errno on failure).
    pub res: i64,
    /// Open flags of open/openat/openat2 (Linux `O_*` bits), used by `evt.is_open_*`.
    pub open_flags: Option<u32>,
    /// Named arguments.
    pub args: Vec<Arg>,
    /// The file descriptor the call created or used.
    pub fd: Option<Fd>,
    /// The calling process (for execve: after the exec).
    pub proc: Arc<Process>,
}

impl Event {
    /// An event of `ty` by `proc` with result 0 and no arguments.
    pub fn new(ty: EventType, proc: Arc<Process>) -> Event {
        Event {
            num: 1,
            ts: 0,
            ty,
            res: 0,
            open_flags: None,
            args: Vec::new(),
            fd: None,
            proc,
        }
    }

    /// Add a text argument.
    pub fn with_arg(mut self, name: &'static str, value: impl Into<String>) -> Event {
        self.args.push(Arg {
            name,
            value: ArgValue::Str(value.into()),
        });
        self
    }

    /// Add a numeric argument.
    pub fn with_int_arg(mut self, name: &'static str, value: i64) -> Event {
        self.args.push(Arg {
            name,
            value: ArgValue::Int(value),
        });
        self
    }

    /// An open-family event of `path` with Linux open `flags` and result `res` (the new fd,
    /// or a negative errno).
    pub fn open(ty: EventType, proc: Arc<Process>, path: &str, flags: u32, res: i64) -> Event {
        Event::open_parts(
            ty,
            proc,
            path.to_string(),
            path.to_string(),
            flags,
            open_flags_to_string(flags),
            res,
        )
    }

    /// [`Event::open`] from owned parts: the normalised path (`fd.name`), the path as passed
    /// (`fd.nameraw`) and the flags already rendered (a sensor caches their text), so an open
    /// costs one string copy (the `name` argument) besides them.
    pub fn open_parts(
        ty: EventType,
        proc: Arc<Process>,
        name: String,
        nameraw: String,
        flags: u32,
        flags_text: String,
        res: i64,
    ) -> Event {
        let mut e = Event::new(ty, proc);
        e.res = res;
        e.open_flags = Some(flags);
        e.args.reserve_exact(2);
        e.args.push(Arg {
            name: "flags",
            value: ArgValue::Str(flags_text),
        });
        e.args.push(Arg {
            name: "name",
            value: ArgValue::Str(name.clone()),
        });
        // Both names moved in (an empty string allocates nothing).
        let mut fd = Fd::file(if res >= 0 { res } else { -1 }, String::new());
        fd.name = name;
        fd.nameraw = nameraw;
        if flags & O_DIRECTORY != 0 {
            fd.kind = FdKind::Directory;
        }
        e.fd = Some(fd);
        e
    }

    /// The value of argument `name`.
    pub fn arg(&self, name: &str) -> Option<&ArgValue> {
        self.args.iter().find(|a| a.name == name).map(|a| &a.value)
    }
}

/// `O_RDONLY`.
pub const O_RDONLY: u32 = 0;
/// `O_WRONLY`.
pub const O_WRONLY: u32 = 0o1;
/// `O_RDWR`.
pub const O_RDWR: u32 = 0o2;
/// `O_CREAT`.
pub const O_CREAT: u32 = 0o100;
/// `O_EXCL`.
pub const O_EXCL: u32 = 0o200;
/// `O_TRUNC`.
pub const O_TRUNC: u32 = 0o1000;
/// `O_APPEND`.
pub const O_APPEND: u32 = 0o2000;
/// `O_NONBLOCK`.
pub const O_NONBLOCK: u32 = 0o4000;
/// `O_DIRECTORY`.
pub const O_DIRECTORY: u32 = 0o200000;
/// `O_NOFOLLOW`.
pub const O_NOFOLLOW: u32 = 0o400000;
/// `O_CLOEXEC`.
pub const O_CLOEXEC: u32 = 0o2000000;
/// `O_PATH`.
pub const O_PATH: u32 = 0o10000000;
/// `O_TMPFILE` (includes `O_DIRECTORY`).
pub const O_TMPFILE: u32 = 0o20200000;

/// Open flags rendered as Falco renders `evt.arg.flags` (`O_WRONLY|O_CREAT|O_TRUNC`).
pub fn open_flags_to_string(flags: u32) -> String {
    let mut parts: Vec<&str> = Vec::new();
    match flags & 3 {
        0 => parts.push("O_RDONLY"),
        1 => parts.push("O_WRONLY"),
        _ => parts.push("O_RDWR"),
    }
    for (bit, name) in [
        (O_CREAT, "O_CREAT"),
        (O_EXCL, "O_EXCL"),
        (O_TRUNC, "O_TRUNC"),
        (O_APPEND, "O_APPEND"),
        (O_NONBLOCK, "O_NONBLOCK"),
        (O_DIRECTORY, "O_DIRECTORY"),
        (O_NOFOLLOW, "O_NOFOLLOW"),
        (O_CLOEXEC, "O_CLOEXEC"),
        (O_PATH, "O_PATH"),
    ] {
        if flags & bit == bit {
            parts.push(name);
        }
    }
    parts.join("|")
}

/// Errno names for `evt.res`.
pub fn errno_name(errno: i64) -> &'static str {
    match errno {
        1 => "EPERM",
        2 => "ENOENT",
        3 => "ESRCH",
        4 => "EINTR",
        5 => "EIO",
        9 => "EBADF",
        11 => "EAGAIN",
        12 => "ENOMEM",
        13 => "EACCES",
        14 => "EFAULT",
        16 => "EBUSY",
        17 => "EEXIST",
        18 => "EXDEV",
        20 => "ENOTDIR",
        21 => "EISDIR",
        22 => "EINVAL",
        23 => "ENFILE",
        24 => "EMFILE",
        26 => "ETXTBSY",
        28 => "ENOSPC",
        30 => "EROFS",
        36 => "ENAMETOOLONG",
        38 => "ENOSYS",
        40 => "ELOOP",
        95 => "EOPNOTSUPP",
        97 => "EAFNOSUPPORT",
        98 => "EADDRINUSE",
        99 => "EADDRNOTAVAIL",
        101 => "ENETUNREACH",
        104 => "ECONNRESET",
        110 => "ETIMEDOUT",
        111 => "ECONNREFUSED",
        113 => "EHOSTUNREACH",
        114 => "EALREADY",
        115 => "EINPROGRESS",
        _ => "E_UNKNOWN",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_as_falco_does() {
        assert_eq!(dirname("/etc/shadow"), "/etc");
        assert_eq!(dirname("/shadow"), "/");
        assert_eq!(basename("/var/log/syslog"), "syslog");
    }

    #[test]
    fn flags_and_caps_render() {
        assert_eq!(
            open_flags_to_string(O_WRONLY | O_CREAT | O_TRUNC),
            "O_WRONLY|O_CREAT|O_TRUNC"
        );
        assert_eq!(open_flags_to_string(O_CLOEXEC), "O_RDONLY|O_CLOEXEC");
        assert_eq!(
            caps_to_string((1 << 16) | (1 << 21)),
            "CAP_SYS_MODULE CAP_SYS_ADMIN"
        );
    }
}
