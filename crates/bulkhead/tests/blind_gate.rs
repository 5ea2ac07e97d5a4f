//! The gate fails when it knows nothing (issue 12): a failed update leaves no empty store and
//! does not refresh a source's time, an empty store fails every scan, garbage feed entries are
//! errors with their names, a source that suddenly yields nothing is refused, zip members are
//! bounded, and a scan that could not read a lockfile or a package database exits 2 instead of
//! "No vulnerabilities found". Every test here failed before its fix. They need only the
//! project's own fixtures.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_bulkhead");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../bulkhead_advisory/tests/fixtures")
        .join(name)
}

fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(cwd)
        .env_remove("BULKHEAD_DB")
        .env("XDG_CACHE_HOME", cwd.join(".cache"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Serves `body` at any path on 127.0.0.1 for `n` requests.
fn serve(body: Vec<u8>, n: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for s in listener.incoming().take(n) {
            let Ok(mut s) = s else { continue };
            let mut r = BufReader::new(s.try_clone().unwrap());
            loop {
                let mut line = String::new();
                if r.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&body);
        }
    });
    base
}

fn update_debian(cwd: &Path, db: &Path, url: &str) -> Output {
    run(
        cwd,
        &[
            "db",
            "update",
            "--quiet",
            "--retries",
            "1",
            "--feeds",
            "debian",
            "--debian-url",
            url,
            "--db",
            db.to_str().unwrap(),
        ],
    )
}

/// A Cargo.lock project the fixtures' advisories know nothing about.
fn project(dir: &Path) -> PathBuf {
    let p = dir.join("project");
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(
        p.join("Cargo.lock"),
        "version = 3\n\n[[package]]\nname = \"smallvec\"\nversion = \"1.6.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n",
    )
    .unwrap();
    p
}

fn fs_scan(cwd: &Path, db: &Path, target: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "fs",
        "--no-cache",
        "--quiet",
        "--db",
        db.to_str().unwrap(),
        target.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(cwd, &args)
}

#[test]
fn a_failed_first_update_writes_no_store_and_scans_fail() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("advisory.db");
    let o = update_debian(dir.path(), &db, "http://127.0.0.1:1/json");
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(
        err(&o).contains("error: no feed could be read: no store was written at"),
        "{}",
        err(&o)
    );
    // each failed URL is printed once (it was printed twice, issue 15)
    assert_eq!(
        err(&o).matches("http://127.0.0.1:1/json").count(),
        1,
        "{}",
        err(&o)
    );
    assert!(!db.exists());
    let o = fs_scan(dir.path(), &db, &project(dir.path()), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(!out(&o).contains("No vulnerabilities found"));
}

