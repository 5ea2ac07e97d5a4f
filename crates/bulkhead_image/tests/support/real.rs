//! Real components for tests: a root filesystem assembled from this machine's real files
//! (dpkg database, Python dist-info, npm's node_modules, jars, Go binaries, an rpm database
//! made by Debian's `rpm`), turned into an OCI layout by `umoci`, and Debian's
//! `docker-registry` started on 127.0.0.1 (plain, htpasswd basic auth, or bearer tokens).
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A missing prerequisite: fails the test under `CI=true` (CI installs every prerequisite:
/// .ci/packages.txt, .ci/setup.d), elsewhere prints why the test does nothing more.
pub fn skip(why: &str) {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "prerequisite missing under CI=true: {why}"
    );
    println!("skipped: {why}");
}

pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Prints the skip line (fails under `CI=true`) and returns true when a tool is missing.
pub fn skip_without(tools: &[&str]) -> bool {
    for t in tools {
        if !have(t) {
            skip(&format!("{t} not installed (.ci/packages.txt installs it)"));
            return true;
        }
    }
    false
}

pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn copy_file(src: &Path, dst: &Path) -> bool {
    if let Some(p) = dst.parent() {
        std::fs::create_dir_all(p).unwrap();
    }
    std::fs::copy(src, dst).is_ok()
}

fn copy_tree(src: &Path, dst: &Path) {
    run(Command::new("cp").arg("-a").arg(src).arg(dst));
}

/// What went into the root filesystem.
pub struct Rootfs {
    pub dir: PathBuf,
    /// Unowned Python packages copied from the running interpreter's site-packages.
    pub python: Vec<(String, String)>,
    pub has_npm: bool,
    pub jars: Vec<String>,
    pub go_binary: Option<String>,
    pub rpm: bool,
}

/// Builds the root filesystem under `dir`.
pub fn build_rootfs(dir: &Path) -> Rootfs {
    let root = dir.to_path_buf();
    std::fs::create_dir_all(root.join("etc")).unwrap();
    std::fs::write(
        root.join("etc/os-release"),
        std::fs::read("/etc/os-release").unwrap(),
    )
    .unwrap();
    if let Ok(v) = std::fs::read("/etc/debian_version") {
        std::fs::write(root.join("etc/debian_version"), v).unwrap();
    }
    // The real dpkg database: status and every .list (for ownership).
    std::fs::create_dir_all(root.join("var/lib/dpkg/info")).unwrap();
    copy_file(
        Path::new("/var/lib/dpkg/status"),
        &root.join("var/lib/dpkg/status"),
    );
    for e in std::fs::read_dir("/var/lib/dpkg/info").unwrap().flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.ends_with(".list") {
            copy_file(&e.path(), &root.join("var/lib/dpkg/info").join(&n));
        }
    }
    // Debian's copyright files (licences of the deb packages).
    if let Ok(rd) = std::fs::read_dir("/usr/share/doc") {
        for e in rd.flatten() {
            let c = e.path().join("copyright");
            if e.file_type().is_ok_and(|t| t.is_dir()) && c.is_file() {
                copy_file(
                    &c,
                    &root
                        .join("usr/share/doc")
                        .join(e.file_name())
                        .join("copyright"),
                );
            }
        }
    }
    // Debian's own Python dist-info (owned by dpkg: must not be counted twice).
    if let Ok(rd) = std::fs::read_dir("/usr/lib/python3/dist-packages") {
        for e in rd.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            let md = e.path().join("METADATA");
            if n.ends_with(".dist-info") && md.is_file() {
                copy_file(
                    &md,
                    &root
                        .join("usr/lib/python3/dist-packages")
                        .join(&n)
                        .join("METADATA"),
                );
            }
        }
    }
    // Unowned Python packages from the interpreter running here.
    let mut python = Vec::new();
    if let Ok(out) = Command::new("python3")
        .args(["-c", "import site; print(site.getsitepackages()[0])"])
        .output()
    {
        let sp = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if let Ok(rd) = std::fs::read_dir(&sp) {
            let mut names: Vec<_> = rd.flatten().collect();
            names.sort_by_key(|e| e.file_name());
            for e in names
                .into_iter()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".dist-info"))
                .take(40)
            {
                let md = e.path().join("METADATA");
                let Ok(text) = std::fs::read_to_string(&md) else {
                    continue;
                };
                let get = |k: &str| {
                    text.lines()
                        .take_while(|l| !l.is_empty())
                        .find_map(|l| l.strip_prefix(k).map(|v| v.trim().to_string()))
                };
                if let (Some(n), Some(v)) = (get("Name:"), get("Version:")) {
                    let dst = root
                        .join("usr/local/lib/python3.11/site-packages")
                        .join(e.file_name())
                        .join("METADATA");
                    copy_file(&md, &dst);
                    python.push((n, v));
                }
            }
        }
    }
    // npm's real node_modules tree.
    let has_npm = Path::new("/usr/lib/node_modules/npm/package.json").is_file()
        || Path::new("/usr/share/nodejs/npm/package.json").is_file();
    if has_npm {
        let src = if Path::new("/usr/lib/node_modules/npm").is_dir() {
            "/usr/lib/node_modules/npm"
        } else {
            "/usr/share/nodejs/npm"
        };
        std::fs::create_dir_all(root.join("opt/node/node_modules")).unwrap();
        copy_tree(Path::new(src), &root.join("opt/node/node_modules/npm"));
    }
    // Real jars from Debian's /usr/share/java, copied to an unowned place.
    let mut jars = Vec::new();
    if let Ok(rd) = std::fs::read_dir("/usr/share/java") {
        let mut v: Vec<_> = rd.flatten().collect();
        v.sort_by_key(|e| e.file_name());
        for e in v {
            let n = e.file_name().to_string_lossy().into_owned();
            let is_file = e.file_type().is_ok_and(|t| t.is_file());
            if n.ends_with(".jar") && is_file && jars.len() < 8 {
                copy_file(&e.path(), &root.join("opt/app/lib").join(&n));
                jars.push(n);
            }
        }
    }
    // A real Go binary (umoci is written in Go), copied to an unowned place.
    // skopeo (16 MB) is above the spool threshold: it is read through a scratch file.
    let go_binary = ["/usr/bin/skopeo", "/usr/bin/umoci"]
        .iter()
        .find(|p| Path::new(p).is_file())
        .map(|p| {
            let dst = root.join("opt/bin").join(Path::new(p).file_name().unwrap());
            copy_file(Path::new(p), &dst);
            dst.strip_prefix(&root).unwrap().display().to_string()
        });
    // A real rpm database written by Debian's rpm (sqlite backend) with two real packages, one
    // requiring the other.
    let rpm = have("rpm") && have("rpmbuild") && make_rpmdb(&root);
    Rootfs {
        dir: root,
        python,
        has_npm,
        jars,
        go_binary,
        rpm,
    }
}

