//! The audit half of `bulkhead image` and `bulkhead fs` (issue 16): which scanners run
//! (`--scanners vuln,config,secret`), the image audit riding along the scan's one streaming
//! pass, the secret scan of a directory (walked like `check`: `.gitignore` honoured), and the
//! audit findings as one diagnostics [`Report`] (every renderer), with the peers' ids usable in
//! ignore files, `.dockleignore` and `DOCKLE_IGNORES`.

use anyhow::Context;
use bulkhead_audit::image::{Audit, AuditFinding, ImageAuditor, Settings};
use bulkhead_audit::secrets::{self, Limits, Skipped};
use bulkhead_diagnostics::{Finding, InputError, Report, RuleMeta, Severity, SuppressedBy};
use bulkhead_image::{Scan, ScanOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One scanner of `--scanners`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scanner {
    /// Vulnerable packages (the advisory gate).
    Vuln,
    /// Image configuration, history and content checks (IM, and DF on the history).
    #[value(alias = "misconfig")]
    Config,
    /// Secrets in files, Env, labels and history (SC).
    Secret,
}

/// Options shared by `image` and `fs` that select and tune the scanners.
#[derive(Debug, Clone, clap::Args)]
pub struct ScannerArgs {
    /// Scanners to run, comma-separated: vuln, config (alias misconfig), secret [default: all
    /// three for images; vuln and secret for directories].
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SCANNER")]
    pub scanners: Vec<Scanner>,
    /// Files larger than this many bytes are not scanned for secrets (each one is noted).
    #[arg(long, value_name = "BYTES", default_value_t = 64 << 20)]
    pub secret_max_file_size: u64,
}

impl ScannerArgs {
    /// Whether `s` runs (all of them when none is named).
    pub fn wants(&self, s: Scanner) -> bool {
        self.scanners.is_empty() || self.scanners.contains(&s)
    }
}

/// Scans an image once: packages for the vulnerability gate and, when config or secret
/// scanning is on, the audit in the same pass over the layers.
pub fn scan_image(
    reference: &str,
    opts: &ScanOptions,
    args: &ScannerArgs,
) -> anyhow::Result<(Scan, Option<Audit>)> {
    let config = args.wants(Scanner::Config);
    let secrets = args.wants(Scanner::Secret);
    if !config && !secrets {
        let scan = bulkhead_image::scan_image(reference, opts)
            .with_context(|| format!("scanning {reference}"))?;
        return Ok((scan, None));
    }
    let auditor = ImageAuditor::new(Settings {
        config,
        secrets,
        max_file_bytes: args.secret_max_file_size,
        ..Settings::default()
    });
    let scan = bulkhead_image::scan_image_with(reference, opts, Some(&auditor))
        .with_context(|| format!("scanning {reference}"))?;
    let audit = auditor.finish(reference, &scan);
    Ok((scan, Some(audit)))
}

/// Secret scan of a directory tree: files walked in parallel honouring `.gitignore` (and
/// `.ignore`), binaries skipped by content, files over the bound noted. Unreadable files and
/// walk errors are input errors (exit 2), never skipped silently.
pub fn scan_dir_secrets(dir: &Path, args: &ScannerArgs) -> Audit {
    use rayon::prelude::*;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut errors: Vec<String> = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(false)
        .require_git(false)
        .filter_entry(|e| e.file_name() != ".git")
        .build();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => files.push(e.into_path()),
            Ok(_) => {}
            Err(err) => errors.push(err.to_string()),
        }
    }
    files.sort();
    let limits = Limits {
        max_file_bytes: args.secret_max_file_size,
    };
    let results: Vec<(String, Result<secrets::FileScan, std::io::Error>)> = files
        .par_iter()
        .map(|p| {
            let display = super::walk::display(p);
            let r = std::fs::File::open(p).and_then(|f| {
                let size = f.metadata().ok().map(|m| m.len());
                secrets::scan_reader(
                    std::io::BufReader::with_capacity(256 << 10, f),
                    size,
                    &limits,
                )
            });
            (display, r)
        })
        .collect();
    let mut audit = Audit {
        files: files.len(),
        ..Audit::default()
    };
    for e in errors {
        audit.notes.push(format!("error: {e}"));
    }
    for (path, r) in results {
        match r {
            Err(e) => audit.notes.push(format!("error: {path}: {e}")),
            Ok(s) => {
                if s.truncated {
                    audit.notes.push(format!(
                        "{path}: more than {} secrets; only the first ones are reported",
                        secrets::MAX_MATCHES_PER_FILE
                    ));
                }
                if let Some(Skipped::TooLarge(n)) = s.skipped {
                    audit.notes.push(format!(
                        "{path} ({n} bytes) is larger than --secret-max-file-size; not scanned"
                    ));
                }
                for m in &s.matches {
                    audit.findings.push(AuditFinding {
                        finding: bulkhead_audit::image::secret_finding(path.clone(), m, ""),
                        layer: None,
                        history: None,
                        base: false,
                        deleted_in: None,
                    });
                }
            }
        }
    }
    audit
}

