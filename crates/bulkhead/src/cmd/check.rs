//! `bulkhead check [PATH...]`: walk inputs, detect each file's kind, run its engine, apply
//! selection and suppressions, fix when asked, render.

use crate::cmd::walk::{self, Input, Source};
use crate::cmd::{engines, registry};
use crate::settings::{ResolvedSettings, SettingsArgs};
use anyhow::{Context, bail};
use bulkhead_diagnostics::render::{self, Format, RenderOptions};
use bulkhead_diagnostics::{
    Applicability, Finding, InputError, Report, RuleMeta, apply_suppressions, fix_until_stable,
    is_suppressed,
};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to check (default: the current directory; `-` reads stdin).
    pub paths: Vec<PathBuf>,

    /// Output format; repeat for several reports at once. `FORMAT:PATH` writes that report to
    /// a file (e.g. `--format human --format sarif:bulkhead.sarif`).
    #[arg(long, short = 'f', value_name = "FORMAT[:PATH]")]
    pub format: Vec<String>,

    /// Write the (first file-less) report to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The path to report for input read from stdin; also decides its kind.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,

    /// Apply safe fixes to the files.
    #[arg(long)]
    pub fix: bool,

    /// Also apply unsafe fixes (with --fix or --diff).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the fixes as a unified diff and change nothing.
    #[arg(long)]
    pub diff: bool,

    /// Skip files named on the command line whose content is no Dockerfile, Kubernetes
    /// manifest or Compose file, as files found while walking are skipped (for pre-commit
    /// and editors, which pass every changed YAML file).
    #[arg(long)]
    pub skip_unknown_kinds: bool,

    #[command(flatten)]
    pub settings: SettingsArgs,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let cwd = std::env::current_dir().context("reading the current directory")?;
    let settings = ResolvedSettings::resolve(&args.settings, &cwd)?;
    let outputs = parse_outputs(&args.format, args.output.as_deref())?;
    if args.diff && args.fix {
        bail!("--diff and --fix cannot be combined: --diff changes nothing");
    }
    let run_scope = Arc::new(Scope::new(settings.clone()));
    let scopes = Scopes::new(&args.settings, &cwd, run_scope.clone());

    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let (mut inputs, mut errors) =
        walk::collect(&paths, &settings.walk, args.stdin_filename.as_deref());
    if args.skip_unknown_kinds {
        for i in inputs.iter_mut().filter(|i| i.kind == engines::Kind::Sniff) {
            i.explicit = false;
        }
    }
    // Each input's nearest config decides its rules and engine settings (ruff's rule); a
    // config that is invalid is an error of the run.
    let input_scopes: Vec<Arc<Scope>> = inputs
        .iter()
        .map(|i| scopes.for_input(i))
        .collect::<anyhow::Result<_>>()?;

    // Standard input is read once, whoever names it (`-`, `/dev/stdin`).
    let reads_stdin = inputs.iter().any(|i| i.source == Source::Stdin);
    let stdin_text = match inputs.iter().find(|i| i.source == Source::Stdin) {
        Some(i) => match walk::read_stdin(&i.display) {
            Ok(s) => Some(s),
            Err(e) => {
                errors.push(e);
                None
            }
        },
        None => None,
    };

    let fix_mode = if args.fix || args.diff {
        Some(if args.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        })
    } else {
        None
    };

    // The passes over every file run the rules some input enables; each file leaves them
    // only the facts they read.
    let set_codes = set_codes(&run_scope, &scopes.all());
    let passes = engines::CrossPasses::of(&|r| set_codes.contains(r.code));
    // A large run that only writes a streaming report to stdout is checked in bounded memory.
    if fix_mode.is_none()
        && let [(format, None)] = outputs.as_slice()
        && render::stream::streams(*format)
        && inputs.iter().all(|i| i.file().is_some())
        && input_bytes(&inputs) >= stream_min_bytes()
    {
        if std::env::var_os("BULKHEAD_CHECK_STREAM_BYTES").is_some() {
            // The knob is for tests and tuning: say which way it went.
            eprintln!("bulkhead: checking as a stream ({} inputs)", inputs.len());
        }
        let run = StreamRun {
            inputs: &inputs,
            scopes: &input_scopes,
            settings: &settings,
            passes,
            set_codes,
            format: *format,
        };
        return run.run(errors);
    }

    // One input (the common editor / pre-commit case) does not pay for starting a thread pool.
    // Facts are kept for the passes over every file only when one of their rules runs
    // (`--select DF` keeps nothing).
    let check_one = |(input, scope): (&Input, &Arc<Scope>)| {
        check_input(input, stdin_text.as_deref(), scope, fix_mode, false, passes)
    };
    let results: Vec<FileResult> = if inputs.len() <= 1 {
        inputs.iter().zip(&input_scopes).map(check_one).collect()
    } else {
        inputs
            .par_iter()
            .zip(input_scopes.par_iter())
            .map(check_one)
            .collect()
    };
    // The report lists every rule some input enabled.
    let mut enabled: Vec<&'static RuleMeta> = run_scope.enabled.clone();
    for sc in scopes.all() {
        for r in &sc.enabled {
            if !enabled.iter().any(|e| e.code == r.code) {
                enabled.push(r);
            }
        }
    }
    let registry = registry::all();
    enabled.sort_by_key(|r| registry.iter().position(|x| x.code == r.code));

    let mut report = Report {
        files: results.iter().filter(|r| !r.skipped).count(),
        rules: enabled.clone(),
        ..Report::default()
    };
    let mut diffs = Vec::new();
    let mut write_errors = Vec::new();
    let mut results = results;
    for r in &results {
        report.fixes_applied += r.fixes_applied;
        if let Some(new_text) = &r.fixed_text {
            if args.diff {
                diffs.push(unified_diff(&r.display, &r.original, new_text));
            } else if let Source::File(path) = &r.source {
                if let Err(e) = crate::atomic::write_fix(path, new_text.as_bytes()) {
                    write_errors.push(InputError::new(
                        &r.display,
                        None,
                        format!("cannot write fixes: {e:#}"),
                    ));
                }
            } else if let Source::Stream(_) = &r.source {
                // A pipe is read once: there is nothing to write the fixes back to.
                write_errors.push(InputError::new(
                    &r.display,
                    None,
                    "is a pipe: fixes cannot be written back (use --diff to see them)",
                ));
            } else {
                // stdin with --fix: the fixed text goes to stdout, the report to stderr.
                let mut out = std::io::stdout().lock();
                out.write_all(new_text.as_bytes())?;
                out.flush()?;
            }
        }
    }
    // Cross-file passes (references between objects, NetworkPolicy lints): their findings
    // join each file's own before suppressions apply, so an annotation can hide them too.
    let facts: Vec<engines::SetFacts> = results.iter_mut().filter_map(|r| r.facts.take()).collect();
    let mut cross: std::collections::HashMap<String, Vec<Finding>> = Default::default();
    let in_set = |r: &RuleMeta| set_codes.contains(r.code);
    // The facts go with the pass: released before the sources are read back for the report.
    for f in engines::check_set(facts, &settings, &in_set) {
        cross.entry(f.path.clone()).or_default().push(f);
    }
    // Files in path order, each file's findings in position order: the report's final sort
    // then only confirms the order instead of comparing paths across ten thousand findings.
    results.sort_by(|a, b| a.display.cmp(&b.display));
    for r in &mut results {
        errors.append(&mut r.errors);
        let part = finalize(r, cross.remove(&r.display));
        if let Some(t) = part.source {
            report.sources.insert(r.display.clone(), t);
        }
        report.findings.extend(part.findings);
        report.suppressed.extend(part.suppressed);
    }
    // Findings about files that are not inputs of their own (should not happen) still count.
    for (_, fs) in cross {
        report.findings.extend(
            fs.into_iter()
                .filter(|f| run_scope.enabled_codes.contains(f.rule.code)),
        );
    }
    errors.extend(write_errors);
    report.errors = errors;
    report.sort();

    if args.diff {
        let mut out = std::io::stdout().lock();
        for d in &diffs {
            out.write_all(d.as_bytes())?;
        }
        out.flush()?;
        if !report.errors.is_empty() {
            for e in &report.errors {
                eprintln!("{}", render_error(e));
            }
            return Ok(2);
        }
        return Ok(if diffs.is_empty() { 0 } else { 1 });
    }

    let stdout_is_tty = std::io::stdout().is_terminal();
    let tool_version = env!("CARGO_PKG_VERSION").to_string();
    for (format, path) in &outputs {
        let color = path.is_none()
            && stdout_is_tty
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let opts = RenderOptions {
            color,
            tool_version: tool_version.clone(),
        };
        match path {
            None => {
                // With `--fix` on stdin, stdout carries the fixed text; the report goes to stderr.
                if args.fix && reads_stdin {
                    let mut err = std::io::stderr().lock();
                    render::render(*format, &report, &opts, &mut err)?;
                } else {
                    let mut out = std::io::stdout().lock();
                    render::render(*format, &report, &opts, &mut out)?;
                    out.flush()?;
                }
            }
            Some(p) => {
                let mut buf = Vec::new();
                render::render(*format, &report, &opts, &mut buf)?;
                crate::atomic::write_report(p, &buf)
                    .with_context(|| format!("writing report {}", p.display()))?;
            }
        }
    }
    // Input errors always reach the terminal: on stderr unless a human or concise report on
    // stdout already shows them.
    let shown_on_stdout = outputs
        .iter()
        .any(|(f, p)| p.is_none() && matches!(f, Format::Human | Format::Concise));
    if !shown_on_stdout {
        for e in &report.errors {
            eprintln!("{}", render_error(e));
        }
    }
    let code = report.exit_code(settings.fail_on);
    // Freeing every parsed tree and finding one by one takes longer than the rendering: the
    // process is about to exit, which returns the memory at once.
    std::mem::forget(report);
    std::mem::forget(results);
    Ok(code)
}

