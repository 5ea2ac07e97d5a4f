//! The layer walk: one streaming pass over a (compressed) layer tar, keeping only the files the
//! catalogers ask for, and the whiteouts; plus the same selection over a directory tree. The
//! image is never extracted: nothing is written anywhere. Hostile entries (escaping paths,
//! links out of the root, device files) become warnings, never writes or panics.

use crate::catalog::{self, FileFacts, Kind};
use crate::oci::CountingReader;
use crate::{ImageError, ScanOptions};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// What one layer contributes, in the order of its tar entries. Cached per diff id.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LayerResult {
    pub diff_id: String,
    /// Paths deleted by `.wh.NAME` entries.
    pub whiteouts: Vec<String>,
    /// Directories made opaque by `.wh..wh..opq` entries.
    pub opaque_dirs: Vec<String>,
    pub files: Vec<FileFacts>,
    pub warnings: Vec<String>,
    /// Decompressed size in bytes.
    pub size: u64,
}

/// The kind of a tar entry, as a [`LayerVisitor`] sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryKind {
    File,
    Dir,
    Symlink,
    HardLink,
    Device,
    Other,
}

/// One tar entry, as a [`LayerVisitor`] sees it (path normalised, root-relative, no leading
/// slash; entries escaping the root are never shown).
#[derive(Debug, Clone, Copy)]
pub struct EntryInfo<'a> {
    pub path: &'a str,
    pub kind: EntryKind,
    /// Permission bits including setuid/setgid/sticky (`0o7777`).
    pub mode: u32,
    pub uid: u64,
    pub gid: u64,
    pub size: u64,
    /// Link target for symbolic and hard links, as written in the archive.
    pub link: Option<&'a str>,
}

/// Sees every entry of one layer in the same streaming pass as the catalogers, and the bytes of
/// every regular file it asks for (the audit's content checks and secret scanner).
pub trait LayerVisitor {
    /// An entry. For a regular file, return true to receive its bytes through [`Self::data`].
    fn entry(&mut self, e: &EntryInfo<'_>) -> bool;
    /// The next bytes of the current file; return false to receive no more of it.
    fn data(&mut self, chunk: &[u8]) -> bool;
    /// The current file ended (called once for every file `entry` accepted).
    fn end_file(&mut self);
    /// A whiteout: `path` deleted (`opaque`: the directory `path` hides all lower content).
    fn whiteout(&mut self, path: &str, opaque: bool);
    /// The layer was read to its end and its digest checked.
    fn end_layer(&mut self) {}
    /// What this layer's visit collected, as bytes the layer cache keeps beside the layer's
    /// result (under [`Visitor::cache_key`]) so a later run can [`Visitor::restore`] it
    /// instead of reading the layer; `None` (the default) keeps nothing. Asked once, after
    /// [`Self::end_layer`].
    fn cache_bytes(&mut self) -> Option<Vec<u8>> {
        None
    }
}

/// Creates one [`LayerVisitor`] per layer; layers are walked in parallel.
pub trait Visitor: Sync {
    /// The visitor of layer `index` (0-based), `label` its blob digest or archive path,
    /// `diff_id` its expected uncompressed digest when the config names it.
    fn layer<'a>(
        &'a self,
        index: usize,
        label: &str,
        diff_id: Option<&str>,
    ) -> Box<dyn LayerVisitor + 'a>;

    /// Names what the visitor collects (its settings and the version of its checks): cached
    /// layer bytes are reused only under the same key. `None` (the default): nothing is cached
    /// and every layer is read.
    fn cache_key(&self) -> Option<String> {
        None
    }

    /// Takes layer `index` from bytes a visitor with the same [`Self::cache_key`] saved
    /// ([`LayerVisitor::cache_bytes`]) instead of a walk; false when they cannot be used (the
    /// layer is then read).
    fn restore(&self, index: usize, label: &str, diff_id: Option<&str>, bytes: &[u8]) -> bool {
        let _ = (index, label, diff_id, bytes);
        false
    }
}

