//! `bulkhead db import|update|status`: build, refresh and inspect the advisory store.
//!
//! `import` reads feed files given on the command line (for air-gapped sites); `update`
//! downloads the same feeds from configurable URLs with conditional requests, retries and
//! progress bars, keeping the downloaded files next to the store; both write a new store file
//! and rename it over the old one, so scans never see a half-written store.

use anyhow::Context;
use bulkhead_advisory::{
    SourceInfo, Store, check_store_target, feeds, parse_path, write_store, write_store_with,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: DbCommand,
}

#[derive(Debug, clap::Subcommand)]
enum DbCommand {
    /// Import OSV JSON (files, directories, osv.dev all.zip dumps), Alpine secdb (YAML/JSON)
    /// and Debian security tracker JSON into the store.
    Import(ImportArgs),
    /// Download the public feeds (or mirrors of them) and rebuild the store.
    Update(UpdateArgs),
    /// Show the store's sources, record counts and age.
    Status(StatusArgs),
}

/// Where the store is.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DbPathArgs {
    /// Advisory database file [default: `[scan] db` in bulkhead.toml, else
    /// $XDG_CACHE_HOME/bulkhead/advisory.db]. Also $BULKHEAD_DB.
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

impl DbPathArgs {
    /// The store path: the flag, then the config, then the user cache directory.
    pub fn resolve(&self, config_db: Option<&Path>) -> anyhow::Result<PathBuf> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        if let Some(p) = std::env::var_os("BULKHEAD_DB").filter(|v| !v.is_empty()) {
            return Ok(PathBuf::from(p));
        }
        if let Some(p) = config_db {
            return Ok(p.to_path_buf());
        }
        let cache = std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
            .context("no cache directory: set $XDG_CACHE_HOME or $HOME, or pass --db PATH")?;
        Ok(cache.join("bulkhead").join("advisory.db"))
    }
}

/// `[scan] db` from the discovered bulkhead.toml, if any (relative paths are relative to the
/// config file).
fn config_db() -> anyhow::Result<Option<PathBuf>> {
    let cwd = std::env::current_dir().context("current directory")?;
    Ok(bulkhead_config::Loaded::find(None, &cwd)?.scan().db)
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// Feed files or directories.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbPathArgs,
    /// Drop every other source from the store instead of keeping it.
    #[arg(long)]
    replace: bool,
    /// Accept a source that yields no record where the store held some for it (otherwise
    /// refused: an emptied feed is far more often a broken download than a fixed world).
    #[arg(long)]
    allow_empty: bool,
}

#[derive(Debug, clap::Args)]
struct UpdateArgs {
    #[command(flatten)]
    db: DbPathArgs,
    /// Feeds to download (comma-separated): osv, alpine, debian.
    #[arg(long, value_delimiter = ',', default_value = "osv,alpine,debian")]
    feeds: Vec<String>,
    /// Base URL of the OSV per-ecosystem dumps (`BASE/ECOSYSTEM/all.zip`).
    #[arg(
        long,
        value_name = "URL",
        default_value = "https://osv-vulnerabilities.storage.googleapis.com"
    )]
    osv_url: String,
    /// OSV ecosystems to download (comma-separated).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "crates.io,Go,PyPI,npm,Maven,RubyGems,NuGet"
    )]
    ecosystems: Vec<String>,
    /// Base URL of the Alpine secdb (`BASE/vX.Y/main.json`).
    #[arg(
        long,
        value_name = "URL",
        default_value = "https://secdb.alpinelinux.org"
    )]
    alpine_url: String,
    /// Alpine branches to download (comma-separated), each with its main and community repos.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "v3.18,v3.19,v3.20,v3.21,v3.22,edge"
    )]
    alpine_branches: Vec<String>,
    /// URL of the Debian security tracker JSON.
    #[arg(
        long,
        value_name = "URL",
        default_value = "https://security-tracker.debian.org/tracker/data/json"
    )]
    debian_url: String,
    /// Attempts per download before giving up (transport errors, 429 and 5xx are retried).
    #[arg(long, default_value_t = 3)]
    retries: u32,
    /// Timeout of one download attempt, in seconds.
    #[arg(long, default_value_t = 300)]
    timeout: u64,
    /// No progress bars.
    #[arg(long, short)]
    quiet: bool,
    /// Accept a feed that yields no record where the store held some for it.
    #[arg(long)]
    allow_empty: bool,
}

