//! Helpers shared by the CLI test binaries.

use std::path::Path;
use std::process::{Command, Output};

/// Run the built `bulkhead` with `args` in `cwd`, colour off.
pub fn bulkhead(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run bulkhead")
}

/// Lossy UTF-8 of captured output.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
