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
    /// Files that could not be read or parsed (each error names its file, or its zip member).
    pub errors: Vec<Error>,
    /// JSON files found while walking a directory or a zip that are well-formed JSON but no
    /// known feed document (an index, a schema); passed over, and listed so the caller can
    /// say so.
    pub ignored: Vec<PathBuf>,
}

/// The most bytes one zip member may inflate to: members are decompressed as they are
/// parsed, never more than this (a decompression bomb is an error, not an allocation).
pub const ZIP_MEMBER_LIMIT: u64 = 256 << 20;

/// Members up to this size are inflated into memory and parsed in parallel, in batches of
/// at most [`ZIP_BATCH_BYTES`]; larger ones are parsed straight from the inflating stream.
const ZIP_SMALL_MEMBER: u64 = 8 << 20;
const ZIP_BATCH_BYTES: usize = 64 << 20;

/// The `kind` of a [`Parsed`] that stands for a JSON file that is no feed.
const IGNORED: &str = "ignored";

struct Parsed {
    kind: &'static str,
    /// The file (for [`IGNORED`] entries).
    path: PathBuf,
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
            Ok(Some(parsed)) if parsed.kind == IGNORED => report.ignored.push(parsed.path),
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
    let mut out: Vec<Result<Option<Parsed>, Error>> = Vec::new();
    let mut pending: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut pending_bytes = 0usize;
    let flush = |pending: &mut Vec<(PathBuf, Vec<u8>)>, out: &mut Vec<_>| {
        out.extend(
            pending
                .par_iter()
                .map(|(name, bytes)| parse_bytes(name, bytes, true))
                .collect::<Vec<_>>(),
        );
        pending.clear();
    };
    for i in 0..archive.len() {
        let entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                out.push(Err(Error::parse(path, format!("zip member {i}: {e}"))));
                continue;
            }
        };
        if !entry.is_file() {
            continue;
        }
        let name = path.join(entry.name());
        if !is_feed_file(&name) {
            continue;
        }
        let declared = entry.size();
        if declared > ZIP_MEMBER_LIMIT {
            out.push(Err(Error::parse(
                &name,
                format!(
                    "{declared} bytes uncompressed, more than the {} MiB a zip member may have",
                    ZIP_MEMBER_LIMIT >> 20
                ),
            )));
            continue;
        }
        if declared <= ZIP_SMALL_MEMBER {
            let mut bytes = Vec::with_capacity(declared as usize);
            match Bounded::new(entry, ZIP_SMALL_MEMBER).read_to_end(&mut bytes) {
                Ok(_) => {
                    pending_bytes += bytes.len();
                    pending.push((name, bytes));
                    if pending_bytes >= ZIP_BATCH_BYTES {
                        flush(&mut pending, &mut out);
                        pending_bytes = 0;
                    }
                }
                Err(e) => out.push(Err(Error::parse(&name, e))),
            }
        } else {
            out.push(parse_stream(&name, Bounded::new(entry, ZIP_MEMBER_LIMIT)));
        }
    }
    flush(&mut pending, &mut out);
    out
}

/// A reader that fails (instead of ending) when its inner reader yields more than `left`
/// bytes: a member that inflates past its bound is an error, never a silent truncation.
struct Bounded<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R: Read> Bounded<R> {
    fn new(inner: R, limit: u64) -> Self {
        Bounded {
            inner,
            left: limit,
            limit,
        }
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(std::io::Error::other(format!(
                    "inflates to more than {} MiB (decompression bound)",
                    self.limit >> 20
                ))),
            };
        }
        let want = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// The feed formats, recognised from a file's name and first bytes.
#[derive(Clone, Copy)]
enum Format {
    AlpineYaml,
    AlpineJson,
    OsvArray,
    OsvRecord,
    DebianTracker,
}

fn detect(path: &Path, head: &[u8]) -> Option<Format> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "yaml" || ext == "yml" {
        return Some(Format::AlpineYaml);
    }
    let head = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let first = head.trim_start().chars().next();
    if head.contains("\"distroversion\"") {
        return Some(Format::AlpineJson);
    }
    if first == Some('[') {
        return Some(Format::OsvArray);
    }
    let osv_like = head.contains("\"id\"")
        && (head.contains("\"affected\"")
            || head.contains("\"modified\"")
            || head.contains("\"schema_version\""));
    if osv_like {
        return Some(Format::OsvRecord);
    }
    if head.contains("\"releases\"") {
        return Some(Format::DebianTracker);
    }
    None
}

/// A document's bytes, whole or as a stream.
enum Doc<'a, R> {
    Bytes(&'a [u8]),
    Stream(R),
}

