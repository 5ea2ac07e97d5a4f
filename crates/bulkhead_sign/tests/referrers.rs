//! The OCI 1.1 referrers API path of `--bundle`, which Debian's docker-registry (distribution
//! 2.8) does not have: a minimal in-memory registry on 127.0.0.1 that implements the parts of
//! the distribution spec signing uses, plus `GET /v2/<name>/referrers/<digest>` computed from
//! the `subject` of stored manifests. Checks that a bundle is found through the API (no
//! fallback tag written) and verifies.

use bulkhead_image::ScanOptions;
use bulkhead_image::registry::{Client, Reference};
use bulkhead_sign::{Layout, PrivateKey, SignOptions, VerifyOptions, sign_image, verify_image};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

#[derive(Default)]
struct Store {
    blobs: HashMap<String, Vec<u8>>,
    manifests: HashMap<String, (String, Vec<u8>)>,
    tags: HashMap<String, String>,
    uploads: HashMap<String, Vec<u8>>,
    requests: Vec<String>,
}

fn sha(b: &[u8]) -> String {
    format!("sha256:{:x}", Sha256::digest(b))
}

fn respond(s: &mut std::net::TcpStream, code: u16, headers: &[(&str, String)], body: &[u8]) {
    let mut head = format!(
        "HTTP/1.1 {code} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = s.write_all(head.as_bytes());
    let _ = s.write_all(body);
}

fn serve(store: Arc<Mutex<Store>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut r = BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            if r.read_line(&mut line).is_err() {
                continue;
            }
            let mut len = 0usize;
            let mut ctype = String::new();
            loop {
                let mut h = String::new();
                if r.read_line(&mut h).is_err() || h == "\r\n" || h.is_empty() {
                    break;
                }
                let (k, v) = h.split_once(':').unwrap_or(("", ""));
                match k.to_ascii_lowercase().as_str() {
                    "content-length" => len = v.trim().parse().unwrap_or(0),
                    "content-type" => ctype = v.trim().to_string(),
                    _ => {}
                }
            }
            let mut body = vec![0u8; len];
            let _ = r.read_exact(&mut body);
            let mut parts = line.split_whitespace();
            let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let (path, query) = target.split_once('?').unwrap_or((target, ""));
            let mut st = store.lock().unwrap();
            st.requests.push(format!("{method} {path}"));
            let p: Vec<&str> = path.trim_start_matches("/v2/").split('/').collect();
            // p = [repo, kind, ref] (single-segment repository names only)
            match (method, p.get(1).copied(), p.get(2).copied()) {
                ("GET" | "HEAD", Some("manifests"), Some(r)) => {
                    let d = st.tags.get(r).cloned().unwrap_or(r.to_string());
                    match st.manifests.get(&d) {
                        Some((mt, b)) => {
                            let b = b.clone();
                            let h = [("Content-Type", mt.clone()), ("Docker-Content-Digest", d)];
                            if method == "HEAD" {
                                let head = format!(
                                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nContent-Type: {}\r\nDocker-Content-Digest: {}\r\nConnection: close\r\n\r\n",
                                    b.len(),
                                    h[0].1,
                                    h[1].1
                                );
                                let _ = s.write_all(head.as_bytes());
                            } else {
                                respond(&mut s, 200, &h, &b);
                            }
                        }
                        None => respond(&mut s, 404, &[], b"{}"),
                    }
                }
                ("PUT", Some("manifests"), Some(r)) => {
                    let d = sha(&body);
                    st.manifests.insert(d.clone(), (ctype.clone(), body));
                    if !r.starts_with("sha256:") {
                        st.tags.insert(r.to_string(), d.clone());
                    }
                    respond(&mut s, 201, &[("Docker-Content-Digest", d)], b"");
                }
                ("GET" | "HEAD", Some("blobs"), Some(d)) if d != "uploads" => {
                    match st.blobs.get(d).cloned() {
                        Some(b) if method == "GET" => respond(&mut s, 200, &[], &b),
                        Some(b) => {
                            let head = format!(
                                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                                b.len()
                            );
                            let _ = s.write_all(head.as_bytes());
                        }
                        None => respond(&mut s, 404, &[], b"{}"),
                    }
                }
                ("POST", Some("blobs"), Some("uploads")) => {
                    let id = format!("u{}", st.uploads.len());
                    st.uploads.insert(id.clone(), Vec::new());
                    respond(
                        &mut s,
                        202,
                        &[("Location", format!("/v2/{}/blobs/uploads/{id}", p[0]))],
                        b"",
                    );
                }
                ("PUT", Some("blobs"), Some("uploads")) => {
                    let id = p.get(3).copied().unwrap_or("");
                    let mut data = st.uploads.remove(id).unwrap_or_default();
                    data.extend_from_slice(&body);
                    let want = query.trim_start_matches("digest=").replace("%3A", ":");
                    if sha(&data) == want {
                        st.blobs.insert(want.clone(), data);
                        respond(&mut s, 201, &[("Docker-Content-Digest", want)], b"");
                    } else {
                        respond(
                            &mut s,
                            400,
                            &[],
                            b"{\"errors\":[{\"code\":\"DIGEST_INVALID\"}]}",
                        );
                    }
                }
                ("GET", Some("referrers"), Some(d)) => {
                    let want_type = query
                        .strip_prefix("artifactType=")
                        .map(|t| t.replace("%2F", "/").replace("%2B", "+"));
                    let mut list = Vec::new();
                    for (digest, (mt, b)) in &st.manifests {
                        let v: serde_json::Value = serde_json::from_slice(b).unwrap_or_default();
                        let at = v["artifactType"].as_str().unwrap_or("").to_string();
                        if v["subject"]["digest"] == *d
                            && want_type.as_ref().is_none_or(|t| *t == at)
                        {
                            list.push(serde_json::json!({
                                "mediaType": mt, "digest": digest, "size": b.len(),
                                "artifactType": at, "annotations": v["annotations"],
                            }));
                        }
                    }
                    let idx = serde_json::to_vec(&serde_json::json!({
                        "schemaVersion": 2,
                        "mediaType": "application/vnd.oci.image.index.v1+json",
                        "manifests": list,
                    }))
                    .unwrap();
                    respond(
                        &mut s,
                        200,
                        &[(
                            "Content-Type",
                            "application/vnd.oci.image.index.v1+json".to_string(),
                        )],
                        &idx,
                    );
                }
                _ => respond(&mut s, 404, &[], b"{}"),
            }
        }
    });
    addr
}

