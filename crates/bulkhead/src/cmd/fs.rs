//! `bulkhead fs DIR`: the vulnerability gate over a directory scan (a root filesystem or a
//! project with lock files); the gate itself is shared with `bulkhead image`.

use super::image::{GateArgs, gate};
use super::packages::ImageArgs;
use anyhow::Context;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory: a root filesystem (`/lib/apk/db/installed`, `/var/lib/dpkg/status`...) or a
    /// project (`Cargo.lock`, `go.sum`, binaries...).
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    #[command(flatten)]
    image_args: ImageArgs,
    #[command(flatten)]
    gate: GateArgs,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let opts = args.image_args.options()?;
    let started = Instant::now();
    let scan = bulkhead_image::scan_fs(&args.dir, &opts)
        .with_context(|| format!("scanning {}", args.dir.display()))?;
    gate(&scan, &args.gate, started)
}
