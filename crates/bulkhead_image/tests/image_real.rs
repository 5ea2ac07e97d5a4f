//! Real images: a root filesystem of this machine's real files, made into an OCI image by
//! `umoci`, pushed by `skopeo` to Debian's `docker-registry` on 127.0.0.1 (anonymous and
//! htpasswd basic auth), read back through every source, and cross-checked with
//! `dpkg-query` and `rpm -qa` on the same databases.

mod support;

use bulkhead_image::{Scan, ScanOptions, scan_image};
use bulkhead_pkg::Ecosystem;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use support::real::*;

struct Fixture {
    layout: PathBuf,
    rootfs: Rootfs,
}

fn fixture() -> Option<&'static Fixture> {
    static F: OnceLock<Option<Fixture>> = OnceLock::new();
    F.get_or_init(|| {
        if skip_without(&["umoci"]) {
            return None;
        }
        let tmp = support::scratch::scratch_dir("image-real");
        let rootfs = build_rootfs(&tmp.join("rootfs"));
        let layout = tmp.join("layout");
        let jar = rootfs.jars.first().cloned();
        umoci_image(&layout, "latest", &rootfs.dir, |bundle_root| {
            // Second layer: delete one jar (a whiteout) and add a Cargo.lock.
            if let Some(j) = &jar {
                std::fs::remove_file(bundle_root.join("opt/app/lib").join(j)).unwrap();
            }
            std::fs::write(
                bundle_root.join("opt/Cargo.lock"),
                "version = 3\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.200\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n",
            )
            .unwrap();
        });
        Some(Fixture {
            layout,
            rootfs,
        })
    })
    .as_ref()
}

fn names(scan: &Scan, e: Ecosystem) -> BTreeSet<(String, String)> {
    scan.packages
        .iter()
        .filter(|p| p.ecosystem == e)
        .map(|p| (p.name.clone(), p.version.clone()))
        .collect()
}

/// `(name, version)` of every `node_modules/NAME/package.json` and
/// `node_modules/@SCOPE/NAME/package.json` below `dir` (which is a node_modules directory).
fn walk_package_jsons(dir: &std::path::Path, out: &mut BTreeSet<(String, String)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        if !e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let name = e.file_name().to_string_lossy().into_owned();
        let pkg_dirs: Vec<std::path::PathBuf> = if name.starts_with('@') {
            std::fs::read_dir(e.path())
                .map(|r| r.flatten().map(|x| x.path()).collect())
                .unwrap_or_default()
        } else if name.starts_with('.') {
            Vec::new()
        } else {
            vec![e.path()]
        };
        for d in pkg_dirs {
            if let Ok(text) = std::fs::read(d.join("package.json"))
                && let Ok(v) = serde_json::from_slice::<serde_json::Value>(&text)
                && let (Some(n), Some(ver)) = (v["name"].as_str(), v["version"].as_str())
            {
                out.insert((n.to_string(), ver.to_string()));
            }
            walk_package_jsons(&d.join("node_modules"), out);
        }
    }
}

