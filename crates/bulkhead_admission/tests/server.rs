//! The real HTTPS server on 127.0.0.1 with real TLS clients (a hyper client over rustls, and
//! `curl --cacert`): every PSS fixture's verdict through `/validate`, the other endpoints,
//! bad input (malformed JSON, a 3 MiB object, another kind, plain HTTP, slowloris) answered
//! with a clear 4xx while the server keeps serving, and certificate rotation without dropping
//! an open connection. Certificates are made by `openssl`.

mod support;

use bulkhead_admission::server::{ServerConfig, serve_on};
use bulkhead_admission::{Engine, Policy};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;
use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A CA and a server certificate for 127.0.0.1/localhost signed by it, written under `dir`
/// with `prefix`.
fn make_certs(dir: &Path, prefix: &str) -> (PathBuf, PathBuf, PathBuf) {
    let p = |s: &str| dir.join(format!("{prefix}{s}"));
    let run = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().unwrap();
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let s = |p: &PathBuf| p.to_str().unwrap().to_string();
    run(&[
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        &s(&p("ca.key")),
        "-out",
        &s(&p("ca.crt")),
        "-days",
        "2",
        "-subj",
        &format!("/CN={prefix}test-ca"),
    ]);
    run(&[
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        &s(&p("server.key")),
        "-out",
        &s(&p("server.csr")),
        "-subj",
        "/CN=localhost",
    ]);
    std::fs::write(p("ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n").unwrap();
    run(&[
        "x509",
        "-req",
        "-in",
        &s(&p("server.csr")),
        "-CA",
        &s(&p("ca.crt")),
        "-CAkey",
        &s(&p("ca.key")),
        "-CAcreateserial",
        "-out",
        &s(&p("server.crt")),
        "-days",
        "2",
        "-extfile",
        &s(&p("ext.cnf")),
    ]);
    (p("ca.crt"), p("server.crt"), p("server.key"))
}

fn client_config(ca: &Path) -> Arc<rustls::ClientConfig> {
    use rustls_pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    for c in rustls_pki_types::CertificateDer::pem_file_iter(ca).unwrap() {
        roots.add(c.unwrap()).unwrap();
    }
    Arc::new(
        rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth(),
    )
}

type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

async fn connect(addr: SocketAddr, tls: Arc<rustls::ClientConfig>) -> std::io::Result<Sender> {
    let tcp = tokio::net::TcpStream::connect(addr).await?;
    let name = rustls_pki_types::ServerName::try_from("localhost").unwrap();
    let stream = tokio_rustls::TlsConnector::from(tls)
        .connect(name, tcp)
        .await?;
    let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(std::io::Error::other)?;
    tokio::spawn(conn);
    Ok(sender)
}

async fn send(s: &mut Sender, method: &str, path: &str, body: Vec<u8>) -> (u16, Vec<u8>) {
    let req = hyper::Request::builder()
        .method(method)
        .uri(path)
        .header("host", "localhost")
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(body)))
        .unwrap();
    s.ready().await.unwrap();
    let resp = s.send_request(req).await.unwrap();
    let status = resp.status().as_u16();
    let body = resp
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, body)
}

struct Server {
    addr: SocketAddr,
    dir: tempfile::TempDir,
    ca: PathBuf,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    engine: Arc<Engine>,
}

