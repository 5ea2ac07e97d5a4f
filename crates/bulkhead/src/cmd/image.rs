//! `bulkhead image IMAGE`: the vulnerability gate over an image scan (shared with
//! `bulkhead fs DIR`): match the scan's packages against the advisory store, apply VEX and
//! ignores, filter by severity and fix state, render (table, json, sarif, cyclonedx) and
//! turn the result into the exit status. `--list-packages` prints the packages instead.

use super::db::{DbPathArgs, span};
use super::packages::{ImageArgs, ListFormat, print_packages, print_warnings};
use anyhow::{Context, bail};
use bulkhead_advisory::{
    Finding, GateOutcome, GatePolicy, IgnoreRule, Store, Suppressed, VexDocument, evaluate,
    match_packages, parse_trivyignore,
};
use bulkhead_diagnostics::Severity;
use bulkhead_image::Scan;
use serde_json::{Value, json};
use std::io::Write;
use std::path::PathBuf;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Image: docker-archive tar, OCI layout, or registry reference (`registry/repo:tag`).
    #[arg(value_name = "IMAGE")]
    image: String,
    #[command(flatten)]
    pub image_args: ImageArgs,
    #[command(flatten)]
    pub gate: GateArgs,
    #[command(flatten)]
    pub scanners: super::audit_scan::ScannerArgs,
    #[command(flatten)]
    pub attest: super::attest::AttestFlags,
}

/// Options of the vulnerability gate, shared by `image` and `fs`.
#[derive(Debug, Clone, clap::Args)]
pub struct GateArgs {
    /// Print the packages found instead of their vulnerabilities.
    #[arg(long)]
    pub list_packages: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Severities to report (comma-separated, Trivy spelling accepted: CRITICAL,HIGH;
    /// UNKNOWN is info) [default: all].
    #[arg(long, value_delimiter = ',', value_name = "SEVERITY")]
    pub severity: Vec<Severity>,
    /// Exit status when reported vulnerabilities reach the --fail-on threshold; 0 reports
    /// without failing.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub exit_code: i32,
    /// Lowest severity that fails the gate [default: `[scan] fail-on` in bulkhead.toml, else
    /// any reported vulnerability].
    #[arg(long, value_name = "SEVERITY")]
    pub fail_on: Option<Severity>,
    /// Hide vulnerabilities that have no fixed version (unfixed and will-not-fix).
    #[arg(long)]
    pub ignore_unfixed: bool,
    /// OpenVEX document; `not_affected` and `fixed` statements suppress (repeatable).
    #[arg(long, value_name = "FILE")]
    pub vex: Vec<PathBuf>,
    /// Trivy ignore file [default: .trivyignore in the current directory, if present].
    #[arg(long, value_name = "FILE")]
    pub ignorefile: Option<PathBuf>,
    /// Use this config file instead of discovering bulkhead.toml.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Fail (exit 2) when the advisory database is older than this (`36h`, `7d`, `90m`).
    #[arg(long, value_name = "DURATION", value_parser = parse_age)]
    pub max_db_age: Option<u64>,
    #[command(flatten)]
    pub db: DbPathArgs,
}

/// Report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Sarif,
    Cyclonedx,
    /// One self-contained page (no network): filterable, sortable, advisory details.
    Html,
}

