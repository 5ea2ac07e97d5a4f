//! `bulkhead sbom`: exact package tables, CycloneDX 1.6 and SPDX 2.3 documents checked by the
//! real validators (cyclonedx-python-lib, spdx-tools), reproducibility, and input errors.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A missing prerequisite: fails the test under `CI=true` (CI installs every prerequisite),
/// elsewhere says why the test did nothing.
fn skip(why: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("prerequisite missing under CI=true: {why}");
    }
    eprintln!("skipped: {why}");
}

fn bulkhead() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bulkhead"));
    c.env("SOURCE_DATE_EPOCH", "1767225600")
        .env("NO_COLOR", "1");
    c
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const OS_RELEASE: &str = "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n";

fn small_root(dir: &Path) {
    std::fs::create_dir_all(dir.join("etc")).unwrap();
    std::fs::create_dir_all(dir.join("var/lib/dpkg")).unwrap();
    std::fs::create_dir_all(dir.join("srv/app")).unwrap();
    std::fs::write(dir.join("etc/os-release"), OS_RELEASE).unwrap();
    std::fs::write(
        dir.join("var/lib/dpkg/status"),
        "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9+deb12u4\nSource: glibc\n\nPackage: zlib1g\nStatus: install ok installed\nVersion: 1:1.2.13.dfsg-1\nSource: zlib\n\nPackage: removed\nStatus: deinstall ok config-files\nVersion: 1.0\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("srv/app/package-lock.json"),
        r#"{"lockfileVersion":3,"packages":{"":{},"node_modules/lodash":{"version":"4.17.21","license":"MIT"},"node_modules/@babel/core":{"version":"7.24.0","license":"MIT OR Apache-2.0"}}}"#,
    )
    .unwrap();
}

#[test]
fn table_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    small_root(dir.path());
    let out = bulkhead()
        .args(["sbom", "--fs", "--no-cache", "--format", "table"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "{}: debian 12
ECOSYSTEM  NAME         VERSION          LAYER  LOCATION
deb        libc6        2.36-9+deb12u4   -      /var/lib/dpkg/status
deb        zlib1g       1:1.2.13.dfsg-1  -      /var/lib/dpkg/status
npm        @babel/core  7.24.0           -      /srv/app/package-lock.json
npm        lodash       4.17.21          -      /srv/app/package-lock.json
4 packages
",
        dir.path().display()
    );
    assert_eq!(text, expected);
}

fn validate(kind: &str, path: &Path) -> bool {
    let script = workspace().join("tests/support/validate_sbom.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(kind)
        .arg(path)
        .output();
    match out {
        Ok(o) if o.status.code() == Some(77) => {
            skip(&format!(
                "the {kind} validator is not installed (pip install cyclonedx-python-lib[json-validation] spdx-tools)"
            ));
            false
        }
        Ok(o) => {
            assert!(
                o.status.success(),
                "{kind} invalid: {}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            true
        }
        Err(_) => {
            skip("python3 not found");
            false
        }
    }
}

/// A root filesystem with this machine's real dpkg database.
fn real_root(dir: &Path) -> usize {
    small_root(dir);
    std::fs::copy("/var/lib/dpkg/status", dir.join("var/lib/dpkg/status")).unwrap();
    let status = std::fs::read_to_string("/var/lib/dpkg/status").unwrap();
    status
        .split("\n\n")
        .filter(|p| {
            p.lines()
                .any(|l| l.starts_with("Status:") && l.ends_with(" installed"))
        })
        .count()
}

#[test]
fn cyclonedx_and_spdx_validate_and_reproduce() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    let installed = real_root(&root);
    for (format, kind) in [("cyclonedx", "cyclonedx"), ("spdx", "spdx")] {
        let a = dir.path().join(format!("a-{format}.json"));
        let b = dir.path().join(format!("b-{format}.json"));
        for p in [&a, &b] {
            let st = bulkhead()
                .args(["sbom", "--fs", "--no-cache", "--format", format, "-o"])
                .arg(p)
                .arg(&root)
                .status()
                .unwrap();
            assert!(st.success());
        }
        let bytes = std::fs::read(&a).unwrap();
        assert_eq!(
            bytes,
            std::fs::read(&b).unwrap(),
            "{format} is not reproducible"
        );
        let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        if format == "cyclonedx" {
            assert_eq!(doc["specVersion"], "1.6");
            assert_eq!(doc["metadata"]["timestamp"], "2026-01-01T00:00:00Z");
            let comps = doc["components"].as_array().unwrap();
            assert_eq!(comps.len(), installed + 2);
            let lodash = comps.iter().find(|c| c["name"] == "lodash").unwrap();
            assert_eq!(lodash["purl"], "pkg:npm/lodash@4.17.21");
        } else {
            assert_eq!(doc["spdxVersion"], "SPDX-2.3");
            // root + every package
            assert_eq!(doc["packages"].as_array().unwrap().len(), installed + 3);
        }
        validate(kind, &a);
    }
}

#[test]
fn missing_target_is_an_input_error() {
    let out = bulkhead()
        .args(["sbom", "--no-cache", "/nonexistent/image.tar"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/image.tar"), "{err}");
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn image_layout_json_list_and_cyclonedx() {
    if !have("umoci") {
        skip("umoci not installed (.ci/packages.txt installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    small_root(&root);
    let layout = dir.path().join("layout");
    let image = format!("{}:v1", layout.display());
    let run = |args: &[&str]| {
        let st = Command::new("umoci").args(args).status().unwrap();
        assert!(st.success(), "umoci {args:?}");
    };
    run(&["init", "--layout", layout.to_str().unwrap()]);
    run(&["new", "--image", &image]);
    let bundle = dir.path().join("bundle");
    run(&[
        "unpack",
        "--rootless",
        "--image",
        &image,
        bundle.to_str().unwrap(),
    ]);
    let st = Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", root.display()))
        .arg(bundle.join("rootfs"))
        .status()
        .unwrap();
    assert!(st.success());
    run(&["repack", "--image", &image, bundle.to_str().unwrap()]);
    let cache = dir.path().join("cache");
    let out = bulkhead()
        .args(["sbom", "--format", "json", "--cache-dir"])
        .arg(&cache)
        .arg(&layout)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["os"]["id"], "debian");
    assert_eq!(v["layers"].as_array().unwrap().len(), 1);
    let diff_id = v["layers"][0]["diff_id"].as_str().unwrap();
    let pkgs = v["packages"].as_array().unwrap();
    assert_eq!(pkgs.len(), 4);
    assert!(pkgs.iter().all(|p| p["layer"] == diff_id));
    assert_eq!(pkgs[0]["name"], "libc6");
    assert!(
        pkgs[0]["purl"]
            .as_str()
            .unwrap()
            .starts_with("pkg:deb/debian/libc6@2.36-9%2Bdeb12u4")
    );
    // The second run is served from the cache.
    let out = bulkhead()
        .args(["sbom", "--format", "cyclonedx", "--cache-dir"])
        .arg(&cache)
        .arg(&layout)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["metadata"]["component"]["type"], "container");
    assert_eq!(doc["components"].as_array().unwrap().len(), 4);
    let p = dir.path().join("image.cdx.json");
    std::fs::write(&p, &out.stdout).unwrap();
    validate("cyclonedx", &p);
}