/// Inputs of at least this many bytes in all are checked as a stream ([`StreamRun`]); below,
/// every file is parsed once and its results kept until the report is written (no second
/// read). `BULKHEAD_CHECK_STREAM_BYTES` overrides it (the tests set 0 to stream any input);
/// when set, a streamed run says so on stderr.
const STREAM_MIN_BYTES: u64 = 64 << 20;

fn stream_min_bytes() -> u64 {
    std::env::var("BULKHEAD_CHECK_STREAM_BYTES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(STREAM_MIN_BYTES)
}

/// The bytes of every regular file among `inputs` (what they take to read).
fn input_bytes(inputs: &[Input]) -> u64 {
    inputs
        .iter()
        .filter_map(|i| i.file())
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// Most files, and bytes of them, checked together before their part of the report is
/// written: what a stream holds at once besides the cross-file facts.
const STREAM_CHUNK_FILES: usize = 128;
const STREAM_CHUNK_BYTES: u64 = 4 << 20;

/// `check` over many files in bounded memory, for reports that are written file by file
/// (human, concise, github to stdout, no fixing). When a cross-file rule runs, a first pass
/// loads each Kubernetes file and keeps only the facts those rules read
/// ([`engines::set_facts`], as the in-memory run does) and runs them; then the files are checked
/// again in path order, a chunk at a time, each file's findings (its own and the cross-file
/// ones) rendered and released before the next chunk is read. The output is byte for byte
/// the in-memory run's.
struct StreamRun<'a> {
    inputs: &'a [Input],
    scopes: &'a [Arc<Scope>],
    settings: &'a ResolvedSettings,
    /// The passes over every file that run.
    passes: engines::CrossPasses,
    /// The rules some input enables (the cross-file passes run those).
    set_codes: HashSet<&'static str>,
    format: Format,
}

impl StreamRun<'_> {
    fn run(&self, mut errors: Vec<InputError>) -> anyhow::Result<i32> {
        let mut cross: std::collections::HashMap<String, Vec<Finding>> = Default::default();
        if self.passes.any() {
            let facts: Vec<engines::SetFacts> = self
                .inputs
                .par_iter()
                .zip(self.scopes.par_iter())
                .filter_map(|(i, sc)| facts_for_set(i, sc, self.passes))
                .collect();
            let in_set = |r: &RuleMeta| self.set_codes.contains(r.code);
            for f in engines::check_set(facts, self.settings, &in_set) {
                cross.entry(f.path.clone()).or_default().push(f);
            }
        }
        let stdout_is_tty = std::io::stdout().is_terminal();
        let opts = RenderOptions {
            color: stdout_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
        };
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let mut tally = render::stream::Tally::default();
        let mut end = Report::default();
        // Sources of the files with findings, for the frames of their input errors.
        let mut sources: std::collections::HashMap<String, Arc<str>> = Default::default();
        let sizes: Vec<u64> = self
            .inputs
            .iter()
            .map(|i| {
                i.file()
                    .and_then(|p| std::fs::metadata(p).ok())
                    .map_or(0, |m| m.len())
            })
            .collect();
        let mut start = 0;
        while start < self.inputs.len() {
            let (mut stop, mut bytes) = (start, 0);
            while stop < self.inputs.len()
                && stop - start < STREAM_CHUNK_FILES
                && (stop == start || bytes + sizes[stop] <= STREAM_CHUNK_BYTES)
            {
                bytes += sizes[stop];
                stop += 1;
            }
            let results: Vec<FileResult> = self.inputs[start..stop]
                .par_iter()
                .zip(self.scopes[start..stop].par_iter())
                .map(|(input, scope)| {
                    check_input(input, None, scope, None, true, Default::default())
                })
                .collect();
            start = stop;
            for mut r in results {
                if !r.skipped {
                    end.files += 1;
                }
                let extra = cross.remove(&r.display);
                let part = finalize(&mut r, extra);
                let mut report = Report {
                    findings: part.findings,
                    suppressed: part.suppressed,
                    ..Report::default()
                };
                if let Some(t) = part.source {
                    if !r.errors.is_empty() {
                        sources.insert(r.display.clone(), t.clone());
                    }
                    report.sources.insert(r.display.clone(), t);
                }
                errors.append(&mut r.errors);
                render::stream::render_findings(self.format, &report, &opts, &mut out)?;
                tally.add(&report);
            }
        }
        // Findings about files that are not inputs of their own (should not happen): after
        // the others, as the in-memory run sorts them among the files' own.
        let mut rest: Vec<Finding> = cross.into_values().flatten().collect();
        rest.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let rest = Report {
            findings: rest,
            ..Report::default()
        };
        render::stream::render_findings(self.format, &rest, &opts, &mut out)?;
        tally.add(&rest);

        errors.sort();
        for e in &errors {
            if let Some(t) = sources.remove(&e.path) {
                end.sources.insert(e.path.clone(), t);
            }
        }
        end.errors = errors;
        render::stream::render_end(self.format, &end, &tally, &opts, &mut out)?;
        out.flush()?;
        drop(out);
        if !matches!(self.format, Format::Human | Format::Concise) {
            for e in &end.errors {
                eprintln!("{}", render_error(e));
            }
        }
        Ok(if !end.errors.is_empty() {
            2
        } else if tally.fails(self.settings.fail_on) {
            1
        } else {
            0
        })
    }
}