fn parse_age(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: u64 = num
        .parse()
        .map_err(|_| format!("invalid duration `{s}` (expected e.g. 36h, 7d, 90m)"))?;
    let mult = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 604_800,
        _ => return Err(format!("invalid duration unit in `{s}` (s, m, h, d, w)")),
    };
    Ok(n * mult)
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let opts = args.image_args.options_for(&args.image)?;
    let started = Instant::now();
    if args.attest.attest && (args.gate.format != Format::Json || args.gate.list_packages) {
        bail!("--attest signs the JSON report: use --format json (without --list-packages)");
    }
    // One pass over the layers: packages, and the audit (config, secrets) riding along.
    let (scan, audit) = super::audit_scan::scan_image(&args.image, &opts, &args.scanners)?;
    if !args.attest.attest {
        return super::audit_scan::finish(
            &scan,
            audit.as_ref(),
            &args.gate,
            &args.scanners,
            started,
        );
    }
    // --attest: the report goes to a scratch file first, is written where asked, then signed
    // and attached as a cosign `vuln` attestation (only when the report is complete).
    let scratch = tempfile::NamedTempFile::new().context("creating a scratch report file")?;
    let mut gate_args = args.gate.clone();
    gate_args.output = Some(scratch.path().to_path_buf());
    let code =
        super::audit_scan::finish(&scan, audit.as_ref(), &gate_args, &args.scanners, started)?;
    let report = std::fs::read(scratch.path()).context("reading the report")?;
    match &args.gate.output {
        Some(p) => crate::atomic::write_report(p, &report)?,
        None => std::io::stdout().lock().write_all(&report)?,
    }
    if code == 2 {
        eprintln!("note: the report is incomplete (exit 2), so it was not attested");
        return Ok(code);
    }
    let result: Value = serde_json::from_slice(&report).context("the JSON report")?;
    let finished = now();
    let predicate = json!({
        "invocation": {"uri": "", "event_id": "", "builder.id": ""},
        "scanner": {"uri": "bulkhead", "version": env!("CARGO_PKG_VERSION"), "result": result},
        "metadata": {"scanStartedOn": rfc3339(finished.saturating_sub(started.elapsed().as_secs())), "scanFinishedOn": rfc3339(finished)},
    });
    args.attest.attach(
        &args.image,
        &args.image_args.insecure_registry,
        "vuln",
        &serde_json::to_vec(&predicate)?,
    )?;
    Ok(code)
}

/// Seconds since the epoch as RFC 3339 UTC (`2026-12-05T08:00:00Z`).
fn rfc3339(secs: u64) -> String {
    i64::try_from(secs)
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string()
}

/// Everything the renderers need.
struct Report<'a> {
    scan: &'a Scan,
    store: &'a Store,
    findings: Vec<Finding>,
    suppressed: Vec<Suppressed>,
    unused: Vec<IgnoreRule>,
    expired: Vec<IgnoreRule>,
    unknown_distro: usize,
    /// Inputs that could not be read (the package list is incomplete).
    incomplete: Vec<&'a str>,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The gate over a finished scan. Exit status: `exit_code` when a reported vulnerability is
/// at or over the threshold, else 0.
pub fn gate(scan: &Scan, args: &GateArgs, started: Instant) -> anyhow::Result<i32> {
    gate_with_audit(scan, args, started, None)
}