/// A reader that hands every byte it reads to a visitor (until the visitor declines).
struct Tee<'a, 'v, R> {
    inner: &'a mut R,
    visitor: Option<&'a mut (dyn LayerVisitor + 'v)>,
    wants: bool,
}

impl<R: Read> Read for Tee<'_, '_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if self.wants
            && n > 0
            && let Some(v) = self.visitor.as_deref_mut()
        {
            self.wants = v.data(&buf[..n]);
        }
        Ok(n)
    }
}

impl<R: Read> Tee<'_, '_, R> {
    /// Reads what the catalogers left of the entry, for the visitor, then ends the file.
    fn finish(mut self) -> io::Result<()> {
        if self.visitor.is_none() {
            return Ok(());
        }
        if self.wants {
            let mut buf = vec![0u8; 64 << 10];
            while self.wants {
                match self.read(&mut buf) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
        }
        if let Some(v) = self.visitor {
            v.end_file();
        }
        Ok(())
    }
}

/// Normalises a tar path to root-relative form without a leading slash, resolving `.` and
/// `..` lexically. `None` when the path escapes the root.
pub fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for c in path.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            c => parts.push(c),
        }
    }
    Some(parts.join("/"))
}

enum Compression {
    Gzip,
    Zstd,
    None,
}

fn sniff(head: &[u8]) -> Compression {
    if head.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Analyses one layer stream. `expected_diff_id`, when known, is checked against the digest of
/// the decompressed stream. Reading and inflating run on their own thread, feeding the tar walk
/// through a small bounded channel (8 chunks of 256 KiB), so the two halves use two cores.
pub fn analyze_layer(
    blob: impl Read + Send,
    what: &str,
    expected_diff_id: Option<&str>,
    opts: &ScanOptions,
    visitor: Option<&mut (dyn LayerVisitor + '_)>,
) -> Result<LayerResult, ImageError> {
    let (tx, rx) = std::sync::mpsc::sync_channel::<io::Result<Vec<u8>>>(8);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut decompressed = match decompressor(blob) {
                Ok(d) => d,
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            };
            loop {
                let mut buf = vec![0u8; 256 << 10];
                let mut filled = 0;
                // Fill whole chunks: fewer, larger messages.
                while filled < buf.len() {
                    match decompressed.read(&mut buf[filled..]) {
                        Ok(0) => break,
                        Ok(n) => filled += n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => {
                            let _ = tx.send(Err(e));
                            return;
                        }
                    }
                }
                if filled == 0 {
                    return; // end of stream: dropping tx ends the reader
                }
                buf.truncate(filled);
                if tx.send(Ok(buf)).is_err() {
                    return; // the walk stopped (an error): stop reading
                }
            }
        });
        let reader = ChannelReader {
            rx,
            buf: Vec::new(),
            pos: 0,
        };
        walk_stream(reader, what, expected_diff_id, opts, visitor)
    })
}

fn decompressor<'a>(blob: impl Read + Send + 'a) -> io::Result<Box<dyn Read + Send + 'a>> {
    let mut buffered = BufReader::with_capacity(256 << 10, blob);
    let head = buffered.fill_buf()?.to_vec();
    Ok(match sniff(&head) {
        Compression::Gzip => Box::new(flate2::bufread::MultiGzDecoder::new(buffered)),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::with_buffer(buffered)?),
        Compression::None => Box::new(buffered),
    })
}

struct ChannelReader {
    rx: std::sync::mpsc::Receiver<io::Result<Vec<u8>>>,
    buf: Vec<u8>,
    pos: usize,
}

