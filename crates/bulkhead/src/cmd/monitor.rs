//! `bulkhead monitor`: load Falco rules files, start the runtime sensor, and print alerts
//! (Falco's text line or JSON object) until SIGINT/SIGTERM or `--duration`.
//!
//! `--sensor` picks the event source: `ebpf` (the CO-RE programs, ring buffer), `proc` (netlink
//! process connector + fanotify) or `auto` (eBPF when it loads, else `proc`, saying which and
//! why on stderr). `--check-rules` only loads and reports (no root needed; `auto` reports for
//! the eBPF sensor). The load report goes to stderr:
//! rules skipped by name with the fields or event types this sensor lacks, the unavailable
//! fields once, warnings. Exit status: 0 no alert, 1 alerts raised, 2 unreadable or
//! malformed rules, or the sensor could not start.

use anyhow::{Context as _, bail};
use bulkhead_runtime::engine::{LoadReport, SkipReason};
use bulkhead_runtime::{Engine, Priority, RulesSource};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<MonitorCommand>,
    /// Falco rules files, loaded in order (later files override earlier ones).
    #[arg(long = "rules", value_name = "FILE", required = true)]
    rules: Vec<PathBuf>,
    /// Alert format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    output: Format,
    /// Write alerts to this file (appended) instead of standard output.
    #[arg(long, value_name = "FILE")]
    output_file: Option<PathBuf>,
    /// Deny executing files written after a container started (overlay upper layer or
    /// memfd); each denial is an alert.
    #[arg(long)]
    deny_drift: bool,
    /// Glob of paths that may still be executed with --deny-drift (repeatable).
    #[arg(long = "allow-drift", value_name = "GLOB")]
    allow_drift: Vec<String>,
    /// Only alert for rules at or above this priority.
    #[arg(long, value_name = "PRIORITY", value_parser = parse_priority, default_value = "debug")]
    min_priority: Priority,
    /// Stop after this many seconds (default: until SIGINT or SIGTERM).
    #[arg(long, value_name = "SECONDS")]
    duration: Option<f64>,
    /// Do not watch file opens (execs only).
    #[arg(long)]
    no_opens: bool,
    /// runc state directory to read container ids from (repeatable; default: the usual ones).
    #[arg(long = "runc-root", value_name = "DIR")]
    runc_roots: Vec<PathBuf>,
    /// Load the rules, print the load report and exit (no sensor, no root needed).
    #[arg(long)]
    check_rules: bool,
    /// eBPF sensor: drop opens of absolute paths under this prefix in kernel (repeatable, at
    /// most 4; a path containing `..` is still seen). For paths no rule looks at.
    #[arg(long = "ignore-open-prefix", value_name = "PATH")]
    ignore_open_prefix: Vec<String>,
    /// Event source: eBPF, the process connector + fanotify, or eBPF when it loads.
    #[arg(long, value_enum, default_value_t = SensorKind::Auto)]
    sensor: SensorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SensorKind {
    Auto,
    Ebpf,
    Proc,
}