#[test]
fn bundles_go_through_the_referrers_api_when_the_registry_has_one() {
    let store = Arc::new(Mutex::new(Store::default()));
    let addr = serve(store.clone());
    // An image: config blob and manifest.
    let config =
        br#"{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}"#;
    let manifest = serde_json::to_vec(&serde_json::json!({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                   "digest": sha(config), "size": config.len()},
        "layers": [],
    }))
    .unwrap();
    let digest = sha(&manifest);
    {
        let mut st = store.lock().unwrap();
        st.blobs.insert(sha(config), config.to_vec());
        st.manifests.insert(
            digest.clone(),
            (
                "application/vnd.oci.image.manifest.v1+json".into(),
                manifest,
            ),
        );
        st.tags.insert("v1".into(), digest.clone());
    }
    let reference = format!("{addr}/app:v1");
    let client = Client::new(
        &Reference::parse(&reference).unwrap(),
        &ScanOptions {
            insecure_registries: vec![addr.clone()],
            docker_config_dir: Some(std::env::temp_dir().join("bulkhead-no-docker-config")),
            ..ScanOptions::default()
        },
    );
    let key = PrivateKey::generate_p256();
    let out = sign_image(
        &client,
        &reference,
        &key,
        &SignOptions {
            bundle: true,
            ..SignOptions::default()
        },
    )
    .unwrap();
    let (bundle_digest, fallback) = out.bundle.clone().unwrap();
    assert!(!fallback, "the registry has a referrers API");
    {
        let st = store.lock().unwrap();
        assert!(
            !st.tags.contains_key(&digest.replacen(':', "-", 1)),
            "no fallback tag is written when the API exists"
        );
        assert!(st.manifests.contains_key(&bundle_digest));
    }
    // Remove the .sig tag: only the referrer is left; it is found through the API.
    store
        .lock()
        .unwrap()
        .tags
        .remove(&format!("{}.sig", digest.replacen(':', "-", 1)));
    store.lock().unwrap().requests.clear();
    let v = verify_image(
        &client,
        &reference,
        &[key.public_key()],
        &VerifyOptions::default(),
    )
    .unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].layout, Layout::Bundle);
    assert_eq!(v[0].digest, digest);
    let reqs = store.lock().unwrap().requests.clone();
    assert!(
        reqs.iter()
            .any(|r| r == &format!("GET /v2/app/referrers/{digest}")),
        "{reqs:?}"
    );
    // Another key does not verify the bundle.
    let other = PrivateKey::generate_p256();
    let e = verify_image(
        &client,
        &reference,
        &[other.public_key()],
        &VerifyOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("does not verify"), "{e}");
}