impl Read for ChannelReader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.pos >= self.buf.len() {
            match self.rx.recv() {
                Ok(Ok(b)) => {
                    self.buf = b;
                    self.pos = 0;
                }
                Ok(Err(e)) => return Err(e),
                Err(_) => return Ok(0),
            }
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

fn walk_stream(
    decompressed: impl Read,
    what: &str,
    expected_diff_id: Option<&str>,
    opts: &ScanOptions,
    mut visitor: Option<&mut (dyn LayerVisitor + '_)>,
) -> Result<LayerResult, ImageError> {
    let counting = CountingReader {
        inner: decompressed,
        hasher: Sha256::new(),
        count: 0,
        limit: opts.max_layer_bytes,
        what: format!("layer {what}"),
    };
    let mut result = LayerResult::default();
    let mut archive = tar::Archive::new(counting);
    walk_tar(
        &mut archive,
        what,
        opts,
        &mut result,
        visitor.as_deref_mut(),
    )?;
    let mut counting = archive.into_inner();
    io::copy(&mut counting, &mut io::sink()).map_err(|e| ImageError::read(what, e))?;
    let diff_id = format!("sha256:{}", crate::oci::hex(&counting.hasher.finalize()));
    if let Some(expected) = expected_diff_id
        && expected != diff_id
    {
        return Err(ImageError::DigestMismatch {
            what: format!("uncompressed layer {what} (diff id)"),
            expected: expected.to_string(),
            actual: diff_id,
        });
    }
    result.diff_id = diff_id;
    result.size = counting.count;
    if let Some(v) = visitor {
        v.end_layer();
    }
    Ok(result)
}

fn walk_tar<R: Read>(
    archive: &mut tar::Archive<R>,
    what: &str,
    opts: &ScanOptions,
    out: &mut LayerResult,
    mut visitor: Option<&mut (dyn LayerVisitor + '_)>,
) -> Result<(), ImageError> {
    let scratch = opts.cache_dir.as_ref().map(|d| d.join("tmp"));
    let corrupt = |e: io::Error| {
        if e.get_ref().is_some_and(|i| i.is::<ImageError>()) {
            ImageError::read(what, e)
        } else {
            ImageError::corrupt(format!("layer {what}"), e.to_string())
        }
    };
    let entries = archive.entries().map_err(corrupt)?;
    for entry in entries {
        let mut entry = entry.map_err(corrupt)?;
        let raw = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let Some(path) = normalize(&raw) else {
            out.warnings.push(format!(
                "layer {what}: entry {raw:?} escapes the image root; ignored"
            ));
            continue;
        };
        if path.is_empty() {
            continue;
        }
        let (dir, name) = match path.rsplit_once('/') {
            Some((d, n)) => (d, n),
            None => ("", path.as_str()),
        };
        if let Some(target) = name.strip_prefix(".wh.") {
            if target == ".wh..opq" {
                if let Some(v) = visitor.as_deref_mut() {
                    v.whiteout(dir, true);
                }
                out.opaque_dirs.push(dir.to_string());
            } else if !target.is_empty() {
                let deleted = join(dir, target);
                if let Some(v) = visitor.as_deref_mut() {
                    v.whiteout(&deleted, false);
                }
                out.whiteouts.push(deleted);
            }
            continue;
        }
        let header = entry.header();
        let kind = header.entry_type();
        let mut wants = false;
        if let Some(v) = visitor.as_deref_mut() {
            let link = match kind {
                tar::EntryType::Link | tar::EntryType::Symlink => entry
                    .link_name_bytes()
                    .map(|b| String::from_utf8_lossy(&b).into_owned()),
                _ => None,
            };
            let info = EntryInfo {
                path: &path,
                kind: match kind {
                    tar::EntryType::Regular | tar::EntryType::Continuous => EntryKind::File,
                    tar::EntryType::Directory => EntryKind::Dir,
                    tar::EntryType::Symlink => EntryKind::Symlink,
                    tar::EntryType::Link => EntryKind::HardLink,
                    tar::EntryType::Char | tar::EntryType::Block | tar::EntryType::Fifo => {
                        EntryKind::Device
                    }
                    _ => EntryKind::Other,
                },
                mode: header.mode().unwrap_or(0) & 0o7777,
                uid: header.uid().unwrap_or(0),
                gid: header.gid().unwrap_or(0),
                size: header.size().unwrap_or(0),
                link: link.as_deref(),
            };
            wants = v.entry(&info)
                && matches!(kind, tar::EntryType::Regular | tar::EntryType::Continuous);
        }
        match kind {
            tar::EntryType::Regular | tar::EntryType::Continuous => {}
            tar::EntryType::Link | tar::EntryType::Symlink => {
                let target = entry
                    .link_name_bytes()
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                let resolved = if kind == tar::EntryType::Link || target.starts_with('/') {
                    normalize(&target)
                } else {
                    normalize(&join(dir, &target))
                };
                if resolved.is_none() {
                    let k = if kind == tar::EntryType::Link {
                        "hard link"
                    } else {
                        "symbolic link"
                    };
                    out.warnings.push(format!(
                        "layer {what}: {k} /{path} points outside the image root ({target:?})"
                    ));
                } else if kind == tar::EntryType::Link {
                    // A hard link to a file we catalogued in this layer proves the same thing.
                    if let Some(t) = resolved
                        && let Some(f) = out.files.iter().find(|f| f.path == t).cloned()
                        && catalog::kind_for_path(&path).is_some()
                    {
                        let mut f = f;
                        f.path = path.clone();
                        for p in &mut f.packages {
                            p.locations = vec![format!("/{path}")];
                        }
                        out.files.push(f);
                    }
                }
                continue;
            }
            tar::EntryType::Char | tar::EntryType::Block => {
                // debootstrap-made images carry /dev/null and friends; elsewhere it is odd.
                if !path.starts_with("dev/") {
                    out.warnings
                        .push(format!("layer {what}: device file /{path} in the image"));
                }
                continue;
            }
            _ => continue,
        }
        let size = header.size().unwrap_or(0);
        let mode = header.mode().unwrap_or(0);
        let mut tee = Tee {
            inner: &mut entry,
            visitor: if wants { visitor.as_deref_mut() } else { None },
            wants,
        };
        let r = catalog_entry(
            &mut tee,
            &path,
            size,
            mode,
            what,
            opts,
            scratch.as_deref(),
            out,
        );
        let drained = tee.finish();
        r?;
        drained.map_err(corrupt)?;
    }
    Ok(())
}

/// Catalogues one regular file if its name or content (ELF) interests a cataloger.
#[expect(
    clippy::too_many_arguments,
    reason = "the walk state a cataloged entry needs, passed explicitly"
)]
fn catalog_entry(
    entry: &mut impl Read,
    path: &str,
    size: u64,
    mode: u32,
    what: &str,
    opts: &ScanOptions,
    scratch: Option<&Path>,
    out: &mut LayerResult,
) -> Result<(), ImageError> {
    let corrupt = |e: io::Error| {
        if e.get_ref().is_some_and(|i| i.is::<ImageError>()) {
            ImageError::read(what, e)
        } else {
            ImageError::corrupt(format!("layer {what}"), e.to_string())
        }
    };
    let by_name = catalog::kind_for_path(path);
    let mut head = Vec::new();
    let kind = match by_name {
        Some(k) => k,
        None if mode & 0o111 != 0 && size >= 64 => {
            let mut h = [0u8; 4];
            if entry.read_exact(&mut h).is_err() || !catalog::is_elf(&h) {
                return Ok(());
            }
            head.extend_from_slice(&h);
            Kind::Elf
        }
        None => return Ok(()),
    };
    if matches!(kind, Kind::Elf | Kind::Jar) && size > catalog::SPOOL_THRESHOLD {
        // Large binaries and archives go to a scratch file, read back through seeks.
        let facts = spool(entry, &head, scratch)
            .map(|mut f| catalog::analyze_spooled(kind, path, &mut f))
            .map_err(|e| ImageError::read(format!("layer {what}: /{path}"), e))?;
        push(out, facts);
        return Ok(());
    }
    if size > opts.max_file_bytes {
        out.warnings.push(format!(
            "layer {what}: /{path} ({size} bytes) is larger than the per-file limit; not read"
        ));
        return Ok(());
    }
    let mut data = head;
    data.reserve(size as usize);
    (&mut *entry)
        .take(opts.max_file_bytes)
        .read_to_end(&mut data)
        .map_err(corrupt)?;
    push(out, catalog::analyze(kind, path, &data, scratch));
    Ok(())
}

/// Copies the rest of an entry (after `head`) into an anonymous temporary file in `scratch`
/// (the cache directory's `tmp`) or the system temporary directory; it is deleted on drop.
fn spool(entry: &mut impl Read, head: &[u8], scratch: Option<&Path>) -> io::Result<std::fs::File> {
    let mut f = match scratch {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            tempfile::tempfile_in(dir)?
        }
        None => tempfile::tempfile()?,
    };
    io::Write::write_all(&mut f, head)?;
    io::copy(entry, &mut f)?;
    io::Seek::seek(&mut f, io::SeekFrom::Start(0))?;
    Ok(f)
}

