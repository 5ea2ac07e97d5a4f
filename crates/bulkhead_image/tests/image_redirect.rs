//! Blob redirects: a registry that answers blob requests with a redirect to another host (as
//! registries backed by object storage do). The client follows it without sending the
//! registry's `Authorization` to the other host. Both servers are small test servers on
//! 127.0.0.1.

mod support;

use bulkhead_image::{ScanOptions, scan_image};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use support::*;

type Log = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// Serves `handler(path, authorization) -> (status, headers, body)` on a fresh port.
fn serve(
    handler: impl Fn(&str, Option<&str>) -> (u16, Vec<(String, String)>, Vec<u8>) + Send + 'static,
) -> (String, Log) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap().to_string();
    let log: Log = Arc::default();
    let seen = log.clone();
    std::thread::spawn(move || {
        for s in l.incoming().take(200) {
            let Ok(mut s) = s else { continue };
            let mut r = BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            if r.read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
            let mut auth = None;
            loop {
                let mut h = String::new();
                if r.read_line(&mut h).is_err() || h == "\r\n" || h.is_empty() {
                    break;
                }
                if let Some((k, v)) = h.split_once(':')
                    && k.eq_ignore_ascii_case("authorization")
                {
                    auth = Some(v.trim().to_string());
                }
            }
            seen.lock().unwrap().push((path.clone(), auth.clone()));
            let (status, headers, body) = handler(&path, auth.as_deref());
            let mut head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&body);
        }
    });
    (addr, log)
}

#[test]
fn redirected_blobs_get_no_authorization() {
    let dir = tempfile::tempdir().unwrap();
    let layout = dir.path().join("layout");
    let layer = layer_tar(&[
        E::File("etc/os-release", OS_RELEASE.as_bytes().to_vec()),
        E::File("var/lib/dpkg/status", dpkg_status(&[("libc6", "2.36-9")])),
    ]);
    oci_layout(&layout, &[layer], Comp::Gzip);
    let blobs: PathBuf = layout.join("blobs/sha256");
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(layout.join("index.json")).unwrap()).unwrap();
    let manifest_digest = index["manifests"][0]["digest"]
        .as_str()
        .unwrap()
        .to_string();
    let manifest = std::fs::read(blobs.join(&manifest_digest[7..])).unwrap();
    let m: serde_json::Value = serde_json::from_slice(&manifest).unwrap();
    let layer_digest = m["layers"][0]["digest"].as_str().unwrap().to_string();

    let cdn_blobs = blobs.clone();
    let (cdn, cdn_log) = serve(move |path, _| {
        let hex = path.rsplit(':').next().unwrap_or("");
        match std::fs::read(cdn_blobs.join(hex)) {
            Ok(b) => (200, vec![], b),
            Err(_) => (404, vec![], vec![]),
        }
    });
    let reg_blobs = blobs.clone();
    let cdn_addr = cdn.clone();
    let layer_d = layer_digest.clone();
    let (reg, reg_log) = serve(move |path, auth| {
        if auth != Some("Basic Ym9iOnB3") {
            return (
                401,
                vec![("WWW-Authenticate".into(), "Basic realm=\"test\"".into())],
                vec![],
            );
        }
        if path.ends_with("/manifests/v1") {
            return (
                200,
                vec![(
                    "Content-Type".into(),
                    "application/vnd.oci.image.manifest.v1+json".into(),
                )],
                manifest.clone(),
            );
        }
        let digest = path.rsplit('/').next().unwrap_or("");
        if digest == layer_d {
            return (
                307,
                vec![(
                    "Location".into(),
                    format!("http://{cdn_addr}/storage/{digest}"),
                )],
                vec![],
            );
        }
        match std::fs::read(reg_blobs.join(digest.trim_start_matches("sha256:"))) {
            Ok(b) => (200, vec![], b),
            Err(_) => (404, vec![], vec![]),
        }
    });
    let cfg = tempfile::tempdir().unwrap();
    std::fs::write(
        cfg.path().join("config.json"),
        format!(r#"{{"auths":{{"{reg}":{{"username":"bob","password":"pw"}}}}}}"#),
    )
    .unwrap();
    let opts = ScanOptions {
        insecure_registries: vec![reg.clone()],
        docker_config_dir: Some(cfg.path().to_path_buf()),
        ..ScanOptions::default()
    };
    let scan = scan_image(&format!("{reg}/team/app:v1"), &opts).unwrap();
    assert_eq!(scan.packages[0].name, "libc6");
    let cdn_log = cdn_log.lock().unwrap().clone();
    assert_eq!(cdn_log.len(), 1);
    assert_eq!(cdn_log[0].0, format!("/storage/{layer_digest}"));
    assert_eq!(
        cdn_log[0].1, None,
        "Authorization leaked to the redirect host"
    );
    assert!(
        reg_log
            .lock()
            .unwrap()
            .iter()
            .any(|(p, a)| p.ends_with(&layer_digest) && a.is_some())
    );
}
