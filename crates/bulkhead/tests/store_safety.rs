//! `--db PATH` only ever replaces a bulkhead store or nothing (issue 12, "Data safety"):
//! another file, another SQLite database, a directory, a FIFO, a device (directly or through a
//! symbolic link) is refused with exit 2 before anything is read or downloaded, and left as it
//! was. Every test here failed before the store target check.

use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_bulkhead");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../bulkhead_advisory/tests/fixtures")
        .join(name)
}

/// Runs bulkhead with a deadline: a FIFO or device must never make it hang.
fn run(args: &[&std::ffi::OsStr], cwd: &Path) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("bulkhead {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn import(db: &Path, cwd: &Path) -> Output {
    let feed = fixture("alpine-v3.20-main.json");
    run(
        &[
            "db".as_ref(),
            "import".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
            feed.as_os_str(),
        ],
        cwd,
    )
}

fn update(db: &Path, cwd: &Path) -> Output {
    // Nothing listens on port 1: were the path accepted, the download would fail (exit 2
    // as well), so the message is what tells the two apart.
    run(
        &[
            "db".as_ref(),
            "update".as_ref(),
            "--quiet".as_ref(),
            "--retries".as_ref(),
            "1".as_ref(),
            "--feeds".as_ref(),
            "debian".as_ref(),
            "--debian-url".as_ref(),
            "http://127.0.0.1:1/json".as_ref(),
            "--db".as_ref(),
            db.as_os_str(),
        ],
        cwd,
    )
}

fn assert_refused(out: &Output, db: &Path, what: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "not a bulkhead store: {} ({what}): remove it or choose another path",
            db.display()
        )),
        "{err}"
    );
}

#[test]
fn a_text_file_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("n.txt");
    std::fs::write(&notes, "notes\n").unwrap();
    let out = import(&notes, dir.path());
    assert_refused(&out, &notes, "a file that is not an advisory database");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "notes\n");
    let cargo = dir.path().join("Cargo.toml");
    std::fs::write(&cargo, "[package]\nname = \"x\"\n").unwrap();
    let out = update(&cargo, dir.path());
    assert_refused(&out, &cargo, "a file that is not an advisory database");
    assert_eq!(
        std::fs::read_to_string(&cargo).unwrap(),
        "[package]\nname = \"x\"\n"
    );
    // and no feed cache was created beside it
    assert!(!dir.path().join("Cargo.toml.feeds").exists());
}

#[test]
fn another_sqlite_database_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("app.sqlite");
    let made = Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE t(x)'); c.execute('INSERT INTO t VALUES (1)'); c.commit()",
        ])
        .arg(&other)
        .status()
        .expect("python3 (a test prerequisite) writes the SQLite file");
    assert!(made.success());
    let before = std::fs::read(&other).unwrap();
    let out = import(&other, dir.path());
    assert_refused(
        &out,
        &other,
        "an SQLite database that bulkhead did not write",
    );
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn directories_fifos_and_devices_are_refused_and_never_hang() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("adir");
    std::fs::create_dir(&sub).unwrap();
    assert_refused(&import(&sub, dir.path()), &sub, "a directory");
    let fifo = dir.path().join("fifo");
    let ok = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(ok.success());
    assert_refused(&import(&fifo, dir.path()), &fifo, "a FIFO");
    assert_refused(&update(&fifo, dir.path()), &fifo, "a FIFO");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // A link onto a device is not followed onto it (as root, /dev/null itself was replaced).
    let null = dir.path().join("null-link");
    std::os::unix::fs::symlink("/dev/null", &null).unwrap();
    assert_refused(&import(&null, dir.path()), &null, "a character device");
    let dev = Path::new("/dev/null");
    assert_refused(&import(dev, dir.path()), dev, "a character device");
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // Scans refuse them the same way (a FIFO used to block the open).
    let out = run(
        &[
            "fs".as_ref(),
            "--quiet".as_ref(),
            "--no-cache".as_ref(),
            "--db".as_ref(),
            fifo.as_os_str(),
            ".".as_ref(),
        ],
        dir.path(),
    );
    assert_refused(&out, &fifo, "a FIFO");
    let dangling = dir.path().join("dangling");
    std::os::unix::fs::symlink("nowhere/advisory.db", &dangling).unwrap();
    assert_refused(
        &import(&dangling, dir.path()),
        &dangling,
        "a symbolic link to nothing",
    );
}

#[test]
fn a_store_an_empty_file_and_a_link_to_a_store_are_written() {
    let dir = tempfile::tempdir().unwrap();
    // Absent: created.
    let db = dir.path().join("advisory.db");
    let out = import(&db, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // A store: replaced.
    let out = import(&db, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // An empty file holds nothing to lose (`--db "$(mktemp)"`).
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, "").unwrap();
    let out = import(&empty, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // A link to a store: the store is written, the link stays a link.
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink("advisory.db", &link).unwrap();
    let out = import(&link, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let status = run(
        &[
            "db".as_ref(),
            "status".as_ref(),
            "--db".as_ref(),
            link.as_os_str(),
        ],
        dir.path(),
    );
    assert_eq!(status.status.code(), Some(0), "{}", text(&status.stderr));
}

/// Lossy UTF-8 of captured output.
fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
