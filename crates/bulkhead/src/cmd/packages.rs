//! Shared image plumbing for the image commands: the scan options every image command takes
//! (`ImageArgs`, flattened into `sbom`, `image` and `fs`), terminal progress bars for pulls,
//! and the package list printer (table or JSON) behind `--list-packages`.

use anyhow::Context;
use bulkhead_image::{Platform, Progress, Scan, ScanOptions};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Options shared by every command that reads an image.
#[derive(Debug, Clone, clap::Args)]
pub struct ImageArgs {
    /// Platform to pick from a multi-platform image (`os/arch[/variant]`); default: this
    /// machine's.
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
    /// Registry host (`host[:port]`) to reach over plain HTTP; repeatable. TLS is verified
    /// for every other host.
    #[arg(long = "insecure-registry", value_name = "HOST")]
    pub insecure_registry: Vec<String>,
    /// Layer cache directory (default: `$XDG_CACHE_HOME/bulkhead` or `~/.cache/bulkhead`).
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Do not read or write the layer cache.
    #[arg(long)]
    pub no_cache: bool,
    /// Cache size bound in MiB (least recently used layers are evicted beyond it).
    #[arg(long, value_name = "MIB", default_value_t = 512)]
    pub cache_size: u64,
    /// Most bytes one layer may decompress to, in MiB (decompression-bomb bound).
    #[arg(long, value_name = "MIB", default_value_t = 32 * 1024)]
    pub max_layer_size: u64,
    /// No progress bars even on a terminal.
    #[arg(long)]
    pub quiet: bool,
}

impl ImageArgs {
    /// Validated scan options for an image `target`: progress says "pulling" for a registry
    /// reference, "reading" for an archive or layout on disk.
    pub fn options_for(&self, target: &str) -> anyhow::Result<ScanOptions> {
        let mut o = self.options()?;
        if o.progress.is_some() && is_remote(target) {
            o.progress = Some(Arc::new(Bars {
                verb: "pulling",
                ..Bars::default()
            }));
        }
        Ok(o)
    }

    /// Validated scan options (progress, when shown, says "reading").
    pub fn options(&self) -> anyhow::Result<ScanOptions> {
        let platform = match &self.platform {
            Some(p) => Some(
                Platform::parse(p)
                    .with_context(|| format!("--platform {p:?}: expected os/arch[/variant]"))?,
            ),
            None => None,
        };
        let cache_dir = if self.no_cache {
            None
        } else {
            self.cache_dir.clone().or_else(default_cache_dir)
        };
        Ok(ScanOptions {
            platform,
            insecure_registries: self.insecure_registry.clone(),
            cache_dir,
            cache_max_bytes: self.cache_size << 20,
            max_layer_bytes: self.max_layer_size << 20,
            progress: (!self.quiet && std::io::stderr().is_terminal())
                .then(|| Arc::new(Bars::default()) as Arc<dyn Progress>),
            ..ScanOptions::default()
        })
    }
}

/// Whether an image reference names a registry (as `bulkhead_image::scan_image` decides).
fn is_remote(target: &str) -> bool {
    if let Some((kind, _)) = target.split_once(':')
        && matches!(kind, "docker-archive" | "oci-archive" | "oci")
    {
        return false;
    }
    target.starts_with("registry:")
        || target.starts_with("docker://")
        || (!std::path::Path::new(target).exists()
            && bulkhead_image::registry::looks_like_reference(target))
}

fn default_cache_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .map(|d| d.join("bulkhead"))
}

/// One status line on stderr, redrawn in place: `pulling: 1/3 layers, 12.3/95.0 MB` from a
/// registry, `reading: 1/3 layers, 12.3 MB` from disk.
struct Bars {
    verb: &'static str,
    layers: Mutex<Vec<LayerBar>>,
}

impl Default for Bars {
    fn default() -> Self {
        Bars {
            verb: "reading",
            layers: Mutex::default(),
        }
    }
}

#[derive(Default, Clone)]
struct LayerBar {
    read: u64,
    size: Option<u64>,
    done: bool,
}

impl Bars {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<LayerBar>> {
        self.layers.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The status line: the total size only when every layer's size is known (a registry
    /// manifest gives them; a docker-archive does not, so no "0.0/0.0 MB").
    fn line(verb: &str, layers: &[LayerBar]) -> String {
        let read: u64 = layers.iter().map(|l| l.read).sum();
        let done = layers.iter().filter(|l| l.done).count();
        let sizes: Option<u64> = layers.iter().map(|l| l.size).sum();
        match sizes {
            Some(expected) if expected > 0 => format!(
                "{verb}: {done}/{} layers, {:.1}/{:.1} MB",
                layers.len(),
                read as f64 / 1e6,
                expected as f64 / 1e6
            ),
            _ => format!(
                "{verb}: {done}/{} layers, {:.1} MB",
                layers.len(),
                read as f64 / 1e6
            ),
        }
    }

