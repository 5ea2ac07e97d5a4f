//! `bulkhead db`: update from a local HTTP server laid out like the public endpoints
//! (osv.dev `ECOSYSTEM/all.zip`, secdb `vX.Y/main.json`, the Debian tracker JSON), with
//! conditional requests on the second run; a writer killed with SIGKILL (an import, or an
//! update in the middle of a download) leaves the previous store usable.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_bulkhead");

/// A missing prerequisite: fails the test under `CI=true` (CI installs every prerequisite),
/// elsewhere says why the test did nothing.
fn skip(why: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("prerequisite missing under CI=true: {why}");
    }
    eprintln!("skipped: {why}");
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../bulkhead_advisory/tests/fixtures")
}

/// A one-thread HTTP/1.1 server on 127.0.0.1 serving `files` by path with an ETag, answering
/// `If-None-Match` with 304 and unknown paths with 404. Counts 200s and 304s. Serves at most
/// `limit` requests, then stops. A path put in `stall_once` gets its headers and half its body,
/// then a byte every 50 ms until the client goes away (once; `stalled` counts these).
struct Server {
    base: String,
    files: Arc<Mutex<HashMap<String, Vec<u8>>>>,
    ok: Arc<AtomicUsize>,
    not_modified: Arc<AtomicUsize>,
    fail_first: Arc<Mutex<HashMap<String, usize>>>,
    stall_once: Arc<Mutex<HashSet<String>>>,
    stalled: Arc<AtomicUsize>,
}

fn serve(files: HashMap<String, Vec<u8>>, limit: usize) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let files = Arc::new(Mutex::new(files));
    let ok = Arc::new(AtomicUsize::new(0));
    let nm = Arc::new(AtomicUsize::new(0));
    let fail_first: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let stall_once: Arc<Mutex<HashSet<String>>> = Arc::default();
    let stalled = Arc::new(AtomicUsize::new(0));
    let (files2, ok2, nm2, ff2) = (files.clone(), ok.clone(), nm.clone(), fail_first.clone());
    let (stall2, stalled2) = (stall_once.clone(), stalled.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(limit) {
            let Ok(mut s) = stream else { continue };
            let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
            let mut reader = BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let mut inm = None;
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                    break;
                }
                if let Some(v) = h.to_ascii_lowercase().strip_prefix("if-none-match:") {
                    inm = Some(v.trim().to_string());
                }
            }
            let fail = {
                let mut f = ff2.lock().unwrap();
                match f.get_mut(&path) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        true
                    }
                    _ => false,
                }
            };
            let body = files2.lock().unwrap().get(&path).cloned();
            if let Some(body) = body
                .as_ref()
                .filter(|_| stall2.lock().unwrap().remove(&path))
            {
                let half = body.len() / 2;
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nETag: \"stalled\"\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = s.write_all(head.as_bytes());
                let _ = s.write_all(&body[..half]);
                let _ = s.flush();
                stalled2.fetch_add(1, Ordering::SeqCst);
                // Trickle the rest slowly; a killed client makes the writes fail.
                let start = Instant::now();
                for b in &body[half..] {
                    std::thread::sleep(Duration::from_millis(50));
                    if s.write_all(&[*b]).is_err() || start.elapsed() > Duration::from_secs(60) {
                        break;
                    }
                }
                continue;
            }
            let resp: Vec<u8> = if fail {
                b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
            } else {
                match body {
                    Some(body) => {
                        let etag = format!("\"{}-{}\"", body.len(), path.len());
                        if inm.as_deref() == Some(etag.as_str()) {
                            nm2.fetch_add(1, Ordering::SeqCst);
                            format!("HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nConnection: close\r\n\r\n").into_bytes()
                        } else {
                            ok2.fetch_add(1, Ordering::SeqCst);
                            let mut r = format!(
                                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nETag: {etag}\r\nConnection: close\r\n\r\n",
                                body.len()
                            )
                            .into_bytes();
                            r.extend_from_slice(&body);
                            r
                        }
                    }
                    None => {
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .to_vec()
                    }
                }
            };
            let _ = s.write_all(&resp);
        }
    });
    Server {
        base,
        files,
        ok,
        not_modified: nm,
        fail_first,
        stall_once,
        stalled,
    }
}

fn zip_dir(dir: &Path) -> Vec<u8> {
    let mut cur = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut cur);
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for p in names
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
        {
            z.start_file(
                p.file_name().unwrap().to_str().unwrap(),
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            let mut data = Vec::new();
            std::fs::File::open(p)
                .unwrap()
                .read_to_end(&mut data)
                .unwrap();
            z.write_all(&data).unwrap();
        }
        z.finish().unwrap();
    }
    cur.into_inner()
}