/// The codes of the rules the run's scope or any input's enables: the cross-file passes run
/// only those (each input's findings are filtered by its own scope afterwards).
fn set_codes(run: &Scope, scopes: &[Arc<Scope>]) -> HashSet<&'static str> {
    let mut codes = run.enabled_codes.clone();
    for s in scopes {
        codes.extend(s.enabled_codes.iter().copied());
    }
    codes
}

/// What the cross-file passes read of one input ([`engines::set_facts`]), as
/// [`check_input`] leaves it; `None` for other kinds, unreadable files and loader failures
/// (the second pass reports those). The per-file rules do not run here: they run once, in
/// the second pass.
fn facts_for_set(
    input: &Input,
    scope: &Arc<Scope>,
    passes: engines::CrossPasses,
) -> Option<engines::SetFacts> {
    let text = walk::read(input).ok()?;
    let kind = match input.kind {
        engines::Kind::Sniff => engines::sniff(&input.display, &text)?,
        k => k,
    };
    if kind != engines::Kind::Kubernetes {
        return None;
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let l = bulkhead_k8s::load(&input.display, &text);
        engines::set_facts(&input.display, &l, &scope.settings, passes)
    }))
    .ok()
}

/// One file's final word: what the report shows of it.
struct FilePart {
    /// Findings that count, in report order.
    findings: Vec<Finding>,
    /// Findings a suppression hid.
    suppressed: Vec<Finding>,
    /// The text their frames show, when there is any finding.
    source: Option<Arc<str>>,
}

