//! An open-loop load generator for bench/admission.sh: `open_loop ADDR BODY.json RATE CONNS
//! SECS [uniform|poisson]` sends RATE reviews per second in total over CONNS keep-alive HTTPS
//! connections to `https://ADDR/validate` for SECS seconds and prints latency percentiles.
//!
//! Why not `h2load --rps`: it gives every connection its own timer, all started together, so
//! the 100 connections send their requests in synchronised bursts (100 requests every 20 ms at
//! 5,000/s): the latency it reports is mostly the time to drain its own burst. Here arrivals
//! are one schedule for the whole run (evenly spaced, or Poisson: exponential gaps), each
//! arrival handed to the connections in turn; a request's latency runs from its scheduled
//! time (not from when it could be sent), so a server that falls behind is charged for the
//! queue it causes (no coordinated omission). The certificate is not verified (loopback
//! bench against a throw-away certificate).

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use rustls::DigitallySignedStruct;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Accepts any certificate (bench only).
#[derive(Debug)]
struct AnyCert(rustls::crypto::WebPkiSupportedAlgorithms);

impl ServerCertVerifier for AnyCert {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(m, c, d, &self.0)
    }
    fn verify_tls13_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(m, c, d, &self.0)
    }
    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.supported_schemes()
    }
}

fn usage() -> ! {
    eprintln!("usage: open_loop ADDR BODY.json RATE CONNS SECS [uniform|poisson]");
    std::process::exit(2)
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 6 {
        usage();
    }
    let addr: SocketAddr = a[1].parse().unwrap_or_else(|_| usage());
    let body = Bytes::from(std::fs::read(&a[2]).unwrap_or_else(|e| {
        eprintln!("{}: {e}", a[2]);
        std::process::exit(2)
    }));
    let rate: f64 = a[3].parse().unwrap_or_else(|_| usage());
    let conns: usize = a[4].parse().unwrap_or_else(|_| usage());
    let secs: f64 = a[5].parse().unwrap_or_else(|_| usage());
    let poisson = match a.get(6).map(String::as_str) {
        None | Some("uniform") => false,
        Some("poisson") => true,
        Some(_) => usage(),
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(run(addr, body, rate, conns.max(1), secs, poisson));
}

async fn run(addr: SocketAddr, body: Bytes, rate: f64, conns: usize, secs: f64, poisson: bool) {
    let provider = rustls::crypto::ring::default_provider();
    let algs = provider.signature_verification_algorithms;
    let tls = Arc::new(
        rustls::ClientConfig::builder_with_provider(Arc::new(provider))
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AnyCert(algs)))
            .with_no_client_auth(),
    );
    // Every connection up (TLS handshake done) before the schedule starts.
    let mut queues = Vec::with_capacity(conns);
    let mut tasks = Vec::with_capacity(conns);
    for _ in 0..conns {
        let tcp = tokio::net::TcpStream::connect(addr).await.expect("connect");
        let _ = tcp.set_nodelay(true);
        let name = ServerName::try_from("localhost").expect("name");
        let stream = tokio_rustls::TlsConnector::from(tls.clone())
            .connect(name, tcp)
            .await
            .expect("TLS handshake");
        let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .expect("HTTP handshake");
        tokio::spawn(conn);
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Instant>();
        queues.push(tx);
        let body = body.clone();
        tasks.push(tokio::spawn(async move {
            let mut lat: Vec<u32> = Vec::new();
            let mut bad = 0u64;
            while let Some(due) = rx.recv().await {
                let req = hyper::Request::post("/validate")
                    .header("host", "localhost")
                    .header("content-type", "application/json")
                    .body(Full::new(body.clone()))
                    .expect("request");
                let ok = match sender.ready().await {
                    Ok(()) => match sender.send_request(req).await {
                        Ok(resp) => {
                            let status = resp.status();
                            resp.into_body().collect().await.is_ok() && status == 200
                        }
                        Err(_) => false,
                    },
                    Err(_) => false,
                };
                if ok {
                    let us = due.elapsed().as_micros();
                    lat.push(u32::try_from(us).unwrap_or(u32::MAX));
                } else {
                    bad += 1;
                }
            }
            (lat, bad)
        }));
    }
    // The schedule, on its own thread (tokio's timer has a 1 ms resolution: it would send
    // five requests at once every millisecond at 5,000/s).
    let n = (rate * secs) as u64;
    let start = Instant::now() + Duration::from_millis(10);
    let scheduler = std::thread::spawn(move || {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut t = 0.0f64;
        for i in 0..n {
            let gap = if poisson {
                // xorshift64*, then an exponential gap of mean 1/rate
                seed ^= seed >> 12;
                seed ^= seed << 25;
                seed ^= seed >> 27;
                let u =
                    (seed.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64;
                -(1.0 - u).ln() / rate
            } else {
                1.0 / rate
            };
            let due = start + Duration::from_secs_f64(t);
            t += gap;
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
            if queues[(i as usize) % queues.len()].send(due).is_err() {
                break;
            }
        }
        // dropping the senders ends the connection tasks once their queues are empty
    });
    let mut lat: Vec<u32> = Vec::new();
    let mut bad = 0;
    for t in tasks {
        if let Ok((l, b)) = t.await {
            lat.extend(l);
            bad += b;
        }
    }
    let _ = scheduler.join();
    let took = start.elapsed().as_secs_f64();
    lat.sort_unstable();
    if lat.is_empty() {
        println!("no answers ({bad} failed)");
        return;
    }
    let p = |q: f64| lat[((q * lat.len() as f64) as usize).min(lat.len() - 1)] as f64 / 1000.0;
    println!(
        "{} arrivals ({}), {:.0} answered/s, non-200 or failed: {bad}; latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, p99.9 {:.2} ms, max {:.1} ms",
        n,
        if poisson { "poisson" } else { "uniform" },
        lat.len() as f64 / took,
        p(0.5),
        p(0.9),
        p(0.99),
        p(0.999),
        lat[lat.len() - 1] as f64 / 1000.0
    );
}
