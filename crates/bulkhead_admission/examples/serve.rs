//! The webhook server alone, for bench/admission.sh when the whole binary is not needed:
//! `serve CONFIG CERT KEY ADDR [THREADS]`. Same code path as `bulkhead admission serve`.

use bulkhead_admission::server::{ServerConfig, run_blocking};
use bulkhead_admission::{Engine, Policy};
use std::path::Path;
use std::sync::Arc;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 5 {
        eprintln!("usage: serve CONFIG CERT KEY ADDR [THREADS]");
        std::process::exit(2);
    }
    let path = Path::new(&a[1]);
    let config = bulkhead_config::load(path).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let base = path.parent().unwrap_or(Path::new("."));
    let policy = Policy::from_config(&config.admission, base).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let cfg = ServerConfig::new(
        a[4].parse().expect("ADDR"),
        a[2].clone().into(),
        a[3].clone().into(),
    );
    let threads = a.get(5).and_then(|t| t.parse().ok()).unwrap_or(0);
    if let Err(e) = run_blocking(Arc::new(Engine::new(policy)), cfg, threads) {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
