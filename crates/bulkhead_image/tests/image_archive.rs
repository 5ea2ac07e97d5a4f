//! Docker archives (legacy and Docker 25+), OCI layouts (directory and tar), gzip/zstd/plain
//! layers, whiteouts, layer attribution and OS-owned language packages, end to end through
//! `scan_image`.

mod support;

use bulkhead_image::{ScanOptions, scan_image};
use bulkhead_pkg::Ecosystem;
use support::*;

fn two_layers() -> Vec<Vec<u8>> {
    let l1 = layer_tar(&[
        E::Dir("etc"),
        E::File("etc/os-release", OS_RELEASE.as_bytes().to_vec()),
        E::File(
            "var/lib/dpkg/status",
            dpkg_status(&[("base-files", "12.4+deb12u5"), ("libc6", "2.36-9+deb12u4")]),
        ),
        E::File(
            "usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA",
            b"Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\n".to_vec(),
        ),
        E::File(
            "var/lib/dpkg/info/python3-six.list",
            b"/.\n/usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA\n".to_vec(),
        ),
        E::File(
            "app/node_modules/left-pad/package.json",
            br#"{"name":"left-pad","version":"1.3.0","license":"WTFPL"}"#.to_vec(),
        ),
        E::File(
            "opt/old/node_modules/gone/package.json",
            br#"{"name":"gone","version":"1.0.0"}"#.to_vec(),
        ),
    ]);
    let l2 = layer_tar(&[
        E::File(
            "var/lib/dpkg/status",
            dpkg_status(&[
                ("base-files", "12.4+deb12u5"),
                ("libc6", "2.36-9+deb12u4"),
                ("curl", "7.88.1-10+deb12u5"),
            ]),
        ),
        E::File("opt/.wh.old", Vec::new()),
        E::File("app/node_modules/.wh..wh..opq", Vec::new()),
        E::File(
            "app/node_modules/right-pad/package.json",
            br#"{"name":"right-pad","version":"1.0.1"}"#.to_vec(),
        ),
    ]);
    vec![l1, l2]
}

fn check(scan: &bulkhead_image::Scan, layers: &[Vec<u8>]) {
    let os = scan.os.as_ref().unwrap();
    assert_eq!((os.id.as_str(), os.version.as_str()), ("debian", "12"));
    let got: Vec<(Ecosystem, &str, &str)> = scan
        .packages
        .iter()
        .map(|p| (p.ecosystem, p.name.as_str(), p.version.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Ecosystem::Deb, "base-files", "12.4+deb12u5"),
            (Ecosystem::Deb, "curl", "7.88.1-10+deb12u5"),
            (Ecosystem::Deb, "libc6", "2.36-9+deb12u4"),
            (Ecosystem::Npm, "right-pad", "1.0.1"),
        ],
        "six is owned by python3-six; left-pad is hidden by the opaque dir, gone by the whiteout"
    );
    let d1 = sha(&layers[0]);
    let d2 = sha(&layers[1]);
    let layer_of = |n: &str| {
        scan.packages
            .iter()
            .find(|p| p.name == n)
            .unwrap()
            .layer
            .clone()
    };
    assert_eq!(layer_of("libc6").as_deref(), Some(d1.as_str()));
    assert_eq!(layer_of("curl").as_deref(), Some(d2.as_str()));
    assert_eq!(layer_of("right-pad").as_deref(), Some(d2.as_str()));
    let curl = scan.packages.iter().find(|p| p.name == "curl").unwrap();
    assert_eq!(curl.locations, vec!["/var/lib/dpkg/status"]);
    assert_eq!(curl.distro.as_ref().unwrap().id, "debian");
    assert_eq!(scan.layers.len(), 2);
    assert_eq!(scan.layers[1].diff_id, d2);
    assert_eq!(scan.layers[1].created_by.as_deref(), Some("step 1"));
    assert_eq!(
        scan.config.as_ref().unwrap().config.user.as_deref(),
        Some("1000")
    );
}

#[test]
fn legacy_docker_archive() {
    let layers = two_layers();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("img.tar");
    std::fs::write(&p, docker_archive_legacy(&layers)).unwrap();
    let scan = scan_image(p.to_str().unwrap(), &ScanOptions::default()).unwrap();
    check(&scan, &layers);
    assert_eq!(scan.layers[0].digest, None);
    // `docker save`'s RepoTags name the image, and the SBOM's metadata component says so.
    assert_eq!(scan.repo_tags, vec!["test:latest"]);
    assert!(scan.repo_digests.is_empty());
    let bom = bulkhead_image::sbom::cyclonedx(
        &scan,
        &bulkhead_image::sbom::Creator {
            tool: "bulkhead",
            version: "0",
            timestamp: "2026-01-01T00:00:00Z",
        },
    );
    let props = &bom["metadata"]["component"]["properties"];
    assert!(
        props.as_array().unwrap().contains(
            &serde_json::json!({"name": "bulkhead:image:repo_tag", "value": "test:latest"})
        ),
        "{props}"
    );
}

