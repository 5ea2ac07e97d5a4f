//! The eBPF event source against the running kernel (root, BTF): exec and open records of child
//! processes arrive with the right pid, filename, path and flags; the loading process's own
//! events are filtered in kernel; the checked-in object is what `bpf/build.sh` makes of the
//! source. Under `CI=true` a missing prerequisite (root/BTF, clang) fails instead of skipping.
#![cfg(target_os = "linux")]

use bulkhead_runtime::ebpf::{EbpfSource, NR_OPENAT, NR_OPENAT2, Record, RecordKind};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One loaded source at a time: each would also see the other's helper processes.
static LOADED: Mutex<()> = Mutex::new(());

const HELPER_ENV: &str = "BULKHEAD_EBPF_OPENAT2_PATH";

fn ci() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
}

fn load(filter: u32) -> Option<EbpfSource> {
    match EbpfSource::load(filter) {
        Ok(s) => Some(s),
        Err(e) if ci() => panic!("CI=true and the eBPF source cannot load: {e}"),
        Err(e) => {
            eprintln!("skipped: the eBPF source cannot load here ({e})");
            None
        }
    }
}

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bulkhead-ebpf-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Drain until `done` holds for the records seen so far, or 20 s pass (then the caller's
/// asserts report what is missing).
fn collect(src: &mut EbpfSource, done: impl Fn(&[Record]) -> bool) -> Vec<Record> {
    let mut all = Vec::new();
    let start = Instant::now();
    while !done(&all) && start.elapsed() < Duration::from_secs(20) {
        if src.drain(4096, &mut all) == 0 {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    all
}

/// Not a test of its own: when the parent test sets `HELPER_ENV`, this process (a child, so not
/// the filtered pid) calls openat2 on that path and exits.
#[test]
fn helper_openat2() {
    let Ok(path) = std::env::var(HELPER_ENV) else {
        return;
    };
    use rustix::fs::{CWD, Mode, OFlags, ResolveFlags, openat2};
    openat2(
        CWD,
        path.as_str(),
        OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL,
        Mode::from_raw_mode(0o600),
        ResolveFlags::NO_SYMLINKS,
    )
    .unwrap();
}

#[test]
fn exec_and_open_events_arrive_and_own_pid_is_filtered() {
    let _g = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    let me = std::process::id();
    let Some(mut src) = load(me) else { return };
    let dir = temp_dir("events");
    let own = dir.join("own-open");
    let child_file = dir.join("child-open");
    let child2_file = dir.join("child-openat2");

    // Our own open (filtered pid): must not be seen.
    std::fs::write(&own, b"x").unwrap();
    // An exec of /bin/true.
    let mut t = Command::new("/bin/true")
        .args(["bulkhead-arg", "two"])
        .spawn()
        .unwrap();
    let true_pid = t.id();
    assert!(t.wait().unwrap().success());
    // An open(O_WRONLY|O_CREAT|O_TRUNC) from a shell redirection.
    let mut sh = Command::new("/bin/sh")
        .args(["-c", ": > \"$1\"", "sh"])
        .arg(&child_file)
        .spawn()
        .unwrap();
    let sh_pid = sh.id();
    assert!(sh.wait().unwrap().success());
    // A failing open (ENOENT): its result is the negative errno.
    let missing = dir.join("missing/file");
    let mut cat = Command::new("/bin/cat")
        .arg(&missing)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let cat_pid = cat.id();
    assert!(!cat.wait().unwrap().success());
    // An openat2 from a copy of this test binary.
    let mut h = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "helper_openat2", "--quiet"])
        .env(HELPER_ENV, &child2_file)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let h_pid = h.id();
    assert!(h.wait().unwrap().success());
    assert!(child2_file.exists());

    let p1 = child_file.to_str().unwrap().to_owned();
    let p2 = child2_file.to_str().unwrap().to_owned();
    let p3 = missing.to_str().unwrap().to_owned();
    let all = collect(&mut src, |rs| {
        rs.iter()
            .any(|r| r.kind == RecordKind::Exec && r.pid == true_pid)
            && rs.iter().any(|r| r.path == p1)
            && rs.iter().any(|r| r.path == p2)
            && rs.iter().any(|r| r.path == p3)
    });

    let exec: Vec<&Record> = all
        .iter()
        .filter(|r| r.kind == RecordKind::Exec && r.pid == true_pid)
        .collect();
    assert_eq!(exec.len(), 1, "exec of /bin/true: {exec:?}");
    assert_eq!(exec[0].path, "/bin/true");
    assert_eq!(exec[0].comm, "true");
    assert_eq!(exec[0].ppid, me);
    assert_eq!(exec[0].argv, ["/bin/true", "bulkhead-arg", "two"]);
    // Container context: the same pid namespace and cgroup as this test.
    let pidns =
        std::os::unix::fs::MetadataExt::ino(&std::fs::metadata("/proc/self/ns/pid").unwrap());
    assert_eq!(u64::from(exec[0].pidns), pidns);
    let cg = std::fs::read_to_string("/proc/self/cgroup").unwrap();
    if let Some(rel) = cg.lines().find_map(|l| l.strip_prefix("0::")) {
        let dir = format!("/sys/fs/cgroup{}", rel.trim_end_matches('/'));
        if let Ok(md) = std::fs::metadata(&dir) {
            assert_eq!(
                exec[0].cgroup_id,
                std::os::unix::fs::MetadataExt::ino(&md),
                "{dir}"
            );
        }
    }
    assert_eq!(
        exec[0].uid,
        std::os::unix::fs::MetadataExt::uid(&std::fs::metadata("/proc/self").unwrap())
    );

    let open: Vec<&Record> = all.iter().filter(|r| r.path == p1).collect();
    assert_eq!(open.len(), 1, "open of {p1}: {open:?}");
    let o = open[0];
    assert_eq!((o.kind, o.pid, o.ppid), (RecordKind::Open, sh_pid, me));
    assert_eq!(o.syscall_nr, NR_OPENAT);
    assert_eq!(o.dfd, -100, "AT_FDCWD");
    // O_WRONLY | O_CREAT | O_TRUNC (Debian's dash), mode 0666.
    assert_eq!(o.flags & 0o3, 0o1);
    assert_eq!(o.flags & 0o1100, 0o1100, "flags {:o}", o.flags);
    assert_eq!(o.mode, 0o666);
    assert!(o.res >= 0, "the new fd: {}", o.res);

    let failed: Vec<&Record> = all.iter().filter(|r| r.path == p3).collect();
    assert_eq!(failed.len(), 1, "open of {p3}: {failed:?}");
    assert_eq!((failed[0].pid, failed[0].res), (cat_pid, -2), "ENOENT");

    let open2: Vec<&Record> = all.iter().filter(|r| r.path == p2).collect();
    assert_eq!(open2.len(), 1, "openat2 of {p2}: {open2:?}");
    let o = open2[0];
    assert_eq!(
        (o.kind, o.pid, o.syscall_nr),
        (RecordKind::Open, h_pid, NR_OPENAT2)
    );
    // O_WRONLY | O_CREAT | O_EXCL (O_CLOEXEC may be added by rustix), mode 0600.
    assert_eq!(o.flags & 0o303, 0o301, "flags {:o}", o.flags);
    assert_eq!(o.mode, 0o600);
    assert!(o.res >= 0, "the new fd: {}", o.res);

    // In-kernel filtering: nothing from this process at all, in particular not its own open.
    assert!(all.iter().all(|r| r.pid != me), "own pid leaked");
    let own = own.to_str().unwrap();
    assert!(all.iter().all(|r| r.path != own));
    // Drop counters: one per possible CPU, nothing lost for this handful of events.
    let drops = src.drops().unwrap();
    assert!(!drops.is_empty());
    eprintln!(
        "records {} drops per CPU {drops:?} malformed {}",
        all.len(),
        src.malformed()
    );
    assert_eq!(src.malformed(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

/// With the filter set to another pid, the test's own opens are seen (the filter really is what
/// hides them above).
#[test]
fn unfiltered_own_open_is_seen() {
    let _g = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    let me = std::process::id();
    let Some(mut src) = load(0) else { return };
    let dir = temp_dir("unfiltered");
    let own = dir.join("own-open");
    std::fs::write(&own, b"x").unwrap();
    let own = own.to_str().unwrap().to_owned();
    let all = collect(&mut src, |rs| rs.iter().any(|r| r.path == own));
    let mine: Vec<&Record> = all.iter().filter(|r| r.path == own).collect();
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(mine[0].pid, me);
    let _ = std::fs::remove_dir_all(&dir);
}

/// In-kernel filtering: opens under an ignored prefix never reach user space, unless the path
/// climbs out with `..`; other opens of the same process do.
#[test]
fn ignored_prefixes_are_dropped_in_kernel() {
    let _g = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    let dir = temp_dir("ignore");
    let skip = dir.join("skip");
    let Some(mut src) =
        (match EbpfSource::load_with(std::process::id(), &[skip.to_str().unwrap().to_owned()]) {
            Ok(s) => Some(s),
            Err(e) if ci() => panic!("CI=true and the eBPF source cannot load: {e}"),
            Err(e) => {
                eprintln!("skipped: the eBPF source cannot load here ({e})");
                None
            }
        })
    else {
        return;
    };
    let d = dir.to_str().unwrap();
    let script =
        format!(": > {d}/skip-a; : > {d}/keep; cat {d}/skip-b/../keep 2>/dev/null; : > {d}/last");
    let st = Command::new("/bin/sh")
        .args(["-c", &script])
        .status()
        .unwrap();
    assert!(st.success());
    let last = format!("{d}/last");
    let all = collect(&mut src, |rs| rs.iter().any(|r| r.path == last));
    let ours: Vec<&str> = all
        .iter()
        .filter(|r| r.kind == RecordKind::Open && r.path.starts_with(d))
        .map(|r| r.path.as_str())
        .collect();
    assert_eq!(
        ours,
        [
            format!("{d}/keep"),
            format!("{d}/skip-b/../keep"),
            format!("{d}/last")
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_ignored_prefixes_are_refused_before_loading() {
    for bad in [
        vec![String::new()],
        vec!["relative".into()],
        vec![format!("/{}", "a".repeat(63))],
        vec!["/a".into(); 5],
    ] {
        let e = EbpfSource::load_with(0, &bad).unwrap_err();
        assert!(
            matches!(e, bulkhead_runtime::ebpf::EbpfError::Config(_)),
            "{bad:?}: {e}"
        );
    }
}

/// symlink, link, socket, ptrace and finit_module calls of a child arrive with their
/// arguments (python3 makes the calls).
#[test]
fn other_syscalls_arrive_with_their_arguments() {
    let _g = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    let Some(python) = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join("python3"))
            .find(|p| p.is_file())
    }) else {
        assert!(!ci(), "CI=true and python3 is missing");
        eprintln!("skipped: python3 missing");
        return;
    };
    let Some(mut src) = load(std::process::id()) else {
        return;
    };
    let dir = temp_dir("syscalls");
    let d = dir.to_str().unwrap();
    let code = format!(
        "import os, socket, ctypes\n\
         os.symlink('/etc/shadow', '{d}/sym')\n\
         open('{d}/f', 'w').close()\n\
         os.link('{d}/f', '{d}/hard')\n\
         s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)\n\
         s.close()\n\
         libc = ctypes.CDLL(None, use_errno=True)\n\
         libc.ptrace(0, 0, 0, 0)\n\
         libc.syscall(313, -1, b'', 0)\n\
         os.rename('{d}/f', '{d}/g')\n\
         os.unlink('{d}/g')\n\
         os.close(os.memfd_create('bulkhead-memfd'))\n\
         os.setresgid(0, 0, 0)\n\
         os.setuid(0)\n\
         open('{d}/done', 'w').close()\n"
    );
    let mut child = Command::new(python).args(["-c", &code]).spawn().unwrap();
    let pid = child.id();
    assert!(child.wait().unwrap().success());
    let done = format!("{d}/done");
    let all = collect(&mut src, |rs| rs.iter().any(|r| r.path == done));
    let mine: Vec<(u32, String, String, u64)> = all
        .iter()
        .filter(|r| r.pid == pid && r.kind == RecordKind::Syscall)
        .map(|r| (r.syscall_nr, r.path.clone(), r.path2.clone(), r.flags))
        .collect();
    use bulkhead_runtime::ebpf::nr;
    let sym = mine
        .iter()
        .find(|m| m.0 == nr::SYMLINK || m.0 == nr::SYMLINKAT)
        .unwrap_or_else(|| panic!("no symlink: {mine:?}"));
    assert_eq!(
        (sym.1.as_str(), sym.2.as_str()),
        ("/etc/shadow", &*format!("{d}/sym"))
    );
    let link = mine
        .iter()
        .find(|m| m.0 == nr::LINK || m.0 == nr::LINKAT)
        .unwrap_or_else(|| panic!("no link: {mine:?}"));
    assert_eq!(
        (link.1.as_str(), link.2.as_str()),
        (&*format!("{d}/f"), &*format!("{d}/hard"))
    );
    assert!(
        mine.iter().any(|m| m.0 == nr::SOCKET && m.3 == 17),
        "AF_PACKET: {mine:?}"
    );
    assert!(
        mine.iter().any(|m| m.0 == nr::PTRACE && m.3 == 0),
        "PTRACE_TRACEME: {mine:?}"
    );
    assert!(
        mine.iter().any(|m| m.0 == nr::FINIT_MODULE),
        "finit_module: {mine:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// connect to an IPv4 (TCP) and an IPv6 (UDP) address and dup2 of the TCP socket arrive at exit
/// with their results and both ends; a dup of a pipe and a connect to a unix socket are
/// dropped in kernel.
#[test]
fn connect_and_dup_of_sockets_arrive_with_both_ends() {
    let _g = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    let Some(python) = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join("python3"))
            .find(|p| p.is_file())
    }) else {
        assert!(!ci(), "CI=true and python3 is missing");
        eprintln!("skipped: python3 missing");
        return;
    };
    let Some(mut src) = load(std::process::id()) else {
        return;
    };
    let dir = temp_dir("sockets");
    let d = dir.to_str().unwrap();
    let code = format!(
        "import os, socket\n\
         srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(1)\n\
         c = socket.socket(); c.connect(srv.getsockname())\n\
         os.dup2(c.fileno(), 9)\n\
         r, w = os.pipe(); os.dup2(r, 10)\n\
         u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u6.connect(('::1', 4444))\n\
         un = socket.socket(socket.AF_UNIX)\n\
         try:\n    un.connect('{d}/no-such-socket')\n\
         except OSError:\n    pass\n\
         open('{d}/info', 'w').write('%d %d %d %d %d' % (c.fileno(), c.getsockname()[1], srv.getsockname()[1], u6.getsockname()[1], u6.fileno()))\n\
         open('{d}/done', 'w').close()\n"
    );
    let mut child = Command::new(python).args(["-c", &code]).spawn().unwrap();
    let pid = child.id();
    assert!(child.wait().unwrap().success());
    let done = format!("{d}/done");
    let all = collect(&mut src, |rs| rs.iter().any(|r| r.path == done));
    let info: Vec<u16> = std::fs::read_to_string(dir.join("info"))
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    let (cfd, lport, sport, u6port) = (i32::from(info[0]), info[1], info[2], info[3]);
    let u6fd = i32::from(info[4]);
    use bulkhead_runtime::ebpf::nr;
    let mine: Vec<(u32, i32, i32, u16, String, String)> = all
        .iter()
        .filter(|r| r.pid == pid && r.kind == RecordKind::Socket)
        .map(|r| {
            let s = r.sock.unwrap();
            (
                r.syscall_nr,
                r.dfd,
                r.res,
                s.sock_type,
                s.local.to_string(),
                s.remote.to_string(),
            )
        })
        .collect();
    // Exactly: the TCP connect, its dup2 onto 9, the UDP connect over IPv6; no pipe dup, no
    // unix connect.
    assert_eq!(
        mine,
        [
            (
                nr::CONNECT,
                cfd,
                0,
                1,
                format!("127.0.0.1:{lport}"),
                format!("127.0.0.1:{sport}")
            ),
            (
                nr::DUP2,
                cfd,
                9,
                1,
                format!("127.0.0.1:{lport}"),
                format!("127.0.0.1:{sport}")
            ),
            (
                nr::CONNECT,
                u6fd,
                0,
                2,
                format!("[::1]:{u6port}"),
                "[::1]:4444".to_string()
            ),
        ],
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `bpf/build.sh` rebuilds the checked-in object byte for byte (same clang as TOOLCHAIN).
#[test]
fn checked_in_object_matches_source() {
    let bpf = Path::new(env!("CARGO_MANIFEST_DIR")).join("bpf");
    let want = std::fs::read_to_string(bpf.join("TOOLCHAIN")).unwrap();
    let have = Command::new("clang").arg("--version").output();
    let have = match have {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned(),
        _ if ci() => panic!("CI=true and clang is missing (Debian clang, libbpf-dev)"),
        _ => {
            eprintln!("skipped: clang not installed");
            return;
        }
    };
    if have.trim() != want.trim() {
        assert!(
            !ci(),
            "CI=true and clang is {have:?}, the object was built with {want:?}"
        );
        eprintln!("skipped: clang is {have:?}, the object was built with {want:?}");
        return;
    }
    let dir = temp_dir("rebuild");
    let out = dir.join("bulkhead.bpf.o");
    let st = Command::new("sh")
        .arg(bpf.join("build.sh"))
        .arg(&out)
        .status()
        .unwrap();
    assert!(st.success(), "build.sh failed");
    let rebuilt = std::fs::read(&out).unwrap();
    let checked_in = std::fs::read(bpf.join("bulkhead.bpf.o")).unwrap();
    assert!(
        rebuilt == checked_in,
        "bpf/bulkhead.bpf.o is stale: run crates/bulkhead_runtime/bpf/build.sh and commit it"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