async fn start(cfg_text: &str) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let (ca, cert, key) = make_certs(dir.path(), "a-");
    // the server reads fixed paths, which rotation overwrites
    let (live_cert, live_key) = (dir.path().join("tls.crt"), dir.path().join("tls.key"));
    std::fs::copy(&cert, &live_cert).unwrap();
    std::fs::copy(&key, &live_key).unwrap();
    let c = bulkhead_config::parse(Path::new("bulkhead.toml"), cfg_text).unwrap();
    let engine = Arc::new(Engine::new(
        Policy::from_config(&c.admission, Path::new(".")).unwrap(),
    ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut sc = ServerConfig::new(addr, live_cert, live_key);
    sc.client_timeout = Duration::from_secs(2);
    sc.reload_interval = Duration::from_millis(100);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let e = engine.clone();
    tokio::spawn(async move {
        serve_on(e, sc, listener, async {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    Server {
        addr,
        dir,
        ca,
        stop: Some(tx),
        engine,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fixtures_through_https_give_their_verdicts() {
    let Some(shared) = shared() else { return };
    if tool("openssl").is_none() {
        return;
    }
    let fixtures = fixtures(&shared);
    let srv = start(&fixture_config(&fixtures)).await;
    let tls = client_config(&srv.ca);
    // four keep-alive connections, each taking every fourth fixture
    let fixtures = Arc::new(fixtures);
    let mut tasks = Vec::new();
    for lane in 0..4usize {
        let (addr, tls, fixtures) = (srv.addr, tls.clone(), fixtures.clone());
        tasks.push(tokio::spawn(async move {
            let mut s = connect(addr, tls).await.unwrap();
            let mut wrong = Vec::new();
            for (i, f) in fixtures.iter().enumerate().skip(lane).step_by(4) {
                let (ns, _) = fixture_namespace(&f.level, &f.version, "enforce");
                let body =
                    serde_json::to_vec(&create_review(&format!("u{i}"), &ns, &f.pod)).unwrap();
                let (status, out) = send(&mut s, "POST", "/validate", body).await;
                let v: Value = serde_json::from_slice(&out).unwrap();
                if status != 200
                    || v["response"]["allowed"].as_bool() != Some(f.pass)
                    || v["response"]["uid"] != format!("u{i}")
                {
                    wrong.push(f.rel.clone());
                }
            }
            wrong
        }));
    }
    let mut wrong = Vec::new();
    for t in tasks {
        wrong.extend(t.await.unwrap());
    }
    assert!(wrong.is_empty(), "wrong verdicts over HTTPS: {wrong:?}");
    let denied = fixtures.iter().filter(|f| !f.pass).count() as u64;
    assert_eq!(
        srv.engine
            .metrics
            .count(bulkhead_admission::Verdict::Denied),
        denied
    );

    // curl, a second real TLS client, on one fixture of each verdict and on /metrics
    if tool("curl").is_some() {
        for f in [
            fixtures.iter().find(|f| f.pass).unwrap(),
            fixtures.iter().find(|f| !f.pass).unwrap(),
        ] {
            let (ns, _) = fixture_namespace(&f.level, &f.version, "enforce");
            let file = srv.dir.path().join("review.json");
            std::fs::write(
                &file,
                serde_json::to_vec(&create_review("curl-1", &ns, &f.pod)).unwrap(),
            )
            .unwrap();
            let out = Command::new("curl")
                .args([
                    "-sS",
                    "--fail",
                    "--cacert",
                    srv.ca.to_str().unwrap(),
                    "-H",
                    "content-type: application/json",
                    "--data-binary",
                    &format!("@{}", file.display()),
                    &format!("https://localhost:{}/validate", srv.addr.port()),
                ])
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(v["apiVersion"], "admission.k8s.io/v1");
            assert_eq!(v["kind"], "AdmissionReview");
            assert_eq!(v["response"]["uid"], "curl-1");
            assert_eq!(
                v["response"]["allowed"].as_bool(),
                Some(f.pass),
                "{}",
                f.rel
            );
        }
        let out = Command::new("curl")
            .args([
                "-sS",
                "--fail",
                "--cacert",
                srv.ca.to_str().unwrap(),
                &format!("https://localhost:{}/metrics", srv.addr.port()),
            ])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains(&format!(
                "bulkhead_admission_reviews_total{{verdict=\"denied\"}} {}",
                denied + 1
            )),
            "{text}"
        );
        assert!(
            text.contains("bulkhead_admission_review_duration_seconds_bucket{le=\"+Inf\"}"),
            "{text}"
        );
        assert!(
            text.contains(
                "bulkhead_admission_cache_requests_total{cache=\"signature\",result=\"hit\"} 0"
            ),
            "{text}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_a_clear_4xx_and_the_server_keeps_serving() {
    if tool("openssl").is_none() {
        return;
    }
    let mut srv = start("[admission.pss]\nenforce = \"restricted\"\n").await;
    let tls = client_config(&srv.ca);
    let mut s = connect(srv.addr, tls.clone()).await.unwrap();
    let good = serde_json::to_vec(&create_review(
        "ok",
        "default",
        &serde_json::json!({
        "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
        "spec": {"containers": [{"name": "c", "image": "nginx"}]}}),
    ))
    .unwrap();

    let (st, body) = send(&mut s, "POST", "/validate", b"{not json".to_vec()).await;
    assert_eq!(st, 400);
    assert!(
        String::from_utf8_lossy(&body).starts_with("malformed AdmissionReview: "),
        "{}",
        String::from_utf8_lossy(&body)
    );

    let (st, body) = send(
        &mut s,
        "POST",
        "/validate",
        br#"{"apiVersion":"v1","kind":"Pod"}"#.to_vec(),
    )
    .await;
    assert_eq!(st, 400);
    assert_eq!(
        String::from_utf8_lossy(&body),
        "expected kind AdmissionReview with apiVersion admission.k8s.io/v1 or v1beta1, got kind `Pod` apiVersion `v1`\n"
    );

    let (st, body) = send(
        &mut s,
        "POST",
        "/validate",
        br#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}"#.to_vec(),
    )
    .await;
    assert_eq!(
        (st, String::from_utf8_lossy(&body).into_owned()),
        (400, "AdmissionReview has no request\n".into())
    );

    let (st, _) = send(&mut s, "GET", "/validate", Vec::new()).await;
    assert_eq!(st, 405);
    let (st, _) = send(&mut s, "GET", "/nope", Vec::new()).await;
    assert_eq!(st, 404);
    let (st, body) = send(&mut s, "GET", "/healthz", Vec::new()).await;
    assert_eq!((st, body.as_slice()), (200, b"ok\n".as_slice()));
    let (st, _) = send(&mut s, "GET", "/readyz", Vec::new()).await;
    assert_eq!(st, 200);

    // a 3 MiB object
    let big = serde_json::to_vec(&create_review("big", "default", &serde_json::json!({
        "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "annotations": {"x": "a".repeat(3 << 20)}},
        "spec": {"containers": [{"name": "c", "image": "nginx"}]}}))).unwrap();
    let mut s2 = connect(srv.addr, tls.clone()).await.unwrap();
    let (st, body) = send(&mut s2, "POST", "/validate", big).await;
    assert_eq!(st, 413);
    assert!(String::from_utf8_lossy(&body).contains("over the 3145728-byte limit"));

    // a plain-HTTP client
    let mut raw = tokio::net::TcpStream::connect(srv.addr).await.unwrap();
    raw.write_all(b"POST /validate HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\n\r\n{}")
        .await
        .unwrap();
    let mut reply = String::new();
    raw.read_to_string(&mut reply).await.unwrap();
    assert!(reply.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{reply}");
    assert!(
        reply.ends_with("this webhook speaks HTTPS only\n"),
        "{reply}"
    );

    // slowloris: connections that never finish their TLS handshake or their request head
    let mut slow = Vec::new();
    for _ in 0..20 {
        let mut t = tokio::net::TcpStream::connect(srv.addr).await.unwrap();
        t.write_all(&[0x16, 0x03, 0x01]).await.unwrap(); // the start of a ClientHello, then nothing
        slow.push(t);
    }
    let tcp = tokio::net::TcpStream::connect(srv.addr).await.unwrap();
    let name = rustls_pki_types::ServerName::try_from("localhost").unwrap();
    let mut head_only = tokio_rustls::TlsConnector::from(tls.clone())
        .connect(name, tcp)
        .await
        .unwrap();
    head_only
        .write_all(b"POST /validate HTTP/1.1\r\nhost: x\r\n")
        .await
        .unwrap();
    // others are still served meanwhile
    let mut s3 = connect(srv.addr, tls.clone()).await.unwrap();
    let (st, body) = send(&mut s3, "POST", "/validate", good.clone()).await;
    assert_eq!(st, 200);
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["response"]["allowed"], false);
    // and the slow ones are closed by the server (the client timeout is 2 s here)
    for mut t in slow {
        let mut buf = [0u8; 64];
        let n = tokio::time::timeout(Duration::from_secs(30), t.read(&mut buf))
            .await
            .expect("slow connection not closed");
        assert!(matches!(n, Ok(0) | Err(_)), "{n:?}");
    }
    let mut buf = Vec::new();
    let r = tokio::time::timeout(Duration::from_secs(30), head_only.read_to_end(&mut buf))
        .await
        .expect("slow head not cut");
    let got = String::from_utf8_lossy(&buf);
    assert!(
        r.is_err() || buf.is_empty() || got.starts_with("HTTP/1.1 408"),
        "{got}"
    );

    // and new clients are served after all of that (idle keep-alive connections, like the
    // slow ones, were closed after the 2 s client timeout)
    let mut s4 = connect(srv.addr, tls.clone()).await.unwrap();
    let (st, _) = send(&mut s4, "POST", "/validate", good).await;
    assert_eq!(st, 200);
    srv.stop.take().unwrap().send(()).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn certificate_rotation_keeps_open_connections() {
    if tool("openssl").is_none() {
        return;
    }
    let srv = start("").await;
    let mut open = connect(srv.addr, client_config(&srv.ca)).await.unwrap();
    let (st, _) = send(&mut open, "GET", "/healthz", Vec::new()).await;
    assert_eq!(st, 200);
    // rotate to a certificate of another CA, as cert-manager writes it
    let (ca2, cert2, key2) = make_certs(srv.dir.path(), "b-");
    std::fs::write(
        srv.dir.path().join("tls.key.new"),
        std::fs::read(&key2).unwrap(),
    )
    .unwrap();
    std::fs::write(
        srv.dir.path().join("tls.crt.new"),
        std::fs::read(&cert2).unwrap(),
    )
    .unwrap();
    std::fs::rename(
        srv.dir.path().join("tls.key.new"),
        srv.dir.path().join("tls.key"),
    )
    .unwrap();
    std::fs::rename(
        srv.dir.path().join("tls.crt.new"),
        srv.dir.path().join("tls.crt"),
    )
    .unwrap();
    let new_tls = client_config(&ca2);
    let mut rotated = false;
    for _ in 0..300 {
        if let Ok(mut s) = connect(srv.addr, new_tls.clone()).await {
            let (st, _) = send(&mut s, "GET", "/healthz", Vec::new()).await;
            assert_eq!(st, 200);
            rotated = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(rotated, "the new certificate was never served");
    // new clients trusting only the old CA are refused now
    // (a fresh client config: the old one would resume its TLS session without a certificate)
    assert!(connect(srv.addr, client_config(&srv.ca)).await.is_err());
    // the connection opened before the rotation is still served
    let (st, _) = send(&mut open, "GET", "/healthz", Vec::new()).await;
    assert_eq!(st, 200);
}

/// `serve --threads 1` runs the server on tokio's current-thread runtime: the same answers
/// there, with many connections in flight on the one thread.
#[tokio::test(flavor = "current_thread")]
async fn the_one_thread_runtime_answers_concurrent_connections() {
    if tool("openssl").is_none() {
        return;
    }
    let srv = start("[admission.pss]\nenforce = \"restricted\"\n").await;
    let tls = client_config(&srv.ca);
    let pod = serde_json::json!({
        "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
        "spec": {"containers": [{"name": "c", "image": "nginx"}]}});
    let mut tasks = Vec::new();
    for lane in 0..8 {
        let (addr, tls, pod) = (srv.addr, tls.clone(), pod.clone());
        tasks.push(tokio::spawn(async move {
            let mut s = connect(addr, tls).await.unwrap();
            for i in 0..10 {
                let uid = format!("l{lane}-{i}");
                let body = serde_json::to_vec(&create_review(&uid, "default", &pod)).unwrap();
                let (st, out) = send(&mut s, "POST", "/validate", body).await;
                assert_eq!(st, 200);
                let v: Value = serde_json::from_slice(&out).unwrap();
                assert_eq!(v["response"]["uid"], uid.as_str());
                assert_eq!(v["response"]["allowed"], false);
                assert_eq!(v["response"]["status"]["code"], 403);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(
        srv.engine
            .metrics
            .count(bulkhead_admission::Verdict::Denied),
        80
    );
}
