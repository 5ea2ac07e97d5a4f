//! The HTTPS server of the webhook: `POST /validate`, `POST /mutate`, `GET /healthz`,
//! `/readyz`, `/metrics`. HTTPS only (a plain-HTTP client gets a plain `400` saying so);
//! bodies bounded; slow clients cut off (TLS handshake, header and body timeouts, a bound on
//! open connections); the certificate and key re-read when their files change, for new
//! handshakes, without touching open connections.
//!
//! Owns: the tokio accept loop, rustls with the ring provider, hyper HTTP/1.1 connections,
//! routing and HTTP status codes. Decisions are [`crate::Engine::review`]'s.

use crate::engine::{Endpoint, Engine};
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use std::future::Future;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

/// Largest request body accepted (an AdmissionReview of an UPDATE carries two objects of up
/// to 1.5 MiB each).
pub const MAX_BODY: usize = 3 * 1024 * 1024;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    pub cert: PathBuf,
    pub key: PathBuf,
    /// Time allowed for the TLS handshake, the request head and the body, each.
    pub client_timeout: Duration,
    /// How often the certificate files are checked for changes.
    pub reload_interval: Duration,
    /// Most connections open at once; more wait in the kernel's backlog.
    pub max_connections: usize,
}

impl ServerConfig {
    /// Defaults: 10 s client timeouts, reload check every second, 4096 connections.
    pub fn new(listen: SocketAddr, cert: PathBuf, key: PathBuf) -> ServerConfig {
        ServerConfig {
            listen,
            cert,
            key,
            client_timeout: Duration::from_secs(10),
            reload_interval: Duration::from_secs(1),
            max_connections: 4096,
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("{path}: {message}")]
    Tls { path: PathBuf, message: String },
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
}

/// Read a certificate chain and private key (PEM) into a rustls key.
pub fn load_certified_key(cert: &Path, key: &Path) -> Result<CertifiedKey, ServerError> {
    let tls = |path: &Path, message: String| ServerError::Tls {
        path: path.to_path_buf(),
        message,
    };
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .map_err(|e| tls(cert, format!("cannot read certificate: {e}")))?
        .collect::<Result<_, _>>()
        .map_err(|e| tls(cert, format!("invalid certificate PEM: {e}")))?;
    if certs.is_empty() {
        return Err(tls(cert, "no CERTIFICATE block found".into()));
    }
    let k = PrivateKeyDer::from_pem_file(key)
        .map_err(|e| tls(key, format!("cannot read private key: {e}")))?;
    let provider = rustls::crypto::ring::default_provider();
    let signing = provider
        .key_provider
        .load_private_key(k)
        .map_err(|e| tls(key, format!("unsupported private key: {e}")))?;
    let ck = CertifiedKey::new(certs, signing);
    ck.keys_match()
        .map_err(|e| tls(key, format!("key does not match the certificate: {e}")))?;
    Ok(ck)
}

/// The current certificate, swapped when its files change.
#[derive(Debug)]
struct Reloading {
    current: RwLock<Arc<CertifiedKey>>,
}

impl ResolvesServerCert for Reloading {
    fn resolve(&self, _: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        self.current.read().ok().map(|c| c.clone())
    }
}

fn stamp(p: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(p).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// Serve until `shutdown` completes. Returns when the listener is closed (open connections
/// finish on their own tasks).
pub async fn serve(
    engine: Arc<Engine>,
    cfg: ServerConfig,
    shutdown: impl Future<Output = ()>,
) -> Result<(), ServerError> {
    let listener = TcpListener::bind(cfg.listen)
        .await
        .map_err(|source| ServerError::Listen {
            addr: cfg.listen,
            source,
        })?;
    serve_on(engine, cfg, listener, shutdown).await
}

/// Serve on a runtime of `threads` worker threads (0: one per core; 1: tokio's current-thread
/// runtime) until SIGINT or SIGTERM.
/// For the binary, which stays synchronous.
pub fn run_blocking(
    engine: Arc<Engine>,
    cfg: ServerConfig,
    threads: usize,
) -> Result<(), ServerError> {
    // One thread: tokio's current-thread scheduler (no work stealing, no cross-thread wake-ups:
    // the least CPU per review and the steadiest latency on a CPU of its own).
    let mut b = if threads == 1 {
        tokio::runtime::Builder::new_current_thread()
    } else {
        tokio::runtime::Builder::new_multi_thread()
    };
    if threads > 1 {
        b.worker_threads(threads);
    }
    let rt = b
        .enable_all()
        .build()
        .map_err(|source| ServerError::Listen {
            addr: cfg.listen,
            source,
        })?;
    rt.block_on(async move {
        let stop = async {
            let mut term =
                match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                    Ok(t) => t,
                    Err(_) => {
                        let _ = tokio::signal::ctrl_c().await;
                        return;
                    }
                };
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {},
                _ = term.recv() => {},
            }
        };
        serve(engine, cfg, stop).await
    })
}

