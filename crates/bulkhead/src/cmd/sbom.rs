//! `bulkhead sbom IMAGE|DIR --format cyclonedx|spdx`: a software bill of materials of an image
//! or a directory (CycloneDX 1.6 JSON or SPDX 2.3 JSON).

use super::packages::{ImageArgs, ListFormat, print_packages, print_warnings};
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SbomFormat {
    /// CycloneDX 1.6 JSON.
    Cyclonedx,
    /// SPDX 2.3 JSON.
    Spdx,
    /// A package table (no SBOM document).
    Table,
    /// The package list as bulkhead JSON (no SBOM document).
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Image reference (docker-archive tar, OCI layout, registry/repo:tag) or, with `--fs`, a
    /// directory.
    target: String,
    /// Treat TARGET as a directory (root filesystem or project).
    #[arg(long)]
    fs: bool,
    /// Document format.
    #[arg(long, short = 'f', value_enum, default_value_t = SbomFormat::Cyclonedx)]
    format: SbomFormat,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    image: ImageArgs,
    #[command(flatten)]
    attest: super::attest::AttestFlags,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let opts = if args.fs {
        args.image.options()?
    } else {
        args.image.options_for(&args.target)?
    };
    let predicate_kind = match args.format {
        SbomFormat::Cyclonedx => "cyclonedx",
        SbomFormat::Spdx => "spdxjson",
        _ if args.attest.attest => anyhow::bail!("--attest needs --format cyclonedx or spdx"),
        _ => "",
    };
    if args.attest.attest && args.fs {
        anyhow::bail!("--attest attaches to a registry image, not a directory (--fs)");
    }
    let path = std::path::Path::new(&args.target);
    let scan = if args.fs || (path.is_dir() && !looks_like_layout(path)) {
        bulkhead_image::scan_fs(path, &opts)
    } else {
        bulkhead_image::scan_image(&args.target, &opts)
    }
    .with_context(|| format!("scanning {}", args.target))?;
    let incomplete = print_warnings(&scan);
    let ts = timestamp();
    let creator = bulkhead_image::sbom::Creator {
        tool: "bulkhead",
        version: env!("CARGO_PKG_VERSION"),
        timestamp: &ts,
    };
    let text = match args.format {
        SbomFormat::Cyclonedx | SbomFormat::Spdx => {
            let doc = if args.format == SbomFormat::Cyclonedx {
                bulkhead_image::sbom::cyclonedx(&scan, &creator)
            } else {
                bulkhead_image::sbom::spdx(&scan, &creator)
            };
            let mut text = serde_json::to_string_pretty(&doc)?;
            text.push('\n');
            text
        }
        SbomFormat::Table | SbomFormat::Json => {
            let mut buf = Vec::new();
            let f = if args.format == SbomFormat::Table {
                ListFormat::Table
            } else {
                ListFormat::Json
            };
            print_packages(&scan, f, &mut buf)?;
            String::from_utf8_lossy(&buf).into_owned()
        }
    };
    match &args.output {
        Some(p) => crate::atomic::write_report(p, text.as_bytes())?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    if args.attest.attest {
        args.attest.attach(
            &args.target,
            &args.image.insecure_registry,
            predicate_kind,
            text.as_bytes(),
        )?;
    }
    // The document is written (what could be read), but the run says it is incomplete.
    Ok(if incomplete { 2 } else { 0 })
}

/// An OCI layout or extracted `docker save` directory is an image, not a filesystem.
pub fn looks_like_layout(dir: &std::path::Path) -> bool {
    dir.join("index.json").is_file() && dir.join("oci-layout").is_file()
        || dir.join("manifest.json").is_file() && !dir.join("etc").is_dir()
}

/// `SOURCE_DATE_EPOCH` when set (reproducible documents), else now; RFC 3339 UTC, whole
/// seconds.
pub(super) fn timestamp() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| jiff::Timestamp::now().as_second());
    jiff::Timestamp::from_second(secs)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string()
}
