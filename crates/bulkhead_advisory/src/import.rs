//! Reading feed files: single files, directories (walked recursively) and osv.dev `all.zip`
//! dumps; each file's format is recognised from its name and first bytes, and files are
//! parsed in parallel.
//!
//! A bad file is an error in the report, not the end of the import (the other files are
//! still read); the caller decides whether to write the store anyway.

use crate::alpine::SecDb;
use crate::debian;
use crate::error::Error;
use crate::model::{Advisory, AffectedEntry};
use crate::osv::{Converted, OsvRecord};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The records read from one source (one path given on the command line, or one feed).
#[derive(Debug, Default, Clone)]
pub struct Batch {
    pub advisories: Vec<Advisory>,
    pub affected: Vec<AffectedEntry>,
}

/// What an import read, and what went wrong.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Feed files read (zip members count one each).
    pub files: usize,
    /// Records skipped on purpose (withdrawn, informational).
    pub skipped: usize,
    /// Formats seen: `osv`, `alpine-secdb`, `debian-tracker`.
    pub kinds: BTreeSet<&'static str>,
    /// Files that could not be read or parsed.
    pub errors: Vec<Error>,
}

struct Parsed {
    kind: &'static str,
    advisories: Vec<Advisory>,
    affected: Vec<AffectedEntry>,
    skipped: usize,
}

enum Input {
    File(PathBuf),
    Zip(PathBuf),
}

fn is_feed_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("json" | "yaml" | "yml" | "zip")
    )
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(Error::io(dir, e));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out, errors);
        } else if is_feed_file(&p) {
            out.push(p);
        }
    }
}

/// Read every feed file under `path` into one batch.
pub fn parse_path(path: &Path) -> (Batch, ImportReport) {
    let mut report = ImportReport::default();
    let mut files = Vec::new();
    let walked = path.is_dir();
    if walked {
        walk(path, &mut files, &mut report.errors);
    } else {
        files.push(path.to_path_buf());
    }
    let inputs: Vec<Input> = files
        .into_iter()
        .map(|f| {
            if f.extension().is_some_and(|e| e == "zip") {
                Input::Zip(f)
            } else {
                Input::File(f)
            }
        })
        .collect();
    let results: Vec<Vec<Result<Option<Parsed>, Error>>> = inputs
        .par_iter()
        .map(|input| match input {
            Input::File(p) => vec![
                std::fs::read(p)
                    .map_err(|e| Error::io(p, e))
                    .and_then(|bytes| parse_bytes(p, &bytes, walked)),
            ],
            Input::Zip(p) => parse_zip(p),
        })
        .collect();
    let mut batch = Batch::default();
    for r in results.into_iter().flatten() {
        match r {
            Ok(Some(parsed)) => {
                report.files += 1;
                report.skipped += parsed.skipped;
                report.kinds.insert(parsed.kind);
                batch.advisories.extend(parsed.advisories);
                batch.affected.extend(parsed.affected);
            }
            Ok(None) => {}
            Err(e) => report.errors.push(e),
        }
    }
    (batch, report)
}

/// [`parse_path`] for several paths, one batch each, in order.
pub fn parse_paths(paths: &[PathBuf]) -> Vec<(Batch, ImportReport)> {
    paths.iter().map(|p| parse_path(p)).collect()
}

fn parse_zip(path: &Path) -> Vec<Result<Option<Parsed>, Error>> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return vec![Err(Error::io(path, e))],
    };
    let mut archive = match zip::ZipArchive::new(std::io::BufReader::new(file)) {
        Ok(a) => a,
        Err(e) => return vec![Err(Error::parse(path, format!("not a zip archive: {e}")))],
    };
    let mut members = Vec::new();
    for i in 0..archive.len() {
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => return vec![Err(Error::parse(path, format!("zip member {i}: {e}")))],
        };
        if !entry.is_file() {
            continue;
        }
        let name = PathBuf::from(entry.name());
        if !is_feed_file(&name) {
            continue;
        }
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        if let Err(e) = entry.read_to_end(&mut bytes) {
            return vec![Err(Error::parse(
                path,
                format!("zip member {}: {e}", name.display()),
            ))];
        }
        members.push((path.join(name), bytes));
    }
    members
        .par_iter()
        .map(|(name, bytes)| parse_bytes(name, bytes, true))
        .collect()
}

/// Parse one feed document. `lenient` (inside a walked directory or zip): a JSON file that is
/// no known feed is passed over rather than reported.
fn parse_bytes(path: &Path, bytes: &[u8], lenient: bool) -> Result<Option<Parsed>, Error> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "yaml" || ext == "yml" {
        let text = std::str::from_utf8(bytes).map_err(|e| Error::parse(path, e))?;
        let db: SecDb = serde_saphyr::from_str(text)
            .map_err(|e| Error::parse(path, format!("not an Alpine secdb document: {e}")))?;
        let (advisories, affected) = db.convert();
        return Ok(Some(Parsed {
            kind: "alpine-secdb",
            advisories,
            affected,
            skipped: 0,
        }));
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    let first = head.trim_start().chars().next();
    if head.contains("\"distroversion\"") {
        let db: SecDb = serde_json::from_slice(bytes)
            .map_err(|e| Error::parse(path, format!("not an Alpine secdb document: {e}")))?;
        let (advisories, affected) = db.convert();
        return Ok(Some(Parsed {
            kind: "alpine-secdb",
            advisories,
            affected,
            skipped: 0,
        }));
    }
    let osv_like = head.contains("\"id\"")
        && (head.contains("\"affected\"")
            || head.contains("\"modified\"")
            || head.contains("\"schema_version\""));
    if first == Some('[') || osv_like {
        let records: Vec<OsvRecord> = if first == Some('[') {
            serde_json::from_slice(bytes)
        } else {
            serde_json::from_slice::<OsvRecord>(bytes).map(|r| vec![r])
        }
        .map_err(|e| Error::parse(path, format!("not an OSV record: {e}")))?;
        let mut parsed = Parsed {
            kind: "osv",
            advisories: Vec::with_capacity(records.len()),
            affected: Vec::new(),
            skipped: 0,
        };
        for r in records {
            match r.convert() {
                Converted::Record(a, e) => {
                    parsed.advisories.push(*a);
                    parsed.affected.extend(e);
                }
                Converted::Skipped => parsed.skipped += 1,
            }
        }
        return Ok(Some(parsed));
    }
    if head.contains("\"releases\"") {
        let tracker: debian::Tracker = serde_json::from_slice(bytes).map_err(|e| {
            Error::parse(path, format!("not a Debian security tracker document: {e}"))
        })?;
        let (advisories, affected) = debian::convert(tracker);
        return Ok(Some(Parsed {
            kind: "debian-tracker",
            advisories,
            affected,
            skipped: 0,
        }));
    }
    if lenient {
        return Ok(None);
    }
    Err(Error::parse(
        path,
        "not a known feed (expected OSV JSON, an Alpine secdb or the Debian security tracker JSON)",
    ))
}
