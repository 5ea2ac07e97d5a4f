//! `bulkhead completions SHELL`: print a completion script generated from the clap model.

use clap_complete::Shell;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell to generate completions for.
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: Args, mut cmd: clap::Command) -> anyhow::Result<i32> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut cmd, "bulkhead", &mut out);
    Ok(0)
}
