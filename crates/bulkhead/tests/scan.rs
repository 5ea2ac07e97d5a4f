//! `bulkhead fs` over real targets against the real advisories of ../shared: a Cargo.lock
//! pinning a crate a RustSec advisory covers, and an Alpine 3.11 root filesystem whose apk
//! database the 2020 secdb marks vulnerable; the gate's exit statuses, ignores, VEX and
//! report formats.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

#[path = "../../bulkhead_image/tests/support/scratch.rs"]
mod scratch;
use scratch::scratch_dir;

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

/// A store of all of ../shared/advisories, imported once per test binary.
fn db() -> Option<&'static Path> {
    static DB: OnceLock<Option<PathBuf>> = OnceLock::new();
    DB.get_or_init(|| {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/advisories");
        if !shared.is_dir() {
            return None;
        }
        let db = scratch_dir("scan-db").join("advisory.db");
        let out = Command::new(BIN)
            .args(["db", "import", "--db"])
            .arg(&db)
            .arg(shared.join("go-vulndb/osv"))
            .arg(shared.join("rustsec-osv/crates"))
            .arg(shared.join("alpine-secdb-2020"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(db)
    })
    .as_deref()
}

macro_rules! db_or_skip {
    () => {
        match db() {
            Some(p) => p,
            None => {
                skip("../shared not found");
                return;
            }
        }
    };
}

fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(cwd)
        .env_remove("BULKHEAD_DB")
        .env("XDG_CACHE_HOME", cwd.join(".cache"))
        .args(args)
        .output()
        .unwrap()
}