#[test]
fn docker25_archive_every_compression() {
    for comp in [Comp::None, Comp::Gzip, Comp::Zstd] {
        let layers = two_layers();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("img.tar");
        std::fs::write(&p, docker_archive_oci(&layers, comp)).unwrap();
        let scan = scan_image(
            &format!("docker-archive:{}", p.display()),
            &ScanOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{comp:?}: {e}"));
        check(&scan, &layers);
    }
}

#[test]
fn oci_layout_dir_and_tar() {
    let layers = two_layers();
    let dir = tempfile::tempdir().unwrap();
    let layout = dir.path().join("layout");
    oci_layout(&layout, &layers, Comp::Gzip);
    let scan = scan_image(layout.to_str().unwrap(), &ScanOptions::default()).unwrap();
    check(&scan, &layers);
    assert!(scan.manifest_digest.is_some());
    let t = dir.path().join("layout.tar");
    std::fs::write(&t, dir_to_tar(&layout)).unwrap();
    let scan = scan_image(
        &format!("oci-archive:{}", t.display()),
        &ScanOptions::default(),
    )
    .unwrap();
    check(&scan, &layers);
}

#[test]
fn cache_hit_reads_no_layer() {
    let layers = two_layers();
    let dir = tempfile::tempdir().unwrap();
    let layout = dir.path().join("layout");
    oci_layout(&layout, &layers, Comp::Gzip);
    let opts = ScanOptions {
        cache_dir: Some(dir.path().join("cache")),
        ..ScanOptions::default()
    };
    let cold = scan_image(layout.to_str().unwrap(), &opts).unwrap();
    assert!(cold.layers.iter().all(|l| !l.cached));
    // Remove the layer blobs: a warm scan must not need them.
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(layout.join("index.json")).unwrap()).unwrap();
    let md = index["manifests"][0]["digest"].as_str().unwrap();
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(layout.join("blobs/sha256").join(&md[7..])).unwrap())
            .unwrap();
    for l in m["layers"].as_array().unwrap() {
        std::fs::remove_file(
            layout
                .join("blobs/sha256")
                .join(&l["digest"].as_str().unwrap()[7..]),
        )
        .unwrap();
    }
    let warm = scan_image(layout.to_str().unwrap(), &opts).unwrap();
    assert!(warm.layers.iter().all(|l| l.cached));
    assert_eq!(cold.packages, warm.packages);
}

#[test]
fn cache_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let cache = bulkhead_image::LayerCache::new(dir.path(), 3000);
    for i in 0..20u8 {
        let r = bulkhead_image::LayerResult {
            diff_id: format!("sha256:{:064x}", i),
            warnings: vec!["x".repeat(400)],
            ..Default::default()
        };
        cache.put(&r);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(cache.size() <= 3000, "{}", cache.size());
    assert!(cache.get(&format!("sha256:{:064x}", 19)).is_some());
    assert!(cache.get(&format!("sha256:{:064x}", 0)).is_none());
}

#[test]
fn scan_fs_project_dir() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("Cargo.lock"),
        "version = 3\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.200\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("web")).unwrap();
    std::fs::write(
        dir.path().join("web/package-lock.json"),
        r#"{"lockfileVersion":3,"packages":{"":{},"node_modules/lodash":{"version":"4.17.21"}}}"#,
    )
    .unwrap();
    let scan = bulkhead_image::scan_fs(dir.path(), &ScanOptions::default()).unwrap();
    let got: Vec<_> = scan
        .packages
        .iter()
        .map(|p| (p.name.as_str(), p.locations[0].as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("lodash", "/web/package-lock.json"),
            ("serde", "/Cargo.lock")
        ]
    );
    assert!(scan.os.is_none());
}