fn make_rpmdb(root: &Path) -> bool {
    let work = root.parent().unwrap().join("rpmbuild");
    std::fs::create_dir_all(work.join("SPECS")).unwrap();
    std::fs::write(
        work.join("SPECS/hello.spec"),
        "Name: bulkhead-hello\nVersion: 1.2.3\nRelease: 4\nEpoch: 1\nSummary: test\nLicense: MIT\nBuildArch: noarch\nRequires: libhello.so.1()(64bit)\n%description\ntest\n%install\nmkdir -p %{buildroot}/usr/share/hello\necho hi > %{buildroot}/usr/share/hello/hi\n%files\n/usr/share/hello/hi\n",
    )
    .unwrap();
    // A second package that the first requires by a soname it provides (the SBOM graph's
    // rpm edge).
    std::fs::write(
        work.join("SPECS/libs.spec"),
        "Name: bulkhead-hello-libs\nVersion: 2.0\nRelease: 1\nSummary: test\nLicense: MIT\nBuildArch: noarch\nProvides: libhello.so.1()(64bit)\n%description\ntest\n%install\nmkdir -p %{buildroot}/usr/share/hello-libs\necho hi > %{buildroot}/usr/share/hello-libs/hi\n%files\n/usr/share/hello-libs/hi\n",
    )
    .unwrap();
    let ok = ["hello", "libs"].iter().all(|s| {
        Command::new("rpmbuild")
            .arg("--define")
            .arg(format!("_topdir {}", work.display()))
            .args(["-bb", "--quiet"])
            .arg(work.join(format!("SPECS/{s}.spec")))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    });
    if !ok {
        skip("rpmbuild failed, so the rpm database checks are skipped");
        return false;
    }
    let rpmfile = work.join("RPMS/noarch/bulkhead-hello-1.2.3-4.noarch.rpm");
    let dbpath = root.join("var/lib/rpm");
    std::fs::create_dir_all(&dbpath).unwrap();
    run(Command::new("rpm")
        .arg("--initdb")
        .arg("--dbpath")
        .arg(&dbpath));
    run(Command::new("rpm")
        .args(["-i", "--justdb", "--nodeps", "--nosignature", "--dbpath"])
        .arg(&dbpath)
        .arg(&rpmfile)
        .arg(work.join("RPMS/noarch/bulkhead-hello-libs-2.0-1.noarch.rpm")));
    // Only the database itself goes into the image.
    for e in std::fs::read_dir(&dbpath).unwrap().flatten() {
        if e.file_name() != "rpmdb.sqlite" {
            let _ = std::fs::remove_file(e.path());
        }
    }
    dbpath.join("rpmdb.sqlite").is_file()
}

