//! Dogfooding: Bulkhead's own image, assembled by scripts/build-image.sh with umoci from the
//! binary under test (the Dockerfile describes the same image; no engine runs here), is
//! scanned and listed by Bulkhead itself: its Dockerfile has zero findings with every rule
//! on, the image carries exactly the packages of the libraries it links, its CycloneDX SBOM
//! names them, and `bulkhead image` passes it against the advisories of ../shared.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn need(tools: &[&str]) -> bool {
    let missing: Vec<&str> = tools
        .iter()
        .copied()
        .filter(|t| {
            !Command::new("sh")
                .args(["-c", &format!("command -v {t}")])
                .status()
                .is_ok_and(|s| s.success())
        })
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{missing:?} not found under CI=true (.ci/packages.txt installs them)"
    );
    println!("skipped: {missing:?} not found");
    false
}

#[test]
fn own_dockerfile_has_no_finding_with_every_rule() {
    let out = common::bulkhead(&["check", "Dockerfile", "--select", "ALL"], &root());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        common::text(&out.stdout),
        common::text(&out.stderr)
    );
}

#[test]
fn own_image_is_listed_and_passes_its_own_scan() {
    if !need(&["umoci", "ldd", "dpkg-query"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let layout = dir.path().join("layout");
    let out = Command::new("bash")
        .arg(root().join("scripts/build-image.sh"))
        .arg(env!("CARGO_BIN_EXE_bulkhead"))
        .arg(&layout)
        .arg("test")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let image = format!("oci:{}", layout.display());

    // The packages are exactly those of the linked libraries and the CA bundle.
    let out = common::bulkhead(&["sbom", &image, "--format", "cyclonedx"], &root());
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let bom: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut names: Vec<&str> = bom["components"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["type"] == "library")
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["ca-certificates", "libc6", "libgcc-s1"], "{bom:#}");

    // The image config: numeric non-root user and the entrypoint of the Dockerfile.
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(layout.join("index.json")).unwrap()).unwrap();
    let blob = |digest: &str| {
        let hex = digest.strip_prefix("sha256:").unwrap();
        std::fs::read(layout.join("blobs/sha256").join(hex)).unwrap()
    };
    let manifest: serde_json::Value =
        serde_json::from_slice(&blob(index["manifests"][0]["digest"].as_str().unwrap())).unwrap();
    let config: serde_json::Value =
        serde_json::from_slice(&blob(manifest["config"]["digest"].as_str().unwrap())).unwrap();
    assert_eq!(config["config"]["User"], "65532:65532");
    assert_eq!(
        config["config"]["Entrypoint"],
        serde_json::json!(["/usr/local/bin/bulkhead"])
    );

    // Our own scan passes it (no vulnerable package, no image-audit or secret finding),
    // against a store of all the advisories we have here (there is
    // no Debian feed offline: the store holds Go, crates.io and Alpine data).
    let shared = root().join("../shared/advisories");
    if !shared.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared/advisories not found under CI=true"
        );
        println!("skipped the scan: ../shared not found");
        return;
    }
    let db = dir.path().join("advisory.db");
    let out = Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(["db", "import", "--db"])
        .arg(&db)
        .arg(shared.join("go-vulndb/osv"))
        .arg(shared.join("rustsec-osv/crates"))
        .arg(shared.join("alpine-secdb-2020"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let out = common::bulkhead(
        &[
            "image",
            "--no-cache",
            "--scanners",
            "vuln,config,secret",
            "--ignorefile",
            "scripts/image.trivyignore",
            "--db",
            db.to_str().unwrap(),
            &image,
        ],
        &root(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        common::text(&out.stdout),
        common::text(&out.stderr)
    );
}