#[test]
fn platform_selection_in_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let amd = dir.path().join("amd");
    let arm = dir.path().join("arm");
    let status = |n: &str| layer_tar(&[E::File("var/lib/dpkg/status", dpkg_status(&[(n, "1.0")]))]);
    oci_layout(&amd, &[status("only-amd64")], Comp::Gzip);
    oci_layout(&arm, &[status("only-arm64")], Comp::Gzip);
    for e in std::fs::read_dir(arm.join("blobs/sha256"))
        .unwrap()
        .flatten()
    {
        std::fs::copy(e.path(), amd.join("blobs/sha256").join(e.file_name())).unwrap();
    }
    let mut index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(amd.join("index.json")).unwrap()).unwrap();
    let arm_index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(arm.join("index.json")).unwrap()).unwrap();
    let mut d = arm_index["manifests"][0].clone();
    d["platform"] = serde_json::json!({"os": "linux", "architecture": "arm64", "variant": "v8"});
    index["manifests"].as_array_mut().unwrap().push(d);
    std::fs::write(amd.join("index.json"), serde_json::to_vec(&index).unwrap()).unwrap();
    let scan_for = |p: &str| {
        let opts = ScanOptions {
            platform: bulkhead_image::Platform::parse(p),
            ..ScanOptions::default()
        };
        scan_image(amd.to_str().unwrap(), &opts)
    };
    assert_eq!(
        scan_for("linux/arm64").unwrap().packages[0].name,
        "only-arm64"
    );
    assert_eq!(
        scan_for("linux/amd64").unwrap().packages[0].name,
        "only-amd64"
    );
    let err = scan_for("linux/s390x").unwrap_err();
    assert!(
        err.to_string()
            .contains("available: linux/amd64, linux/arm64/v8"),
        "{err}"
    );
}

#[test]
fn large_go_binary_is_spooled_not_buffered() {
    // A 20 MiB "binary" (ELF magic, no section table) with Go build info in the middle.
    let mut elf = b"\x7fELF".to_vec();
    elf.resize(10 << 20, 0);
    let mut blob = b"\xff Go buildinf:".to_vec();
    blob.extend_from_slice(&[8, 2]);
    blob.resize(32, 0);
    let modinfo = format!(
        "{}path\texample.com/big\nmod\texample.com/big\tv1.2.3\th1:x=\ndep\tgolang.org/x/net\tv0.17.0\th1:y=\n{}",
        "0123456789abcdef", "\n123456789abcdef"
    );
    blob.push(8);
    blob.extend_from_slice(b"go1.21.3");
    blob.push(modinfo.len() as u8);
    blob.extend_from_slice(modinfo.as_bytes());
    elf.extend_from_slice(&blob);
    elf.resize(20 << 20, 0);
    let layer = layer_tar(&[E::Exec("usr/local/bin/big", elf)]);
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("layout");
    oci_layout(&l, &[layer], Comp::Gzip);
    let cache = dir.path().join("cache");
    let opts = ScanOptions {
        cache_dir: Some(cache.clone()),
        max_file_bytes: 1 << 20, // in-memory reads would refuse it: the spool path is used
        ..ScanOptions::default()
    };
    let scan = scan_image(l.to_str().unwrap(), &opts).unwrap();
    let got: Vec<_> = scan
        .packages
        .iter()
        .map(|p| (p.name.as_str(), p.version.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("example.com/big", "v1.2.3"),
            ("golang.org/x/net", "v0.17.0"),
            ("stdlib", "v1.21.3")
        ]
    );
    assert!(scan.warnings.is_empty(), "{:?}", scan.warnings);
    // The scratch file lived in the cache directory and is gone.
    let tmp = cache.join("tmp");
    assert!(std::fs::read_dir(&tmp).map(|d| d.count()).unwrap_or(0) == 0);
}