fn check_scan(f: &Fixture, scan: &Scan) {
    // dpkg: exactly what dpkg-query lists as installed on the same database.
    let admindir = f.rootfs.dir.join("var/lib/dpkg");
    let out = support::real::run(
        Command::new("dpkg-query")
            .arg(format!("--admindir={}", admindir.display()))
            .args(["-W", "-f", "${db:Status-Abbrev}\t${Package}\t${Version}\n"]),
    );
    let want: BTreeSet<(String, String)> = out
        .lines()
        .filter(|l| l.starts_with("ii"))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[1].to_string(), f[2].to_string())
        })
        .collect();
    assert!(!want.is_empty());
    assert_eq!(names(scan, Ecosystem::Deb), want);
    let os = scan.os.as_ref().unwrap();
    assert_eq!(os.id, "debian");
    // Licences from the machine-readable copyright files, first licence first.
    let mut with_dep5 = 0;
    for p in scan
        .packages
        .iter()
        .filter(|p| p.ecosystem == Ecosystem::Deb)
    {
        let c = f
            .rootfs
            .dir
            .join("usr/share/doc")
            .join(&p.name)
            .join("copyright");
        let Ok(text) = std::fs::read_to_string(&c) else {
            continue;
        };
        if !text.starts_with("Format:") {
            continue;
        }
        let first = text
            .lines()
            .find_map(|l| l.strip_prefix("License:").map(|v| v.trim().to_string()))
            .filter(|v| !v.is_empty() && v.len() <= 200);
        if let Some(first) = first {
            with_dep5 += 1;
            assert_eq!(p.licenses.first(), Some(&first), "{}", p.name);
        }
    }
    assert!(with_dep5 > 10, "{with_dep5}");
    // Python: the unowned ones, and none of Debian's (dpkg owns their METADATA).
    let py = names(scan, Ecosystem::Pypi);
    for (n, v) in &f.rootfs.python {
        assert!(py.contains(&(n.clone(), v.clone())), "missing pypi {n} {v}");
    }
    assert!(
        scan.packages.iter().all(|p| p.ecosystem != Ecosystem::Pypi
            || !p.locations[0].starts_with("/usr/lib/python3/dist-packages")),
        "dpkg-owned dist-info counted twice"
    );
    // npm: the npm package itself and its bundled dependencies.
    if f.rootfs.has_npm {
        let npm = names(scan, Ecosystem::Npm);
        assert!(npm.iter().any(|(n, _)| n == "npm"));
        // Every package.json directly under a node_modules directory, counted independently.
        let mut want = BTreeSet::new();
        walk_package_jsons(&f.rootfs.dir.join("opt/node/node_modules"), &mut want);
        assert_eq!(npm, want);
    }
    // Java: every copied jar but the one deleted in layer 2 (a whiteout).
    let java_locations: BTreeSet<String> = scan
        .packages
        .iter()
        .filter(|p| p.ecosystem == Ecosystem::Maven)
        .map(|p| p.locations[0].clone())
        .collect();
    for (i, j) in f.rootfs.jars.iter().enumerate() {
        let loc = format!("/opt/app/lib/{j}");
        assert_eq!(java_locations.contains(&loc), i != 0, "{loc}");
    }
    // Go: modules of a real Go binary, and the toolchain.
    if let Some(bin) = &f.rootfs.go_binary {
        let go: Vec<_> = scan
            .packages
            .iter()
            .filter(|p| p.ecosystem == Ecosystem::Golang && p.locations[0] == format!("/{bin}"))
            .collect();
        // Debian builds Go programs in GOPATH mode: the build info names the toolchain only.
        assert!(
            go.iter()
                .any(|p| p.name == "stdlib" && p.version.starts_with("v1.")),
            "{go:?}"
        );
    }
    // rpm: what `rpm -qa` says about the same database.
    assert!(
        f.rootfs.rpm || std::env::var("CI").as_deref() != Ok("true"),
        "rpm/rpmbuild could not build the rpm database under CI=true"
    );
    if f.rootfs.rpm {
        let out = support::real::run(
            Command::new("rpm")
                .arg("--dbpath")
                .arg(f.rootfs.dir.join("var/lib/rpm"))
                .args([
                    "-qa",
                    "--qf",
                    "%{NAME}\t%{EPOCHNUM}:%{VERSION}-%{RELEASE}\n",
                ]),
        );
        let want: BTreeSet<(String, String)> = out
            .lines()
            .map(|l| {
                let (n, v) = l.split_once('\t').unwrap();
                (n.to_string(), v.trim_start_matches("0:").to_string())
            })
            .collect();
        assert_eq!(names(scan, Ecosystem::Rpm), want);
        let hello = scan
            .packages
            .iter()
            .find(|p| p.name == "bulkhead-hello")
            .unwrap();
        assert_eq!(hello.licenses, vec!["MIT"]);
        assert_eq!(hello.source_name.as_deref(), Some("bulkhead-hello"));
        // rpm requires -> provides: hello depends on the package that provides its soname.
        assert_eq!(hello.depends, vec!["libhello.so.1()(64bit)"]);
        let graph = bulkhead_image::sbom::dependency_graph(scan);
        let index = |n: &str| scan.packages.iter().position(|p| p.name == n).unwrap();
        assert_eq!(
            graph[index("bulkhead-hello")],
            vec![index("bulkhead-hello-libs")]
        );
        assert!(graph[index("bulkhead-hello-libs")].is_empty());
    }
    // Layer attribution: the Cargo.lock came with layer 2, dpkg with layer 1.
    assert_eq!(scan.layers.len(), 2);
    let serde = scan.packages.iter().find(|p| p.name == "serde").unwrap();
    assert_eq!(
        serde.layer.as_deref(),
        Some(scan.layers[1].diff_id.as_str())
    );
    let base = scan
        .packages
        .iter()
        .find(|p| p.ecosystem == Ecosystem::Deb)
        .unwrap();
    assert_eq!(base.layer.as_deref(), Some(scan.layers[0].diff_id.as_str()));
}

#[test]
fn umoci_layout_matches_dpkg_query_and_rpm() {
    let Some(f) = fixture() else { return };
    let scan = scan_image(f.layout.to_str().unwrap(), &ScanOptions::default()).unwrap();
    check_scan(f, &scan);
    let fs = bulkhead_image::scan_fs(&f.rootfs.dir, &ScanOptions::default()).unwrap();
    assert_eq!(names(&fs, Ecosystem::Deb), names(&scan, Ecosystem::Deb));
}