fn update(server: &Server, db: &Path) -> std::process::Output {
    update_command(server, db).output().unwrap()
}

fn update_command(server: &Server, db: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(["db", "update", "--quiet", "--db"])
        .arg(db)
        .args(["--osv-url", &format!("{}/osv", server.base)])
        .args(["--ecosystems", "Debian:12,crates.io"])
        .args(["--alpine-url", &format!("{}/alpine", server.base)])
        .args(["--alpine-branches", "v3.20,v3.21"])
        .args([
            "--debian-url",
            &format!("{}/tracker/data/json", server.base),
        ]);
    cmd
}

#[test]
fn update_over_local_http_with_conditional_requests() {
    let fx = fixtures();
    let mut files = HashMap::new();
    files.insert(
        "/osv/Debian:12/all.zip".to_string(),
        zip_dir(&fx.join("osv-debian")),
    );
    files.insert(
        "/alpine/v3.20/main.json".to_string(),
        std::fs::read(fx.join("alpine-v3.20-main.json")).unwrap(),
    );
    files.insert(
        "/tracker/data/json".to_string(),
        std::fs::read(fx.join("debian-tracker.json")).unwrap(),
    );
    // crates.io: taken from ../shared when present, otherwise an empty dump.
    let rustsec =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/advisories/rustsec-osv/crates");
    let crates_zip = if rustsec.is_dir() {
        zip_dir(&rustsec)
    } else {
        zip_dir(&fx.join("osv-debian"))
    };
    files.insert("/osv/crates.io/all.zip".to_string(), crates_zip);
    let server = serve(files, 64);
    // The tracker fails twice first: retried.
    server
        .fail_first
        .lock()
        .unwrap()
        .insert("/tracker/data/json".into(), 2);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("advisory.db");
    let out = update(&server, &db);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // v3.20/community, v3.21/* are 404: skipped, not errors.
    assert!(
        err.contains("4 feeds updated, 0 unchanged, 3 not found"),
        "{err}"
    );
    assert_eq!(server.ok.load(Ordering::SeqCst), 4);
    let status = Command::new(BIN)
        .args(["db", "status", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let names: Vec<&str> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "alpine-v3.20-main",
            "debian-tracker",
            "osv-Debian:12",
            "osv-crates.io"
        ]
    );
    assert!(v["sources"][1]["etag"].is_string());
    // Second run: every feed answers 304, nothing is downloaded again.
    let out = update(&server, &db);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("0 feeds updated, 4 unchanged"), "{err}");
    assert_eq!(server.not_modified.load(Ordering::SeqCst), 4);
    // The store matches: a Debian 12 rootfs with the tracker's open zlib issue.
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("etc")).unwrap();
    std::fs::create_dir_all(root.path().join("var/lib/dpkg")).unwrap();
    std::fs::write(
        root.path().join("etc/os-release"),
        "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n",
    )
    .unwrap();
    std::fs::write(
        root.path().join("var/lib/dpkg/status"),
        "Package: zlib1g\nStatus: install ok installed\nVersion: 1:1.2.13.dfsg-1\nSource: zlib\nArchitecture: amd64\n\n",
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["fs", "--no-cache", "--format", "json", "--db"])
        .arg(&db)
        .arg(root.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["vulnerabilities"][0]["id"], "CVE-2023-45853", "{v:#}");
    assert_eq!(v["vulnerabilities"][0]["state"], "will-not-fix");
    assert_eq!(
        v["vulnerabilities"][0]["aliases"],
        serde_json::json!(["DEBIAN-CVE-2023-45853"])
    );
}

