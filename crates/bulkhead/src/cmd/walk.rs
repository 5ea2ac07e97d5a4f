//! The one walker of every command: turning the paths on the command line into inputs, and
//! reading an input's text.
//!
//! - Directories are walked in parallel (ripgrep's walker), honouring .gitignore / .ignore and
//!   the `exclude` globs; symbolic links are not followed, so a link loop cannot make a walk
//!   endless. Only regular files are taken from a walk (a FIFO in a tree would block).
//! - A file's kind comes from its name when the name decides (`Dockerfile`, `compose.yaml`),
//!   else from its content ([`Kind::Sniff`]: YAML/JSON found while walking that is no
//!   Kubernetes or Compose file is not an input, never an error).
//! - Named inputs that are not regular files: `-` and `/dev/stdin` are standard input; a pipe
//!   (`<(helm template ...)`, a FIFO named `Dockerfile`) is read as a stream, its kind from its
//!   name or its content; a device (`/dev/zero`), socket or other special file is refused with
//!   an error naming it. Streams are read up to [`MAX_STREAM_BYTES`], never unbounded.

use crate::cmd::engines::{self, Kind};
use bulkhead_diagnostics::InputError;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The most bytes read from a pipe or stdin; a larger stream is an input error, not an
/// allocation that grows until the machine runs out of memory.
pub const MAX_STREAM_BYTES: u64 = 1 << 30;

/// How directories are walked.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Honour .gitignore, .ignore and git's exclude files.
    pub respect_gitignore: bool,
    /// Extra globs (gitignore syntax) of paths never taken.
    pub exclude: Vec<String>,
}

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A regular file, which can be read again and written back (`--fix`).
    File(PathBuf),
    /// A pipe or FIFO named on the command line: read once, never written.
    Stream(PathBuf),
    /// Standard input (`-` or `/dev/stdin`).
    Stdin,
}

/// One input: a file on disk, a pipe or stdin.
#[derive(Debug, Clone)]
pub struct Input {
    /// Path as displayed (`/`-separated, as the user gave it).
    pub display: String,
    pub source: Source,
    pub kind: Kind,
    /// Named on the command line (an unrecognised kind is then an error, not a skip).
    pub explicit: bool,
}

impl Input {
    /// The regular file behind this input, if it is one (what `--fix` may write).
    pub fn file(&self) -> Option<&Path> {
        match &self.source {
            Source::File(p) => Some(p),
            _ => None,
        }
    }
    /// Where to look for files beside the input (a Dockerfile's `.dockerignore`).
    pub fn fs_path(&self) -> Option<&Path> {
        match &self.source {
            Source::File(p) | Source::Stream(p) => Some(p),
            Source::Stdin => None,
        }
    }
}