/// Ids to ignore with where they came from: the ignore file's ids (Trivy's `.trivyignore`
/// holds secret rule ids and check ids too), `.dockleignore` and `DOCKLE_IGNORES`.
#[derive(Debug, Clone, Default)]
pub struct Ignores {
    pub ids: Vec<(String, String)>,
}

impl Ignores {
    /// Reads `.dockleignore` in the working directory, `DOCKLE_IGNORES` (comma-separated) and
    /// the ids of `ignorefile` (first word of each line; `#` comments).
    pub fn load(ignorefile: Option<&Path>) -> anyhow::Result<Ignores> {
        let mut ids = Vec::new();
        let mut read = |p: &Path, required: bool| -> anyhow::Result<()> {
            let text = match std::fs::read_to_string(p) {
                Ok(t) => t,
                Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
                Err(e) => return Err(e).with_context(|| format!("cannot read {}", p.display())),
            };
            for line in text.lines() {
                let line = line.split('#').next().unwrap_or("").trim();
                if let Some(id) = line.split_whitespace().next() {
                    ids.push((id.to_string(), p.display().to_string()));
                }
            }
            Ok(())
        };
        read(Path::new(".dockleignore"), false)?;
        match ignorefile {
            Some(p) => read(p, true)?,
            None => read(Path::new(".trivyignore"), false)?,
        }
        if let Ok(v) = std::env::var("DOCKLE_IGNORES") {
            for id in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                ids.push((id.to_string(), "DOCKLE_IGNORES".into()));
            }
        }
        Ok(Ignores { ids })
    }

    fn matching(&self, rule: &RuleMeta) -> Option<&(String, String)> {
        self.ids.iter().find(|(id, _)| rule.matches_code(id))
    }
}

/// Every rule an audit report may name (SARIF `rules`).
pub fn audit_rules() -> Vec<&'static RuleMeta> {
    let mut v = bulkhead_audit::rules();
    v.extend(bulkhead_dockerfile::RULES.iter().copied());
    v
}