#[test]
fn anonymous_registry_pull() {
    let Some(f) = fixture() else { return };
    if skip_without(&["docker-registry", "skopeo"]) {
        return;
    }
    let reg = start_registry(Auth::None);
    let reference = format!("{}/bulkhead/real:latest", reg.addr);
    push(&f.layout, "latest", &reference, None);
    let cache = tempfile::tempdir().unwrap();
    let opts = ScanOptions {
        insecure_registries: vec![reg.addr.clone()],
        cache_dir: Some(cache.path().to_path_buf()),
        ..ScanOptions::default()
    };
    let scan = scan_image(&reference, &opts).unwrap();
    check_scan(f, &scan);
    assert!(scan.manifest_digest.is_some());
    // Docker's names for it: the tag asked for and the digest it resolved to.
    assert_eq!(scan.repo_tags, vec![reference.clone()]);
    assert_eq!(
        scan.repo_digests,
        vec![format!(
            "{}/bulkhead/real@{}",
            reg.addr,
            scan.manifest_digest.as_deref().unwrap()
        )]
    );
    // By digest, warm: nothing is downloaded again.
    let by_digest = format!(
        "{}/bulkhead/real@{}",
        reg.addr,
        scan.manifest_digest.as_deref().unwrap()
    );
    let warm = scan_image(&by_digest, &opts).unwrap();
    assert!(warm.layers.iter().all(|l| l.cached));
    assert_eq!(warm.packages, scan.packages);
    // Without --insecure-registry, TLS is required and the plain-HTTP registry fails.
    let err = scan_image(&reference, &ScanOptions::default()).unwrap_err();
    assert!(err.to_string().contains("registry"), "{err}");
}

