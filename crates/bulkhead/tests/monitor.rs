//! `bulkhead monitor`: the load report, malformed rules, and (as root, with runc and
//! busybox-static) a real runc container on an overlay root doing what Falco's stable rules
//! look for, the same actions on the host, and drift prevention. Every sensor test runs once
//! with each sensor (`--sensor ebpf`, `--sensor proc`).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Monitors see every process of the machine: the tests that start one run one at a time so
/// one test's container never shows up in (or is blocked by) another test's monitor.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_bulkhead")
}

fn ci() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
}

fn falco_rules() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/conformance/falco/falco_rules.yaml");
    if p.exists() {
        return Some(p);
    }
    assert!(!ci(), "CI=true and {} is missing", p.display());
    eprintln!("skipped: {} missing", p.display());
    None
}

fn which(tool: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(tool))
            .find(|p| p.is_file())
    })
}

/// Root, runc and a static busybox; else skipped (failed under CI=true).
fn container_prereqs() -> Option<(PathBuf, PathBuf)> {
    let root = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false);
    let runc = which("runc");
    let busybox = ["/bin/busybox", "/usr/bin/busybox"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file());
    match (root, runc, busybox) {
        (true, Some(r), Some(b)) => Some((r, b)),
        (root, r, b) => {
            let why = format!("root={root} runc={r:?} busybox={b:?}");
            assert!(!ci(), "CI=true and a prerequisite is missing: {why}");
            eprintln!("skipped: {why}");
            None
        }
    }
}

#[test]
fn check_rules_lists_what_the_sensor_skips() {
    let Some(rules) = falco_rules() else { return };
    let out = Command::new(bin())
        .args(["monitor", "--sensor", "proc", "--check-rules", "--rules"])
        .arg(&rules)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8(out.stderr).unwrap();
    insta::assert_snapshot!("monitor_check_rules", err);
}

/// The eBPF sensor fills the open flags and the raw path: only socket fields and the event
/// types it does not produce skip rules. `auto` reports for it.
#[test]
fn check_rules_for_the_ebpf_sensor() {
    let Some(rules) = falco_rules() else { return };
    let run = |extra: &[&str]| {
        let out = Command::new(bin())
            .args(["monitor", "--check-rules", "--rules"])
            .arg(&rules)
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stderr).unwrap()
    };
    let err = run(&["--sensor", "ebpf"]);
    assert_eq!(run(&[]), err);
    insta::assert_snapshot!("monitor_check_rules_ebpf", err);
}

