//! `bulkhead image` with the audit: one pass, one document per format (json: the gate's object
//! with an `audit` member; sarif: one log, a run per scanner family), `--scanners`,
//! `--severity`, `.dockleignore`, exit statuses. The image is built here with umoci.

#[path = "../../bulkhead_audit/tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn bulkhead(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("DOCKLE_IGNORES")
        .output()
        .unwrap()
}

/// A busybox image: an empty root password, a secret added then deleted, a shell-form CMD.
fn image(dir: &Path) -> Option<(PathBuf, support::Planted)> {
    for t in ["umoci", "busybox"] {
        if !support::have(t) && support::skip(&format!("{t} not installed")) {
            return None;
        }
    }
    let p = support::planted();
    let mut b = support::Builder::new(dir, "app");
    let r = b.rootfs();
    std::fs::create_dir_all(r.join("bin")).unwrap();
    std::fs::copy(
        support::run(Command::new("sh").args(["-c", "command -v busybox"])).trim(),
        r.join("bin/busybox"),
    )
    .unwrap();
    support::write(&r.join("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    support::write(&r.join("etc/shadow"), "root:::0:::::\n");
    b.layer("/bin/sh -c #(nop) ADD file:be12a7c0ffee in / ");
    support::write(
        &b.rootfs().join("root/.aws/credentials"),
        &format!("[default]\naws_access_key_id = {}\n", p.aws_id),
    );
    b.layer("COPY credentials /root/.aws/credentials # buildkit");
    std::fs::remove_dir_all(b.rootfs().join("root/.aws")).unwrap();
    b.layer("RUN /bin/sh -c rm -rf /root/.aws # buildkit");
    b.config(
        &[
            "--config.user",
            "1000",
            "--config.cmd",
            "/bin/sh",
            "--config.cmd",
            "-c",
            "--config.cmd",
            "exec app",
        ],
        "CMD [\"/bin/sh\" \"-c\" \"exec app\"] # buildkit",
    );
    Some((b.done(), p))
}

fn codes(v: &serde_json::Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppressed"].is_null())
        .map(|f| {
            format!(
                "{} {}",
                f["code"].as_str().unwrap(),
                f["path"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn audit_scanners_one_document() {
    let d = tempfile::tempdir().unwrap();
    let Some((layout, p)) = image(d.path()) else {
        return;
    };
    let l = layout.to_str().unwrap();
    let out = bulkhead(
        &[
            "image",
            "--scanners",
            "config,secret",
            "--format",
            "json",
            l,
        ],
        d.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(!s.contains(&p.aws_id));
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(
        codes(&v),
        [
            format!("IM002 {l} (config)"),
            format!("IM007 {l} (config)"),
            format!("DF022 {l} (history)"),
            format!("IM010 {l}:/etc/shadow"),
            format!("IM012 {l}:/root/.aws"),
            format!("IM013 {l}:/root/.aws/credentials"),
            format!("SC001 {l}:/root/.aws/credentials"),
        ]
    );
    // Provenance: the layer that holds the deleted secret and the one that deletes it.
    let sc = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "SC001")
        .unwrap();
    let help = sc["help"].as_str().unwrap();
    assert!(help.starts_with("layer 2 (sha256:"), "{help}");
    assert!(help.contains("deleted by layer 3 (sha256:"), "{help}");
    // --severity keeps only those severities; .dockleignore suppresses by Dockle id.
    std::fs::write(
        d.path().join(".dockleignore"),
        "# ok for this test\nDKL-LI-0001\n",
    )
    .unwrap();
    let out = bulkhead(
        &[
            "image",
            "--scanners",
            "config",
            "--severity",
            "HIGH,CRITICAL",
            "--format",
            "json",
            l,
        ],
        d.path(),
    );
    let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(
        codes(&v),
        [
            format!("DF022 {l} (history)"),
            format!("IM013 {l}:/root/.aws/credentials")
        ]
    );
    assert_eq!(v["summary"]["suppressed"], 1);
    std::fs::remove_file(d.path().join(".dockleignore")).unwrap();
    // Secrets only: config checks do not run.
    let out = bulkhead(
        &["image", "--scanners", "secret", "--format", "json", l],
        d.path(),
    );
    let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(codes(&v), [format!("SC001 {l}:/root/.aws/credentials")]);
    // Exit code 0 on request, still the report.
    let out = bulkhead(
        &[
            "image",
            "--scanners",
            "config,secret",
            "--exit-code",
            "0",
            l,
        ],
        d.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout)
            .contains("IM010 [high] account `root` has an empty password in /etc/shadow")
    );
}

#[test]
fn all_three_scanners_one_report() {
    let d = tempfile::tempdir().unwrap();
    let Some((layout, _)) = image(d.path()) else {
        return;
    };
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/advisories/alpine-secdb-2020");
    if !shared.is_dir() && support::skip("../shared/advisories not found") {
        return;
    }
    let db = d.path().join("advisory.db");
    let out = Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(["db", "import", "--db"])
        .arg(&db)
        .arg(&shared)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let l = layout.to_str().unwrap();
    let dbs = db.to_str().unwrap();
    let out = bulkhead(&["image", "--db", dbs, "--format", "json", l], d.path());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert!(v["vulnerabilities"].is_array(), "the gate's document");
    assert_eq!(codes(&v["audit"]).len(), 7, "the audit inside it");
    let out = bulkhead(&["image", "--db", dbs, "--format", "sarif", l], d.path());
    let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(v["runs"].as_array().unwrap().len(), 2);
    assert_eq!(v["runs"][1]["results"].as_array().unwrap().len(), 7);
}

/// `bulkhead ARGS` in `cwd` under `umask`.
fn under_umask(args: &[&str], cwd: &Path, umask: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_bulkhead"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("DOCKLE_IGNORES")
        .output()
        .unwrap()
}

/// A tree with one high secret (a password in a connection URL) and no critical one.
fn high_only(dir: &Path) {
    std::fs::write(
        dir.join("app.env"),
        concat!(
            "DATABASE_URL=postgres://app:",
            "Sup3rS3cretPw",
            "@db:5432/app\n"
        ),
    )
    .unwrap();
}

#[test]
fn audit_follows_the_configs_fail_on() {
    let d = tempfile::tempdir().unwrap();
    high_only(d.path());
    let args = ["fs", "--scanners", "secret", "--format", "json", "."];
    // No config: every finding fails.
    let out = bulkhead(&args, d.path());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    // `[scan] fail-on = "critical"`: the high finding is reported and does not fail.
    std::fs::write(
        d.path().join("bulkhead.toml"),
        "[scan]\nfail-on = \"critical\"\n",
    )
    .unwrap();
    let out = bulkhead(&args, d.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(codes(&v), ["SC063 app.env"]);
    // The flag wins over the config.
    let mut with_flag = args.to_vec();
    with_flag.splice(3..3, ["--fail-on", "high"]);
    assert_eq!(bulkhead(&with_flag, d.path()).status.code(), Some(1));
    // A config that cannot be read is an error (exit 2), not "no threshold".
    std::fs::write(
        d.path().join("bulkhead.toml"),
        "[scan]\nfail-on = \"urgent\"\n",
    )
    .unwrap();
    let out = bulkhead(&args, d.path());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
}

#[test]
fn audit_reports_are_written_like_check_reports() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    high_only(d.path());
    let mode = |p: &str| {
        std::fs::metadata(d.path().join(p))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    let args = |o: &'static str| ["fs", "--scanners", "secret", "-f", "sarif", "-o", o, "."];
    // A new report honours the umask.
    for (umask, want) in [("022", 0o644), ("027", 0o640)] {
        let _ = std::fs::remove_file(d.path().join("r.sarif"));
        let out = under_umask(&args("r.sarif"), d.path(), umask);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert_eq!(mode("r.sarif"), want, "umask {umask}");
    }
    // An existing one keeps its mode; a symbolic link is written through.
    std::fs::set_permissions(
        d.path().join("r.sarif"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    std::os::unix::fs::symlink("r.sarif", d.path().join("link.sarif")).unwrap();
    let inode = |p: &str| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(d.path().join(p)).unwrap().ino()
    };
    let before = inode("r.sarif");
    let out = under_umask(&args("link.sarif"), d.path(), "022");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        std::fs::symlink_metadata(d.path().join("link.sarif"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(mode("r.sarif"), 0o600);
    // Replaced whole (a new file renamed over it), never truncated and rewritten in place.
    assert_ne!(inode("r.sarif"), before);
    let sarif = std::fs::read_to_string(d.path().join("r.sarif")).unwrap();
    assert!(sarif.contains("SC063") && !sarif.contains("Sup3rS3cretPw"));
}

/// The layer blobs of the layout's one manifest.
fn layer_blobs(layout: &Path) -> Vec<PathBuf> {
    let blob = |digest: &str| {
        let (alg, hex) = digest.split_once(':').unwrap();
        layout.join("blobs").join(alg).join(hex)
    };
    let read = |p: &Path| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
    };
    let index = read(&layout.join("index.json"));
    let m = index["manifests"].as_array().unwrap();
    assert_eq!(m.len(), 1);
    let manifest = read(&blob(m[0]["digest"].as_str().unwrap()));
    manifest["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| blob(l["digest"].as_str().unwrap()))
        .collect()
}

#[test]
fn audit_runs_are_served_from_the_layer_cache() {
    let d = tempfile::tempdir().unwrap();
    let Some((layout, p)) = image(d.path()) else {
        return;
    };
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/advisories/alpine-secdb-2020");
    if !shared.is_dir() && support::skip("../shared/advisories not found") {
        return;
    }
    let db = d.path().join("advisory.db");
    let out = Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(["db", "import", "--db"])
        .arg(&db)
        .arg(&shared)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (l, dbs) = (layout.to_str().unwrap(), db.to_str().unwrap());
    let cache = d.path().join("cache");
    let cache = cache.to_str().unwrap();
    let run = |format: &str| {
        bulkhead(
            &[
                "image",
                "--scanners",
                "vuln,config,secret",
                "--db",
                dbs,
                "--cache-dir",
                cache,
                "--format",
                format,
                l,
            ],
            d.path(),
        )
    };
    // The first run reads every layer and fills the cache.
    let first: Vec<Output> = ["json", "table", "sarif"].iter().map(|f| run(f)).collect();
    for o in &first {
        assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    }
    let v: serde_json::Value = serde_json::from_slice(&first[0].stdout).unwrap();
    assert_eq!(codes(&v["audit"]).len(), 7, "{v:#}");
    // Without the layer blobs, only the cache can give the layers: a second run that read
    // any blob would fail.
    let blobs = layer_blobs(&layout);
    assert_eq!(blobs.len(), 3);
    for b in &blobs {
        std::fs::remove_file(b).unwrap();
    }
    for (f, o) in ["json", "table", "sarif"].iter().zip(&first) {
        let again = run(f);
        assert_eq!(again.status.code(), Some(1), "{f}: {}", text(&again.stderr));
        assert_eq!(
            text(&again.stdout),
            text(&o.stdout),
            "{f}: not byte-identical"
        );
        assert!(!text(&again.stdout).contains(&p.aws_id));
    }
    // The cache never holds a secret, and without it the blobs are really gone.
    for e in walk(Path::new(cache)) {
        let bytes = std::fs::read(&e).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(&p.aws_id),
            "{} holds the secret",
            e.display()
        );
    }
    let out = bulkhead(
        &["image", "--scanners", "config,secret", "--no-cache", l],
        d.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