/// Join the cross-file findings `extra` to one file's own, keep the selected ones, apply the
/// file's suppressions and sort them; fetch the text when something is shown from it.
fn finalize(r: &mut FileResult, extra: Option<Vec<Finding>>) -> FilePart {
    let mut findings = std::mem::take(&mut r.findings);
    if let Some(extra) = extra {
        findings.extend(extra);
    }
    let scope = r.scope.clone();
    findings.retain(|f| scope.enabled_codes.contains(f.rule.code));
    let active = |code: &str| scope.enabled.iter().any(|r| r.matches_code(code));
    let (mut kept, hidden) = apply_suppressions(&r.display, findings, &r.suppressions, &active);
    kept.extend(unknown_suppression_codes(&r.display, &r.suppressions));
    kept.retain(|f| scope.enabled_codes.contains(f.rule.code));
    kept.sort_by(within_file_order);
    let mut source = None;
    if !kept.is_empty() || !hidden.is_empty() {
        let text = match (&r.source, r.text_dropped) {
            (Source::File(p), true) => std::fs::read_to_string(p).ok().map(Arc::from),
            _ => Some(r.text.clone()),
        };
        if let Some(mut t) = text {
            // A code frame never shows a secret, whatever rules ran.
            let sc: Vec<_> = kept
                .iter()
                .chain(&hidden)
                .filter(|f| f.rule.code.starts_with("SC"))
                .filter_map(|f| f.range)
                .collect();
            if let Some(m) = bulkhead_audit::secrets::check::mask_source(&t, &sc) {
                t = Arc::from(m);
            }
            source = Some(t);
        }
    }
    FilePart {
        findings: kept,
        suppressed: hidden,
        source,
    }
}

