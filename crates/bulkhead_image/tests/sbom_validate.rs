//! SBOM documents of a root filesystem made of this machine's real dpkg database and Debian
//! copyright files (licences such as `GPL-2+` or `LGPL-2.1+ and Expat`), checked by the real
//! validators: cyclonedx-python-lib (CycloneDX 1.6 JSON schema) and spdx-tools (SPDX 2.3).

use bulkhead_image::sbom::{Creator, cyclonedx, spdx};
use bulkhead_image::{ScanOptions, scan_fs};
use std::path::Path;
use std::process::Command;

/// A missing prerequisite: a failure under `CI=true`, else a skip that says why.
fn skip(why: &str) {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "prerequisite missing under CI=true: {why}"
    );
    println!("skipped: {why}");
}

fn validate(kind: &str, path: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/support/validate_sbom.py");
    match Command::new("python3")
        .arg(&script)
        .arg(kind)
        .arg(path)
        .output()
    {
        Ok(o) if o.status.code() == Some(77) => {
            skip(&format!(
                "the {kind} validator is not installed (.ci/setup.d/images.sh)"
            ));
        }
        Ok(o) => assert!(
            o.status.success(),
            "{kind}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(_) => skip("python3 not found"),
    }
}

#[test]
fn real_dpkg_licences_validate() {
    if !Path::new("/var/lib/dpkg/status").is_file() {
        skip("no dpkg database on this machine");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    std::fs::create_dir_all(root.join("var/lib/dpkg")).unwrap();
    std::fs::create_dir_all(root.join("etc")).unwrap();
    std::fs::copy("/var/lib/dpkg/status", root.join("var/lib/dpkg/status")).unwrap();
    std::fs::write(
        root.join("etc/os-release"),
        "ID=debian\nVERSION_ID=\"12\"\n",
    )
    .unwrap();
    for e in std::fs::read_dir("/usr/share/doc").unwrap().flatten() {
        let c = e.path().join("copyright");
        if e.file_type().is_ok_and(|t| t.is_dir()) && c.is_file() {
            let d = root.join("usr/share/doc").join(e.file_name());
            std::fs::create_dir_all(&d).unwrap();
            std::fs::copy(&c, d.join("copyright")).unwrap();
        }
    }
    let scan = scan_fs(&root, &ScanOptions::default()).unwrap();
    assert!(
        scan.packages
            .iter()
            .filter(|p| !p.licenses.is_empty())
            .count()
            > 10
    );
    let creator = Creator {
        tool: "bulkhead",
        version: "0.0.0",
        timestamp: "2026-01-01T00:00:00Z",
    };
    let c = dir.path().join("c.json");
    std::fs::write(
        &c,
        serde_json::to_vec_pretty(&cyclonedx(&scan, &creator)).unwrap(),
    )
    .unwrap();
    validate("cyclonedx", &c);
    let s = dir.path().join("s.json");
    std::fs::write(
        &s,
        serde_json::to_vec_pretty(&spdx(&scan, &creator)).unwrap(),
    )
    .unwrap();
    validate("spdx", &s);
}
