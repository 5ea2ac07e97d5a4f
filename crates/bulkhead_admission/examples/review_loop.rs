//! The decision alone, without HTTP or TLS, for profiling (`valgrind --tool=callgrind`) and
//! for bench/admission.sh's CPU-per-decision figure: `review_loop CONFIG REVIEW.json N`
//! reviews the same body N times on one thread and prints the mean time per review.

use bulkhead_admission::{Endpoint, Engine, Policy};
use std::path::Path;
use std::time::Instant;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 4 {
        eprintln!("usage: review_loop CONFIG REVIEW.json N");
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
    let body = std::fs::read(&a[2]).unwrap_or_else(|e| {
        eprintln!("{}: {e}", a[2]);
        std::process::exit(2)
    });
    let n: u64 = a[3].parse().unwrap_or(1000);
    let engine = Engine::new(policy);
    let start = Instant::now();
    let mut bytes = 0usize;
    for _ in 0..n {
        match engine.review(&body, Endpoint::Validate) {
            Ok(r) => bytes += r.body.len(),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1)
            }
        }
    }
    let took = start.elapsed();
    println!(
        "{n} reviews, {:.1} us per review, {} response bytes each",
        took.as_secs_f64() * 1e6 / n as f64,
        bytes / n.max(1) as usize
    );
}