#[test]
fn basic_auth_registry_pull() {
    let Some(f) = fixture() else { return };
    if skip_without(&["docker-registry", "skopeo", "htpasswd"]) {
        return;
    }
    let reg = start_registry(Auth::Basic {
        user: "alice".into(),
        password: "s3cret".into(),
    });
    let reference = format!("{}/private/img:v1", reg.addr);
    push(&f.layout, "latest", &reference, Some("alice:s3cret"));
    // No credentials: a clear authentication error.
    let opts = ScanOptions {
        insecure_registries: vec![reg.addr.clone()],
        docker_config_dir: Some(tempfile::tempdir().unwrap().path().to_path_buf()),
        ..ScanOptions::default()
    };
    let err = scan_image(&reference, &opts).unwrap_err();
    assert!(
        matches!(err, bulkhead_image::ImageError::Auth { .. }),
        "{err}"
    );
    // Credentials from config.json (the DOCKER_CONFIG directory).
    let cfg = tempfile::tempdir().unwrap();
    let auth = base64_encode(b"alice:s3cret");
    std::fs::write(
        cfg.path().join("config.json"),
        format!(r#"{{"auths":{{"{}":{{"auth":"{auth}"}}}}}}"#, reg.addr),
    )
    .unwrap();
    let opts = ScanOptions {
        docker_config_dir: Some(cfg.path().to_path_buf()),
        ..opts
    };
    let scan = scan_image(&reference, &opts).unwrap();
    check_scan(f, &scan);
}

fn base64_encode(b: &[u8]) -> String {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in b.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                s.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[test]
fn bearer_token_registry_pull() {
    let Some(f) = fixture() else { return };
    if skip_without(&["docker-registry", "skopeo", "openssl"]) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let tokens = support::token::start(tmp.path(), "token/img");
    let reg = start_registry(Auth::Token {
        realm: tokens.realm.clone(),
        cert: tokens.cert.clone(),
    });
    let reference = format!("{}/token/img:v1", reg.addr);
    push(&f.layout, "latest", &reference, None);
    tokens.requests.lock().unwrap().clear();
    let opts = ScanOptions {
        insecure_registries: vec![reg.addr.clone()],
        docker_config_dir: Some(tmp.path().to_path_buf()),
        ..ScanOptions::default()
    };
    let scan = scan_image(&reference, &opts).unwrap();
    check_scan(f, &scan);
    // One token fetch, with the scope and service from the challenge.
    let reqs = tokens.requests.lock().unwrap().clone();
    assert_eq!(reqs.len(), 1, "{reqs:?}");
    assert!(
        reqs[0].contains("scope=repository%3Atoken%2Fimg%3Apull"),
        "{}",
        reqs[0]
    );
    assert!(reqs[0].contains("service=bulkhead-registry"), "{}", reqs[0]);
}

/// Trivy (offline, SBOM only) on the same image as a docker archive: the same OS, npm and Go
/// packages; for Python, Trivy also lists the dist-info that dpkg owns (Debian's
/// `python3-*` packages), which bulkhead does not count twice. Jars are left out because
/// Trivy needs its Java database (not available offline) to read them.
#[test]
fn trivy_agrees_on_the_same_image() {
    let Some(f) = fixture() else { return };
    if skip_without(&["trivy", "skopeo"]) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("img.tar");
    support::real::run(
        Command::new("skopeo")
            .args(["copy", "--quiet"])
            .arg(format!("oci:{}:latest", f.layout.display()))
            .arg(format!(
                "docker-archive:{}:bulkhead/real:latest",
                archive.display()
            )),
    );
    let out = tmp.path().join("trivy.json");
    let status = Command::new("trivy")
        .args([
            "image",
            "--quiet",
            "--skip-db-update",
            "--skip-java-db-update",
            "--offline-scan",
        ])
        .args([
            "--skip-dirs",
            "/opt/app",
            "--format",
            "cyclonedx",
            "--cache-dir",
        ])
        .arg(tmp.path().join("trivy-cache"))
        .arg("--input")
        .arg(&archive)
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    if !status.success() {
        support::real::skip("trivy could not run offline here");
        return;
    }
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let mut trivy: BTreeSet<(String, String, String)> = BTreeSet::new();
    for c in doc["components"].as_array().unwrap() {
        let Some(purl) = c["purl"].as_str() else {
            continue;
        };
        let ty = purl[4..].split('/').next().unwrap().to_string();
        let path = c["properties"]
            .as_array()
            .and_then(|ps| {
                ps.iter()
                    .find(|p| p["name"] == "aquasecurity:trivy:FilePath")
                    .and_then(|p| p["value"].as_str())
            })
            .unwrap_or("")
            .to_string();
        if ty == "pypi" && path.starts_with("usr/lib/python3/dist-packages/") {
            continue; // owned by dpkg: bulkhead does not count it twice
        }
        if ty == "maven" {
            continue;
        }
        trivy.insert((
            ty,
            c["name"].as_str().unwrap().to_string(),
            c["version"].as_str().unwrap_or("").to_string(),
        ));
    }
    let scan = scan_image(archive.to_str().unwrap(), &ScanOptions::default()).unwrap();
    let ours: BTreeSet<(String, String, String)> = scan
        .packages
        .iter()
        .filter(|p| !matches!(p.ecosystem, Ecosystem::Maven | Ecosystem::Cargo))
        .map(|p| {
            // Trivy keeps the npm scope in the component group.
            let name = match p.ecosystem {
                Ecosystem::Npm => p.name.rsplit('/').next().unwrap().to_string(),
                _ => p.name.clone(),
            };
            (p.ecosystem.purl_type().to_string(), name, p.version.clone())
        })
        .collect();
    // Trivy gives every OS package the purl type of the detected OS: the packages of the rpm
    // database in a Debian image come out as `pkg:deb/...`. Compare them as rpm.
    let rpm: BTreeSet<(String, String)> = names(&scan, Ecosystem::Rpm);
    let trivy: BTreeSet<_> = trivy
        .into_iter()
        .filter(|(ty, _, _)| ty != "cargo")
        .map(|(ty, n, v)| {
            if ty == "deb" && rpm.contains(&(n.clone(), v.clone())) {
                ("rpm".to_string(), n, v)
            } else {
                (ty, n, v)
            }
        })
        .collect();
    assert_eq!(
        trivy.difference(&ours).collect::<Vec<_>>(),
        Vec::<&(String, String, String)>::new(),
        "only Trivy"
    );
    assert_eq!(
        ours.difference(&trivy).collect::<Vec<_>>(),
        Vec::<&(String, String, String)>::new(),
        "only bulkhead"
    );
}

/// TLS is verified by default: a registry with a self-signed certificate is refused, with the
/// reason, and nothing falls back to plain HTTP.
#[test]
fn tls_is_verified() {
    if skip_without(&["docker-registry", "openssl"]) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (cert, key) = (tmp.path().join("cert.pem"), tmp.path().join("key.pem"));
    support::real::run(
        Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=127.0.0.1",
            ])
            .args(["-addext", "subjectAltName=IP:127.0.0.1", "-keyout"])
            .arg(&key)
            .arg("-out")
            .arg(&cert),
    );
    let reg = start_registry(Auth::Tls { cert, key });
    let err = scan_image(&format!("{}/any/img:v1", reg.addr), &ScanOptions::default()).unwrap_err();
    let msg = err.to_string().to_lowercase();
    assert!(
        msg.contains("https://") && (msg.contains("certificate") || msg.contains("issuer")),
        "{msg}"
    );
}