/// The report's order ([`Finding::sort_key`]) for two findings of the same file.
fn within_file_order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    let (ka, kb) = (a.sort_key(), b.sort_key());
    (ka.1, ka.2, ka.3, ka.4).cmp(&(kb.1, kb.2, kb.3, kb.4))
}

/// What checking one input produced.
struct FileResult {
    display: String,
    source: Source,
    /// Text the findings refer to (after fixes, when fixing).
    text: Arc<str>,
    original: Arc<str>,
    fixed_text: Option<String>,
    fixes_applied: usize,
    /// Selected findings, not yet suppressed (cross-file findings join them first).
    findings: Vec<Finding>,
    suppressions: Vec<bulkhead_diagnostics::Suppression>,
    errors: Vec<InputError>,
    /// The kind the engine saw (sniffed kinds resolved).
    kind: engines::Kind,
    /// What the passes over every file read of the final text's Kubernetes objects.
    facts: Option<engines::SetFacts>,
    /// Not an input of ours after all (see [`engines::check_text`]).
    skipped: bool,
    /// `text` was released because the file had no finding of its own.
    text_dropped: bool,
    /// The settings and rules of this input (its nearest config).
    scope: Arc<Scope>,
}

/// The settings one config yields, with the rules they enable.
#[derive(Debug)]
struct Scope {
    settings: ResolvedSettings,
    enabled: Vec<&'static RuleMeta>,
    enabled_codes: HashSet<&'static str>,
}

impl Scope {
    fn new(settings: ResolvedSettings) -> Self {
        let enabled: Vec<&'static RuleMeta> = registry::all()
            .into_iter()
            .filter(|r| settings.selection.is_enabled(r))
            .collect();
        let enabled_codes: HashSet<&'static str> = enabled.iter().map(|r| r.code).collect();
        Scope {
            settings,
            enabled,
            enabled_codes,
        }
    }
}

/// Finds each input's nearest `bulkhead.toml` walking up from its directory (ruff's rule:
/// the nearest config of the file wins); `--config` and `--isolated` make one scope for all.
/// Inputs under no config (and stdin) use the run's scope, from the working directory.
struct Scopes<'a> {
    args: &'a SettingsArgs,
    cwd: &'a Path,
    run: Arc<Scope>,
    per_file: bool,
    /// Directory -> its nearest config; config -> its scope.
    dirs: std::sync::Mutex<std::collections::HashMap<PathBuf, Option<PathBuf>>>,
    by_config: std::sync::Mutex<std::collections::HashMap<PathBuf, Arc<Scope>>>,
}