#[derive(Debug, clap::Args)]
struct StatusArgs {
    #[command(flatten)]
    db: DbPathArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: StatusFormat,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum StatusFormat {
    Table,
    Json,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    match args.command {
        DbCommand::Import(a) => import(a),
        DbCommand::Update(a) => update(a),
        DbCommand::Status(a) => status(a),
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Whether a parsed source may replace what the store holds for it: not when it had errors
/// (its earlier records stay), nor when it yields nothing where it held records (unless
/// `allow_empty`). Prints why not.
fn acceptable(
    name: &str,
    records: usize,
    errors: usize,
    previous: Option<&SourceInfo>,
    allow_empty: bool,
) -> bool {
    let held = previous.map_or(0, |p| p.advisories);
    if errors > 0 {
        let kept = if held > 0 {
            format!("; the store keeps its {held} earlier records")
        } else {
            String::new()
        };
        eprintln!("error: {name}: {errors} unreadable or malformed files: not imported{kept}");
        return false;
    }
    if records == 0 && held > 0 && !allow_empty {
        eprintln!(
            "error: {name}: 0 records where the store holds {held}: refused (pass --allow-empty to accept an empty source)"
        );
        return false;
    }
    true
}

fn import(args: ImportArgs) -> anyhow::Result<i32> {
    let db = args.db.resolve(config_db()?.as_deref())?;
    // Refuse a path that holds anything but a store before reading a single feed.
    check_store_target(&db)?;
    let previous: Vec<SourceInfo> = Store::open(&db)
        .and_then(|s| s.stats())
        .map(|s| s.sources)
        .unwrap_or_default();
    let mut code = 0;
    let mut sources = Vec::new();
    for path in &args.paths {
        if !path.exists() {
            eprintln!("error: {}: no such file or directory", path.display());
            code = 2;
            continue;
        }
        let (batch, report) = parse_path(path);
        for e in &report.errors {
            eprintln!("error: {e}");
            code = 2;
        }
        let name = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.clone())
            .display()
            .to_string();
        eprintln!(
            "read {} ({} files, {} records, {} skipped: withdrawn or informational)",
            path.display(),
            report.files,
            batch.advisories.len(),
            report.skipped
        );
        if !report.ignored.is_empty() {
            eprintln!(
                "note: {} JSON files that are no advisory were passed over: {}",
                report.ignored.len(),
                list_some(&report.ignored)
            );
        }
        let prev = previous.iter().find(|p| p.name == name);
        let records = batch.advisories.len();
        if !acceptable(&name, records, report.errors.len(), prev, args.allow_empty) {
            code = 2;
            continue;
        }
        sources.push((
            SourceInfo {
                location: name.clone(),
                name,
                kinds: report.kinds.iter().map(|k| k.to_string()).collect(),
                ..SourceInfo::default()
            },
            batch,
        ));
    }
    if sources.is_empty() {
        eprintln!("error: nothing imported: the store is unchanged");
        return Ok(2);
    }
    let (stats, replaced) = write_store(&db, sources, !args.replace)?;
    if replaced {
        eprintln!(
            "warning: the previous file at {} was a damaged store or one of another format, and was replaced",
            db.display()
        );
    }
    println!(
        "{}: {} advisories, {} affected packages, {} sources, {} bytes",
        db.display(),
        stats.advisories,
        stats.affected,
        stats.sources.len(),
        stats.bytes
    );
    Ok(code)
}

/// The first few paths of a list, and how many more.
fn list_some(paths: &[PathBuf]) -> String {
    let mut s: Vec<String> = paths
        .iter()
        .take(3)
        .map(|p| p.display().to_string())
        .collect();
    if paths.len() > 3 {
        s.push(format!("and {} more", paths.len() - 3));
    }
    s.join(", ")
}

/// Time since `secs` (Unix seconds), as [`span`] writes it.
fn age(secs: u64) -> String {
    span(now().saturating_sub(secs))
}

/// A duration in the largest unit that keeps it readable: `45s`, `90m`, `36h`, `7d`.
pub fn span(d: u64) -> String {
    if d < 120 {
        format!("{d}s")
    } else if d < 7200 {
        format!("{}m", d / 60)
    } else if d < 172_800 {
        format!("{}h", d / 3600)
    } else {
        format!("{}d", d / 86400)
    }
}

fn status(args: StatusArgs) -> anyhow::Result<i32> {
    let db = args.db.resolve(config_db()?.as_deref())?;
    let store = Store::open(&db)?;
    let stats = store.stats()?;
    let mut out = std::io::stdout().lock();
    match args.format {
        StatusFormat::Json => {
            let mut v = serde_json::to_value(&stats)?;
            let updated = stats.updated_at().unwrap_or(stats.built_at);
            v["updated_at"] = updated.into();
            v["age_seconds"] = now().saturating_sub(updated).into();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        StatusFormat::Table => {
            writeln!(out, "database:   {}", stats.path.display())?;
            writeln!(out, "format:     {}", stats.format)?;
            match stats.updated_at() {
                Some(t) => writeln!(out, "updated:    {} ago", age(t))?,
                None => writeln!(out, "updated:    never: the store has no source")?,
            }
            writeln!(
                out,
                "records:    {} advisories, {} affected packages",
                stats.advisories, stats.affected
            )?;
            let per = stats.bytes.checked_div(stats.advisories).unwrap_or(0);
            writeln!(
                out,
                "size:       {} bytes ({per} bytes per advisory)",
                stats.bytes
            )?;
            writeln!(out, "sources:")?;
            let w = stats
                .sources
                .iter()
                .map(|s| s.name.len())
                .max()
                .unwrap_or(0);
            for s in &stats.sources {
                writeln!(
                    out,
                    "  {:w$}  {:>7} advisories  {:>7} affected  {:>5} ago  {}",
                    s.name,
                    s.advisories,
                    s.affected,
                    age(s.imported_at),
                    s.kinds.join(",")
                )?;
                if let (Some(at), Some(err)) = (s.failed_at, &s.error) {
                    writeln!(
                        out,
                        "  {:w$}  last update failed {} ago: {err}",
                        "",
                        age(at)
                    )?;
                }
            }
        }
    }
    Ok(0)
}

/// `bulkhead_advisory::feeds` progress as an indicatif bar per download on stderr (hidden
/// with `--quiet`).
struct Bars {
    multi: indicatif::MultiProgress,
    quiet: bool,
    current: std::sync::Mutex<Option<indicatif::ProgressBar>>,
}

impl feeds::Progress for Bars {
    fn started(&self, feed: &str, total: Option<u64>) {
        if self.quiet {
            return;
        }
        let b = self.multi.add(match total {
            Some(n) => indicatif::ProgressBar::new(n),
            None => indicatif::ProgressBar::new_spinner(),
        });
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{msg:28} {bar:30} {bytes:>10}/{total_bytes:10} {bytes_per_sec}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b.set_message(feed.to_string());
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = Some(b);
    }
    fn advanced(&self, bytes: u64) {
        if let Some(b) = &*self.current.lock().unwrap_or_else(|e| e.into_inner()) {
            b.inc(bytes);
        }
    }
    fn finished(&self) {
        if let Some(b) = self
            .current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            b.finish_and_clear();
        }
    }
}

fn update(args: UpdateArgs) -> anyhow::Result<i32> {
    let db = args.db.resolve(config_db()?.as_deref())?;
    // Refuse a path that holds anything but a store before creating the feed cache beside it.
    check_store_target(&db)?;
    let feeds = feeds::feed_list(
        &args.feeds,
        &feeds::FeedUrls {
            osv: &args.osv_url,
            ecosystems: &args.ecosystems,
            alpine: &args.alpine_url,
            alpine_branches: &args.alpine_branches,
            debian: &args.debian_url,
        },
    )?;
    let cache_dir = db.with_file_name(format!(
        "{}.feeds",
        db.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("advisory.db")
    ));
    std::fs::create_dir_all(&cache_dir)
        .with_context(|| format!("cannot create {}", cache_dir.display()))?;
    feeds::clean_partial_downloads(&cache_dir);
    let previous: Vec<SourceInfo> = match Store::open(&db) {
        Ok(s) => s.stats()?.sources,
        Err(_) => Vec::new(),
    };
    let store_usable = Store::open(&db).is_ok();
    let fetcher = feeds::Fetcher::new(
        Duration::from_secs(args.timeout),
        args.retries,
        concat!("bulkhead/", env!("CARGO_PKG_VERSION")),
    );
    let bars = Bars {
        multi: indicatif::MultiProgress::with_draw_target(if args.quiet {
            indicatif::ProgressDrawTarget::hidden()
        } else {
            indicatif::ProgressDrawTarget::stderr()
        }),
        quiet: args.quiet,
        current: std::sync::Mutex::new(None),
    };
    let mut code = 0;
    let mut sources = Vec::new();
    // Sources whose records stay: confirmed current (304), or kept after a failure.
    let mut refreshed: Vec<SourceInfo> = Vec::new();
    let (mut new, mut unchanged, mut missing, mut failed) = (0, 0, 0, 0);
    let failure = |prev: Option<&SourceInfo>, why: String, refreshed: &mut Vec<SourceInfo>| {
        if let Some(p) = prev {
            refreshed.push(SourceInfo {
                failed_at: Some(now()),
                error: Some(why),
                ..p.clone()
            });
        }
    };
    for feed in &feeds {
        let dest = cache_dir.join(&feed.file);
        let prev = previous.iter().find(|s| s.name == feed.name);
        let fetched = match fetcher.fetch(feed, &dest, prev, &bars) {
            Ok(f) => f,
            Err(e) => {
                let why = format!("{e:#}");
                eprintln!("error: {why}");
                failure(prev, why, &mut refreshed);
                failed += 1;
                code = 2;
                continue;
            }
        };
        let (etag, last_modified) = match fetched {
            feeds::Fetched::Missing => {
                missing += 1;
                eprintln!("note: {} not found (skipped)", feed.url);
                continue;
            }
            // Current, and the store already holds it: its records stay, its time moves.
            feeds::Fetched::NotModified if store_usable && prev.is_some() => {
                unchanged += 1;
                if let Some(p) = prev {
                    refreshed.push(SourceInfo {
                        imported_at: now(),
                        failed_at: None,
                        error: None,
                        ..p.clone()
                    });
                }
                continue;
            }
            feeds::Fetched::NotModified => (
                prev.and_then(|p| p.etag.clone()),
                prev.and_then(|p| p.last_modified.clone()),
            ),
            feeds::Fetched::New {
                etag,
                last_modified,
            } => (etag, last_modified),
        };
        let (batch, report) = parse_path(&dest);
        for e in &report.errors {
            eprintln!("error: {e}");
        }
        if !acceptable(
            &feed.name,
            batch.advisories.len(),
            report.errors.len(),
            prev,
            args.allow_empty,
        ) {
            let why = match report.errors.first() {
                Some(e) => format!("{} malformed files, first: {e}", report.errors.len()),
                None => "0 records where the store held some (refused)".to_string(),
            };
            failure(prev, why, &mut refreshed);
            failed += 1;
            code = 2;
            continue;
        }
        new += 1;
        sources.push((
            SourceInfo {
                name: feed.name.clone(),
                kinds: report.kinds.iter().map(|k| k.to_string()).collect(),
                location: feed.url.clone(),
                etag,
                last_modified,
                ..SourceInfo::default()
            },
            batch,
        ));
    }
    let summary = format!(
        "{new} feeds updated, {unchanged} unchanged, {missing} not found{}",
        if failed > 0 {
            format!(", {failed} failed")
        } else {
            String::new()
        }
    );
    if !store_usable && sources.is_empty() {
        // Nothing downloaded and nothing to keep: an empty store would let scans pass.
        eprintln!("{summary}");
        eprintln!(
            "error: no feed could be read: no store was written at {}",
            db.display()
        );
        let _ = std::fs::remove_dir(&cache_dir); // only when empty
        return Ok(2);
    }
    let (stats, _) = write_store_with(&db, sources, true, refreshed)?;
    eprintln!("{summary}");
    println!(
        "{}: {} advisories, {} affected packages, {} sources",
        db.display(),
        stats.advisories,
        stats.affected,
        stats.sources.len()
    );
    Ok(code)
}