#[test]
fn an_empty_store_fails_every_scan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("advisory.db");
    // A directory with no advisory in it, imported on purpose: the store holds one source
    // and no record.
    let feeds = dir.path().join("feeds");
    std::fs::create_dir(&feeds).unwrap();
    std::fs::write(feeds.join("index.json"), "{\"entries\": []}").unwrap();
    let o = run(
        dir.path(),
        &[
            "db",
            "import",
            "--db",
            db.to_str().unwrap(),
            feeds.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        err(&o).contains("note: 1 JSON files that are no advisory were passed over"),
        "{}",
        err(&o)
    );
    let o = fs_scan(dir.path(), &db, &project(dir.path()), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(
        err(&o).contains(&format!(
            "the advisory database {} is empty: run `bulkhead db update`",
            db.display()
        )),
        "{}",
        err(&o)
    );
    assert_eq!(out(&o), "");
}

#[test]
fn a_failed_update_keeps_the_source_time_and_max_db_age_sees_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("advisory.db");
    let tracker = std::fs::read(fixture("debian-tracker.json")).unwrap();
    let base = serve(tracker, 1);
    let o = update_debian(dir.path(), &db, &format!("{base}/json"));
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    // Make the source's last download two days old (the store is SQLite; python3 is a test
    // prerequisite), then fail an update of it.
    let aged = Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys,json,time\nc=sqlite3.connect(sys.argv[1])\nfor sid,d in c.execute('SELECT sid,data FROM source').fetchall():\n  d=json.loads(d); d['imported_at']=int(time.time())-2*86400\n  c.execute('UPDATE source SET data=? WHERE sid=?',(json.dumps(d),sid))\nc.commit()",
        ])
        .arg(&db)
        .status()
        .expect("python3");
    assert!(aged.success());
    let o = update_debian(dir.path(), &db, "http://127.0.0.1:1/json");
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("0 feeds updated, 0 unchanged, 0 not found, 1 failed"));
    // The store still holds the records, and says how old they are.
    let o = run(dir.path(), &["db", "status", "--db", db.to_str().unwrap()]);
    assert!(out(&o).contains("updated:    2d ago"), "{}", out(&o));
    assert!(out(&o).contains("last update failed"), "{}", out(&o));
    // A scan warns, and --max-db-age fails with a message that says what is old.
    let p = project(dir.path());
    let o = fs_scan(dir.path(), &db, &p, &["--max-db-age", "36h"]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    let e = err(&o);
    assert!(
        e.contains("warning: advisory source debian-tracker: its last update failed"),
        "{e}"
    );
    assert!(
        e.contains(
            "source debian-tracker was last updated 2d ago, more than --max-db-age 36h allows"
        ),
        "{e}"
    );
    // Short bounds read as given, not "0h" (issue 15).
    let o = fs_scan(dir.path(), &db, &p, &["--max-db-age", "90m"]);
    assert!(
        err(&o).contains("more than --max-db-age 90m allows"),
        "{}",
        err(&o)
    );
    let o = fs_scan(dir.path(), &db, &p, &["--max-db-age", "3d"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

fn zip(path: &Path, members: &[(&str, &[u8])]) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, data) in members {
        z.start_file(
            *name,
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(data.len() > u32::MAX as usize / 2),
        )
        .unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap();
}

const OSV: &str = r#"{"id":"RUSTSEC-2099-0001","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"crates.io","name":"smallvec"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.6.1"}]}]}]}"#;

fn import(cwd: &Path, db: &Path, path: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["db", "import", "--db", db.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.push(path.to_str().unwrap());
    run(cwd, &args)
}

#[test]
fn garbage_zip_entries_are_errors_with_their_names() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("advisory.db");
    let z = dir.path().join("all.zip");
    zip(
        &z,
        &[
            ("RUSTSEC-2099-0001.json", OSV.as_bytes()),
            ("broken.json", b"\x00\x01garbage{{"),
        ],
    );
    let o = import(dir.path(), &db, &z, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    let e = err(&o);
    assert!(
        e.contains(&format!("error: {}/broken.json: not JSON:", z.display())),
        "{e}"
    );
    assert!(
        e.contains("error: nothing imported: the store is unchanged"),
        "{e}"
    );
    assert!(!db.exists());
    // The same in a directory.
    let d = dir.path().join("dir");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("ok.json"), OSV).unwrap();
    std::fs::write(d.join("bad.json"), "not json at all").unwrap();
    let o = import(dir.path(), &db, &d, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("bad.json: not JSON"), "{}", err(&o));
}

#[test]
fn a_source_emptied_is_refused_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("advisory.db");
    let d = dir.path().join("feed");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("RUSTSEC-2099-0001.json"), OSV).unwrap();
    let o = import(dir.path(), &db, &d, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let p = project(dir.path());
    assert_eq!(fs_scan(dir.path(), &db, &p, &[]).status.code(), Some(1));
    // The path now holds nothing: refused, and the store still finds the advisory.
    std::fs::remove_file(d.join("RUSTSEC-2099-0001.json")).unwrap();
    let o = import(dir.path(), &db, &d, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(
        err(&o).contains("0 records where the store holds 1: refused (pass --allow-empty"),
        "{}",
        err(&o)
    );
    assert_eq!(fs_scan(dir.path(), &db, &p, &[]).status.code(), Some(1));
    let o = import(dir.path(), &db, &d, &["--allow-empty"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

#[test]
fn zip_members_are_bounded_and_large_ones_streamed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("advisory.db");
    // A 9 MiB member (over the in-memory size) is parsed from the inflating stream.
    let mut big = format!("[{OSV}").into_bytes();
    big.resize(9 << 20, b' ');
    big.push(b']');
    let z = dir.path().join("big.zip");
    zip(&z, &[("all.json", &big)]);
    let o = import(dir.path(), &db, &z, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(err(&o).contains("1 files, 1 records"), "{}", err(&o));
    // A member over the 256 MiB bound is an error naming it (it was inflated whole).
    let bomb = vec![b' '; (256 << 20) + 1];
    let z = dir.path().join("bomb.zip");
    zip(&z, &[("bomb.json", &bomb)]);
    drop(bomb);
    let o = import(dir.path(), &db.with_extension("2"), &z, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(
        err(&o).contains(
            "bomb.json: 268435457 bytes uncompressed, more than the 256 MiB a zip member may have"
        ),
        "{}",
        err(&o)
    );
}

/// A store that knows the fixture crate's advisory, so a clean result means "read and clean".
fn store(dir: &Path) -> PathBuf {
    let db = dir.join("advisory.db");
    let d = dir.join("osv");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("RUSTSEC-2099-0001.json"), OSV).unwrap();
    let o = import(dir, &db, &d, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    db
}

#[test]
fn fs_with_an_unreadable_lockfile_exits_2() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = store(dir.path());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let p = project(dir.path());
    let lock = p.join("Cargo.lock");
    std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    // Root reads any file: run the scan as nobody then (setpriv, util-linux).
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
        c
    } else {
        Command::new(BIN)
    };
    let o = cmd
        .current_dir(dir.path())
        .env_remove("BULKHEAD_DB")
        .args(["fs", "--no-cache", "--quiet", "--db"])
        .arg(&db)
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}{}", out(&o), err(&o));
    let e = err(&o);
    assert!(e.contains("error: /Cargo.lock: Permission denied"), "{e}");
    assert!(
        e.contains("error: 1 inputs could not be read: the package list is incomplete"),
        "{e}"
    );
    assert!(out(&o).contains(
        "No vulnerabilities found in the packages that could be read; 1 inputs could not be read"
    ));
    // A lockfile over the per-file limit (sparse: no disk used) is not read either: exit 2.
    std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o644)).unwrap();
    let f = std::fs::OpenOptions::new().write(true).open(&lock).unwrap();
    f.set_len(200 << 20).unwrap();
    let o = fs_scan(dir.path(), &db, &p, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(
        err(&o).contains("is larger than the per-file limit; not read"),
        "{}",
        err(&o)
    );
}

/// A docker-archive with one layer holding `files`.
fn image(dir: &Path, files: &[(&str, &[u8])]) -> String {
    use sha2::Digest;
    let mut l = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        l.append_data(&mut h, name, *data).unwrap();
    }
    let layer = l.into_inner().unwrap();
    let id = format!("sha256:{:x}", sha2::Sha256::digest(&layer));
    let config = serde_json::json!({
        "architecture": "amd64", "os": "linux", "config": {},
        "rootfs": {"type": "layers", "diff_ids": [id]},
    })
    .to_string();
    let config_name = format!("{:x}.json", sha2::Sha256::digest(config.as_bytes()));
    let manifest =
        serde_json::json!([{"Config": config_name, "Layers": ["l0/layer.tar"]}]).to_string();
    let archive = dir.join("image.tar");
    let mut b = tar::Builder::new(std::fs::File::create(&archive).unwrap());
    for (name, data) in [
        (config_name.as_str(), config.as_bytes()),
        ("l0/layer.tar", &layer[..]),
        ("manifest.json", manifest.as_bytes()),
    ] {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, name, data).unwrap();
    }
    b.finish().unwrap();
    format!("docker-archive:{}", archive.display())
}