/// Where in the image a finding comes from, as a help line: layer, history entry, base image,
/// deletion.
fn provenance(f: &AuditFinding) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(l) = &f.layer {
        parts.push(format!("layer {} ({})", l.index + 1, l.digest));
    }
    if let Some(h) = &f.history {
        let mut cb: String = h.created_by.chars().take(120).collect();
        if cb.len() < h.created_by.len() {
            cb.push('…');
        }
        parts.push(format!("history entry {}: {cb}", h.index + 1));
    }
    if let Some(d) = &f.deleted_in {
        parts.push(format!(
            "deleted by layer {} ({}), but the bytes stay in the image",
            d.index + 1,
            d.digest
        ));
    }
    if f.base {
        parts.push("base image: fix it upstream or change the base".into());
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The audit as a diagnostics report: severity filter (`severities` empty = all), ignores
/// applied (kept as suppressed), notes and errors carried. History texts (secrets masked) are
/// the sources of their findings' code frames.
pub fn audit_report(audit: &Audit, severities: &[Severity], ignores: &Ignores) -> Report {
    let mut report = Report {
        rules: audit_rules(),
        files: audit.files,
        ..Report::default()
    };
    for f in &audit.findings {
        let mut finding: Finding = f.finding.clone();
        if let Some(p) = provenance(f) {
            finding.help = Some(match finding.help.take() {
                Some(h) => format!("{h}\n{p}"),
                None => p,
            });
        }
        if !severities.is_empty() && !severities.contains(&finding.severity) {
            continue;
        }
        if let Some((id, origin)) = ignores.matching(finding.rule) {
            finding.suppressed = Some(SuppressedBy {
                origin: origin.clone(),
                reason: Some(format!("ignored as {id}")),
            });
            report.suppressed.push(finding);
            continue;
        }
        if finding.path.ends_with(" (history)") || finding.path.ends_with(" (base image history)") {
            let text = if finding.path.ends_with(" (history)") {
                audit.history_dockerfile.as_deref()
            } else {
                audit.base_history_dockerfile.as_deref()
            };
            if let Some(t) = text {
                report
                    .sources
                    .entry(finding.path.clone())
                    .or_insert_with(|| Arc::from(t));
            }
        }
        report.findings.push(finding);
    }
    for n in &audit.notes {
        if let Some(e) = n.strip_prefix("error: ") {
            let (path, msg) = e.split_once(": ").unwrap_or(("", e));
            report.errors.push(InputError::new(path, None, msg));
        }
    }
    report.sort();
    report
}

/// Notes that are not errors (oversized files, unparsable history), for standard error.
pub fn print_notes(audit: &Audit) {
    for n in &audit.notes {
        if !n.starts_with("error: ") {
            eprintln!("note: {}", bulkhead_diagnostics::render::sanitize(n));
        }
    }
}

/// The report format for the audit half, from the gate's `--format` (`table` is the human
/// format); `None` for formats that only describe vulnerabilities (`cyclonedx`).
fn audit_format(
    gate_format: &impl std::fmt::Debug,
) -> Option<bulkhead_diagnostics::render::Format> {
    let name = format!("{gate_format:?}").to_ascii_lowercase();
    match name.as_str() {
        "table" => Some(bulkhead_diagnostics::render::Format::Human),
        "cyclonedx" => None,
        other => other.parse().ok(),
    }
}

fn render(report: &Report, format: bulkhead_diagnostics::render::Format) -> String {
    let opts = bulkhead_diagnostics::render::RenderOptions::default();
    bulkhead_diagnostics::render::render_to_string(format, report, &opts)
}

/// Finishes `bulkhead image` / `bulkhead fs`: the vulnerability gate (when `vuln` runs) and
/// the audit, written as ONE document in the chosen format (table: the vulnerability table
/// then the findings; json: the gate's object with an `audit` member holding the findings
/// report; sarif: one log with two runs), exit status the worse of the two.
pub fn finish(
    scan: &Scan,
    audit: Option<&Audit>,
    gate: &super::image::GateArgs,
    scanners: &ScannerArgs,
    started: std::time::Instant,
) -> anyhow::Result<i32> {
    let Some(audit) = audit else {
        return super::image::gate(scan, gate, started);
    };
    if gate.list_packages {
        return super::image::gate(scan, gate, started);
    }
    print_notes(audit);
    let ignores = Ignores::load(gate.ignorefile.as_deref())?;
    let report = audit_report(audit, &gate.severity, &ignores);
    // The same threshold as the vulnerability gate: --fail-on, else `[scan] fail-on`.
    let fail_on = match gate.fail_on {
        Some(f) => f,
        None => config_fail_on(gate.config.as_deref())?.unwrap_or(Severity::Info),
    };
    let audit_code = match report.exit_code(fail_on) {
        1 => gate.exit_code,
        c => c,
    };
    let format = audit_format(&gate.format);
    if scanners.wants(Scanner::Vuln) && format == Some(bulkhead_diagnostics::render::Format::Html) {
        // One page: the vulnerabilities and the audit's findings in the same table.
        let vuln_code = super::image::gate_with_audit(scan, gate, started, Some(&report))?;
        return Ok(worse(vuln_code, audit_code));
    }
    let text = if scanners.wants(Scanner::Vuln) {
        // Let the gate write to a scratch file, then merge its document with ours.
        let scratch = tempfile::NamedTempFile::new().context("creating a scratch report file")?;
        let mut g = gate.clone();
        g.output = Some(scratch.path().to_path_buf());
        let vuln_code = super::image::gate(scan, &g, started)?;
        let vuln =
            std::fs::read_to_string(scratch.path()).context("reading the vulnerability report")?;
        let merged = match format {
            None => {
                eprintln!(
                    "note: {} audit findings are not part of a CycloneDX vulnerability report; use --format json or sarif",
                    report.findings.len()
                );
                vuln
            }
            Some(bulkhead_diagnostics::render::Format::Json) => {
                let mut v: serde_json::Value =
                    serde_json::from_str(&vuln).context("vulnerability report")?;
                let a: serde_json::Value = serde_json::from_str(&render(
                    &report,
                    bulkhead_diagnostics::render::Format::Json,
                ))?;
                v["audit"] = a;
                let mut s = serde_json::to_string_pretty(&v)?;
                s.push('\n');
                s
            }
            Some(bulkhead_diagnostics::render::Format::Sarif) => {
                let mut v: serde_json::Value =
                    serde_json::from_str(&vuln).context("vulnerability report")?;
                let a: serde_json::Value = serde_json::from_str(&render(
                    &report,
                    bulkhead_diagnostics::render::Format::Sarif,
                ))?;
                if let (Some(runs), Some(more)) = (v["runs"].as_array_mut(), a["runs"].as_array()) {
                    runs.extend(more.iter().cloned());
                }
                let mut s = serde_json::to_string_pretty(&v)?;
                s.push('\n');
                s
            }
            Some(f) => vuln + &render(&report, f),
        };
        write_out(gate.output.as_deref(), &merged)?;
        return Ok(worse(vuln_code, audit_code));
    } else {
        match format {
            Some(f) => render(&report, f),
            None => anyhow::bail!(
                "--format cyclonedx describes vulnerabilities; the audit renders as table, json, sarif, github or junit"
            ),
        }
    };
    write_out(gate.output.as_deref(), &text)?;
    Ok(audit_code)
}

fn worse(a: i32, b: i32) -> i32 {
    if a == 2 || b == 2 {
        2
    } else if a != 0 {
        a
    } else {
        b
    }
}

/// `[scan] fail-on` of the config the gate reads (`--config`, else the nearest
/// `bulkhead.toml`); a config that cannot be read is an error, as it is for the gate.
fn config_fail_on(config: Option<&Path>) -> anyhow::Result<Option<Severity>> {
    let path = match config {
        Some(p) => Some(p.to_path_buf()),
        None => bulkhead_config::discover(&std::env::current_dir()?),
    };
    Ok(match path {
        Some(p) => bulkhead_config::load(&p)?.scan.fail_on.map(|s| s.0),
        None => None,
    })
}

/// The report to `-o` (atomically, honouring the umask, through symbolic links: the writer
/// `check -o` uses) or to standard output.
fn write_out(output: Option<&Path>, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    match output {
        Some(p) => crate::atomic::write_report(p, text.as_bytes()),
        None => Ok(std::io::stdout().lock().write_all(text.as_bytes())?),
    }
}

/// `bulkhead fs DIR` with `--scanners`: packages (for `vuln`) and secrets in one walk each.
pub fn run_fs(
    dir: &Path,
    opts: &ScanOptions,
    gate: &super::image::GateArgs,
    scanners: &ScannerArgs,
) -> anyhow::Result<i32> {
    let started = std::time::Instant::now();
    if scanners.scanners.contains(&Scanner::Config) {
        eprintln!(
            "note: --scanners config checks images; use `bulkhead check` for the Dockerfiles and manifests of a directory"
        );
    }
    let scan = if scanners.wants(Scanner::Vuln) {
        bulkhead_image::scan_fs(dir, opts).with_context(|| format!("scanning {}", dir.display()))?
    } else {
        if !dir.is_dir() {
            anyhow::bail!("{}: not a directory", dir.display());
        }
        Scan {
            source: dir.display().to_string(),
            os: None,
            packages: Vec::new(),
            layers: Vec::new(),
            config: None,
            manifest_digest: None,
            image_id: None,
            repo_tags: Vec::new(),
            repo_digests: Vec::new(),
            warnings: Vec::new(),
        }
    };
    let audit = scanners
        .wants(Scanner::Secret)
        .then(|| scan_dir_secrets(dir, scanners));
    finish(&scan, audit.as_ref(), gate, scanners, started)
}