fn push(out: &mut LayerResult, facts: FileFacts) {
    out.warnings.extend(facts.warnings.iter().cloned());
    if facts.packages.is_empty()
        && facts.os_text.is_none()
        && facts.owns.is_empty()
        && facts.licenses.is_empty()
    {
        // Still remember that the path exists (a later whiteout may matter) only if it had
        // evidence; an empty result is not needed.
        if facts.kind != Some(Kind::DpkgStatus) && facts.kind != Some(Kind::ApkInstalled) {
            return;
        }
    }
    out.files.push(facts);
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// The same selection over a directory: a root filesystem or a project. Symbolic links are
/// not followed; unreadable files become warnings.
pub fn analyze_dir(root: &Path, opts: &ScanOptions) -> Result<LayerResult, ImageError> {
    let meta = std::fs::symlink_metadata(root).map_err(|e| ImageError::io(root, e))?;
    if !meta.is_dir() {
        return Err(ImageError::io(
            root,
            io::Error::new(io::ErrorKind::NotADirectory, "not a directory"),
        ));
    }
    let mut out = LayerResult::default();
    let scratch = opts.cache_dir.as_ref().map(|d| d.join("tmp"));
    let mut stack = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, rel)) = stack.pop() {
        let rd = match std::fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) => {
                out.warnings.push(format!("{}: {e}", dir.display()));
                continue;
            }
        };
        let mut entries: Vec<_> = rd.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries.into_iter().rev() {
            let name = e.file_name().to_string_lossy().into_owned();
            let rel_path = join(&rel, &name);
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                if rel.is_empty() && matches!(name.as_str(), "proc" | "sys" | "dev") {
                    continue;
                }
                if name == ".git" {
                    continue;
                }
                stack.push((e.path(), rel_path));
                continue;
            }
            if !ft.is_file() {
                continue;
            }
            let Ok(md) = e.metadata() else { continue };
            let size = md.len();
            let kind = match catalog::kind_for_path(&rel_path) {
                Some(k) => k,
                None => {
                    use std::os::unix::fs::PermissionsExt;
                    if md.permissions().mode() & 0o111 == 0 || size < 64 {
                        continue;
                    }
                    let mut head = [0u8; 4];
                    let ok = std::fs::File::open(e.path())
                        .and_then(|mut f| f.read_exact(&mut head))
                        .is_ok();
                    if !ok || !catalog::is_elf(&head) {
                        continue;
                    }
                    Kind::Elf
                }
            };
            if matches!(kind, Kind::Elf | Kind::Jar) && size > catalog::SPOOL_THRESHOLD {
                match std::fs::File::open(e.path()) {
                    Ok(mut f) => push(&mut out, catalog::analyze_spooled(kind, &rel_path, &mut f)),
                    Err(err) => out.warnings.push(format!("/{rel_path}: {err}")),
                }
                continue;
            }
            if size > opts.max_file_bytes {
                out.warnings.push(format!(
                    "/{rel_path} ({size} bytes) is larger than the per-file limit; not read"
                ));
                continue;
            }
            match std::fs::read(e.path()) {
                Ok(data) => push(
                    &mut out,
                    catalog::analyze(kind, &rel_path, &data, scratch.as_deref()),
                ),
                Err(err) => out.warnings.push(format!("/{rel_path}: {err}")),
            }
        }
    }
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_paths() {
        assert_eq!(
            normalize("./etc/../etc/os-release").unwrap(),
            "etc/os-release"
        );
        assert_eq!(normalize("/usr//bin/").unwrap(), "usr/bin");
        assert!(normalize("../../etc/passwd").is_none());
        assert!(normalize("a/../../b").is_none());
    }
}
