//! `bulkhead man`: man pages generated from the clap definitions, one page per command and
//! subcommand (`bulkhead.1`, `bulkhead-check.1`, `bulkhead-netpol-list.1`, ...), written to a
//! directory. The same pages are committed under docs/man and a test fails when they drift.

use anyhow::Context;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory to write the pages to (created if missing).
    #[arg(long, short = 'o', value_name = "DIR", default_value = "docs/man")]
    output: PathBuf,
}

pub fn run(args: Args, cmd: clap::Command) -> anyhow::Result<i32> {
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("creating {}", args.output.display()))?;
    let mut n = 0;
    write_pages(&cmd, "bulkhead", &args.output, &mut n)?;
    eprintln!("wrote {n} man pages to {}", args.output.display());
    Ok(0)
}

/// Write the page of `cmd` (named `name`, e.g. `bulkhead-netpol`) and of its subcommands.
fn write_pages(cmd: &clap::Command, name: &str, dir: &Path, n: &mut usize) -> anyhow::Result<()> {
    // The plain version: the committed pages must not change with every commit.
    let page = cmd
        .clone()
        .name(name.to_string())
        .version(env!("CARGO_PKG_VERSION"));
    let mut buf = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut buf)
        .with_context(|| format!("rendering the page of {name}"))?;
    let path = dir.join(format!("{name}.1"));
    crate::atomic::write_report(&path, &buf)?;
    *n += 1;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        write_pages(sub, &format!("{name}-{}", sub.get_name()), dir, n)?;
    }
    Ok(())
}