fn jar(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (n, d) in entries {
        w.start_file(*n, o).unwrap();
        std::io::Write::write_all(&mut w, d).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn every_cataloger_in_one_distroless_image() {
    let inner = jar(&[(
        "META-INF/maven/org.inner/inner/pom.properties",
        b"groupId=org.inner\nartifactId=inner\nversion=2.0\n".to_vec(),
    )]);
    let outer = jar(&[
        (
            "META-INF/MANIFEST.MF",
            b"Manifest-Version: 1.0\nImplementation-Version: 9.9\n".to_vec(),
        ),
        (
            "META-INF/maven/org.outer/outer/pom.properties",
            b"groupId=org.outer\nartifactId=outer\nversion=1.0\n".to_vec(),
        ),
        ("BOOT-INF/lib/inner-2.0.jar", inner),
    ]);
    let layer = layer_tar(&[
        E::File("etc/os-release", OS_RELEASE.as_bytes().to_vec()),
        E::File(
            "var/lib/dpkg/status.d/base",
            b"Package: base-files\nVersion: 12.4\nArchitecture: amd64\n".to_vec(),
        ),
        E::File("var/lib/dpkg/status.d/base.md5sums", b"x  etc/issue\n".to_vec()),
        E::File(
            "usr/lib/python3.11/site-packages/attrs-23.1.0.egg-info",
            b"Metadata-Version: 1.1\nName: attrs\nVersion: 23.1.0\nLicense: MIT\n".to_vec(),
        ),
        E::File(
            "usr/lib/python3.11/site-packages/six-1.16.0.egg-info/PKG-INFO",
            b"Metadata-Version: 1.1\nName: six\nVersion: 1.16.0\n".to_vec(),
        ),
        E::File(
            "usr/lib/ruby/gems/3.1.0/specifications/rake-13.0.6.gemspec",
            b"Gem::Specification.new do |s|\n  s.name = \"rake\".freeze\n  s.version = \"13.0.6\"\n  s.licenses = [\"MIT\".freeze]\nend\n".to_vec(),
        ),
        E::File("srv/app.jar", outer),
        E::File(
            "srv/rust/Cargo.lock",
            b"version = 3\n\n[[package]]\nname = \"libc\"\nversion = \"0.2.150\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n".to_vec(),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("layout");
    oci_layout(&l, &[layer], Comp::Zstd);
    let scan = scan_image(l.to_str().unwrap(), &ScanOptions::default()).unwrap();
    let got: Vec<(String, &str, &str, &str)> = scan
        .packages
        .iter()
        .map(|p| {
            (
                p.ecosystem.to_string(),
                p.name.as_str(),
                p.version.as_str(),
                p.locations[0].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "deb".into(),
                "base-files",
                "12.4",
                "/var/lib/dpkg/status.d/base"
            ),
            (
                "pypi".into(),
                "attrs",
                "23.1.0",
                "/usr/lib/python3.11/site-packages/attrs-23.1.0.egg-info"
            ),
            (
                "pypi".into(),
                "six",
                "1.16.0",
                "/usr/lib/python3.11/site-packages/six-1.16.0.egg-info/PKG-INFO"
            ),
            ("cargo".into(), "libc", "0.2.150", "/srv/rust/Cargo.lock"),
            (
                "maven".into(),
                "org.inner:inner",
                "2.0",
                "/srv/app.jar!/BOOT-INF/lib/inner-2.0.jar"
            ),
            ("maven".into(), "org.outer:outer", "1.0", "/srv/app.jar"),
            (
                "gem".into(),
                "rake",
                "13.0.6",
                "/usr/lib/ruby/gems/3.1.0/specifications/rake-13.0.6.gemspec"
            ),
        ]
    );
    let attrs = scan.packages.iter().find(|p| p.name == "attrs").unwrap();
    assert_eq!(attrs.licenses, vec!["MIT"]);
}

#[test]
fn alpine_image() {
    let layer = layer_tar(&[
        E::File("etc/alpine-release", b"3.20.3\n".to_vec()),
        E::File(
            "lib/apk/db/installed",
            b"C:Q1\nP:musl\nV:1.2.5-r0\no:musl\nL:MIT\nF:lib\nR:ld-musl-x86_64.so.1\n\nP:py3-six\nV:1.16.0-r9\no:py3-six\nL:MIT\nF:usr/lib/python3.12/site-packages/six-1.16.0.dist-info\nR:METADATA\n\n".to_vec(),
        ),
        E::File(
            "usr/lib/python3.12/site-packages/six-1.16.0.dist-info/METADATA",
            b"Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\n".to_vec(),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("layout");
    oci_layout(&l, &[layer], Comp::Gzip);
    let scan = scan_image(l.to_str().unwrap(), &ScanOptions::default()).unwrap();
    let os = scan.os.unwrap();
    assert_eq!((os.id.as_str(), os.version.as_str()), ("alpine", "3.20.3"));
    let got: Vec<_> = scan
        .packages
        .iter()
        .map(|p| (p.name.as_str(), p.ecosystem))
        .collect();
    assert_eq!(
        got,
        vec![("musl", Ecosystem::Apk), ("py3-six", Ecosystem::Apk)],
        "six is owned by py3-six"
    );
    assert_eq!(
        bulkhead_image::purl(&scan.packages[0])
            .split('?')
            .next()
            .unwrap(),
        "pkg:apk/alpine/musl@1.2.5-r0"
    );
}

#[test]
fn visitor_bytes_are_kept_per_key() {
    let dir = tempfile::tempdir().unwrap();
    let cache = bulkhead_image::LayerCache::new(dir.path(), 1 << 20);
    let id = format!("sha256:{:064x}", 7);
    cache.put_extra(&id, "audit v1", b"collected");
    assert_eq!(
        cache.get_extra(&id, "audit v1").as_deref(),
        Some(&b"collected"[..])
    );
    // Another key (other settings, other rules) never sees them; nor another layer.
    assert_eq!(cache.get_extra(&id, "audit v2"), None);
    assert_eq!(
        cache.get_extra(&format!("sha256:{:064x}", 8), "audit v1"),
        None
    );
    // A file that does not start with its key's digest is a miss, not data.
    for e in std::fs::read_dir(
        dir.path()
            .join("layers")
            .join(format!("v{}", bulkhead_image::ANALYZER_VERSION)),
    )
    .unwrap()
    {
        std::fs::write(e.unwrap().path(), b"torn").unwrap();
    }
    assert_eq!(cache.get_extra(&id, "audit v1"), None);
}
