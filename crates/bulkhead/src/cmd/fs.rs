//! `bulkhead fs DIR`: the vulnerability gate over a directory scan (a root filesystem or a
//! project with lock files) and the secret scan of its files (`--scanners`); the gate itself is
//! shared with `bulkhead image`.

use super::image::GateArgs;
use super::packages::ImageArgs;
use std::path::PathBuf;

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
    #[command(flatten)]
    scanners: super::audit_scan::ScannerArgs,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let opts = args.image_args.options()?;
    super::audit_scan::run_fs(&args.dir, &opts, &args.gate, &args.scanners)
}