impl<R: Read> Doc<'_, R> {
    fn json<T: serde::de::DeserializeOwned>(self) -> Result<T, serde_json::Error> {
        match self {
            Doc::Bytes(b) => serde_json::from_slice(b),
            Doc::Stream(r) => {
                serde_json::from_reader(std::io::BufReader::with_capacity(1 << 16, r))
            }
        }
    }
}

/// Parse one large zip member from its inflating stream (its first bytes pick the format).
fn parse_stream(path: &Path, mut r: impl Read) -> Result<Option<Parsed>, Error> {
    let mut head = Vec::with_capacity(4096);
    (&mut r)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(|e| Error::parse(path, e))?;
    let rest = std::io::Cursor::new(head.clone()).chain(r);
    match detect(path, &head) {
        Some(Format::AlpineYaml) => {
            // secdb YAML is small; read whole (still bounded by the member limit).
            let mut bytes = Vec::new();
            let mut rest = rest;
            rest.read_to_end(&mut bytes)
                .map_err(|e| Error::parse(path, e))?;
            parse_bytes(path, &bytes, true)
        }
        Some(f) => parse_format(path, f, Doc::Stream(rest)),
        None => {
            let valid: Result<serde::de::IgnoredAny, _> = Doc::Stream(rest).json();
            not_a_feed(path, valid.err(), true)
        }
    }
}

/// Parse one feed document. `lenient` (inside a walked directory or zip): well-formed JSON
/// that is no known feed is passed over (listed in [`ImportReport::ignored`]); a file that is
/// not even JSON is an error there too.
fn parse_bytes(path: &Path, bytes: &[u8], lenient: bool) -> Result<Option<Parsed>, Error> {
    match detect(path, bytes) {
        Some(Format::AlpineYaml) => {
            let text = std::str::from_utf8(bytes).map_err(|e| Error::parse(path, e))?;
            let db: SecDb = serde_saphyr::from_str(text)
                .map_err(|e| Error::parse(path, format!("not an Alpine secdb document: {e}")))?;
            let (advisories, affected) = db.convert();
            Ok(Some(Parsed {
                kind: "alpine-secdb",
                path: PathBuf::new(),
                advisories,
                affected,
                skipped: 0,
            }))
        }
        Some(f) => parse_format(path, f, Doc::<std::io::Empty>::Bytes(bytes)),
        None => {
            let valid = serde_json::from_slice::<serde::de::IgnoredAny>(bytes);
            not_a_feed(path, valid.err(), lenient)
        }
    }
}

/// A document no format recognised: passed over when lenient and well-formed JSON, else an
/// error naming the file.
fn not_a_feed(
    path: &Path,
    json_error: Option<serde_json::Error>,
    lenient: bool,
) -> Result<Option<Parsed>, Error> {
    match json_error {
        Some(e) => Err(Error::parse(path, format!("not JSON: {e}"))),
        None if lenient => Ok(Some(Parsed {
            kind: IGNORED,
            path: path.to_path_buf(),
            advisories: Vec::new(),
            affected: Vec::new(),
            skipped: 0,
        })),
        None => Err(Error::parse(
            path,
            "not a known feed (expected OSV JSON, an Alpine secdb or the Debian security tracker JSON)",
        )),
    }
}

fn parse_format<R: Read>(
    path: &Path,
    format: Format,
    doc: Doc<'_, R>,
) -> Result<Option<Parsed>, Error> {
    let parsed = |kind, (advisories, affected)| Parsed {
        kind,
        path: PathBuf::new(),
        advisories,
        affected,
        skipped: 0,
    };
    match format {
        Format::AlpineYaml | Format::AlpineJson => {
            let db: SecDb = doc
                .json()
                .map_err(|e| Error::parse(path, format!("not an Alpine secdb document: {e}")))?;
            Ok(Some(parsed("alpine-secdb", db.convert())))
        }
        Format::OsvArray | Format::OsvRecord => {
            let records: Vec<OsvRecord> = match format {
                Format::OsvArray => doc.json(),
                _ => doc.json::<OsvRecord>().map(|r| vec![r]),
            }
            .map_err(|e| Error::parse(path, format!("not an OSV record: {e}")))?;
            let mut out = parsed("osv", (Vec::with_capacity(records.len()), Vec::new()));
            for r in records {
                match r.convert() {
                    Converted::Record(a, e) => {
                        out.advisories.push(*a);
                        out.affected.extend(e);
                    }
                    Converted::Skipped => out.skipped += 1,
                }
            }
            Ok(Some(out))
        }
        Format::DebianTracker => {
            let tracker: debian::Tracker = doc.json().map_err(|e| {
                Error::parse(path, format!("not a Debian security tracker document: {e}"))
            })?;
            Ok(Some(parsed("debian-tracker", debian::convert(tracker))))
        }
    }
}
