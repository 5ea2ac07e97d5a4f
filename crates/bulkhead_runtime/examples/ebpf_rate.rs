//! Sustained-rate measurement of the eBPF sensor (used by `bench/runtime_ebpf.sh`; root):
//!
//!   ebpf_rate RULES [--no-opens] [--ignore-open-prefix PATH]... -- CMD [ARGS...]
//!
//! Loads the rules for the eBPF sensor, starts it exactly as `bulkhead monitor --sensor ebpf`
//! does (alerts are counted, not printed), runs CMD (the load: its events are not filtered,
//! it is another process), lets the sensor drain, then prints on stderr one line with the
//! events evaluated, the seconds CMD ran, events per second, alerts, and the records dropped in
//! kernel (total and per CPU), the execs evaluated from their records because the process was
//! gone before `/proc` was read, the processes left in the user-space table, and the resident
//! memory when the sensor was ready, at the end, and its peak. The rate divides by the time
//! until the sensor had drained the backlog CMD left in the ring buffer (events then arrive at
//! under 10,000/s for 100 ms). CMD's own output passes through.

use bulkhead_runtime::ebpf::EbpfSource;
use bulkhead_runtime::sensor::{Config, Sensor};
use bulkhead_runtime::{Engine, RulesSource};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(sep) = args.iter().position(|a| a == "--") else {
        eprintln!(
            "usage: ebpf_rate RULES [--no-opens] [--ignore-open-prefix PATH]... -- CMD [ARGS...]"
        );
        std::process::exit(2);
    };
    let (opts, cmd) = (&args[..sep], &args[sep + 1..]);
    if opts.is_empty() || cmd.is_empty() {
        eprintln!("usage: ebpf_rate RULES [--no-opens] -- CMD [ARGS...]");
        std::process::exit(2);
    }
    let text = std::fs::read_to_string(&opts[0]).expect("rules file");
    let caps = bulkhead_runtime::sensor::ebpf::capabilities();
    let (engine, report) = Engine::load(
        &[RulesSource {
            path: &opts[0],
            text: &text,
        }],
        &caps,
    )
    .expect("rules load");
    let ignore: Vec<String> = opts
        .windows(2)
        .filter(|w| w[0] == "--ignore-open-prefix")
        .map(|w| w[1].clone())
        .collect();
    let src = EbpfSource::load_with(std::process::id(), &ignore).expect("eBPF load");
    let (tx, rx) = std::sync::mpsc::channel();
    let cfg = Config {
        opens: !opts.iter().any(|o| o == "--no-opens"),
        ..Config::default()
    };
    let sensor = Sensor::start_ebpf(Arc::new(engine), cfg, tx, src).expect("sensor");
    let counter = std::thread::spawn(move || rx.iter().count());
    let rss_ready = bulkhead_runtime::sensor::memory_kib().0;
    let t0 = Instant::now();
    let st = std::process::Command::new(&cmd[0])
        .args(&cmd[1..])
        .status()
        .expect("load command");
    let load_secs = t0.elapsed().as_secs_f64();
    // Let the drain thread catch up with what is still in the ring buffer: the rate is the
    // events evaluated by the time the backlog is gone (under 10,000 events/s, the machine's
    // own background, for 100 ms), so a backlog drained after the load ended is not counted
    // as if it were evaluated during it.
    let mut last = sensor
        .stats
        .events
        .load(std::sync::atomic::Ordering::Relaxed);
    let mut secs = load_secs;
    let mut quiet = 0;
    while quiet < 2 {
        std::thread::sleep(Duration::from_millis(50));
        let now = sensor
            .stats
            .events
            .load(std::sync::atomic::Ordering::Relaxed);
        if now - last < 500 {
            quiet += 1;
        } else {
            quiet = 0;
            secs = t0.elapsed().as_secs_f64();
        }
        last = now;
    }
    let stats = sensor.stop();
    let alerts = counter.join().unwrap_or(0);
    let lost = stats.kernel_drops;
    let (rss_end, rss_peak) = bulkhead_runtime::sensor::memory_kib();
    eprintln!(
        "rules={} events={} load_secs={load_secs:.3} drained_secs={secs:.3} events_per_s={:.0} alerts={alerts} kernel_drops={lost} drop_pct={:.4} per_cpu={:?} gone_before_proc_read={} table={} rss_ready_mb={:.1} rss_end_mb={:.1} rss_peak_mb={:.1} load_ok={}",
        report.active.len(),
        stats.events,
        stats.events as f64 / secs,
        100.0 * lost as f64 / (stats.events + lost).max(1) as f64,
        stats.kernel_drops_per_cpu,
        stats.exited_before_read,
        stats.processes,
        rss_ready as f64 / 1024.0,
        rss_end as f64 / 1024.0,
        rss_peak as f64 / 1024.0,
        st.success()
    );
}