/// [`gate`], with the image audit's findings joining the vulnerabilities in formats that hold
/// both in one document (`html`).
pub fn gate_with_audit(
    scan: &Scan,
    args: &GateArgs,
    started: Instant,
    audit: Option<&bulkhead_diagnostics::Report>,
) -> anyhow::Result<i32> {
    let incomplete = print_warnings(scan);
    if args.list_packages {
        let format = match args.format {
            Format::Table => ListFormat::Table,
            Format::Json => ListFormat::Json,
            other => bail!("--list-packages prints table or json, not {other:?}"),
        };
        let mut out = std::io::stdout().lock();
        print_packages(scan, format, &mut out)?;
        return Ok(if incomplete { 2 } else { 0 });
    }
    // `[scan]` of the config (--config, else discovered), validated, paths resolved.
    let scan_cfg =
        bulkhead_config::Loaded::find(args.config.as_deref(), &std::env::current_dir()?)?.scan();
    let db_path = args.db.resolve(scan_cfg.db.as_deref())?;
    let store = Store::open(&db_path)?;
    let stats = store.stats()?;
    // A store that holds nothing can vouch for nothing: never "No vulnerabilities found".
    if stats.is_empty() {
        bail!(
            "the advisory database {} is empty: run `bulkhead db update` (or `bulkhead db import PATH...`)",
            db_path.display()
        );
    }
    for s in &stats.sources {
        if let (Some(at), Some(err)) = (s.failed_at, &s.error) {
            eprintln!(
                "warning: advisory source {}: its last update failed {} ago ({err}); its records are {} old",
                s.name,
                span(now().saturating_sub(at)),
                span(now().saturating_sub(s.imported_at))
            );
        }
    }
    if let Some(max) = args.max_db_age {
        // As old as its stalest source: a feed whose updates fail ages even when others move.
        let stalest = stats
            .sources
            .iter()
            .min_by_key(|s| s.imported_at)
            .expect("a non-empty store has sources");
        let age = now().saturating_sub(stalest.imported_at);
        if age > max {
            bail!(
                "advisory database {}: source {} was last updated {} ago, more than --max-db-age {} allows: run `bulkhead db update` (or `bulkhead db import`)",
                db_path.display(),
                stalest.name,
                span(age),
                span(max)
            );
        }
    }
    let outcome = match_packages(&store, &scan.packages, scan.os.as_ref())?;
    for (i, why) in &outcome.version_errors {
        let p = &scan.packages[*i];
        eprintln!(
            "warning: {} {}: version not matched: {why}",
            p.name, p.version
        );
    }
    let mut vex_docs = Vec::new();
    for v in &args.vex {
        vex_docs.push(VexDocument::read(v)?);
    }
    let mut rules: Vec<IgnoreRule> = scan_cfg
        .ignores
        .iter()
        .map(|r| IgnoreRule {
            id: r.id.clone(),
            reason: r.reason.clone(),
            until: r.until,
            origin: scan_cfg.origin.clone(),
        })
        .collect();
    let ignorefile = args
        .ignorefile
        .clone()
        .or_else(|| Some(PathBuf::from(".trivyignore")).filter(|p| p.is_file()));
    if let Some(p) = ignorefile {
        let text =
            std::fs::read_to_string(&p).with_context(|| format!("cannot read {}", p.display()))?;
        let (r, bad) = parse_trivyignore(&text, &p.display().to_string());
        for b in bad {
            eprintln!("warning: {b}");
        }
        rules.extend(r);
    }
    let ignore_unfixed = args.ignore_unfixed || scan_cfg.ignore_unfixed;
    let fail_on = args.fail_on.or(scan_cfg.fail_on).unwrap_or(Severity::Info);
    // The gate itself: VEX, ignores, selection, threshold (bulkhead_advisory::gate).
    let GateOutcome {
        findings,
        suppressed,
        unused,
        expired,
        failing,
    } = evaluate(
        outcome.findings,
        &GatePolicy {
            vex: &vex_docs,
            ignores: &rules,
            today: bulkhead_advisory::today(),
            severities: &args.severity,
            ignore_unfixed,
            fail_on,
        },
    );
    for r in &expired {
        eprintln!(
            "warning: ignore of {} ({}) expired on {}; it no longer applies",
            r.id,
            r.origin,
            r.until.map(|d| d.to_string()).unwrap_or_default()
        );
    }
    for r in &unused {
        eprintln!("warning: unused ignore of {} ({})", r.id, r.origin);
    }
    let report = Report {
        scan,
        store: &store,
        findings,
        suppressed,
        unused,
        expired,
        unknown_distro: outcome.unknown_distro.len(),
        incomplete: super::packages::incomplete(scan),
    };
    let text = match args.format {
        Format::Table => table(&report),
        Format::Json => pretty(&json_report(&report)),
        Format::Sarif => sarif(&report),
        Format::Cyclonedx => pretty(&cyclonedx(&report)),
        Format::Html => html(&report, audit),
    };
    match &args.output {
        Some(p) => crate::atomic::write_report(p, text.as_bytes())?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    if std::env::var_os("BULKHEAD_TIMING").is_some() {
        eprintln!("timing: {} ms", started.elapsed().as_millis());
    }
    Ok(if incomplete {
        2
    } else if failing {
        args.exit_code
    } else {
        0
    })
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// `3 sha256:0123456789ab` (1-based layer index and a short diff id).
fn layer_label(scan: &Scan, diff_id: Option<&str>) -> String {
    let Some(d) = diff_id else {
        return String::new();
    };
    let short: String = d.chars().take(19).collect();
    match scan.layers.iter().position(|l| l.diff_id == d) {
        Some(i) => format!("{} {short}", i + 1),
        None => short,
    }
}

/// The severity as shown: with its CVSS score when there is one; `unknown` (Trivy's UNKNOWN)
/// when no source gives one (the finding's severity is then the lowest, `info`).
fn severity_cell(f: &Finding) -> String {
    match &f.cvss {
        Some(c) => format!("{} {:.1}", f.severity, c.score),
        None if f.severity_source.is_none() => "unknown".to_string(),
        None => f.severity.to_string(),
    }
}

fn is_unknown(f: &Finding) -> bool {
    f.severity_source.is_none() && f.cvss.is_none()
}

/// The targets a finding's package was found in, as Trivy groups them: the OS packages of the
/// image together, each lockfile or binary on its own (a package proven by two files, e.g. the
/// same Go `stdlib` in two binaries, is a row under each).
fn targets(r: &Report<'_>, f: &Finding) -> Vec<String> {
    use bulkhead_pkg::Ecosystem;
    let p = r.scan.packages.get(f.package_index);
    let os_package = p.is_some_and(|p| {
        matches!(
            p.ecosystem,
            Ecosystem::Deb | Ecosystem::Apk | Ecosystem::Rpm
        )
    });
    if os_package {
        let os = r
            .scan
            .os
            .as_ref()
            .map(|d| format!(" ({} {})", d.id, d.version))
            .unwrap_or_default();
        return vec![format!("OS packages{os}")];
    }
    let eco = f.ecosystem.to_string();
    match p.map(|p| p.locations.as_slice()).filter(|l| !l.is_empty()) {
        Some(locs) => locs.iter().map(|l| format!("{l} ({eco})")).collect(),
        None => vec![format!(
            "{} ({eco})",
            f.location.clone().unwrap_or_else(|| r.scan.source.clone())
        )],
    }
}

fn table(r: &Report<'_>) -> String {
    let mut out = String::new();
    let os = r
        .scan
        .os
        .as_ref()
        .map(|d| format!(" ({} {})", d.id, d.version))
        .unwrap_or_default();
    out.push_str(&format!("{}{os}\n", r.scan.source));
    if r.findings.is_empty() && !r.incomplete.is_empty() {
        out.push_str(&format!(
            "No vulnerabilities found in the packages that could be read; {} inputs could not be read (see the errors).\n",
            r.incomplete.len()
        ));
    } else if r.findings.is_empty() {
        out.push_str("No vulnerabilities found.\n");
    } else {
        // Rows per target, targets in order of first appearance.
        let mut groups: Vec<(String, Vec<[String; 7]>)> = Vec::new();
        for f in &r.findings {
            let row = [
                f.package.clone(),
                f.installed.clone(),
                f.fixed_version
                    .clone()
                    .unwrap_or_else(|| f.state.as_str().to_string()),
                severity_cell(f),
                f.id.clone(),
                f.aliases.join(","),
                layer_label(r.scan, f.layer.as_deref()),
            ];
            for t in targets(r, f) {
                match groups.iter_mut().find(|(g, _)| *g == t) {
                    Some((_, rows)) => rows.push(row.clone()),
                    None => groups.push((t, vec![row.clone()])),
                }
            }
        }
        let head = [
            "PACKAGE",
            "INSTALLED",
            "FIXED",
            "SEVERITY",
            "ID",
            "ALIASES",
            "LAYER",
        ];
        // One set of column widths for the whole table, so the groups line up.
        let mut w = head.map(str::len);
        for row in groups.iter().flat_map(|(_, rows)| rows) {
            for (i, c) in row.iter().enumerate() {
                w[i] = w[i].max(c.chars().count());
            }
        }
        let line = |cells: &[&str]| {
            let mut s = String::new();
            for (i, c) in cells.iter().enumerate() {
                if i + 1 == cells.len() {
                    s.push_str(c);
                } else {
                    s.push_str(&format!("{c:<width$}  ", width = w[i]));
                }
            }
            s.trim_end().to_string() + "\n"
        };
        for (target, rows) in &groups {
            out.push('\n');
            out.push_str(target);
            out.push('\n');
            out.push_str(&line(&head));
            for row in rows {
                let cells: Vec<&str> = row.iter().map(String::as_str).collect();
                out.push_str(&line(&cells));
            }
        }
        out.push('\n');
    }
    for s in &r.suppressed {
        out.push_str(&format!(
            "suppressed: {} in {} {} by {} ({}): {}\n",
            s.finding.id, s.finding.package, s.finding.installed, s.by, s.origin, s.reason
        ));
    }
    let count = |sev: Severity| {
        r.findings
            .iter()
            .filter(|f| f.severity == sev && !is_unknown(f))
            .count()
    };
    out.push_str(&format!(
        "Total: {} (critical {}, high {}, medium {}, low {}, info {}, unknown {}), {} suppressed\n",
        r.findings.len(),
        count(Severity::Critical),
        count(Severity::High),
        count(Severity::Medium),
        count(Severity::Low),
        count(Severity::Info),
        r.findings.iter().filter(|f| is_unknown(f)).count(),
        r.suppressed.len()
    ));
    if r.unknown_distro > 0 {
        out.push_str(&format!(
            "note: {} OS packages not matched: the distro release is unknown\n",
            r.unknown_distro
        ));
    }
    out
}

fn json_report(r: &Report<'_>) -> Value {
    let stats = r.store.stats().ok();
    json!({
        "version": 1,
        "source": r.scan.source,
        "os": r.scan.os,
        "database": stats.map(|s| json!({"path": s.path, "built_at": s.built_at, "advisories": s.advisories})),
        "vulnerabilities": r.findings.iter().map(|f| {
            let mut v = serde_json::to_value(f).unwrap_or(Value::Null);
            if f.layer.is_some() {
                v["layer_index"] = json!(r.scan.layers.iter().position(|l| Some(l.diff_id.as_str()) == f.layer.as_deref()).map(|i| i + 1));
            }
            v
        }).collect::<Vec<_>>(),
        "suppressed": r.suppressed,
        "unused_ignores": r.unused,
        "expired_ignores": r.expired,
        "unknown_distro_packages": r.unknown_distro,
        "incomplete": r.incomplete,
    })
}

/// The SARIF vulnerability report: bulkhead_diagnostics' one SARIF renderer (levels, the
/// `security-severity` scale, suppressions, unreadable inputs as notifications).
fn sarif(r: &Report<'_>) -> String {
    with_vulnerabilities(r, |v, e| {
        bulkhead_diagnostics::render::render_vulnerabilities(
            v,
            e,
            &bulkhead_diagnostics::render::RenderOptions::default(),
        )
    })
}

/// The HTML page of the scan: the vulnerabilities, then the audit's findings when given.
fn html(r: &Report<'_>, audit: Option<&bulkhead_diagnostics::Report>) -> String {
    let title = format!("Bulkhead: {}", r.scan.source);
    with_vulnerabilities(r, |v, e| {
        bulkhead_diagnostics::render::html_vulnerabilities(&title, v, e, audit)
    })
}

/// The report's vulnerabilities (shown, then suppressed) and unreadable inputs in the
/// renderers' terms, handed to `f`.
fn with_vulnerabilities<T>(
    r: &Report<'_>,
    f: impl FnOnce(
        &[bulkhead_diagnostics::render::Vulnerability<'_>],
        &[bulkhead_diagnostics::InputError],
    ) -> T,
) -> T {
    use bulkhead_diagnostics::render::Vulnerability;
    use bulkhead_diagnostics::{InputError, SuppressedBy};
    let suppressed_by: Vec<SuppressedBy> = r
        .suppressed
        .iter()
        .map(|s| SuppressedBy {
            origin: if s.origin.is_empty() {
                s.by.to_string()
            } else {
                format!("{}: {}", s.by, s.origin)
            },
            reason: Some(s.reason.clone()),
        })
        .collect();
    fn vulnerability<'a>(f: &'a Finding, source: &'a str) -> Vulnerability<'a> {
        Vulnerability {
            id: &f.id,
            summary: &f.summary,
            url: f.url.as_deref(),
            severity: f.severity,
            unrated: is_unknown(f),
            cvss_score: f.cvss.as_ref().map(|c| c.score),
            aliases: &f.aliases,
            package: &f.package,
            installed: &f.installed,
            fixed: f.fixed_version.as_deref(),
            state: f.state.as_str(),
            location: f.location.as_deref().unwrap_or(source),
            layer: f.layer.as_deref(),
            suppressed: None,
        }
    }
    let source = r.scan.source.as_str();
    let vulns: Vec<Vulnerability<'_>> = r
        .findings
        .iter()
        .map(|f| vulnerability(f, source))
        .chain(
            r.suppressed
                .iter()
                .zip(&suppressed_by)
                .map(|(s, by)| Vulnerability {
                    suppressed: Some(by),
                    ..vulnerability(&s.finding, source)
                }),
        )
        .collect();
    let errors: Vec<InputError> = r
        .incomplete
        .iter()
        .map(|w| InputError::new(r.scan.source.as_str(), None, *w))
        .collect();
    f(&vulns, &errors)
}

/// The CycloneDX 1.6 vulnerability report: the SBOM `bulkhead sbom` writes (one writer of
/// components, unique bom-refs, validated in its tests) with the findings as
/// `vulnerabilities` that point at those components.
fn cyclonedx(r: &Report<'_>) -> Value {
    let ts = super::sbom::timestamp();
    let creator = bulkhead_image::sbom::Creator {
        tool: "bulkhead",
        version: env!("CARGO_PKG_VERSION"),
        timestamp: &ts,
    };
    let mut doc = bulkhead_image::sbom::cyclonedx(r.scan, &creator);
    let refs: Vec<String> = doc["components"]
        .as_array()
        .map(|cs| {
            cs.iter()
                .map(|c| c["bom-ref"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default();
    let purl = |i: usize| {
        refs.get(i)
            .cloned()
            .unwrap_or_else(|| bulkhead_pkg::Purl::for_package(&r.scan.packages[i]).to_string())
    };
    let vuln = |f: &Finding, analysis: Option<Value>| {
        let mut ratings = Vec::new();
        let source = f.severity_source.map(|s| s.as_str()).unwrap_or("unknown");
        match &f.cvss {
            Some(c) => ratings.push(json!({
                "source": {"name": source},
                "score": c.score,
                "severity": f.severity.as_str(),
                "method": match c.version.as_str() { "4.0" => "CVSSv4", "3.1" => "CVSSv31", "3.0" => "CVSSv3", _ => "CVSSv2" },
                "vector": c.vector,
            })),
            None => ratings.push(json!({"source": {"name": source}, "severity": if f.severity_source.is_some() { f.severity.as_str() } else { "unknown" }})),
        }
        let mut v = json!({
            "bom-ref": format!("{}@{}", f.id, purl(f.package_index)),
            "id": f.id,
            "ratings": ratings,
            "affects": [{"ref": purl(f.package_index)}],
        });
        if !f.aliases.is_empty() {
            v["references"] = json!(
                f.aliases
                    .iter()
                    .map(
                        |a| json!({"id": a, "source": {"name": a.split('-').next().unwrap_or("")}})
                    )
                    .collect::<Vec<_>>()
            );
        }
        if !f.summary.is_empty() {
            v["description"] = json!(f.summary);
        }
        if let Some(u) = &f.url {
            v["advisories"] = json!([{"url": u}]);
        }
        if let Some(fx) = &f.fixed_version {
            v["recommendation"] = json!(format!("Upgrade {} to {fx}", f.package));
        }
        if let Some(a) = analysis {
            v["analysis"] = a;
        }
        v
    };
    let mut vulns: Vec<Value> = r.findings.iter().map(|f| vuln(f, None)).collect();
    for s in &r.suppressed {
        let state = if s.by == "vex" && s.reason.starts_with("fixed") {
            "resolved"
        } else if s.by == "vex" {
            "not_affected"
        } else {
            "false_positive"
        };
        vulns.push(vuln(
            &s.finding,
            Some(json!({"state": state, "detail": format!("{}: {}", s.origin, s.reason)})),
        ));
    }
    doc["vulnerabilities"] = json!(vulns);
    doc
}
