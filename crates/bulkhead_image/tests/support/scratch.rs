//! A scratch directory for fixtures built once per test process and kept in a `static`.
//! Statics are never dropped, so a `TempDir` kept in one is never removed: each run left its
//! fixture (up to 149 MB) in /tmp. This directory lives under cargo's `target/tmp`, is named
//! after the process, and those of processes that have exited are removed when the next run
//! makes its own, so at most one per fixture outlives a run.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn scratch_dir(name: &str) -> PathBuf {
    let base = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let prefix = format!("{name}-");
    if let Ok(entries) = std::fs::read_dir(base) {
        for entry in entries.flatten() {
            let file = entry.file_name();
            let Some(pid) = file.to_str().and_then(|f| f.strip_prefix(&prefix)) else {
                continue;
            };
            if pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let dir = base.join(format!("{prefix}{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