/// `umoci`: an OCI layout at `layout` with tag `tag` holding `rootfs` as one layer; then a
/// second layer made by `change` on the unpacked bundle.
pub fn umoci_image(layout: &Path, tag: &str, rootfs: &Path, change: impl FnOnce(&Path)) {
    let image = format!("{}:{tag}", layout.display());
    run(Command::new("umoci").args(["init", "--layout"]).arg(layout));
    run(Command::new("umoci").args(["new", "--image", &image]));
    let bundle = layout.parent().unwrap().join(format!("bundle-{tag}"));
    run(Command::new("umoci")
        .args(["unpack", "--rootless", "--image", &image])
        .arg(&bundle));
    for e in std::fs::read_dir(rootfs).unwrap().flatten() {
        run(Command::new("cp")
            .arg("-a")
            .arg(e.path())
            .arg(bundle.join("rootfs")));
    }
    run(Command::new("umoci")
        .args(["repack", "--image", &image])
        .arg(&bundle));
    // A fresh unpack, so that the next repack is a second layer on top of the first.
    std::fs::remove_dir_all(&bundle).unwrap();
    run(Command::new("umoci")
        .args(["unpack", "--rootless", "--image", &image])
        .arg(&bundle));
    change(&bundle.join("rootfs"));
    run(Command::new("umoci")
        .args(["repack", "--image", &image])
        .arg(&bundle));
    run(Command::new("umoci").args(["gc", "--layout"]).arg(layout));
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running `docker-registry`, killed on drop.
pub struct Registry {
    pub child: Child,
    pub addr: String,
    _dir: tempfile::TempDir,
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub enum Auth {
    None,
    /// No auth, but HTTPS with this certificate and key.
    Tls {
        cert: PathBuf,
        key: PathBuf,
    },
    Basic {
        user: String,
        password: String,
    },
    Token {
        realm: String,
        cert: PathBuf,
    },
}

pub fn start_registry(auth: Auth) -> Registry {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let auth_yaml = match &auth {
        Auth::None => String::new(),
        Auth::Tls { .. } => String::new(),
        Auth::Basic { user, password } => {
            let line = run(Command::new("htpasswd").args(["-Bbn", user, password]));
            let p = dir.path().join("htpasswd");
            std::fs::write(&p, line.trim()).unwrap();
            format!(
                "auth:\n  htpasswd:\n    realm: bulkhead-test\n    path: {}\n",
                p.display()
            )
        }
        Auth::Token { realm, cert } => format!(
            "auth:\n  token:\n    realm: {realm}\n    service: bulkhead-registry\n    issuer: bulkhead-test\n    rootcertbundle: {}\n",
            cert.display()
        ),
    };
    let cfg = format!(
        "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {}\n  delete:\n    enabled: true\nhttp:\n  addr: {addr}\n{tls}{auth_yaml}",
        dir.path().join("data").display(),
        tls = match &auth {
            Auth::Tls { cert, key } => format!(
                "  tls:\n    certificate: {}\n    key: {}\n",
                cert.display(),
                key.display()
            ),
            _ => String::new(),
        }
    );
    let cfg_path = dir.path().join("config.yml");
    std::fs::write(&cfg_path, cfg).unwrap();
    let child = Command::new("docker-registry")
        .arg("serve")
        .arg(&cfg_path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while std::net::TcpStream::connect(&addr).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "registry did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Registry {
        child,
        addr,
        _dir: dir,
    }
}

/// `skopeo copy oci:LAYOUT:TAG docker://ADDR/REPO:TAG` over plain HTTP.
pub fn push(layout: &Path, tag: &str, dest: &str, creds: Option<&str>) {
    let mut c = Command::new("skopeo");
    c.args(["copy", "--quiet", "--dest-tls-verify=false"]);
    if let Some(cr) = creds {
        c.arg("--dest-creds").arg(cr);
    }
    c.arg(format!("oci:{}:{tag}", layout.display()))
        .arg(format!("docker://{dest}"));
    run(&mut c);
}
