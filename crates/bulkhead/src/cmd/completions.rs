//! `bulkhead completions SHELL`: print a completion script generated from the clap model.

use clap_complete::Shell;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell to generate completions for.
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: Args, mut cmd: clap::Command) -> anyhow::Result<i32> {
    // Generate into memory: clap_complete panics on write errors, and a closed pipe must
    // exit 0 quietly.
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "bulkhead", &mut buf);
    let mut out = std::io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(0)
}