#[derive(Debug, clap::Subcommand)]
enum MonitorCommand {
    /// Print Kubernetes manifests that run the monitor on every node (a DaemonSet).
    Manifests,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

fn parse_priority(s: &str) -> Result<Priority, String> {
    Priority::parse(s).ok_or_else(|| format!("unknown priority `{s}`"))
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    if let Some(MonitorCommand::Manifests) = args.command {
        let mut out = std::io::stdout().lock();
        out.write_all(bulkhead_runtime::DAEMONSET.as_bytes())?;
        out.flush()?;
        return Ok(0);
    }
    // Block SIGINT/SIGTERM before any thread starts (they inherit the mask).
    let terminate = bulkhead_runtime::sensor::termination_flag();
    let mut texts = Vec::new();
    for p in &args.rules {
        match std::fs::read_to_string(p) {
            Ok(t) => texts.push((p.display().to_string(), t)),
            Err(e) => {
                eprintln!("error: {}: cannot read rules file: {e}", p.display());
                return Ok(2);
            }
        }
    }
    let sources: Vec<RulesSource<'_>> = texts
        .iter()
        .map(|(p, t)| RulesSource { path: p, text: t })
        .collect();
    if args.sensor == SensorKind::Proc && !args.ignore_open_prefix.is_empty() {
        eprintln!("error: --ignore-open-prefix needs the eBPF sensor (--sensor ebpf or auto)");
        return Ok(2);
    }
    // Load eBPF first: which sensor runs decides which rules can be evaluated.
    let ebpf = if args.check_rules {
        None
    } else {
        match args.sensor {
            SensorKind::Proc => None,
            SensorKind::Ebpf | SensorKind::Auto => {
                match bulkhead_runtime::ebpf::EbpfSource::load_with(
                    std::process::id(),
                    &args.ignore_open_prefix,
                ) {
                    Ok(src) => Some(src),
                    Err(e @ bulkhead_runtime::ebpf::EbpfError::Config(_)) => {
                        eprintln!("error: {e}");
                        return Ok(2);
                    }
                    Err(e) if args.sensor == SensorKind::Ebpf => {
                        eprintln!("error: the eBPF sensor cannot start: {e}");
                        return Ok(2);
                    }
                    Err(e) => {
                        eprintln!(
                            "monitor: the eBPF sensor cannot start ({e}); using the procconnector+fanotify sensor{}",
                            if args.ignore_open_prefix.is_empty() {
                                ""
                            } else {
                                " (--ignore-open-prefix does not apply to it)"
                            }
                        );
                        None
                    }
                }
            }
        }
    };
    let caps = if ebpf.is_some() || (args.check_rules && args.sensor != SensorKind::Proc) {
        bulkhead_runtime::sensor::ebpf::capabilities()
    } else {
        bulkhead_runtime::sensor::capabilities()
    };
    let (mut engine, report) = match Engine::load(&sources, &caps) {
        Ok(x) => x,
        Err(errs) => {
            for e in &errs.0 {
                eprintln!("error: {e}");
            }
            return Ok(2);
        }
    };
    engine.set_hostname(&bulkhead_runtime::sensor::hostname());
    engine.set_min_priority(args.min_priority);
    print_report(&report, caps.sensor);
    if args.check_rules {
        return Ok(0);
    }

    let mut out: Box<dyn Write + Send> = match &args.output_file {
        Some(p) => Box::new(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .with_context(|| format!("cannot open output file {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout()),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    let cfg = bulkhead_runtime::sensor::Config {
        deny_drift: args.deny_drift,
        drift_allow: args.allow_drift.clone(),
        runc_roots: args.runc_roots.clone(),
        opens: !args.no_opens,
    };
    let engine = Arc::new(engine);
    let started = match ebpf {
        Some(src) => bulkhead_runtime::sensor::Sensor::start_ebpf(engine, cfg, tx, src),
        None => bulkhead_runtime::sensor::Sensor::start(engine, cfg, tx),
    };
    let sensor = match started {
        Ok(s) => s,
        Err(e) => bail!("{e}"),
    };
    eprintln!(
        "monitor: ready (sensor {}, {} rules{})",
        caps.sensor,
        report.active.len(),
        if args.deny_drift {
            ", drift prevention on"
        } else {
            ""
        }
    );
    let rss_ready = bulkhead_runtime::sensor::memory_kib().0;
    let deadline = args
        .duration
        .map(|s| Instant::now() + Duration::from_secs_f64(s.max(0.0)));
    let mut alerts = 0u64;
    let mut write_err = None;
    loop {
        if terminate.load(std::sync::atomic::Ordering::Relaxed) {
            break;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(a) => {
                alerts += 1;
                let line = match args.output {
                    Format::Text => a.to_text(),
                    Format::Json => a.to_json(),
                };
                if let Err(e) = writeln!(out, "{line}").and_then(|_| out.flush()) {
                    write_err = Some(e);
                    break;
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(_) => break,
        }
    }
    let stats = sensor.stop();
    // Alerts raised while stopping.
    while let Ok(a) = rx.try_recv() {
        alerts += 1;
        let line = match args.output {
            Format::Text => a.to_text(),
            Format::Json => a.to_json(),
        };
        let _ = writeln!(out, "{line}");
    }
    let _ = out.flush();
    let (rss_stop, rss_peak) = bulkhead_runtime::sensor::memory_kib();
    let mb = |kb: u64| kb as f64 / 1024.0;
    let memory = format!(
        "RSS {:.1} MB at ready, {:.1} MB at stop (peak {:.1} MB)",
        mb(rss_ready),
        mb(rss_stop),
        mb(rss_peak)
    );
    if caps.sensor == "ebpf" {
        eprintln!(
            "monitor: stopped: {} events, {alerts} alerts, {} drift denials; dropped in kernel: {} (per CPU: {:?}), {} malformed records; {} execs evaluated from their records (gone before /proc was read); {} processes in the table; {memory}",
            stats.events,
            stats.denials,
            stats.kernel_drops,
            stats.kernel_drops_per_cpu,
            stats.malformed,
            stats.exited_before_read,
            stats.processes
        );
    } else {
        eprintln!(
            "monitor: stopped: {} events, {alerts} alerts, {} drift denials; dropped: {} process-connector overflows, {} execs of processes gone before they were read, {} fanotify overflows; {memory}",
            stats.events,
            stats.denials,
            stats.connector_overflows,
            stats.exited_before_read,
            stats.fanotify_overflows
        );
    }
    if let Some(e) = write_err {
        return Err(anyhow::Error::from(e).context("cannot write alerts"));
    }
    Ok(if alerts > 0 { 1 } else { 0 })
}

fn print_report(report: &LoadReport, sensor: &str) {
    for w in &report.warnings {
        eprintln!("warning: {}:{}: {}", w.path, w.line, w.message);
    }
    if !report.unavailable_fields.is_empty() {
        eprintln!(
            "monitor: fields the {sensor} sensor cannot fill: {}",
            report
                .unavailable_fields
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !report.unknown_fields.is_empty() {
        eprintln!(
            "monitor: unknown fields: {}",
            report
                .unknown_fields
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    for s in &report.skipped {
        let why = match &s.reason {
            SkipReason::UnknownFields(f) => format!("unknown fields {}", f.join(", ")),
            SkipReason::UnavailableFields(f) => format!("needs {}", f.join(", ")),
            SkipReason::Source(src) => format!("source `{src}` is not supported"),
            SkipReason::EventTypes(t) => format!(
                "needs event types {} this sensor does not produce",
                t.join(", ")
            ),
        };
        eprintln!("monitor: skipped rule `{}`: {why}", s.rule);
    }
    eprintln!(
        "monitor: {} rules active, {} skipped, {} disabled",
        report.active.len(),
        report.skipped.len(),
        report.disabled.len()
    );
}