/// [`serve`] on an already bound listener (tests bind port 0 and read the address).
pub async fn serve_on(
    engine: Arc<Engine>,
    cfg: ServerConfig,
    listener: TcpListener,
    shutdown: impl Future<Output = ()>,
) -> Result<(), ServerError> {
    let ck = load_certified_key(&cfg.cert, &cfg.key)?;
    let resolver = Arc::new(Reloading {
        current: RwLock::new(Arc::new(ck)),
    });
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ServerError::Tls {
            path: cfg.cert.clone(),
            message: e.to_string(),
        })?
        .with_no_client_auth()
        .with_cert_resolver(resolver.clone());
    tls.alpn_protocols = vec![b"http/1.1".to_vec()];
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(tls));

    // certificate rotation (cert-manager writes new files): poll size and mtime
    let reload = {
        let (cert, key, every) = (cfg.cert.clone(), cfg.key.clone(), cfg.reload_interval);
        let resolver = resolver.clone();
        tokio::spawn(async move {
            let mut last = (stamp(&cert), stamp(&key));
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                let now = (stamp(&cert), stamp(&key));
                if now == last {
                    continue;
                }
                // a half-written pair fails to load or to match: keep the old one and retry
                if let Ok(ck) = load_certified_key(&cert, &key)
                    && let Ok(mut cur) = resolver.current.write()
                {
                    *cur = Arc::new(ck);
                    last = now;
                }
            }
        })
    };

    let limit = Arc::new(Semaphore::new(cfg.max_connections.max(1)));
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            _ = &mut shutdown => break,
            p = limit.clone().acquire_owned() => match p { Ok(p) => p, Err(_) => break },
        };
        let (stream, _) = tokio::select! {
            _ = &mut shutdown => break,
            r = listener.accept() => match r {
                Ok(x) => x,
                Err(_) => {
                    // EMFILE and friends: back off instead of spinning
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let acceptor = acceptor.clone();
        let engine = engine.clone();
        let timeout = cfg.client_timeout;
        tokio::spawn(async move {
            let _permit = permit;
            connection(stream, acceptor, engine, timeout).await;
        });
    }
    reload.abort();
    Ok(())
}

async fn connection(
    stream: TcpStream,
    acceptor: tokio_rustls::TlsAcceptor,
    engine: Arc<Engine>,
    timeout: Duration,
) {
    // A TLS connection starts with a handshake record (0x16); anything else is a plain-HTTP
    // (or other) client, which gets a readable refusal instead of a TLS alert.
    let mut first = [0u8; 1];
    match tokio::time::timeout(timeout, stream.peek(&mut first)).await {
        Ok(Ok(1)) => {}
        _ => return,
    }
    if first[0] != 0x16 {
        engine
            .metrics
            .http_errors
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut s = stream;
        let msg = "this webhook speaks HTTPS only\n";
        let resp = format!(
            "HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{msg}",
            msg.len()
        );
        let _ = tokio::time::timeout(timeout, s.write_all(resp.as_bytes())).await;
        let _ = s.shutdown().await;
        return;
    }
    let tls = match tokio::time::timeout(timeout, acceptor.accept(stream)).await {
        Ok(Ok(t)) => t,
        _ => return,
    };
    let svc = hyper::service::service_fn(move |req| {
        let engine = engine.clone();
        async move { Ok::<_, std::convert::Infallible>(route(req, engine, timeout).await) }
    });
    let mut b = hyper::server::conn::http1::Builder::new();
    b.timer(TokioTimer::new())
        .header_read_timeout(timeout)
        .max_buf_size(64 * 1024);
    let _ = b.serve_connection(TokioIo::new(tls), svc).await;
}

fn text(status: StatusCode, body: impl Into<Bytes>, ctype: &'static str) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(body.into()));
    *r.status_mut() = status;
    r.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static(ctype),
    );
    r
}