impl<'a> Scopes<'a> {
    fn new(args: &'a SettingsArgs, cwd: &'a Path, run: Arc<Scope>) -> Self {
        Scopes {
            args,
            cwd,
            per_file: ResolvedSettings::per_file_config(args),
            run,
            dirs: Default::default(),
            by_config: Default::default(),
        }
    }

    fn for_input(&self, input: &Input) -> anyhow::Result<Arc<Scope>> {
        let Some(path) = input.fs_path().filter(|_| self.per_file) else {
            return Ok(self.run.clone());
        };
        let dir = match self.cwd.join(path).parent() {
            Some(d) => d.to_path_buf(),
            None => return Ok(self.run.clone()),
        };
        let config = {
            let mut dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
            dirs.entry(dir.clone())
                .or_insert_with(|| bulkhead_config::discover(&dir))
                .clone()
        };
        let Some(config) = config else {
            return Ok(self.run.clone());
        };
        if self
            .run
            .settings
            .config_path
            .as_deref()
            .is_some_and(|p| same_file(p, &config))
        {
            return Ok(self.run.clone());
        }
        let mut by = self.by_config.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(s) = by.get(&config) {
            return Ok(s.clone());
        }
        let scope = Arc::new(Scope::new(ResolvedSettings::resolve_with(
            self.args,
            Some(&config),
        )?));
        by.insert(config, scope.clone());
        Ok(scope)
    }

    /// Every scope made besides the run's.
    fn all(&self) -> Vec<Arc<Scope>> {
        let by = self.by_config.lock().unwrap_or_else(|e| e.into_inner());
        let mut v: Vec<_> = by.iter().collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v.into_iter().map(|(_, s)| s.clone()).collect()
    }
}

/// Whether two paths name the same file (a relative `./bulkhead.toml` and its absolute form).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b || std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok()
}

/// Most fix rounds per file; a rule pair that keeps rewriting each other stops here.
const MAX_FIX_ROUNDS: usize = 10;

fn check_input(
    input: &Input,
    stdin_text: Option<&str>,
    scope: &Arc<Scope>,
    fix_mode: Option<Applicability>,
    keep_text: bool,
    passes: engines::CrossPasses,
) -> FileResult {
    let (settings, enabled_set) = (&scope.settings, &scope.enabled_codes);
    let mut result = FileResult {
        display: input.display.clone(),
        source: input.source.clone(),
        text: Arc::from(""),
        original: Arc::from(""),
        fixed_text: None,
        fixes_applied: 0,
        findings: Vec::new(),
        suppressions: Vec::new(),
        errors: Vec::new(),
        kind: input.kind,
        facts: None,
        skipped: false,
        text_dropped: false,
        scope: scope.clone(),
    };
    let text: String = match &input.source {
        Source::Stdin => match stdin_text {
            Some(s) => s.to_string(),
            None => return result,
        },
        _ => match walk::read(input) {
            Ok(s) => s,
            Err(e) => {
                result.errors.push(e);
                return result;
            }
        },
    };
    // The text is shared with the report only if something is shown from it: most bytes of a
    // large tree (CRDs) never need the copy into an `Arc`.
    let original = text;
    // The last check of each round; the one of the final text is what gets reported.
    let mut last: Option<std::thread::Result<Option<engines::Checked>>> = None;
    let looped = fix_until_stable(&original, MAX_FIX_ROUNDS, |current| {
        // An engine bug on one input must not take the other inputs down: it becomes an
        // input error (exit 2) naming the file, and the rest are still checked.
        let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            engines::check_text(
                input.kind,
                &input.display,
                current,
                settings,
                input.explicit,
                input.fs_path(),
            )
        }));
        let fixes = match (&checked, fix_mode) {
            // A suppressed finding is accepted as it is: fixing it would rewrite a line the
            // user chose to keep (and can turn a passing file into a failing one).
            (Ok(Some(c)), Some(mode)) if c.outcome.errors.is_empty() => c
                .outcome
                .findings
                .iter()
                .filter(|f| enabled_set.contains(f.rule.code))
                .filter(|f| !is_suppressed(f, &c.outcome.suppressions))
                .filter_map(|f| f.fix.clone())
                .filter(|fx| fx.applicability <= mode)
                .collect(),
            _ => Vec::new(),
        };
        last = Some(checked);
        fixes
    });
    let fixed = looped.fixed;
    result.fixes_applied = looped.applied;
    match last {
        Some(Ok(Some(engines::Checked {
            kind,
            outcome,
            loaded,
        }))) => {
            result.kind = kind;
            // Only the facts the passes over every file read outlive the check of the file.
            if let Some(l) = loaded.filter(|_| passes.any()) {
                let facts = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    engines::set_facts(&input.display, &l, settings, passes)
                }));
                match facts {
                    Ok(f) => result.facts = Some(f),
                    Err(_) => result.errors.push(InputError::new(
                        &input.display,
                        None,
                        "internal error while checking this file (a bug in bulkhead: please report it with the file)",
                    )),
                }
            }
            result.findings = outcome
                .findings
                .into_iter()
                .filter(|f| enabled_set.contains(f.rule.code))
                .collect();
            result.suppressions = outcome.suppressions;
            result.errors.extend(outcome.errors);
        }
        Some(Ok(None)) | None => {
            // A YAML/JSON file found by walking that holds no Kubernetes or Compose content.
            result.skipped = true;
            return result;
        }
        Some(Err(_)) => {
            result.errors.push(InputError::new(
                &input.display,
                None,
                "internal error while checking this file (a bug in bulkhead: please report it with the file)",
            ));
            return result;
        }
    }
    if result.fixes_applied > 0 {
        result.fixed_text = fixed.clone();
    }
    match fixed {
        Some(t) => {
            result.text = Arc::from(t);
            result.original = Arc::from(original);
        }
        // A regular file's text is not held while the other files are checked: the report
        // reads it back when it has something to show from it.
        None if input.file().is_some() && !keep_text => {
            result.text_dropped = true;
        }
        None => {
            result.text = Arc::from(original);
            result.original = result.text.clone();
        }
    }
    result
}

