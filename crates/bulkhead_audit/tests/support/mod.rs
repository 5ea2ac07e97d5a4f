//! Real images for the audit tests: a Debian bookworm minbase root filesystem made by
//! `debootstrap` (cached under the target directory, built once), and images assembled from it
//! with `umoci`, layer by layer, with the history entries a real build would write.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Under `CI=true` a missing prerequisite fails the test; elsewhere it prints why it skips.
pub fn skip(reason: &str) -> bool {
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("prerequisite missing under CI=true: {reason}");
    }
    println!("skipped: {reason}");
    true
}

pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
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

/// The cached minbase root filesystem, or `None` (after printing why) when it cannot be made.
/// Built once per test binary: the tests of one binary wait for the first one's debootstrap
/// instead of running several at once.
pub fn minbase() -> Option<PathBuf> {
    static ONCE: std::sync::Mutex<Option<Option<PathBuf>>> = std::sync::Mutex::new(None);
    let mut done = ONCE.lock().unwrap_or_else(|e| e.into_inner());
    if done.is_none() {
        *done = Some(make_minbase());
    }
    done.clone().flatten()
}

fn make_minbase() -> Option<PathBuf> {
    for t in ["debootstrap", "umoci"] {
        if !have(t) && skip(&format!("{t} not installed (.ci/packages.txt installs it)")) {
            return None;
        }
    }
    if let Ok(dir) = std::env::var("BULKHEAD_MINBASE") {
        return Some(PathBuf::from(dir));
    }
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("audit-minbase-bookworm");
    if cache.join(".complete").is_file() {
        return Some(cache.join("rootfs"));
    }
    // Build in a scratch directory and rename: concurrent test binaries never see half a tree.
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("audit-minbase-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).unwrap();
    let out = Command::new("debootstrap")
        .args(["--variant=minbase", "bookworm"])
        .arg(scratch.join("rootfs"))
        .arg("http://deb.debian.org/debian")
        .output()
        .unwrap();
    if !out.status.success() {
        let _ = std::fs::remove_dir_all(&scratch);
        let stdout = String::from_utf8_lossy(&out.stdout);
        // debootstrap reports most failures on stdout; its last lines say which step.
        let tail: Vec<&str> = stdout.lines().rev().take(15).collect();
        skip(&format!(
            "debootstrap failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stderr),
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        ));
        return None;
    }
    std::fs::write(scratch.join(".complete"), b"").unwrap();
    if std::fs::rename(&scratch, &cache).is_err() {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    Some(cache.join("rootfs"))
}

/// An OCI layout with one tag, built layer by layer with umoci.
pub struct Builder {
    pub layout: PathBuf,
    pub tag: String,
    bundle: PathBuf,
    bundles: usize,
    dir: PathBuf,
}

impl Builder {
    pub fn new(dir: &Path, tag: &str) -> Builder {
        let layout = dir.join("layout");
        run(Command::new("umoci")
            .arg("init")
            .arg("--layout")
            .arg(&layout));
        run(Command::new("umoci")
            .args(["new", "--image"])
            .arg(format!("{}:{tag}", layout.display())));
        let mut b = Builder {
            layout,
            tag: tag.to_string(),
            bundle: PathBuf::new(),
            bundles: 0,
            dir: dir.to_path_buf(),
        };
        b.unpack();
        b
    }

    fn image(&self) -> String {
        format!("{}:{}", self.layout.display(), self.tag)
    }

    fn unpack(&mut self) {
        self.bundles += 1;
        self.bundle = self.dir.join(format!("bundle{}", self.bundles));
        run(Command::new("umoci")
            .args(["unpack", "--image", &self.image()])
            .arg(&self.bundle));
    }

    /// The root filesystem to change before the next [`Builder::layer`].
    pub fn rootfs(&self) -> PathBuf {
        self.bundle.join("rootfs")
    }

    /// Packs the changes since the last layer as a new layer with this history entry.
    pub fn layer(&mut self, created_by: &str) {
        run(Command::new("umoci")
            .args([
                "repack",
                "--refresh-bundle",
                "--history.created_by",
                created_by,
                "--image",
                &self.image(),
            ])
            .arg(&self.bundle));
    }

    /// Changes the configuration (an empty-layer history entry), then unpacks again so later
    /// layers build on the new manifest.
    pub fn config(&mut self, args: &[&str], created_by: &str) {
        run(Command::new("umoci")
            .args([
                "config",
                "--image",
                &self.image(),
                "--history.created_by",
                created_by,
            ])
            .args(args));
        let _ = std::fs::remove_dir_all(&self.bundle);
        self.unpack();
    }

    /// Drops the bundle (its root filesystem is large).
    pub fn done(self) -> PathBuf {
        let _ = std::fs::remove_dir_all(&self.bundle);
        self.layout
    }
}

/// `cp -a SRC/. DST/`.
pub fn copy_tree(src: &Path, dst: &Path) {
    run(Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", src.display()))
        .arg(dst));
}

pub fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

pub fn append(path: &Path, text: &str) {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

/// An AWS key pair and a PEM private key made at run time (no secret is written in the
/// sources). The access key id is random, not the documented example.
pub struct Planted {
    pub aws_id: String,
    pub aws_secret: String,
    pub pem: String,
    pub db_password: String,
}

pub fn planted() -> Planted {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |alphabet: &[u8], n: usize| -> String {
        (0..n)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                alphabet[(seed % alphabet.len() as u64) as usize] as char
            })
            .collect()
    };
    let upper = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let b64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let alnum = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let aws_id = format!("{}{}", "AK", "IA") + &next(upper, 16);
    let aws_secret = next(b64, 40);
    let body: Vec<String> = (0..12).map(|_| next(b64, 64)).collect();
    let label = format!("{} {}", "RSA PRIVATE", "KEY");
    let pem = format!(
        "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
        body.join("\n")
    );
    let db_password = next(alnum, 24);
    Planted {
        aws_id,
        aws_secret,
        pem,
        db_password,
    }
}