    fn draw(&self, layers: &[LayerBar]) {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{}", Self::line(self.verb, layers));
        let _ = err.flush();
    }
}

fn slot(layers: &mut Vec<LayerBar>, index: usize) -> &mut LayerBar {
    if layers.len() <= index {
        layers.resize(index + 1, LayerBar::default());
    }
    &mut layers[index]
}

impl Progress for Bars {
    fn layer_started(&self, index: usize, _digest: &str, size: Option<u64>) {
        let mut l = self.lock();
        *slot(&mut l, index) = LayerBar {
            read: 0,
            size,
            done: false,
        };
        self.draw(&l);
    }
    fn layer_bytes(&self, index: usize, bytes: u64) {
        let mut l = self.lock();
        let bar = slot(&mut l, index);
        let before = bar.read >> 20;
        bar.read += bytes;
        if bar.read >> 20 != before {
            self.draw(&l);
        }
    }
    fn layer_done(&self, index: usize, _cached: bool) {
        let mut l = self.lock();
        slot(&mut l, index).done = true;
        self.draw(&l);
        if l.iter().all(|b| b.done) {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}

/// Output format of a package list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

/// Prints the packages of a scan: an aligned table (ecosystem, name, version, layer, location)
/// or a JSON document `{source, os, layers, packages: [... purl]}`.
pub fn print_packages(scan: &Scan, format: ListFormat, out: &mut dyn Write) -> anyhow::Result<()> {
    match format {
        ListFormat::Json => {
            let packages: Vec<serde_json::Value> = scan
                .packages
                .iter()
                .map(|p| {
                    let mut v = serde_json::to_value(p).unwrap_or_default();
                    v["purl"] = serde_json::Value::String(bulkhead_image::purl(p));
                    v
                })
                .collect();
            let doc = serde_json::json!({
                "source": scan.source,
                "os": scan.os,
                "image_id": scan.image_id,
                "manifest_digest": scan.manifest_digest,
                "layers": scan.layers,
                "packages": packages,
                "warnings": scan.warnings,
            });
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let layer_no = |p: &bulkhead_pkg::Package| -> String {
                p.layer
                    .as_ref()
                    .and_then(|l| scan.layers.iter().position(|x| &x.diff_id == l))
                    .map(|i| (i + 1).to_string())
                    .unwrap_or_else(|| "-".into())
            };
            let rows: Vec<[String; 5]> = scan
                .packages
                .iter()
                .map(|p| {
                    [
                        p.ecosystem.to_string(),
                        p.name.clone(),
                        p.version.clone(),
                        layer_no(p),
                        p.locations.first().cloned().unwrap_or_default(),
                    ]
                })
                .collect();
            let head = ["ECOSYSTEM", "NAME", "VERSION", "LAYER", "LOCATION"];
            let mut w = head.map(str::len);
            for r in &rows {
                for (i, c) in r.iter().enumerate() {
                    w[i] = w[i].max(c.chars().count());
                }
            }
            if let Some(os) = &scan.os {
                writeln!(out, "{}: {} {}", scan.source, os.id, os.version)?;
            } else {
                writeln!(out, "{}: no OS detected", scan.source)?;
            }
            let line = |r: &[&str]| {
                let mut s = String::new();
                for (i, c) in r.iter().enumerate() {
                    if i + 1 == r.len() {
                        s.push_str(c);
                    } else {
                        s.push_str(&format!("{c:<width$}  ", width = w[i]));
                    }
                }
                s
            };
            writeln!(out, "{}", line(&head))?;
            for r in &rows {
                let cells: Vec<&str> = r.iter().map(String::as_str).collect();
                writeln!(out, "{}", line(&cells))?;
            }
            writeln!(out, "{} packages", rows.len())?;
        }
    }
    Ok(())
}

/// The scan warnings after which the package list may be incomplete: a package database,
/// lockfile, archive or binary that could not be read (permissions, size limit) or parsed, an
/// rpm database format not read, a directory that could not be listed.
///
/// Fail closed: every warning counts except the few known to leave the package list whole (an
/// entry that escapes the image root, a link pointing outside it, a device file), so a warning
/// worded differently tomorrow still fails the gate rather than passing it.
pub fn incomplete(scan: &Scan) -> Vec<&str> {
    const HARMLESS: [&str; 3] = [
        "escapes the image root; ignored",
        "points outside the image root",
        ": device file /",
    ];
    scan.warnings
        .iter()
        .map(String::as_str)
        .filter(|w| !HARMLESS.iter().any(|h| w.contains(h)))
        .collect()
}

/// Prints scan warnings on stderr: those that leave the package list incomplete as errors.
/// Returns whether there were such (the command then exits 2).
pub fn print_warnings(scan: &Scan) -> bool {
    let bad = incomplete(scan);
    for w in &scan.warnings {
        if bad.contains(&w.as_str()) {
            eprintln!("error: {w}");
        } else {
            eprintln!("warning: {w}");
        }
    }
    if !bad.is_empty() {
        eprintln!(
            "error: {} inputs could not be read: the package list is incomplete, so the result cannot vouch for {}",
            bad.len(),
            scan.source
        );
    }
    !bad.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_lines() {
        let bar = |read, size, done| LayerBar { read, size, done };
        // A local docker-archive: sizes unknown, no "0.0/0.0 MB" (issue 15).
        assert_eq!(
            Bars::line("reading", &[bar(0, None, false), bar(0, None, false)]),
            "reading: 0/2 layers, 0.0 MB"
        );
        assert_eq!(
            Bars::line(
                "pulling",
                &[
                    bar(12_300_000, Some(20_000_000), false),
                    bar(0, Some(75_000_000), false)
                ]
            ),
            "pulling: 0/2 layers, 12.3/95.0 MB"
        );
        // One size missing: no total that would be wrong.
        assert_eq!(
            Bars::line(
                "reading",
                &[bar(1_000_000, Some(5), true), bar(0, None, false)]
            ),
            "reading: 1/2 layers, 1.0 MB"
        );
        assert!(!is_remote("docker-archive:x.tar"));
        assert!(!is_remote("./layout"));
        assert!(is_remote("registry.example.com/team/app:1.4"));
        assert!(is_remote("registry:localhost:5000/app"));
    }
}
