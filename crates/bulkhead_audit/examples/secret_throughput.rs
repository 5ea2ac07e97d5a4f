//! Throughput of the secret scanner on one file, one thread: `cargo run --release -p
//! bulkhead_audit --example secret_throughput -- FILE` (used while tuning the prefilter).

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let data = std::fs::read(&path).expect("read");
    // Warm up (compiles the automaton and the regexes that the file needs).
    let _ = bulkhead_audit::secrets::scan_bytes(&data[..data.len().min(1 << 20)]);
    let t = std::time::Instant::now();
    let r = bulkhead_audit::secrets::scan_reader(
        &data[..],
        None,
        &bulkhead_audit::secrets::Limits {
            max_file_bytes: u64::MAX,
        },
    )
    .expect("scan");
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} bytes, {} matches, {:.3} s, {:.0} MB/s",
        data.len(),
        r.matches.len(),
        s,
        data.len() as f64 / 1e6 / s
    );
}