#[test]
fn an_image_whose_package_database_fails_to_parse_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let target = image(
        dir.path(),
        &[
            ("etc/os-release", b"ID=rhel\nVERSION_ID=\"9.4\"\n" as &[u8]),
            (
                "var/lib/rpm/rpmdb.sqlite",
                b"this is no SQLite database at all",
            ),
        ],
    );
    for extra in [&[][..], &["--format", "json"][..]] {
        let mut args = vec![
            "image",
            "--no-cache",
            "--quiet",
            "--db",
            db.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        args.push(&target);
        let o = run(dir.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{}{}", out(&o), err(&o));
        assert!(
            err(&o).contains("error: var/lib/rpm/rpmdb.sqlite:"),
            "{}",
            err(&o)
        );
        assert!(
            !out(&o).contains("No vulnerabilities found."),
            "{}",
            out(&o)
        );
    }
    let o = run(
        dir.path(),
        &[
            "image",
            "--no-cache",
            "--quiet",
            "--format",
            "json",
            "--db",
            db.to_str().unwrap(),
            &target,
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["incomplete"].as_array().unwrap().len(), 1, "{v:#}");
    // sbom and --list-packages write what they read, and exit 2 as well.
    let o = run(dir.path(), &["sbom", "--quiet", "--no-cache", &target]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    let o = run(
        dir.path(),
        &["image", "--no-cache", "--quiet", "--list-packages", &target],
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
}

/// A package database, lockfile or metadata file that does not parse is an error with its
/// path and line: `sbom` and `fs` exit 2, and the packages of the other files are still listed.
#[test]
fn garbage_package_databases_are_errors_with_path_and_line() {
    let cases: [(&str, &str, &str); 6] = [
        (
            "Cargo.lock",
            "version = 3\n\n[[package]]\nname = \"a\"\n",
            "/Cargo.lock:3: not a Cargo.lock: missing field `version`",
        ),
        (
            "var/lib/dpkg/status",
            "Package: zlib1g\nVersion: 1\n\n<html>\n",
            "/var/lib/dpkg/status:4: not a dpkg status field (`Field: value`)",
        ),
        (
            "lib/apk/db/installed",
            "P:musl\nV:1.2.5-r0\n\nC:Q1\nL:MIT\n",
            "/lib/apk/db/installed:4: an apk database record without its P: name and V: version",
        ),
        (
            "app/package-lock.json",
            "{\n \"packages\": \n",
            "/app/package-lock.json:3: not valid JSON: EOF while parsing a value at line 3 column 0",
        ),
        (
            "node_modules/left-pad/package.json",
            "{]",
            "/node_modules/left-pad/package.json:1: not valid JSON: key must be a string at line 1 column 2",
        ),
        (
            "usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA",
            "garbage\n",
            "/usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA:1: not Python core metadata: no Name and Version headers",
        ),
    ];
    for (path, body, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        let file = root.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, body).unwrap();
        // A good lockfile beside it: its package is still listed.
        std::fs::create_dir_all(root.join("ok")).unwrap();
        std::fs::write(
            root.join("ok/Cargo.lock"),
            "version = 3\n\n[[package]]\nname = \"still-listed\"\nversion = \"1.0.0\"\n",
        )
        .unwrap();
        let o = run(dir.path(), &["sbom", "--fs", "--no-cache", "root"]);
        assert_eq!(o.status.code(), Some(2), "{path}: {}{}", out(&o), err(&o));
        let e = err(&o);
        assert!(e.contains(&format!("error: {message}\n")), "{path}: {e}");
        assert!(
            e.contains("error: 1 inputs could not be read: the package list is incomplete"),
            "{path}: {e}"
        );
        assert!(out(&o).contains("still-listed"), "{path}: {}", out(&o));
    }
}
