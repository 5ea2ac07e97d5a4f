//! `bulkhead check [PATH...]`: walk inputs, detect each file's kind, run its engine, apply
//! selection and suppressions, fix when asked, render.

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories to check (`-` reads standard input).
    paths: Vec<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let _ = args;
    Ok(0)
}