/// Our own suppressions (origin `bulkhead`) must name real rules; a typo is reported (BH002)
/// instead of silently suppressing nothing.
fn unknown_suppression_codes(
    path: &str,
    sups: &[bulkhead_diagnostics::Suppression],
) -> Vec<Finding> {
    let all = registry::all();
    let mut out = Vec::new();
    for s in sups.iter().filter(|s| s.origin == "bulkhead") {
        for c in &s.codes {
            if !all.iter().any(|r| r.matches_code(c)) {
                out.push(Finding::new(
                    &bulkhead_diagnostics::rule::builtin::INVALID_SUPPRESSION,
                    path,
                    Some(s.range),
                    format!("Suppression names unknown rule `{c}`"),
                ));
            }
        }
    }
    out
}

fn parse_outputs(
    formats: &[String],
    output: Option<&Path>,
) -> anyhow::Result<Vec<(Format, Option<PathBuf>)>> {
    let mut outs: Vec<(Format, Option<PathBuf>)> = Vec::new();
    let list: Vec<&str> = if formats.is_empty() {
        vec!["human"]
    } else {
        formats.iter().map(String::as_str).collect()
    };
    for f in list {
        let (name, path) = match f.split_once(':') {
            Some((n, p)) if !p.is_empty() => (n, Some(PathBuf::from(p))),
            _ => (f, None),
        };
        outs.push((parse_format(name)?, path));
    }
    if let Some(o) = output {
        match outs.iter_mut().find(|(_, p)| p.is_none()) {
            Some(slot) => slot.1 = Some(o.to_path_buf()),
            None => bail!("--output given but every --format already names its file"),
        }
    }
    if outs.iter().filter(|(_, p)| p.is_none()).count() > 1 {
        bail!("only one report can go to stdout; give the others a file with FORMAT:PATH");
    }
    Ok(outs)
}

fn parse_format(name: &str) -> anyhow::Result<Format> {
    Ok(name.parse::<Format>()?)
}

/// An input error for stderr: path and message sanitised (a hostile file name must not reach
/// the terminal as escape sequences).
fn render_error(e: &InputError) -> String {
    let (path, message) = (render::sanitize(&e.path), render::sanitize(&e.message));
    match e.range {
        Some(r) => format!(
            "{path}:{}:{}: error: {message}",
            r.start.line, r.start.column
        ),
        None => format!("{path}: error: {message}"),
    }
}

/// A unified diff of one file's fixes, with `a/` and `b/` headers like git.
fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let path = render::sanitize(path);
    diff.unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