#[test]
fn sigkill_during_import_keeps_previous_store() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/advisories");
    if !shared.is_dir() {
        skip("../shared not found");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("advisory.db");
    let ok = Command::new(BIN)
        .args(["db", "import", "--db"])
        .arg(&db)
        .arg(fixtures().join("alpine-v3.20-main.json"))
        .output()
        .unwrap();
    assert!(ok.status.success());
    let before = std::fs::read(&db).unwrap();
    // Kill big imports at several points of their run.
    for delay_ms in [50u64, 300, 800, 1500] {
        let mut child = Command::new(BIN)
            .args(["db", "import", "--db"])
            .arg(&db)
            .arg(shared.join("go-vulndb/osv"))
            .arg(shared.join("rustsec-osv/crates"))
            .stderr(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(delay_ms) {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        // Either the old store, byte for byte, or a complete new one: never a broken file.
        let status = Command::new(BIN)
            .args(["db", "status", "--db"])
            .arg(&db)
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "after kill at {delay_ms} ms: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        if !finished && std::fs::read(&db).unwrap() != before {
            let text = String::from_utf8_lossy(&status.stdout);
            assert!(text.contains("go-vulndb"), "{text}");
        }
    }
}

/// `db status --format json` without its age (which moves with the clock).
fn status_json(db: &Path) -> serde_json::Value {
    let out = Command::new(BIN)
        .args(["db", "status", "--format", "json", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_object_mut().unwrap().remove("age_seconds");
    v
}

/// `bulkhead fs` JSON findings of a Debian 12 rootfs holding zlib 1.2.13.
fn debian_scan(db: &Path, root: &Path) -> serde_json::Value {
    let out = Command::new(BIN)
        .args(["fs", "--no-cache", "--format", "json", "--db"])
        .arg(db)
        .arg(root)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    v["vulnerabilities"].clone()
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walkdir(dir) {
        let name = e.file_name().unwrap().to_string_lossy().into_owned();
        if name.contains(".part-") || name.contains(".tmp-") {
            out.push(e.display().to_string());
        }
    }
    out
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walkdir(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn sigkill_during_update_keeps_previous_store() {
    let fx = fixtures();
    let alpine = std::fs::read(fx.join("alpine-v3.20-main.json")).unwrap();
    let mut files = HashMap::new();
    files.insert(
        "/osv/Debian:12/all.zip".to_string(),
        zip_dir(&fx.join("osv-debian")),
    );
    files.insert("/alpine/v3.20/main.json".to_string(), alpine.clone());
    files.insert(
        "/tracker/data/json".to_string(),
        std::fs::read(fx.join("debian-tracker.json")).unwrap(),
    );
    let server = serve(files, 64);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("advisory.db");
    let out = update(&server, &db);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("etc")).unwrap();
    std::fs::create_dir_all(root.path().join("var/lib/dpkg")).unwrap();
    std::fs::write(
        root.path().join("etc/os-release"),
        "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n",
    )
    .unwrap();
    std::fs::write(
        root.path().join("var/lib/dpkg/status"),
        "Package: zlib1g\nStatus: install ok installed\nVersion: 1:1.2.13.dfsg-1\nSource: zlib\nArchitecture: amd64\n\n",
    )
    .unwrap();
    let bytes_before = std::fs::read(&db).unwrap();
    let status_before = status_json(&db);
    let scan_before = debian_scan(&db, root.path());
    assert_eq!(scan_before[0]["id"], "CVE-2023-45853", "{scan_before:#}");
    let alpine_etag_before = status_before["sources"][0]["etag"].clone();
    assert_eq!(status_before["sources"][0]["name"], "alpine-v3.20-main");

    // The next update: the Alpine feed has changed (downloaded into the feed cache before the
    // kill), and the Debian tracker, the last feed, stalls halfway through its body.
    let mut changed = alpine.clone();
    changed.extend_from_slice(b"\n\n");
    server
        .files
        .lock()
        .unwrap()
        .insert("/alpine/v3.20/main.json".into(), changed);
    server
        .stall_once
        .lock()
        .unwrap()
        .insert("/tracker/data/json".into());
    let feeds = dir.path().join("advisory.db.feeds");
    let mut child = update_command(&server, &db)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let part = format!("debian-tracker.part-{}", child.id());
    // Mid-update for certain: the server has sent half the tracker, and the client has
    // written part of it to its partial file.
    let start = Instant::now();
    loop {
        let written = std::fs::metadata(feeds.join(&part)).map_or(0, |m| m.len());
        if server.stalled.load(Ordering::SeqCst) == 1 && written > 0 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the update ended before it was killed"
        );
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the update never reached the stalled download"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(9), "{status:?}");
    }

    // The previous store, untouched: same bytes, same status, same findings.
    assert!(
        std::fs::read(&db).unwrap() == bytes_before,
        "store file changed"
    );
    assert_eq!(status_json(&db), status_before);
    assert_eq!(debian_scan(&db, root.path()), scan_before);
    // The killed update's partial download is still there...
    assert!(feeds.join(&part).exists());

    // ...and does not get in the way: the next update completes, takes the changed Alpine
    // feed, and clears what the killed one left behind.
    let out = update(&server, &db);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("1 feeds updated, 2 unchanged, 4 not found"),
        "{err}"
    );
    let after = status_json(&db);
    let names: Vec<&str> = after["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["alpine-v3.20-main", "debian-tracker", "osv-Debian:12"]
    );
    assert_ne!(after["sources"][0]["etag"], alpine_etag_before);
    assert_eq!(debian_scan(&db, root.path()), scan_before);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}