#[test]
fn manifests_pass_bulkhead_check_with_explained_exceptions() {
    let out = Command::new(bin())
        .args(["monitor", "manifests"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bulkhead-monitor.yaml");
    std::fs::write(&p, &out.stdout).unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("kind: DaemonSet") && text.contains("hostPID: true"));
    assert!(!text.contains("privileged: true"));
    let check = Command::new(bin())
        .args(["check", "--format", "concise"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    // Without the suppressions, exactly the documented exceptions remain.
    std::fs::write(
        &p,
        text.replace("bulkhead.dev/ignore", "example.com/removed"),
    )
    .unwrap();
    let check = Command::new(bin())
        .args(["check", "--format", "concise"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let mut codes: Vec<String> = String::from_utf8_lossy(&check.stdout)
        .lines()
        .filter_map(|l| {
            l.split(": ")
                .nth(1)
                .and_then(|r| r.split(' ').next())
                .map(String::from)
        })
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(
        codes,
        [
            "KS010", "KS033", "KS034", "NP005", "PSS001", "PSS013", "PSS015", "PSS016", "PSS018"
        ]
    );
}

#[test]
fn malformed_rules_exit_2_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.yaml");
    std::fs::write(
        &p,
        "- rule: R\n  desc: d\n  condition: proc.name in (a, b\n  output: o\n  priority: INFO\n",
    )
    .unwrap();
    let out = Command::new(bin())
        .args(["monitor", "--check-rules", "--rules"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        format!(
            "error: {}:3:1: rule `R`: condition syntax error at offset 18: expected `)` closing the list (near ``)\n",
            p.display()
        )
    );
    let out = Command::new(bin())
        .args(["monitor", "--check-rules", "--rules", "/nonexistent/r.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("error: /nonexistent/r.yaml: cannot read rules file")
    );
}

/// Debian's `busybox` is dynamically linked (`busybox-static` is not): copy the loader and
/// libraries `ldd` names into the rootfs so it runs there.
fn copy_shared_libraries(exe: &Path, root: &Path) {
    let Ok(out) = Command::new("ldd").arg(exe).output() else {
        return;
    };
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let path = line
            .split_whitespace()
            .find(|w| w.starts_with('/'))
            .map(PathBuf::from);
        if let Some(p) = path.filter(|p| p.is_file()) {
            let dest = root.join(p.strip_prefix("/").unwrap());
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

/// A runc bundle whose root is an overlay (lower: busybox rootfs; upper: empty).
struct Bundle {
    dir: tempfile::TempDir,
    mounted: bool,
}

impl Bundle {
    fn new(busybox: &Path, args: &[&str]) -> Bundle {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let lower = d.join("lower");
        for sub in ["bin", "etc", "tmp", "var/log", "dev/shm", "proc", "sys"] {
            std::fs::create_dir_all(lower.join(sub)).unwrap();
        }
        std::fs::copy(busybox, lower.join("bin/busybox")).unwrap();
        copy_shared_libraries(busybox, &lower);
        for a in [
            "sh", "cat", "nc", "tail", "cp", "ln", "sleep", "true", "kill", "echo", "xargs",
        ] {
            std::os::unix::fs::symlink("busybox", lower.join("bin").join(a)).unwrap();
        }
        std::fs::write(lower.join("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n").unwrap();
        std::fs::write(lower.join("etc/group"), "root:x:0:\n").unwrap();
        std::fs::write(lower.join("etc/shadow"), "root:*:19000:0:99999:7:::\n").unwrap();
        std::fs::write(lower.join("var/log/syslog"), "").unwrap();
        for sub in ["upper", "work", "rootfs", "state"] {
            std::fs::create_dir_all(d.join(sub)).unwrap();
        }
        let opts = format!(
            "lowerdir={},upperdir={},workdir={}",
            lower.display(),
            d.join("upper").display(),
            d.join("work").display()
        );
        let st = Command::new("mount")
            .args(["-t", "overlay", "overlay", "-o", &opts])
            .arg(d.join("rootfs"))
            .status()
            .unwrap();
        assert!(st.success(), "overlay mount failed");
        let st = Command::new("runc")
            .arg("spec")
            .current_dir(d)
            .status()
            .unwrap();
        assert!(st.success());
        let mut c: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(d.join("config.json")).unwrap()).unwrap();
        c["process"]["terminal"] = false.into();
        c["process"]["args"] = args.iter().map(|a| serde_json::Value::from(*a)).collect();
        c["root"]["readonly"] = false.into();
        for m in c["mounts"].as_array_mut().unwrap() {
            if m["destination"] == "/dev/shm" {
                let o: Vec<serde_json::Value> = m["options"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|o| *o != "noexec")
                    .cloned()
                    .collect();
                m["options"] = o.into();
            }
        }
        std::fs::write(
            d.join("config.json"),
            serde_json::to_string_pretty(&c).unwrap(),
        )
        .unwrap();
        Bundle { dir, mounted: true }
    }

    /// Give the process a terminal (runc allocates a pty; `script` gives runc a tty).
    fn with_terminal(self) -> Bundle {
        let cfg = self.dir.path().join("config.json");
        let mut c: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&cfg).unwrap()).unwrap();
        c["process"]["terminal"] = true.into();
        std::fs::write(&cfg, serde_json::to_string_pretty(&c).unwrap()).unwrap();
        self
    }

    /// Run under `script` so runc has a controlling terminal to hand the container a pty.
    fn run_on_tty(&self, id: &str) -> (i32, String) {
        let cmd = format!(
            "runc --root {} run -b {} {id}",
            self.state().display(),
            self.dir.path().display()
        );
        let out = Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let _ = Command::new("runc")
            .arg("--root")
            .arg(self.state())
            .args(["delete", "-f", id])
            .output();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// Join the network namespace at `path` instead of a new, empty one.
    fn with_netns(self, path: &Path) -> Bundle {
        let cfg = self.dir.path().join("config.json");
        let mut c: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&cfg).unwrap()).unwrap();
        for ns in c["linux"]["namespaces"].as_array_mut().unwrap() {
            if ns["type"] == "network" {
                ns["path"] = path.to_str().unwrap().into();
            }
        }
        std::fs::write(&cfg, serde_json::to_string_pretty(&c).unwrap()).unwrap();
        self
    }

    /// Set OCI annotations on the bundle (as a CRI runtime does).
    fn with_annotations(self, a: &[(&str, &str)]) -> Bundle {
        let cfg = self.dir.path().join("config.json");
        let mut c: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&cfg).unwrap()).unwrap();
        c["annotations"] = a
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
            .collect::<serde_json::Map<_, _>>()
            .into();
        std::fs::write(&cfg, serde_json::to_string_pretty(&c).unwrap()).unwrap();
        self
    }

    /// Write a file into the container's root (its overlay upper layer).
    fn write(&self, path: &str, text: &str) {
        std::fs::write(self.dir.path().join("rootfs").join(path), text).unwrap();
    }

    /// Run the container to completion; (exit code, stdout+stderr).
    fn run(&self, id: &str) -> (i32, String) {
        let out = Command::new("runc")
            .arg("--root")
            .arg(self.state())
            .args(["run", "-b"])
            .arg(self.dir.path())
            .arg(id)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let _ = Command::new("runc")
            .arg("--root")
            .arg(self.state())
            .args(["delete", "-f", id])
            .output();
        (
            out.status.code().unwrap_or(-1),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    }
}

impl Drop for Bundle {
    fn drop(&mut self) {
        if self.mounted {
            let _ = Command::new("umount")
                .arg(self.dir.path().join("rootfs"))
                .status();
        }
    }
}

/// A running monitor writing JSON alerts to a file.
struct Monitor {
    child: Child,
    out: PathBuf,
}

impl Monitor {
    fn start(sensor: &str, rules: &Path, state: &Path, out: &Path, extra: &[&str]) -> Monitor {
        let (m, said) = Monitor::spawn(
            Command::new(bin())
                .args(["monitor", "--sensor", sensor, "--output", "json", "--rules"])
                .arg(rules)
                .arg("--runc-root")
                .arg(state)
                .arg("--output-file")
                .arg(out)
                .args(extra),
            out.to_path_buf(),
        );
        let name = if sensor == "ebpf" {
            "ebpf"
        } else {
            "procconnector+fanotify"
        };
        assert!(
            said.contains(&format!("monitor: ready (sensor {name},")),
            "{said}"
        );
        m
    }

    /// Spawns `cmd` with its stderr piped (where it says when it is ready), stdout discarded.
    fn spawn_piped(cmd: &mut Command) -> Child {
        cmd.stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// Reads the monitor's stderr (echoed) until it says "monitor: ready", at most 60 s, and
    /// returns what it said up to there; panics when it exits or never gets ready.
    fn wait_ready(err: &mut BufReader<std::process::ChildStderr>) -> String {
        let start = Instant::now();
        let mut said = String::new();
        loop {
            let mut line = String::new();
            if err.read_line(&mut line).unwrap() == 0 {
                panic!("monitor exited before it was ready: {said}");
            }
            eprint!("{line}");
            said.push_str(&line);
            if line.starts_with("monitor: ready") {
                return said;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "monitor never became ready: {said}"
            );
        }
    }

    /// Spawns the monitor `cmd` runs and waits (at most 60 s) until it says it is ready, then
    /// keeps collecting its stderr (echoed) until it exits: [`RawMonitor::wait`] returns it all.
    fn spawn_raw(cmd: &mut Command) -> (RawMonitor, String) {
        let mut child = Self::spawn_piped(cmd);
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let said = Self::wait_ready(&mut err);
        let rest = std::thread::spawn(move || {
            let mut all = String::new();
            let mut s = String::new();
            while err.read_line(&mut s).unwrap_or(0) > 0 {
                eprint!("{s}");
                all.push_str(&s);
                s.clear();
            }
            all
        });
        (RawMonitor { child, rest }, said)
    }

    /// Spawns the monitor `cmd` runs and waits (at most 60 s) until it says it is ready, then
    /// keeps draining its stderr so it never blocks on it (echoed, so the last lines, counters
    /// and drops, are printed when a test fails). Returns the monitor and what it said up to
    /// "ready".
    fn spawn(cmd: &mut Command, out: PathBuf) -> (Monitor, String) {
        let mut child = Self::spawn_piped(cmd);
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let said = Self::wait_ready(&mut err);
        std::thread::spawn(move || {
            let mut s = String::new();
            while err.read_line(&mut s).unwrap_or(0) > 0 {
                eprint!("{s}");
                s.clear();
            }
        });
        (Monitor { child, out }, said)
    }

    /// Stop (SIGTERM) and return the alerts.
    fn stop(mut self) -> Vec<serde_json::Value> {
        // Let the asynchronous fanotify/proc-connector events drain.
        std::thread::sleep(Duration::from_millis(1500));
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
        std::fs::read_to_string(&self.out)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

/// A monitor whose stderr after "ready" is collected.
struct RawMonitor {
    child: Child,
    rest: std::thread::JoinHandle<String>,
}

impl RawMonitor {
    /// Wait for it to exit (it was started with `--duration`); its status and what it said.
    fn wait(mut self) -> (std::process::ExitStatus, String) {
        let status = self.child.wait().unwrap();
        (status, self.rest.join().unwrap())
    }
}

fn of_container<'a>(alerts: &'a [serde_json::Value], id: &str) -> Vec<&'a str> {
    let mut v: Vec<&str> = alerts
        .iter()
        .filter(|a| a["output_fields"]["container.id"] == id)
        .map(|a| a["rule"].as_str().unwrap())
        .collect();
    v.sort();
    v.dedup();
    v
}

fn runc_container_actions_raise_the_stable_rules_with_the_container_id(sensor: &str) {
    let _serial = serial();
    let Some(rules) = falco_rules() else { return };
    let Some((_runc, busybox)) = container_prereqs() else {
        return;
    };
    let script = "/bin/tail -f /etc/shadow & sleep 0.5; kill $!; \
                  /bin/cp /bin/busybox /tmp/sleep; /tmp/sleep 0.3; \
                  /bin/nc -l -p 9999 -e /bin/sh & sleep 0.3; kill $!; \
                  /bin/cp /bin/busybox /dev/shm/sleep; /dev/shm/sleep 0.3; \
                  : > /var/log/syslog; /bin/ln -s /etc/shadow /tmp/shadow-link; \
                  cd /tmp && echo ../tmp/../etc/shadow | /bin/xargs /bin/cat >/dev/null; cd /; \
                  echo finished";
    let b = Bundle::new(&busybox, &["sh", "-c", script]);
    let tmp = tempfile::tempdir().unwrap();
    let m = Monitor::start(
        sensor,
        &rules,
        &b.state(),
        &tmp.path().join("alerts.json"),
        &[],
    );
    let (code, out) = b.run("bulkheadtestctr1");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("finished"), "{out}");
    let alerts = m.stop();
    // The eBPF sensor also sees the open flags (O_TRUNC of the log), the path as passed (the
    // traversal) and symlink calls; the other sensor skips the rules needing them.
    let want: &[&str] = if sensor == "ebpf" {
        &[
            "Clear Log Activities",
            "Create Symlink Over Sensitive Files",
            "Directory traversal monitored file read",
            "Drop and execute new binary in container",
            "Execution from /dev/shm",
            "Netcat Remote Code Execution in Container",
            "Read sensitive file untrusted",
        ]
    } else {
        &[
            "Drop and execute new binary in container",
            "Execution from /dev/shm",
            "Netcat Remote Code Execution in Container",
            "Read sensitive file untrusted",
        ]
    };
    assert_eq!(of_container(&alerts, "bulkheadtest"), want, "{alerts:#?}");
    // The drop-and-execute alert names the dropped file.
    let drop = alerts
        .iter()
        .find(|a| a["rule"] == "Drop and execute new binary in container")
        .unwrap();
    assert_eq!(drop["output_fields"]["proc.exepath"], "/tmp/sleep");
    assert_eq!(drop["priority"], "Critical");
}

fn a_shell_on_a_terminal_in_a_container_is_reported(sensor: &str) {
    let _serial = serial();
    let Some(rules) = falco_rules() else { return };
    let Some((_runc, busybox)) = container_prereqs() else {
        return;
    };
    let b = Bundle::new(
        &busybox,
        &["sh", "-c", "echo on-a-tty; sleep 0.3; echo done"],
    )
    .with_terminal();
    let tmp = tempfile::tempdir().unwrap();
    // What the monitor saw of the container, for the failure message.
    let seen = tmp.path().join("seen.yaml");
    std::fs::write(
        &seen,
        "- rule: Test container exec\n  desc: d\n  condition: evt.type = execve and container.id != host\n  output: seen %proc.name tty=%proc.tty parent=%proc.pname\n  priority: DEBUG\n",
    )
    .unwrap();
    let m = Monitor::start(
        sensor,
        &rules,
        &b.state(),
        &tmp.path().join("alerts.json"),
        &["--no-opens", "--rules", seen.to_str().unwrap()],
    );
    let (code, out) = b.run_on_tty("bulkheadttyctr");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("on-a-tty"), "{out}");
    let alerts = m.stop();
    assert_eq!(
        of_container(&alerts, "bulkheadttyc"),
        ["Terminal shell in container", "Test container exec"],
        "{alerts:#?}"
    );
    let a = alerts
        .iter()
        .find(|a| a["rule"] == "Terminal shell in container")
        .unwrap();
    assert_ne!(a["output_fields"]["proc.tty"], 0);
    assert_eq!(a["output_fields"]["proc.pname"], "runc");
}

fn the_same_actions_on_the_host_raise_no_container_rule(sensor: &str) {
    let _serial = serial();
    let Some(rules) = falco_rules() else { return };
    let Some((_runc, busybox)) = container_prereqs() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::create_dir_all(d.join("bin")).unwrap();
    std::fs::copy(&busybox, d.join("bin/busybox")).unwrap();
    std::os::unix::fs::symlink("busybox", d.join("bin/nc")).unwrap();
    std::os::unix::fs::symlink("busybox", d.join("bin/tail")).unwrap();
    std::fs::write(d.join("marker-39917"), "").unwrap();
    // A second rules file proves the monitor saw the host netcat at all.
    let seen = d.join("seen.yaml");
    std::fs::write(
        &seen,
        "- rule: Test netcat seen\n  desc: d\n  condition: evt.type = execve and proc.name = nc and proc.args contains 39917\n  output: seen %proc.name %proc.cmdline\n  priority: DEBUG\n",
    )
    .unwrap();
    let m = Monitor::start(
        sensor,
        &rules,
        &d.join("no-runc-state"),
        &d.join("alerts.json"),
        &["--rules", seen.to_str().unwrap()],
    );
    // A marker port tells our nc apart from anything else running on the host; both
    // processes live long enough to be read from /proc.
    let mut nc = Command::new(d.join("bin/nc"))
        .args(["-l", "-p", "39917", "-e", "/bin/true"])
        .spawn()
        .unwrap();
    let mut tail = Command::new(d.join("bin/tail"))
        .args(["-f", "/etc/shadow"])
        .arg(d.join("marker-39917"))
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let _ = nc.kill();
    let _ = tail.kill();
    let _ = nc.wait();
    let _ = tail.wait();
    let alerts = m.stop();
    // The monitor saw our processes: the host+container rule fires, with container.id host.
    let shadow: Vec<&serde_json::Value> = alerts
        .iter()
        .filter(|a| {
            a["rule"] == "Read sensitive file untrusted"
                && a["output_fields"]["proc.cmdline"]
                    .as_str()
                    .is_some_and(|c| c.starts_with("tail -f /etc/shadow") && c.contains("39917"))
        })
        .collect();
    assert!(!shadow.is_empty(), "{alerts:#?}");
    assert!(
        shadow
            .iter()
            .all(|a| a["output_fields"]["container.id"] == "host")
    );
    // The netcat with -e on the host raises no container rule; only the test's own rule.
    let ours: Vec<&str> = alerts
        .iter()
        .filter(|a| {
            a["output_fields"]["proc.name"] == "nc"
                && a["output_fields"]["proc.cmdline"]
                    .as_str()
                    .is_some_and(|c| c.contains("39917"))
        })
        .map(|a| a["rule"].as_str().unwrap())
        .collect();
    assert_eq!(ours, ["Test netcat seen"]);
}

fn memfd_execution_on_the_host_is_fileless_execution(sensor: &str) {
    let _serial = serial();
    let Some(rules) = falco_rules() else { return };
    let Some(_) = container_prereqs() else { return };
    let Some(python) = which("python3") else {
        assert!(!ci(), "CI=true and python3 is missing");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let m = Monitor::start(
        sensor,
        &rules,
        &tmp.path().join("none"),
        &tmp.path().join("alerts.json"),
        &["--no-opens"],
    );
    let code = "import os\nfd=os.memfd_create('bulkhead-memfd-test')\nos.write(fd, open('/bin/sleep','rb').read())\nos.execv(f'/proc/self/fd/{fd}', ['sleep', '0.5'])\n";
    let st = Command::new(python).args(["-c", code]).status().unwrap();
    assert!(st.success());
    let alerts = m.stop();
    let ours: Vec<&serde_json::Value> = alerts
        .iter()
        .filter(|a| a["rule"] == "Fileless execution via memfd_create")
        .filter(|a| {
            a["output_fields"]["proc.exepath"]
                .as_str()
                .is_some_and(|p| p.contains("bulkhead-memfd-test"))
        })
        .collect();
    assert_eq!(ours.len(), 1, "{alerts:#?}");
    assert_eq!(ours[0]["output_fields"]["container.id"], "host");
}

fn deny_drift_blocks_a_dropped_binary_and_lets_image_binaries_run(sensor: &str) {
    let _serial = serial();
    let Some(rules) = falco_rules() else { return };
    let Some((_runc, busybox)) = container_prereqs() else {
        return;
    };
    let script = "/bin/cp /bin/busybox /tmp/sleep; /tmp/sleep 0; echo dropped=$?; /bin/sleep 0; echo image=$?";
    let b = Bundle::new(&busybox, &["sh", "-c", script]);
    let tmp = tempfile::tempdir().unwrap();
    let m = Monitor::start(
        sensor,
        &rules,
        &b.state(),
        &tmp.path().join("alerts.json"),
        &["--deny-drift", "--no-opens"],
    );
    let (code, out) = b.run("bulkheaddrift1");
    let alerts = m.stop();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("dropped=126"), "{out}");
    assert!(out.contains("Operation not permitted"), "EPERM: {out}");
    assert!(out.contains("image=0"), "{out}");
    let denials: Vec<&serde_json::Value> = alerts
        .iter()
        .filter(|a| a["rule"] == "Drift prevented: executable not in the container image")
        .collect();
    assert_eq!(denials.len(), 1, "{alerts:#?}");
    assert_eq!(denials[0]["output_fields"]["container.id"], "bulkheaddrif");
    assert_eq!(denials[0]["output_fields"]["fd.name"], "/tmp/sleep");
}

/// A network namespace the test creates (`ip netns add`), with `lo` up and 203.0.113.7 (a
/// documentation address: neither loopback nor RFC 1918) on it; deleted on drop. Nothing
/// leaves it.
struct Netns {
    name: String,
}

impl Netns {
    fn new(tag: &str) -> Netns {
        let name = format!("bulkhead-{tag}-{}", std::process::id());
        let _ = Command::new("ip").args(["netns", "del", &name]).status();
        let ip = |args: &[&str]| {
            let st = Command::new("ip").args(args).status().unwrap();
            assert!(st.success(), "ip {args:?}");
        };
        ip(&["netns", "add", &name]);
        let n = Netns { name };
        ip(&["-n", &n.name, "link", "set", "lo", "up"]);
        ip(&["-n", &n.name, "addr", "add", "203.0.113.7/32", "dev", "lo"]);
        n
    }

    fn path(&self) -> PathBuf {
        PathBuf::from("/run/netns").join(&self.name)
    }

    /// A command run inside the namespace.
    fn command(&self, prog: &str) -> Command {
        let mut c = Command::new("ip");
        c.args(["netns", "exec", &self.name, prog]);
        c
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Command::new("ip")
            .args(["netns", "del", &self.name])
            .status();
    }
}

/// The three stable rules about sockets, each triggered for real under the eBPF sensor: in a
/// runc container (in a network namespace the test made), a connection to the address its
/// /etc/hosts names kubernetes.default.svc.cluster.local (the monitor names it from that
/// file, though nc has exited by then), and `nc -e` connecting out (its
/// stdin/stdout become the socket with dup2); on the host, in the same namespace, `ssh` to
/// port 4444 (non-standard) of a non-private address, and the near miss: `ssh` to port 22.
#[test]
fn socket_rules_fire_on_real_connections_under_ebpf() {
    let _serial = serial();
    let Some(rules) = falco_rules() else { return };
    let Some((_runc, busybox)) = container_prereqs() else {
        return;
    };
    let Some(ssh) = which("ssh") else {
        assert!(!ci(), "CI=true and ssh (openssh-client) is missing");
        eprintln!("skipped: ssh missing");
        return;
    };
    let net = Netns::new("sock");
    let script = "/bin/nc -l -p 443 >/dev/null & L1=$!; /bin/nc -l -p 4444 >/dev/null & L2=$!; sleep 0.3; \
                  /bin/nc 127.1.2.3 443 </dev/null & C=$!; sleep 0.3; kill $C 2>/dev/null; \
                  /bin/nc 127.0.0.1 4444 -e /bin/true; sleep 0.2; kill $L1 $L2 2>/dev/null; echo finished";
    let b = Bundle::new(&busybox, &["sh", "-c", script]).with_netns(&net.path());
    b.write(
        "etc/hosts",
        "127.0.0.1 localhost\n127.1.2.3 kubernetes.default.svc.cluster.local kubernetes.default\n",
    );
    let tmp = tempfile::tempdir().unwrap();
    let m = Monitor::start(
        "ebpf",
        &rules,
        &b.state(),
        &tmp.path().join("alerts.json"),
        &["--no-opens"],
    );
    let (code, out) = b.run("bulkheadsockctr");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("finished"), "{out}");
    // ssh from the host side of the namespace, to a listener that never answers; killed.
    for port in ["4444", "22"] {
        let mut l = net
            .command(busybox.to_str().unwrap())
            .args(["nc", "-l", "-p", port])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let mut c = net
            .command(ssh.to_str().unwrap())
            .args([
                "-F",
                "/dev/null",
                "-o",
                "BatchMode=yes",
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                "UserKnownHostsFile=/dev/null",
                "-p",
                port,
                "bulkhead@203.0.113.7",
                "true",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(700));
        let _ = c.kill();
        let _ = l.kill();
        let _ = c.wait();
        let _ = l.wait();
    }
    let alerts = m.stop();
    assert_eq!(
        of_container(&alerts, "bulkheadsock"),
        [
            "Contact K8S API Server From Container",
            "Netcat Remote Code Execution in Container",
            "Redirect STDOUT/STDIN to Network Connection in Container",
        ],
        "{alerts:#?}"
    );
    let k8s = alerts
        .iter()
        .find(|a| a["rule"] == "Contact K8S API Server From Container")
        .unwrap();
    assert_eq!(k8s["output_fields"]["fd.rport"], 443);
    assert_eq!(k8s["output_fields"]["fd.l4proto"], "tcp");
    assert!(
        k8s["output_fields"]["fd.name"]
            .as_str()
            .unwrap()
            .ends_with("->127.1.2.3:443"),
        "{k8s:#}"
    );
    // nc's dup2 of the socket onto its standard descriptors.
    let redirect: Vec<&serde_json::Value> = alerts
        .iter()
        .filter(|a| a["rule"] == "Redirect STDOUT/STDIN to Network Connection in Container")
        .collect();
    assert!(
        redirect
            .iter()
            .all(|a| a["output_fields"]["proc.name"] == "nc"
                && a["output_fields"]["fd.rport"] == 4444
                && a["output_fields"]["fd.type"] == "ipv4"),
        "{redirect:#?}"
    );
    // ssh: port 4444 raises the rule (on the host), port 22 does not.
    let ssh_alerts: Vec<&serde_json::Value> = alerts
        .iter()
        .filter(|a| a["rule"] == "Disallowed SSH Connection Non Standard Port")
        .collect();
    assert_eq!(ssh_alerts.len(), 1, "{alerts:#?}");
    let f = &ssh_alerts[0]["output_fields"];
    assert_eq!(f["container.id"], "host");
    assert_eq!(f["fd.rport"], 4444);
    assert_eq!(f["proc.name"], "ssh");
    assert_eq!(
        f["fd.name"]
            .as_str()
            .map(|n| n.ends_with("->203.0.113.7:4444")),
        Some(true),
        "{f:#}"
    );
}

/// The fallback, for real: the monitor started with `--sensor auto` in a mount namespace where
/// an empty tmpfs hides /sys/kernel/btf (a kernel without BTF, as CO-RE sees it) says on stderr
/// that eBPF cannot start and why, runs the process connector + fanotify sensor, and still
/// raises a stable rule on a real open and a rule on a real exec.
#[test]
fn auto_falls_back_to_the_proc_sensor_when_ebpf_cannot_load() {
    let _serial = serial();
    let Some(rules) = falco_rules() else { return };
    let Some((_runc, busybox)) = container_prereqs() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::create_dir_all(d.join("bin")).unwrap();
    std::fs::copy(&busybox, d.join("bin/busybox")).unwrap();
    std::os::unix::fs::symlink("busybox", d.join("bin/tail")).unwrap();
    std::fs::write(d.join("marker-40213"), "").unwrap();
    let seen = d.join("seen.yaml");
    std::fs::write(
        &seen,
        "- rule: Test tail exec seen\n  desc: d\n  condition: evt.type = execve and proc.name = tail and proc.args contains 40213\n  output: seen %proc.cmdline\n  priority: DEBUG\n",
    )
    .unwrap();
    let alerts_path = d.join("alerts.json");
    let (m, said) = Monitor::spawn(
        Command::new("unshare")
            .args([
                "-m",
                "sh",
                "-c",
                "mount -t tmpfs bulkhead-no-btf /sys/kernel/btf && exec \"$0\" \"$@\"",
                bin(),
                "monitor",
                "--sensor",
                "auto",
                "--output",
                "json",
                "--runc-root",
            ])
            .arg(d.join("no-runc-state"))
            .arg("--output-file")
            .arg(&alerts_path)
            .arg("--rules")
            .arg(&rules)
            .arg("--rules")
            .arg(&seen),
        alerts_path,
    );
    assert!(
        said.contains("monitor: the eBPF sensor cannot start (cannot read the kernel BTF (/sys/kernel/btf/vmlinux): ")
            && said.contains("); using the procconnector+fanotify sensor\n"),
        "{said}"
    );
    assert!(
        said.contains("monitor: ready (sensor procconnector+fanotify,"),
        "{said}"
    );
    let mut tail = Command::new(d.join("bin/tail"))
        .args(["-f", "/etc/shadow"])
        .arg(d.join("marker-40213"))
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let _ = tail.kill();
    let _ = tail.wait();
    let alerts = m.stop();
    let ours: Vec<&str> = alerts
        .iter()
        .filter(|a| {
            a["output_fields"]["proc.cmdline"]
                .as_str()
                .is_some_and(|c| c.starts_with("tail -f /etc/shadow") && c.contains("40213"))
        })
        .map(|a| a["rule"].as_str().unwrap())
        .collect();
    assert!(ours.contains(&"Test tail exec seen"), "{alerts:#?}");
    assert!(
        ours.contains(&"Read sensitive file untrusted"),
        "{alerts:#?}"
    );
}

/// The DaemonSet's capabilities are enough, for real: the monitor run with exactly the
/// capabilities `monitor manifests` adds (setpriv empties the bounding set but for them, so the
/// root process has only those) loads the eBPF sensor and raises a rule on a real exec.
#[test]
fn the_ebpf_sensor_runs_with_the_manifests_capabilities_only() {
    let _serial = serial();
    let Some(rules) = falco_rules() else { return };
    if container_prereqs().is_none() {
        return;
    }
    let Some(setpriv) = which("setpriv") else {
        assert!(!ci(), "CI=true and setpriv (util-linux) is missing");
        return;
    };
    let out = Command::new(bin())
        .args(["monitor", "manifests"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let adds: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("add: ["))
        .collect();
    assert_eq!(adds.len(), 1, "{text}");
    let caps: Vec<String> = adds[0]
        .trim_end_matches(']')
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_lowercase())
        .collect();
    assert_eq!(caps, ["bpf", "perfmon", "sys_ptrace", "dac_read_search"]);
    let bounding = format!("-all,+{}", caps.join(",+"));
    let tmp = tempfile::tempdir().unwrap();
    let seen = tmp.path().join("seen.yaml");
    std::fs::write(
        &seen,
        "- rule: Test exec seen\n  desc: d\n  condition: evt.type = execve and proc.args contains bulkhead-caps-41877\n  output: seen %proc.cmdline\n  priority: DEBUG\n",
    )
    .unwrap();
    let alerts = tmp.path().join("alerts.json");
    let (m, said) = Monitor::spawn(
        Command::new(setpriv)
            .args(["--bounding-set", &bounding, "--inh-caps", "-all", "--"])
            .arg(bin())
            .args([
                "monitor",
                "--sensor",
                "ebpf",
                "--no-opens",
                "--output",
                "json",
            ])
            .arg("--output-file")
            .arg(&alerts)
            .arg("--rules")
            .arg(&rules)
            .arg("--rules")
            .arg(&seen),
        alerts,
    );
    assert!(said.contains("monitor: ready (sensor ebpf,"), "{said}");
    let st = Command::new("/bin/sh")
        .args(["-c", "sleep 0.3", "bulkhead-caps-41877"])
        .status()
        .unwrap();
    assert!(st.success());
    let alerts = m.stop();
    assert!(
        alerts.iter().any(|a| a["rule"] == "Test exec seen"),
        "{alerts:#?}"
    );
}

/// Pod, namespace, image and container names come from the annotations a CRI runtime puts on
/// the bundle (containerd's keys here), which runc keeps in its state directory.
fn cri_annotations_in_the_runc_state_name_pod_namespace_and_image(sensor: &str) {
    let _serial = serial();
    let Some(rules) = falco_rules() else { return };
    let Some((_runc, busybox)) = container_prereqs() else {
        return;
    };
    let b = Bundle::new(
        &busybox,
        // The marked process lives 0.5 s: the proc connector reads its command line from
        // /proc after the exec, which a process as short as `true` may already have left.
        &[
            "sh",
            "-c",
            "sleep 0.3; m=bulkhead-k8s; /bin/sh -c 'sleep 0.5; true' $m-52411",
        ],
    )
    .with_annotations(&[
        ("io.kubernetes.cri.container-type", "container"),
        ("io.kubernetes.cri.sandbox-name", "web-7d9f-abcde"),
        ("io.kubernetes.cri.sandbox-namespace", "shop"),
        ("io.kubernetes.cri.container-name", "web"),
        (
            "io.kubernetes.cri.image-name",
            "registry.example:5000/shop/web:1.4.2",
        ),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let seen = tmp.path().join("seen.yaml");
    std::fs::write(
        &seen,
        "- rule: Test k8s context\n  desc: d\n  condition: evt.type = execve and proc.name = sh and proc.args contains bulkhead-k8s-52411\n  output: pod=%k8s.pod.name ns=%k8s.ns.name image=%container.image.repository tag=%container.image.tag\n  priority: DEBUG\n",
    )
    .unwrap();
    let m = Monitor::start(
        sensor,
        &rules,
        &b.state(),
        &tmp.path().join("alerts.json"),
        &["--no-opens", "--rules", seen.to_str().unwrap()],
    );
    let (code, out) = b.run("bulkheadk8sctr");
    assert_eq!(code, 0, "{out}");
    let alerts = m.stop();
    let a: Vec<&serde_json::Value> = alerts
        .iter()
        .filter(|a| a["rule"] == "Test k8s context")
        .collect();
    assert_eq!(a.len(), 1, "{alerts:#?}");
    let f = &a[0]["output_fields"];
    assert_eq!(
        [
            &f["k8s.pod.name"],
            &f["k8s.ns.name"],
            &f["container.image.repository"],
            &f["container.image.tag"],
            &f["container.name"],
            &f["container.id"],
        ],
        [
            "web-7d9f-abcde",
            "shop",
            "registry.example:5000/shop/web",
            "1.4.2",
            "web",
            "bulkheadk8sc"
        ],
        "{f:#}"
    );
}

/// One test per sensor for each sensor scenario above.
macro_rules! per_sensor {
    ($($name:ident),* $(,)?) => {
        mod ebpf {
            $(#[test]
            fn $name() {
                super::$name("ebpf")
            })*
        }
        mod proc {
            $(#[test]
            fn $name() {
                super::$name("proc")
            })*
        }
    };
}

per_sensor!(
    the_sensor_survives_an_exec_storm_and_reports_drops,
    runc_container_actions_raise_the_stable_rules_with_the_container_id,
    a_shell_on_a_terminal_in_a_container_is_reported,
    the_same_actions_on_the_host_raise_no_container_rule,
    memfd_execution_on_the_host_is_fileless_execution,
    deny_drift_blocks_a_dropped_binary_and_lets_image_binaries_run,
    cri_annotations_in_the_runc_state_name_pod_namespace_and_image,
);

#[test]
fn ignore_open_prefix_needs_the_ebpf_sensor() {
    let Some(rules) = falco_rules() else { return };
    let out = Command::new(bin())
        .args([
            "monitor",
            "--sensor",
            "proc",
            "--ignore-open-prefix",
            "/usr/",
        ])
        .arg("--rules")
        .arg(&rules)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--ignore-open-prefix needs the eBPF sensor"),
    );
}

/// A short exec storm under the eBPF sensor: the monitor keeps running, stops cleanly on
/// time and reports what it evaluated and what the kernel dropped (bench/runtime_ebpf.sh runs
/// the full 10,000/s for 30 s).
/// The smallest static x86-64 program (an ELF header, one loadable segment and
/// `mov $60,%eax; xor %edi,%edi; syscall`: exit(0)), written by the test so the storm needs no
/// compiler and the program opens nothing: the storm measures exec and the sensor.
fn tiny_exit_program(path: &Path) {
    const BASE: u64 = 0x40_0000;
    let code: [u8; 9] = [0xb8, 0x3c, 0, 0, 0, 0x31, 0xff, 0x0f, 0x05];
    let size = (64 + 56 + code.len()) as u64;
    let mut b = Vec::with_capacity(size as usize);
    // ELF header: 64-bit, little endian, version 1, System V; an executable for x86-64.
    b.extend_from_slice(&[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    b.extend_from_slice(&2u16.to_le_bytes()); // e_type: ET_EXEC
    b.extend_from_slice(&0x3eu16.to_le_bytes()); // e_machine: x86-64
    b.extend_from_slice(&1u32.to_le_bytes()); // e_version
    b.extend_from_slice(&(BASE + 120).to_le_bytes()); // e_entry: the code
    b.extend_from_slice(&64u64.to_le_bytes()); // e_phoff
    b.extend_from_slice(&0u64.to_le_bytes()); // e_shoff: no sections
    b.extend_from_slice(&0u32.to_le_bytes()); // e_flags
    for v in [64u16, 56, 1, 64, 0, 0] {
        // e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx
        b.extend_from_slice(&v.to_le_bytes());
    }
    // One PT_LOAD segment, readable and executable, mapping the whole file at BASE.
    b.extend_from_slice(&1u32.to_le_bytes());
    b.extend_from_slice(&5u32.to_le_bytes());
    for v in [0, BASE, BASE, size, size, 0x1000] {
        b.extend_from_slice(&v.to_le_bytes());
    }
    b.extend_from_slice(&code);
    assert_eq!(b.len() as u64, size);
    std::fs::write(path, &b).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// An exec storm under the monitor: two threads spawn a static program that exits at once
/// (std's `Command` uses posix_spawn, i.e. clone(CLONE_VM|CLONE_VFORK) + exec) for 3 s. The
/// monitor must keep running, stop on time, count every exec (eBPF: evaluated, from its record
/// when the process was gone before `/proc` was read; proc: evaluated or counted as gone),
/// report its drops, its memory, and (eBPF) a process table no bigger than the processes alive
/// at the end: exits are reported in kernel, so thousands of short-lived processes leave
/// nothing behind. The bench (bench/runtime_ebpf.sh) runs 10,000/s for 30 s.
fn the_sensor_survives_an_exec_storm_and_reports_drops(sensor: &str) {
    let _serial = serial();
    let Some(rules) = falco_rules() else { return };
    if container_prereqs().is_none() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("bulkhead-storm-{sensor}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tiny = dir.join("tiny");
    tiny_exit_program(&tiny);
    // Another test of this binary that forked while the program was open for writing holds
    // that descriptor until its child execs (ETXTBSY): retry for a moment.
    let ran = (0..100)
        .find_map(|_| match Command::new(&tiny).status() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(Duration::from_millis(20));
                None
            }
            r => Some(r.unwrap()),
        })
        .expect("the tiny program stayed busy for 2 s");
    assert!(ran.success(), "the tiny program runs");
    let (mon, said) = Monitor::spawn_raw(
        Command::new(bin())
            .args([
                "monitor",
                "--sensor",
                sensor,
                "--duration",
                "5",
                "--output-file",
                "/dev/null",
            ])
            .arg("--rules")
            .arg(&rules),
    );
    assert!(said.contains("monitor: ready (sensor "), "{said}");
    let start = Instant::now();
    let spawners: Vec<_> = (0..2)
        .map(|_| {
            let tiny = tiny.clone();
            std::thread::spawn(move || {
                let mut n = 0u64;
                while start.elapsed() < Duration::from_secs(3) {
                    let mut k = Command::new(&tiny).spawn().unwrap();
                    assert!(k.wait().unwrap().success());
                    n += 1;
                }
                n
            })
        })
        .collect();
    let started: u64 = spawners.into_iter().map(|t| t.join().unwrap()).sum();
    let (status, err) = mon.wait();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(matches!(status.code(), Some(0 | 1)), "{status:?} {err}");
    let stop = err
        .lines()
        .find(|l| l.starts_with("monitor: stopped:"))
        .unwrap_or_else(|| panic!("no stop line: {err}"));
    eprintln!("{started} execs: {stop}");
    let number_before = |what: &str| -> u64 {
        let at = stop
            .find(what)
            .unwrap_or_else(|| panic!("no `{what}`: {stop}"));
        stop[..at]
            .trim_end()
            .rsplit([' ', '('])
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no number before `{what}`: {stop}"))
    };
    let events = number_before(" events,");
    assert!(stop.contains(" MB at ready, "), "{stop}");
    assert!(stop.contains(" MB at stop (peak "), "{stop}");
    if sensor == "ebpf" {
        assert!(stop.contains("dropped in kernel: "), "{stop}");
        assert!(stop.contains("per CPU: ["), "{stop}");
        // Every exec evaluated (with the machine's other events besides), unless the kernel
        // said it dropped records.
        let dropped = number_before(" (per CPU:");
        assert!(events + dropped >= started, "{started} execs, {stop}");
        let gone = number_before(" execs evaluated from their records");
        assert!(gone <= events, "{stop}");
        let table = number_before(" processes in the table");
        let alive = std::fs::read_dir("/proc")
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().parse::<u32>().is_ok())
            })
            .count() as u64;
        assert!(
            table <= alive + 64,
            "{table} processes kept after {started} execs ({alive} alive): {stop}"
        );
    } else {
        let gone = number_before(" execs of processes gone before they were read");
        let overflows = number_before(" process-connector overflows");
        assert!(
            events + gone > 0 && (events + gone >= started || overflows > 0),
            "{started} execs, {stop}"
        );
    }
}

/// A DNS server for one test on 127.0.0.1:53 (UDP): `A` queries for the names of `answers`
/// get their address, every other query of those names an empty answer, any other name
/// NXDOMAIN; every name asked is recorded.
struct DnsServer {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    asked: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl DnsServer {
    fn start(answers: &[(&str, [u8; 4])]) -> std::io::Result<DnsServer> {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::{Arc, Mutex};
        let sock = std::net::UdpSocket::bind("127.0.0.1:53")?;
        sock.set_read_timeout(Some(Duration::from_millis(100)))?;
        let stop = Arc::new(AtomicBool::new(false));
        let asked = Arc::new(Mutex::new(Vec::new()));
        let answers: Vec<(String, [u8; 4])> =
            answers.iter().map(|(n, a)| (n.to_string(), *a)).collect();
        let (s, a) = (stop.clone(), asked.clone());
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 512];
            while !s.load(Ordering::Relaxed) {
                let Ok((n, from)) = sock.recv_from(&mut buf) else {
                    continue;
                };
                let q = &buf[..n];
                // Header (12 bytes), then the question: labels, a zero, type, class.
                let mut at = 12;
                let mut labels = Vec::new();
                while at < q.len() && q[at] != 0 {
                    let len = q[at] as usize;
                    let Some(l) = q.get(at + 1..at + 1 + len) else {
                        break;
                    };
                    labels.push(String::from_utf8_lossy(l).to_lowercase());
                    at += 1 + len;
                }
                if q.len() < at + 5 {
                    continue;
                }
                let qtype = u16::from_be_bytes([q[at + 1], q[at + 2]]);
                let question_end = at + 5;
                let name = labels.join(".");
                a.lock().unwrap().push(name.clone());
                let known = answers.iter().find(|(n, _)| *n == name).map(|(_, ip)| *ip);
                let mut r = Vec::with_capacity(question_end + 16);
                r.extend_from_slice(&q[0..2]);
                // QR, RD, RA; NXDOMAIN for a name it does not know.
                r.extend_from_slice(&[0x81, if known.is_some() { 0x80 } else { 0x83 }]);
                let ancount = u16::from(known.is_some() && qtype == 1);
                for v in [1u16, ancount, 0, 0] {
                    r.extend_from_slice(&v.to_be_bytes());
                }
                r.extend_from_slice(&q[12..question_end]);
                if let (Some(ip), 1) = (known, ancount) {
                    // The name by pointer to the question, A, IN, TTL 60 s, 4 bytes.
                    r.extend_from_slice(&[0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4]);
                    r.extend_from_slice(&ip);
                }
                let _ = sock.send_to(&r, from);
            }
        });
        Ok(DnsServer {
            stop,
            asked,
            thread: Some(thread),
        })
    }

    fn asked(&self, name: &str) -> bool {
        self.asked.lock().unwrap().iter().any(|n| n == name)
    }
}

impl Drop for DnsServer {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// `fd.sip.name` as Falco gives it: the monitor resolves the host names written in the rules
/// (here through DNS only: it runs in a mount namespace whose resolv.conf names a DNS server
/// the test runs on 127.0.0.1:53, and whose hosts file does not know the name) and a real
/// connection to the address the name resolved to fires the rule naming it; a rule naming a
/// name DNS does not know does not fire.
#[test]
fn the_rules_host_names_are_resolved_with_dns_under_ebpf() {
    let _serial = serial();
    if container_prereqs().is_none() {
        return;
    }
    let dns = match DnsServer::start(&[("bulkhead-dns-test.example", [127, 0, 0, 1])]) {
        Ok(d) => d,
        Err(e) => {
            assert!(!ci(), "CI=true and 127.0.0.1:53 cannot be bound: {e}");
            eprintln!("skipped: cannot bind 127.0.0.1:53: {e}");
            return;
        }
    };
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(
        d.join("resolv.conf"),
        "nameserver 127.0.0.1\noptions timeout:1 attempts:2\n",
    )
    .unwrap();
    std::fs::write(d.join("hosts"), "127.0.0.1 localhost\n").unwrap();
    let rules = d.join("dns.yaml");
    std::fs::write(
        &rules,
        format!(
            "- rule: Test connect to a DNS name\n  desc: d\n  condition: evt.type = connect and fd.sip.name = bulkhead-dns-test.example and fd.sport = {port}\n  output: connect %fd.name\n  priority: WARNING\n\
             - rule: Test connect to an unknown name\n  desc: d\n  condition: evt.type = connect and fd.sip.name in (bulkhead-dns-missing.example) and fd.sport = {port}\n  output: connect %fd.name\n  priority: WARNING\n"
        ),
    )
    .unwrap();
    let alerts_path = d.join("alerts.json");
    let (m, said) = Monitor::spawn(
        Command::new("unshare")
        .args([
            "-m",
            "sh",
            "-c",
            "mount --bind \"$1\" /etc/resolv.conf && mount --bind \"$2\" /etc/hosts && shift 2 && exec \"$0\" \"$@\"",
            bin(),
        ])
        .arg(d.join("resolv.conf"))
        .arg(d.join("hosts"))
        .args(["monitor", "--sensor", "ebpf", "--output", "json", "--output-file"])
        .arg(&alerts_path)
        .arg("--rules")
        .arg(&rules), alerts_path,
    );
    assert!(said.contains("monitor: ready (sensor ebpf,"), "{said}");
    // The resolver's first lookups run as the sensor starts: wait until both names were asked.
    let start = Instant::now();
    while !(dns.asked("bulkhead-dns-test.example") && dns.asked("bulkhead-dns-missing.example")) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the monitor never asked the DNS server: {:?}",
            dns.asked.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Let the answers reach the table (the lookups return right after the server answers).
    std::thread::sleep(Duration::from_millis(500));
    let conn = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    drop(conn);
    let alerts = m.stop();
    let rules_fired: Vec<&str> = alerts.iter().filter_map(|a| a["rule"].as_str()).collect();
    assert_eq!(rules_fired, ["Test connect to a DNS name"], "{alerts:?}");
    assert!(
        alerts[0]["output"]
            .as_str()
            .unwrap()
            .contains(&format!("->127.0.0.1:{port}")),
        "{alerts:?}"
    );
    drop(listener);
}