fn fs_scan(cwd: &Path, db: &Path, target: &str, extra: &[&str]) -> Output {
    let t = fixtures().join(target);
    let mut args = vec![
        "fs",
        "--no-cache",
        "--db",
        db.to_str().unwrap(),
        t.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(cwd, &args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

#[test]
fn cargo_lock_rustsec() {
    let db = db_or_skip!();
    let cwd = tempfile::tempdir().unwrap();
    let out = fs_scan(cwd.path(), db, "cargo-project", &["--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let vulns = v["vulnerabilities"].as_array().unwrap();
    // Every finding is openssl (RustSec ranges start at 0.0.0-0, so 0.8.3 is inside the later
    // 0.10.x advisories too); the 2016 one is the only one with a CVSS vector.
    assert!(vulns.iter().all(|f| f["package"] == "openssl"), "{v:#}");
    let ids: Vec<&str> = vulns.iter().map(|f| f["id"].as_str().unwrap()).collect();
    for id in [
        "CVE-2016-10931",
        "CVE-2023-53159",
        "CVE-2025-24898",
        "GHSA-3gxf-9r58-2ghg",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    let f = vulns.iter().find(|f| f["id"] == "CVE-2016-10931").unwrap();
    assert_eq!(f["package"], "openssl");
    assert_eq!(f["installed"], "0.8.3");
    assert_eq!(f["fixed_version"], "0.9.0");
    assert_eq!(f["id"], "CVE-2016-10931");
    assert_eq!(
        f["aliases"],
        serde_json::json!(["GHSA-34p9-f4q3-c4r7", "RUSTSEC-2016-0001"])
    );
    assert_eq!(f["severity"], "high");
    assert_eq!(
        f["cvss"]["vector"],
        "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"
    );
    assert_eq!(f["cvss"]["score"], 8.1);
    // smallvec 1.13.2 is past every RustSec fix: not reported.
    assert!(!stdout(&out).contains("smallvec"));
}

#[test]
fn alpine_rootfs_secdb_and_near_misses() {
    let db = db_or_skip!();
    let cwd = tempfile::tempdir().unwrap();
    let out = fs_scan(cwd.path(), db, "rootfs-alpine-3.11", &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("(alpine 3.11.3)"), "{text}");
    assert!(
        text.contains("libcrypto1.1  1.1.1d-r2  1.1.1d-r3  unknown   CVE-2019-1551"),
        "{text}"
    );
    // libssl1.1 is at the fixed version (1.1.1d-r3); musl 1.1.24-r0 is past 1.1.23-r2.
    assert!(!text.contains("libssl1.1"), "{text}");
    assert!(!text.contains("CVE-2019-14697"), "{text}");
    assert!(text.contains("Total: 1 "), "{text}");
}

#[test]
fn another_alpine_release_matches_nothing() {
    let db = db_or_skip!();
    let root = tempfile::tempdir().unwrap();
    let src = fixtures().join("rootfs-alpine-3.11");
    std::fs::create_dir_all(root.path().join("etc")).unwrap();
    std::fs::create_dir_all(root.path().join("lib/apk/db")).unwrap();
    std::fs::copy(
        src.join("lib/apk/db/installed"),
        root.path().join("lib/apk/db/installed"),
    )
    .unwrap();
    std::fs::write(
        root.path().join("etc/os-release"),
        "ID=alpine\nVERSION_ID=3.12.0\n",
    )
    .unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let out = run(
        cwd.path(),
        &[
            "fs",
            "--no-cache",
            "--db",
            db.to_str().unwrap(),
            root.path().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("No vulnerabilities found."));
}

#[test]
fn trivy_severity_and_exit_code() {
    let db = db_or_skip!();
    let cwd = tempfile::tempdir().unwrap();
    // The seed's step: only CRITICAL,HIGH fail. The Alpine finding has no severity (info).
    let out = fs_scan(
        cwd.path(),
        db,
        "rootfs-alpine-3.11",
        &["--severity", "CRITICAL,HIGH", "--exit-code", "1"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = fs_scan(
        cwd.path(),
        db,
        "cargo-project",
        &["--severity", "CRITICAL,HIGH", "--exit-code", "3"],
    );
    assert_eq!(out.status.code(), Some(3));
    let out = fs_scan(cwd.path(), db, "cargo-project", &["--fail-on", "critical"]);
    assert_eq!(out.status.code(), Some(0));
    let out = fs_scan(cwd.path(), db, "cargo-project", &["--exit-code", "0"]);
    assert_eq!(out.status.code(), Some(0));
    let out = fs_scan(cwd.path(), db, "rootfs-alpine-3.11", &["--ignore-unfixed"]);
    // CVE-2019-1551 has a fix: still shown.
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn ignores_from_config_and_trivyignore() {
    let db = db_or_skip!();
    let cwd = tempfile::tempdir().unwrap();
    std::fs::write(
        cwd.path().join("bulkhead.toml"),
        "[scan]\nignore = [\n  { id = \"RUSTSEC-2016-0001\", reason = \"TLS not used\", until = \"2999-01-01\" },\n  { id = \"CVE-2000-0001\", reason = \"old\", until = \"2001-01-01\" },\n  { id = \"CVE-2099-0001\", reason = \"never matches\" },\n]\n",
    )
    .unwrap();
    let out = fs_scan(cwd.path(), db, "cargo-project", &["--fail-on", "high"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{}{err}", stdout(&out));
    assert!(
        stdout(&out).contains("suppressed: CVE-2016-10931 in openssl 0.8.3 by ignore"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("TLS not used"));
    assert!(
        err.contains("ignore of CVE-2000-0001") && err.contains("expired on 2001-01-01"),
        "{err}"
    );
    assert!(err.contains("unused ignore of CVE-2099-0001"), "{err}");
    // The JSON report names the ignores with their days as written.
    let out = fs_scan(
        cwd.path(),
        db,
        "cargo-project",
        &["--fail-on", "high", "--format", "json"],
    );
    let v = json(&out);
    assert_eq!(v["expired_ignores"][0]["id"], "CVE-2000-0001");
    assert_eq!(v["expired_ignores"][0]["until"], "2001-01-01");
    assert_eq!(v["unused_ignores"][0]["id"], "CVE-2099-0001");
    // A day that does not exist is an error at its line, not an ignore.
    std::fs::write(
        cwd.path().join("bulkhead.toml"),
        "[scan]\nignore = [\n  { id = \"X\", reason = \"r\", until = \"2025-02-29\" },\n]\n",
    )
    .unwrap();
    let out = fs_scan(cwd.path(), db, "cargo-project", &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bulkhead.toml:3:") && err.contains("invalid date `2025-02-29`"),
        "{err}"
    );
    // .trivyignore, read for migration.
    let cwd2 = tempfile::tempdir().unwrap();
    std::fs::write(
        cwd2.path().join(".trivyignore"),
        "# accepted\nCVE-2019-1551\n",
    )
    .unwrap();
    let out = fs_scan(cwd2.path(), db, "rootfs-alpine-3.11", &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["suppressed"][0]["id"], "CVE-2019-1551");
    assert_eq!(v["suppressed"][0]["origin"], ".trivyignore:2");
    // An `exp:` day that does not exist: a warning, and the line ignores nothing (fail
    // closed: it would otherwise never expire).
    std::fs::write(
        cwd2.path().join(".trivyignore"),
        "# accepted\nCVE-2019-1551 exp:2025-02-29\n",
    )
    .unwrap();
    let out = fs_scan(cwd2.path(), db, "rootfs-alpine-3.11", &["--format", "json"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(".trivyignore:2: cannot read `exp:2025-02-29`"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1), "{err}");
    let v = json(&out);
    assert_eq!(v["suppressed"], serde_json::json!([]));
    assert!(
        v["vulnerabilities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == "CVE-2019-1551")
    );
}

#[test]
fn openvex_suppresses_with_justification() {
    let db = db_or_skip!();
    let cwd = tempfile::tempdir().unwrap();
    let vex = cwd.path().join("vex.json");
    std::fs::write(
        &vex,
        r#"{"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://example.invalid/vex/1","author":"sec","timestamp":"2024-01-01T00:00:00Z","version":1,
  "statements":[
    {"vulnerability":{"name":"CVE-2019-1551"},"products":[{"@id":"pkg:oci/app","subcomponents":[{"@id":"pkg:apk/alpine/libcrypto1.1@1.1.1d-r2"}]}],
     "status":"not_affected","justification":"vulnerable_code_not_in_execute_path"},
    {"vulnerability":{"name":"RUSTSEC-2016-0001"},"products":[{"@id":"pkg:cargo/openssl@0.8.3"}],"status":"affected"}
  ]}"#,
    )
    .unwrap();
    let out = fs_scan(
        cwd.path(),
        db,
        "rootfs-alpine-3.11",
        &["--vex", vex.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("by vex")
            && stdout(&out).contains("not_affected: vulnerable_code_not_in_execute_path"),
        "{}",
        stdout(&out)
    );
    // `affected` does not suppress.
    let out = fs_scan(
        cwd.path(),
        db,
        "cargo-project",
        &["--vex", vex.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
}

/// `sarif` validated by the SARIF 2.1.0 JSON schema (check-jsonschema) and Microsoft's SARIF
/// multitool with its SARIF and GitHub ingestion rules (both installed by .ci/sarif-setup.sh
/// and .ci/setup.d/integrations.sh); a missing validator is a skip (a failure under CI).
fn validate_sarif(dir: &Path, sarif: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let setup = Command::new("bash")
        .arg(root.join(".ci/sarif-setup.sh"))
        .output()
        .expect("bash");
    if setup.status.code() == Some(3) {
        return skip("npm not found (Debian packages nodejs and npm)");
    }
    assert!(
        setup.status.success(),
        "{}",
        String::from_utf8_lossy(&setup.stderr)
    );
    let tool = PathBuf::from(String::from_utf8(setup.stdout).unwrap().trim());
    let node_modules = tool.parent().and_then(Path::parent).unwrap();
    let schema = std::fs::read_dir(node_modules.join("@microsoft"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path().join("sarif-2.1.0.json"))
        .find(|p| p.is_file())
        .expect("sarif-2.1.0.json in the multitool package");
    let file = dir.join("report.sarif");
    std::fs::write(&file, sarif).unwrap();
    match Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg(&schema)
        .arg(&file)
        .output()
    {
        Ok(o) => assert!(
            o.status.success(),
            "not SARIF 2.1.0: {}{}",
            stdout(&o),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(_) => skip("check-jsonschema not found (pip install check-jsonschema)"),
    }
    for kind in ["Sarif", "Gh"] {
        let log = dir.join(format!("{kind}.validation.sarif"));
        let o = Command::new(&tool)
            .arg("validate")
            .arg(&file)
            .arg("--output")
            .arg(&log)
            .arg("--rule-kind")
            .arg(kind)
            .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
            .output()
            .expect("sarif-multitool");
        let v: serde_json::Value = serde_json::from_slice(
            &std::fs::read(&log).unwrap_or_else(|_| panic!("no validation log: {o:?}")),
        )
        .unwrap();
        let results = v["runs"][0]["results"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let notes = v["runs"][0]["invocations"][0]["toolExecutionNotifications"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(
            results.is_empty() && notes.is_empty(),
            "the multitool's {kind} rules: {results:#?} {notes:#?}"
        );
    }
}

#[test]
fn sarif_and_cyclonedx() {
    let db = db_or_skip!();
    let cwd = tempfile::tempdir().unwrap();
    let out = fs_scan(cwd.path(), db, "cargo-project", &["--format", "sarif"]);
    validate_sarif(cwd.path(), &stdout(&out));
    let v = json(&out);
    assert_eq!(v["version"], "2.1.0");
    let r = &v["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "CVE-2016-10931");
    assert_eq!(r["level"], "error");
    assert_eq!(
        v["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["security-severity"],
        "8.1"
    );
    // No CVSS and no severity from any source: no security-severity (the one scale of
    // bulkhead_diagnostics has none for info; it was "0.0" here).
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let unrated = rules
        .iter()
        .find(|r| r["id"] == "GHSA-3gxf-9r58-2ghg")
        .unwrap();
    assert!(
        unrated["properties"].get("security-severity").is_none(),
        "{unrated:#}"
    );
    let out = fs_scan(cwd.path(), db, "cargo-project", &["--format", "cyclonedx"]);
    let v = json(&out);
    assert_eq!(v["bomFormat"], "CycloneDX");
    let vuln = &v["vulnerabilities"][0];
    assert_eq!(vuln["id"], "CVE-2016-10931");
    assert_eq!(vuln["affects"][0]["ref"], "pkg:cargo/openssl@0.8.3");
    assert_eq!(vuln["ratings"][0]["method"], "CVSSv3");
    assert_eq!(vuln["ratings"][0]["score"], 8.1);
}

/// `fs --scanners vuln,secret --format sarif`: the vulnerability run and the secret findings'
/// run in one log, valid as a whole (schema and the multitool's SARIF and GitHub rules).
#[test]
fn two_run_sarif_validates() {
    let db = db_or_skip!();
    let cwd = tempfile::tempdir().unwrap();
    let target = cwd.path().join("app");
    std::fs::create_dir_all(&target).unwrap();
    std::fs::copy(
        fixtures().join("cargo-project/Cargo.lock"),
        target.join("Cargo.lock"),
    )
    .unwrap();
    // An AWS access key id (built at run time so this file holds none).
    let key = format!("{}{}", "AK", "IAQ7M2ZK4XW9TLP3VN");
    std::fs::write(target.join("deploy.py"), format!("KEY_ID = \"{key}\"\n")).unwrap();
    let out = run(
        cwd.path(),
        &[
            "fs",
            "--no-cache",
            "--db",
            db.to_str().unwrap(),
            "--scanners",
            "vuln,secret",
            "--format",
            "sarif",
            "app",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert!(runs[0]["results"].as_array().unwrap().len() > 1);
    assert_eq!(runs[1]["results"][0]["ruleId"], "SC001");
    assert!(!stdout(&out).contains(&key), "the secret is masked");
    validate_sarif(cwd.path(), &stdout(&out));
}

#[test]
fn stale_missing_and_corrupt_database() {
    let db = db_or_skip!();
    let cwd = tempfile::tempdir().unwrap();
    // Fresh database: a one-day bound passes.
    let out = fs_scan(cwd.path(), db, "cargo-project", &["--max-db-age", "1d"]);
    assert_eq!(out.status.code(), Some(1));
    let out = fs_scan(cwd.path(), db, "cargo-project", &["--max-db-age", "bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let bad = cwd.path().join("bad.db");
    std::fs::write(&bad, b"SQLite format 3\0this is not a database page at all").unwrap();
    let t = fixtures().join("cargo-project");
    let out = run(
        cwd.path(),
        &[
            "fs",
            "--no-cache",
            "--db",
            bad.to_str().unwrap(),
            t.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("corrupt") && err.contains("run `bulkhead db update`"),
        "{err}"
    );
    let out = run(cwd.path(), &["fs", "--no-cache", t.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no advisory database at"));
}

/// A Go binary built in the test (Debian's golang-go, listed in .ci/packages.txt): its
/// toolchain version is matched against the Go vulnerability database's `stdlib` records.
#[test]
fn go_binary_stdlib() {
    let db = db_or_skip!();
    let work = tempfile::tempdir().unwrap();
    std::fs::write(
        work.path().join("hello.go"),
        "package main\nimport \"fmt\"\nfunc main() { fmt.Println(\"hi\") }\n",
    )
    .unwrap();
    let built = Command::new("go")
        .current_dir(work.path())
        .env("GOCACHE", work.path().join("cache"))
        .env("GOPATH", work.path().join("gopath"))
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "")
        .args(["build", "-o", "bin/hello", "hello.go"])
        .output();
    let Ok(built) = built else {
        skip("go not installed");
        return;
    };
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let version = String::from_utf8(
        Command::new("go")
            .env("GOTOOLCHAIN", "local")
            .args(["env", "GOVERSION"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let version = version.trim().trim_start_matches("go").to_string();
    let bin = work.path().join("bin");
    let out = run(
        work.path(),
        &[
            "fs",
            "--no-cache",
            "--format",
            "json",
            "--db",
            db.to_str().unwrap(),
            bin.to_str().unwrap(),
        ],
    );
    let v = json(&out);
    let vulns = v["vulnerabilities"].as_array().unwrap();
    let stdlib: Vec<&serde_json::Value> =
        vulns.iter().filter(|f| f["package"] == "stdlib").collect();
    assert!(!stdlib.is_empty(), "{v:#}");
    for f in &stdlib {
        assert_eq!(f["installed"], format!("v{version}"));
        let ids: Vec<&str> = std::iter::once(&f["id"])
            .chain(f["aliases"].as_array().into_iter().flatten())
            .filter_map(|i| i.as_str())
            .collect();
        assert!(ids.iter().any(|i| i.starts_with("GO-")), "{ids:?}");
    }
    // A second copy of the binary: the same stdlib findings again, under its own target
    // (issue 15: two binaries are two rows, grouped per target as Trivy does).
    std::fs::copy(bin.join("hello"), bin.join("hello-copy")).unwrap();
    let out = run(
        work.path(),
        &[
            "fs",
            "--no-cache",
            "--db",
            db.to_str().unwrap(),
            bin.to_str().unwrap(),
        ],
    );
    let table = stdout(&out);
    let first = stdlib[0]["id"].as_str().unwrap();
    assert_eq!(table.matches(&format!("  {first}  ")).count(), 2, "{table}");
    assert!(table.contains("\n/hello (golang)\nPACKAGE"), "{table}");
    assert!(table.contains("\n/hello-copy (golang)\nPACKAGE"), "{table}");
    if version == "1.19.8" {
        // Debian bookworm's toolchain: html/template's GO-2023-1753, fixed in 1.19.9.
        let f = stdlib
            .iter()
            .find(|f| {
                f["aliases"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|i| i == "GO-2023-1753"))
            })
            .unwrap();
        assert_eq!(f["id"], "CVE-2023-29400");
        assert_eq!(f["fixed_version"], "1.19.9");
    }
}

/// A cargo-auditable binary built in the test: a Rust binary compiled by rustc, with the
/// `.dep-v0` section cargo-auditable writes (zlib-compressed dependency JSON) added by
/// objcopy, as `cargo auditable build` would embed it.
#[test]
fn cargo_auditable_binary() {
    let db = db_or_skip!();
    let work = tempfile::tempdir().unwrap();
    let src = work.path().join("main.rs");
    std::fs::write(&src, "fn main() { println!(\"hi\"); }\n").unwrap();
    let plain = work.path().join("plain");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let ok = Command::new(rustc)
        .arg(&src)
        .arg("-o")
        .arg(&plain)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let deps = r#"{"packages":[
        {"name":"demo","version":"0.1.0","source":"local","kind":"runtime","dependencies":[1,2],"root":true},
        {"name":"openssl","version":"0.8.3","source":"crates.io","kind":"runtime"},
        {"name":"smallvec","version":"1.13.2","source":"crates.io","kind":"runtime"}]}"#;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut z, deps.as_bytes()).unwrap();
    let section = work.path().join("dep-v0.bin");
    std::fs::write(&section, z.finish().unwrap()).unwrap();
    let bin_dir = work.path().join("bin");
    std::fs::create_dir(&bin_dir).unwrap();
    let audited = bin_dir.join("demo");
    let Ok(ok) = Command::new("objcopy")
        .arg(format!("--add-section=.dep-v0={}", section.display()))
        .arg("--set-section-flags=.dep-v0=noload,readonly")
        .arg(&plain)
        .arg(&audited)
        .output()
    else {
        skip("objcopy not installed");
        return;
    };
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let out = run(
        work.path(),
        &[
            "fs",
            "--no-cache",
            "--format",
            "json",
            "--db",
            db.to_str().unwrap(),
            bin_dir.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let vulns = v["vulnerabilities"].as_array().unwrap();
    let f = vulns
        .iter()
        .find(|f| f["id"] == "CVE-2016-10931")
        .expect("RUSTSEC-2016-0001 through the binary");
    assert_eq!(f["package"], "openssl");
    assert_eq!(f["installed"], "0.8.3");
    assert!(
        f["location"].as_str().unwrap_or("").ends_with("demo"),
        "{f:#}"
    );
    assert!(!vulns.iter().any(|f| f["package"] == "smallvec"));
}

/// `bulkhead image` over a docker-archive written in the test: the Alpine rootfs in layer 1,
/// a project with a Cargo.lock in layer 2; each finding names the layer that added it.
#[test]
fn image_docker_archive_layers() {
    use sha2::Digest;
    let db = db_or_skip!();
    let work = tempfile::tempdir().unwrap();
    let layer = |root: &Path, prefix: &str| -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        let mut files = Vec::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    files.push(p);
                }
            }
        }
        files.sort();
        for p in files {
            let name = format!("{prefix}{}", p.strip_prefix(root).unwrap().display());
            b.append_path_with_name(&p, name).unwrap();
        }
        b.into_inner().unwrap()
    };
    let layers = [
        layer(&fixtures().join("rootfs-alpine-3.11"), ""),
        layer(&fixtures().join("cargo-project"), "app/"),
    ];
    let ids: Vec<String> = layers
        .iter()
        .map(|l| format!("sha256:{:x}", sha2::Sha256::digest(l)))
        .collect();
    let config = serde_json::json!({
        "architecture": "amd64", "os": "linux", "config": {},
        "rootfs": {"type": "layers", "diff_ids": ids},
        "history": [{"created_by": "ADD rootfs /"}, {"created_by": "COPY app /app"}],
    })
    .to_string();
    let config_name = format!("{:x}.json", sha2::Sha256::digest(config.as_bytes()));
    let manifest = serde_json::json!([{
        "Config": config_name, "RepoTags": ["demo:1"], "Layers": ["l0/layer.tar", "l1/layer.tar"],
    }])
    .to_string();
    let archive = work.path().join("demo.tar");
    let mut b = tar::Builder::new(std::fs::File::create(&archive).unwrap());
    let mut add = |name: &str, data: &[u8]| {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, name, data).unwrap();
    };
    add(&config_name, config.as_bytes());
    add("l0/layer.tar", &layers[0]);
    add("l1/layer.tar", &layers[1]);
    add("manifest.json", manifest.as_bytes());
    b.finish().unwrap();
    drop(b);
    let target = format!("docker-archive:{}", archive.display());
    let out = run(
        work.path(),
        &[
            "image",
            "--no-cache",
            "--format",
            "json",
            "--db",
            db.to_str().unwrap(),
            &target,
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let vulns = v["vulnerabilities"].as_array().unwrap();
    let ssl = vulns.iter().find(|f| f["id"] == "CVE-2019-1551").unwrap();
    assert_eq!(ssl["layer"], ids[0].as_str());
    assert_eq!(ssl["layer_index"], 1);
    let crate_ = vulns.iter().find(|f| f["id"] == "CVE-2016-10931").unwrap();
    assert_eq!(crate_["layer"], ids[1].as_str());
    assert_eq!(crate_["layer_index"], 2);
    // The table shows the layer index and short diff id.
    let out = run(
        work.path(),
        &["image", "--no-cache", "--db", db.to_str().unwrap(), &target],
    );
    let text = stdout(&out);
    let short: String = ids[0].chars().take(19).collect();
    assert!(text.contains(&format!("1 {short}")), "{text}");
    // --list-packages delegates to the package list.
    let out = run(
        work.path(),
        &["image", "--no-cache", "--list-packages", &target],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("libcrypto1.1"));
}

/// The table groups findings per target as Trivy does (issue 15): the same vulnerable crate
/// in two lockfiles is two groups of rows, one per lockfile; a finding no source gives a
/// severity to shows `unknown` and is counted apart from `info`.
#[test]
fn table_groups_findings_per_target() {
    let db = db_or_skip!();
    let cwd = tempfile::tempdir().unwrap();
    for d in ["a", "b"] {
        std::fs::create_dir(cwd.path().join(d)).unwrap();
        std::fs::copy(
            fixtures().join("cargo-project/Cargo.lock"),
            cwd.path().join(d).join("Cargo.lock"),
        )
        .unwrap();
    }
    let out = run(
        cwd.path(),
        &[
            "fs",
            "--no-cache",
            "--scanners",
            "vuln",
            "--db",
            db.to_str().unwrap(),
            ".",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    insta::assert_snapshot!("table_two_lockfiles", stdout(&out));
}

/// The CycloneDX vulnerability report is the SBOM's document plus `vulnerabilities`, valid
/// against the CycloneDX 1.6 schema (cyclonedx-python-lib, as the SBOM tests) even when two
/// lockfiles hold the same package (its own writer gave both the same bom-ref: invalid).
#[test]
fn cyclonedx_vulnerability_report_validates() {
    let db = db_or_skip!();
    let cwd = tempfile::tempdir().unwrap();
    for d in ["a", "b"] {
        std::fs::create_dir(cwd.path().join(d)).unwrap();
        std::fs::copy(
            fixtures().join("cargo-project/Cargo.lock"),
            cwd.path().join(d).join("Cargo.lock"),
        )
        .unwrap();
    }
    let out = run(
        cwd.path(),
        &[
            "fs",
            "--no-cache",
            "--scanners",
            "vuln",
            "--format",
            "cyclonedx",
            "--output",
            "report.cdx.json",
            "--db",
            db.to_str().unwrap(),
            ".",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = cwd.path().join("report.cdx.json");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let vulns = v["vulnerabilities"].as_array().unwrap();
    assert_eq!(vulns.len(), 14);
    let affected: std::collections::BTreeSet<&str> = vulns
        .iter()
        .map(|x| x["affects"][0]["ref"].as_str().unwrap())
        .collect();
    assert_eq!(
        affected.into_iter().collect::<Vec<_>>(),
        ["pkg:cargo/openssl@0.8.3", "pkg:cargo/openssl@0.8.3#2"]
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/support/validate_sbom.py");
    let check = Command::new("python3")
        .arg(&script)
        .arg("cyclonedx")
        .arg(&report)
        .output()
        .expect("python3");
    if check.status.code() == Some(77) {
        skip("the CycloneDX validator is not installed (.ci/setup.d/images.sh installs it)");
        return;
    }
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

/// `--severity UNKNOWN` names the findings no source rates (issue 15), and only those.
#[test]
fn severity_unknown_selects_unrated_findings() {
    let db = db_or_skip!();
    let cwd = tempfile::tempdir().unwrap();
    let out = fs_scan(
        cwd.path(),
        db,
        "cargo-project",
        &[
            "--scanners",
            "vuln",
            "--severity",
            "UNKNOWN",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let vulns = v["vulnerabilities"].as_array().unwrap();
    assert_eq!(vulns.len(), 6, "{v:#}");
    assert!(
        vulns
            .iter()
            .all(|f| f.get("severity_source").is_none() && f.get("cvss").is_none())
    );
    let out = fs_scan(
        cwd.path(),
        db,
        "cargo-project",
        &["--scanners", "vuln", "--severity", "UNKNOWN"],
    );
    assert!(
        stdout(&out).contains("Total: 6 (critical 0, high 0, medium 0, low 0, info 0, unknown 6)"),
        "{}",
        stdout(&out)
    );
}
