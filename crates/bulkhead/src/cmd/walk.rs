//! Turning the paths on the command line into inputs: directories walked (honouring
//! .gitignore and `exclude`), each file's kind detected by its name.

use crate::cmd::check::Input;
use crate::cmd::engines::{self, Kind};
use crate::settings::ResolvedSettings;
use bulkhead_diagnostics::InputError;
use std::path::{Path, PathBuf};

/// Collect the inputs under `paths`. Missing paths become input errors; the rest are still
/// collected. Order is deterministic (sorted by display path).
pub fn collect(
    paths: &[PathBuf],
    settings: &ResolvedSettings,
    stdin_filename: Option<&str>,
) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let overrides = build_overrides(&settings.exclude);
    for p in paths {
        if p.as_os_str() == "-" {
            let display = stdin_filename.unwrap_or("-").to_string();
            let kind = engines::detect_by_name(Path::new(&display)).unwrap_or(Kind::Sniff);
            inputs.push(Input {
                display,
                fs_path: None,
                kind,
                explicit: true,
            });
            continue;
        }
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                errors.push(InputError::new(display(p), None, describe_io(&e)));
                continue;
            }
        };
        if meta.is_file() {
            // An explicitly named file is always checked, whatever its name.
            let kind = engines::detect_by_name(p).unwrap_or(Kind::Sniff);
            inputs.push(Input {
                display: display(p),
                fs_path: Some(p.clone()),
                kind,
                explicit: true,
            });
            continue;
        }
        let mut builder = ignore::WalkBuilder::new(p);
        builder
            .hidden(false)
            .git_ignore(settings.respect_gitignore)
            .git_global(settings.respect_gitignore)
            .git_exclude(settings.respect_gitignore)
            .ignore(settings.respect_gitignore)
            .parents(settings.respect_gitignore)
            .require_git(false)
            .filter_entry(|e| e.file_name() != ".git");
        if let Some(o) = &overrides {
            builder.overrides(o.clone());
        }
        // Walk in parallel (ripgrep's walker); results are sorted below, so the order the
        // threads find files in never shows.
        let found = std::sync::Mutex::new((Vec::new(), Vec::new()));
        builder.build_parallel().run(|| {
            let found = &found;
            Box::new(move |entry| {
                let mut guard = found.lock().unwrap_or_else(|e| e.into_inner());
                match entry {
                    Ok(e) => {
                        let path = e.path();
                        if e.file_type().is_some_and(|t| t.is_file())
                            && let Some(kind) = engines::detect_by_name(path).or_else(|| {
                                engines::is_candidate_data_file(path).then_some(Kind::Sniff)
                            })
                        {
                            guard.0.push(Input {
                                display: display(path),
                                fs_path: Some(path.to_path_buf()),
                                kind,
                                explicit: false,
                            });
                        }
                    }
                    Err(err) => {
                        let path = match &err {
                            ignore::Error::WithPath { path, .. } => display(path),
                            _ => display(p),
                        };
                        guard.1.push(InputError::new(path, None, err.to_string()));
                    }
                }
                ignore::WalkState::Continue
            })
        });
        let (found_inputs, found_errors) = found.into_inner().unwrap_or_else(|e| e.into_inner());
        inputs.extend(found_inputs);
        errors.extend(found_errors);
    }
    inputs.sort_by(|a, b| a.display.cmp(&b.display));
    inputs.dedup_by(|a, b| a.display == b.display);
    (inputs, errors)
}

fn build_overrides(exclude: &[String]) -> Option<ignore::overrides::Override> {
    if exclude.is_empty() {
        return None;
    }
    let mut b = ignore::overrides::OverrideBuilder::new(".");
    for pat in exclude {
        // In an override set, a `!` glob excludes.
        let _ = b.add(&format!("!{pat}"));
    }
    b.build().ok()
}

/// Display form of a path: as given, `/`-separated, without a leading `./`.
pub fn display(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    match s.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => s,
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