async fn route(
    req: Request<Incoming>,
    engine: Arc<Engine>,
    timeout: Duration,
) -> Response<Full<Bytes>> {
    let err = |status: StatusCode, msg: String| {
        engine
            .metrics
            .http_errors
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        text(status, format!("{msg}\n"), "text/plain; charset=utf-8")
    };
    let endpoint = match (req.method(), req.uri().path()) {
        (&Method::GET, "/healthz") | (&Method::GET, "/readyz") => {
            return text(StatusCode::OK, "ok\n", "text/plain; charset=utf-8");
        }
        (&Method::GET, "/metrics") => {
            let body = engine
                .metrics
                .render(&engine.supply.stats, engine.supply.cache_sizes());
            return text(StatusCode::OK, body, "text/plain; version=0.0.4");
        }
        (&Method::POST, "/validate") => Endpoint::Validate,
        (&Method::POST, "/mutate") => Endpoint::Mutate,
        (_, "/validate" | "/mutate") => {
            return err(StatusCode::METHOD_NOT_ALLOWED, "use POST".into());
        }
        (_, p) => return err(StatusCode::NOT_FOUND, format!("no such endpoint: {p}")),
    };
    // Read the body whole, up to the limit. Past the limit, go on reading (and discarding) up
    // to 8 times the limit so that the client, still writing, reads the 413 instead of a reset.
    let mut body = req.into_body();
    let mut buf: Vec<u8> = Vec::new();
    let mut total: usize = 0;
    let read = async {
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| format!("cannot read body: {e}"))?;
            if let Ok(data) = frame.into_data() {
                total += data.len();
                if total <= MAX_BODY {
                    buf.extend_from_slice(&data);
                } else if total > 8 * MAX_BODY {
                    break;
                }
            }
        }
        Ok::<(), String>(())
    };
    match tokio::time::timeout(timeout, read).await {
        Err(_) => return err(StatusCode::REQUEST_TIMEOUT, "request body too slow".into()),
        Ok(Err(e)) => return err(StatusCode::BAD_REQUEST, e),
        Ok(Ok(())) => {}
    }
    if total > MAX_BODY {
        return err(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body of {total}+ bytes is over the {MAX_BODY}-byte limit"),
        );
    }
    let bytes = Bytes::from(buf);
    // A review that may wait on a registry runs off the I/O threads, unless the caches
    // answer it (the usual case: verdicts are cached by digest).
    let result = if engine.may_block() {
        match engine.review_cached(&bytes, endpoint) {
            Some(r) => r,
            None => {
                let e = engine.clone();
                match tokio::task::spawn_blocking(move || e.review(&bytes, endpoint)).await {
                    Ok(r) => r,
                    Err(_) => {
                        return err(StatusCode::INTERNAL_SERVER_ERROR, "review failed".into());
                    }
                }
            }
        }
    } else {
        engine.review(&bytes, endpoint)
    };
    match result {
        Ok(r) => text(StatusCode::OK, r.body, "application/json"),
        Err(e) => {
            // the engine counted it; do not count twice
            text(
                StatusCode::BAD_REQUEST,
                format!("{e}\n"),
                "text/plain; charset=utf-8",
            )
        }
    }
}