/// Collect the inputs under `paths`. Missing or unusable paths become input errors; the rest
/// are still collected. Order is deterministic (sorted by display path, duplicates dropped).
pub fn collect(
    paths: &[PathBuf],
    opts: &WalkOptions,
    stdin_filename: Option<&str>,
) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let overrides = match build_overrides(&opts.exclude) {
        Ok(o) => o,
        Err(e) => {
            errors.push(InputError::new("--exclude", None, e));
            None
        }
    };
    for p in paths {
        if p.as_os_str() == "-" || p.as_os_str() == "/dev/stdin" {
            let display = stdin_filename.unwrap_or("-").to_string();
            let kind = engines::detect_by_name(Path::new(&display)).unwrap_or(Kind::Sniff);
            inputs.push(Input {
                display,
                source: Source::Stdin,
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
        let ft = meta.file_type();
        if ft.is_file() || is_fifo(&ft) {
            // An explicitly named file is always checked, whatever its name.
            let kind = engines::detect_by_name(p).unwrap_or(Kind::Sniff);
            inputs.push(Input {
                display: display(p),
                source: if ft.is_file() {
                    Source::File(p.clone())
                } else {
                    Source::Stream(p.clone())
                },
                kind,
                explicit: true,
            });
            continue;
        }
        if !ft.is_dir() {
            errors.push(InputError::new(
                display(p),
                None,
                format!(
                    "is a {}, not a file, directory or pipe: refused",
                    special_kind(&ft)
                ),
            ));
            continue;
        }
        walk_dir(p, opts, overrides.as_ref(), &mut inputs, &mut errors);
    }
    inputs.sort_by(|a, b| a.display.cmp(&b.display));
    inputs.dedup_by(|a, b| a.display == b.display);
    (inputs, errors)
}

fn walk_dir(
    p: &Path,
    opts: &WalkOptions,
    overrides: Option<&ignore::overrides::Override>,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<InputError>,
) {
    let mut builder = ignore::WalkBuilder::new(p);
    builder
        .hidden(false)
        .follow_links(false)
        .git_ignore(opts.respect_gitignore)
        .git_global(opts.respect_gitignore)
        .git_exclude(opts.respect_gitignore)
        .ignore(opts.respect_gitignore)
        .parents(opts.respect_gitignore)
        .require_git(false)
        .filter_entry(|e| e.file_name() != ".git");
    if let Some(o) = overrides {
        builder.overrides(o.clone());
    }
    // Walk in parallel; results are sorted by the caller, so the order the threads find files
    // in never shows.
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
                            source: Source::File(path.to_path_buf()),
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

/// Read one input's text. Stdin is read by whoever asks first; callers that need it for
/// several inputs read it once (see [`read_stdin`]).
pub fn read(input: &Input) -> Result<String, InputError> {
    match &input.source {
        Source::File(p) => {
            let bytes = std::fs::read(p).map_err(|e| {
                InputError::new(
                    &input.display,
                    None,
                    format!("cannot read: {}", describe_io(&e)),
                )
            })?;
            utf8(&input.display, bytes)
        }
        Source::Stream(p) => {
            let f = std::fs::File::open(p).map_err(|e| {
                InputError::new(
                    &input.display,
                    None,
                    format!("cannot read: {}", describe_io(&e)),
                )
            })?;
            read_bounded(&input.display, f)
        }
        Source::Stdin => read_stdin(&input.display),
    }
}

/// Read standard input to its end (at most [`MAX_STREAM_BYTES`]).
pub fn read_stdin(display: &str) -> Result<String, InputError> {
    read_bounded(display, std::io::stdin().lock())
}

fn read_bounded(display: &str, r: impl Read) -> Result<String, InputError> {
    let mut bytes = Vec::new();
    r.take(MAX_STREAM_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::new(display, None, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_STREAM_BYTES {
        return Err(InputError::new(
            display,
            None,
            format!("stream longer than {} MiB: refused", MAX_STREAM_BYTES >> 20),
        ));
    }
    utf8(display, bytes)
}

/// UTF-8 text, or an error at the first invalid byte's line and column.
fn utf8(display: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let idx = bulkhead_diagnostics::LineIndex::new(&prefix);
        let pos = idx.position(&prefix, valid);
        InputError::new(
            display,
            Some(bulkhead_diagnostics::Range::new(pos, pos)),
            "not valid UTF-8",
        )
    })
}

#[cfg(unix)]
fn is_fifo(ft: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    ft.is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::FileType) -> bool {
    false
}

#[cfg(unix)]
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_char_device() {
        "character device"
    } else if ft.is_block_device() {
        "block device"
    } else if ft.is_socket() {
        "socket"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "special file"
}

fn build_overrides(exclude: &[String]) -> Result<Option<ignore::overrides::Override>, String> {
    if exclude.is_empty() {
        return Ok(None);
    }
    let mut b = ignore::overrides::OverrideBuilder::new(".");
    for pat in exclude {
        // In an override set, a `!` glob excludes.
        b.add(&format!("!{pat}"))
            .map_err(|e| format!("invalid exclude glob `{pat}`: {e}"))?;
    }
    b.build().map(Some).map_err(|e| e.to_string())
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
