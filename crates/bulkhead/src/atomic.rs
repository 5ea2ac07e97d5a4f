//! Safe writing of the user's files: the one place that replaces a file (`check --fix`) or
//! writes a report (`-o`, `sarif:PATH`, `junit:PATH`, `image -o`, `sbom -o`).
//!
//! A fix is written to a temporary file beside the real file and renamed over it, so a crash
//! never leaves a half-written file. Before that, the file is resolved and checked:
//!
//! - a symbolic link is written through: the file it names is replaced, the link stays;
//! - the owner, group and mode (set-id bits included) of the old file are given to the new one;
//!   when they cannot be (a user who may write the file but not give it its owner), the file is
//!   refused rather than silently given to someone else;
//! - a file with several hard links is refused: replacing it would cut it off from its other
//!   names, and writing it in place would not be atomic;
//! - a read-only file (no write bit, or not writable by this user) is refused, even where the
//!   directory would let us replace it;
//! - anything that is not a regular file is refused.
//!
//! Temporary files are named `.NAME.bulkhead-PID-N.tmp`; those whose process is gone (a run
//! killed mid-write) are removed by the next write into the same directory.
//!
//! Reports are new files created with mode 0666 minus the umask (0644 under the usual umask),
//! like every other tool; an existing report file keeps its owner and mode, and a FIFO or a
//! character device (`-o /dev/stdout`) is written as a stream.

use anyhow::{Context, bail};
use std::ffi::OsString;
use std::fs::{File, Metadata, OpenOptions};
use std::io::Write;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Replaces the contents of the existing file at `path` with `bytes` (a fix), atomically,
/// keeping owner, group and mode, writing through symbolic links; refuses read-only files,
/// hard-linked files and anything but a regular file with a message that says why.
pub fn write_fix(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if !meta.file_type().is_file() {
        bail!(
            "{} is {}: refused to replace it",
            path.display(),
            kind(&meta)
        );
    }
    let real = std::fs::canonicalize(path)
        .with_context(|| format!("cannot resolve {}", path.display()))?;
    refuse_read_only(path, &real, &meta)?;
    if meta.nlink() > 1 {
        bail!(
            "{} has {} hard links: refused to rewrite it (replacing it would break the links, \
             writing it in place would not be atomic); use --diff and apply the change by hand",
            path.display(),
            meta.nlink()
        );
    }
    replace(&real, bytes, Some(&meta))
}

/// Writes a report to `path`: a new file honours the umask; an existing regular file is
/// replaced atomically keeping its owner and mode (through a symbolic link to it); a FIFO or
/// a character device is written as a stream; a directory is an error.
pub fn write_report(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    match std::fs::metadata(path) {
        Ok(m) if m.file_type().is_file() => {
            let real = std::fs::canonicalize(path)
                .with_context(|| format!("cannot resolve {}", path.display()))?;
            if m.nlink() > 1 {
                // Our own output: keep its other names pointing at the new report.
                return stream(path, bytes);
            }
            replace(&real, bytes, Some(&m))
        }
        Ok(m) if m.file_type().is_fifo() || m.file_type().is_char_device() => stream(path, bytes),
        Ok(m) => bail!("cannot write {}: it is {}", path.display(), kind(&m)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(path).is_ok() {
                bail!(
                    "cannot write {}: it is a symbolic link to nothing",
                    path.display()
                );
            }
            replace(path, bytes, None)
        }
        Err(e) => Err(e).with_context(|| format!("cannot write {}", path.display())),
    }
}

fn stream(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut f = OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    f.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))
}

fn kind(m: &Metadata) -> &'static str {
    let t = m.file_type();
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

fn refuse_read_only(path: &Path, real: &Path, meta: &Metadata) -> anyhow::Result<()> {
    let mode = meta.permissions().mode() & 0o7777;
    if mode & 0o222 == 0 {
        bail!(
            "{} is read-only (mode {mode:04o}): refused to rewrite it; make it writable to apply fixes",
            path.display()
        );
    }
    // Opening for writing (without truncating) asks the kernel whether this user may write it.
    if let Err(e) = OpenOptions::new().write(true).open(real) {
        if e.kind() == std::io::ErrorKind::PermissionDenied {
            bail!(
                "{} is not writable by this user (mode {mode:04o}, owner uid {}): refused to replace it",
                path.display(),
                meta.uid()
            );
        }
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
    }
    Ok(())
}

const TMP_MARK: &str = ".bulkhead-";

/// `.NAME.bulkhead-PID-N.tmp` beside `real` (NAME cut so the whole fits in 255 bytes).
fn temp_name(real: &Path) -> PathBuf {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let name = real.file_name().map(|n| n.as_bytes()).unwrap_or(b"out");
    let mut cut = name.len().min(180);
    while cut > 0 && cut < name.len() && (name[cut] & 0xC0) == 0x80 {
        cut -= 1; // keep UTF-8 names whole
    }
    let mut out = b".".to_vec();
    out.extend_from_slice(&name[..cut]);
    out.extend_from_slice(
        format!(
            "{TMP_MARK}{}-{}.tmp",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        )
        .as_bytes(),
    );
    real.with_file_name(OsString::from_vec(out))
}

/// Removes `.*.bulkhead-PID-N.tmp` files in `dir` whose process no longer runs (Linux: no
/// `/proc/PID`); files of a live process, and any other file, are left alone.
fn clean_leftovers(dir: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(".tmp"))
            .and_then(|n| n.rsplit_once(TMP_MARK))
            .map(|(_, r)| r)
        else {
            continue;
        };
        let Some((pid, seq)) = rest.split_once('-') else {
            continue;
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if digits(pid)
            && digits(seq)
            && pid != std::process::id().to_string()
            && !Path::new("/proc").join(pid).exists()
            && e.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Writes `bytes` to a temporary file beside `real` and renames it over `real`. With `old`
/// (the file being replaced), the new file gets its owner, group and mode; without, it is
/// created with 0666 minus the umask.
fn replace(real: &Path, bytes: &[u8], old: Option<&Metadata>) -> anyhow::Result<()> {
    let dir = match real.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    clean_leftovers(&dir);
    let tmp = temp_name(real);
    // An existing file's content is never exposed more widely than the file itself: the
    // temporary file starts private and gets the old mode once written.
    let create_mode = if old.is_some() { 0o600 } else { 0o666 };
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(create_mode)
        .open(&tmp)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let result = fill(&file, &tmp, real, bytes, old).and_then(|()| {
        std::fs::rename(&tmp, real).with_context(|| format!("cannot replace {}", real.display()))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        return result;
    }
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn fill(
    file: &File,
    tmp: &Path,
    real: &Path,
    bytes: &[u8],
    old: Option<&Metadata>,
) -> anyhow::Result<()> {
    let mut w = file;
    w.write_all(bytes)
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    if let Some(m) = old {
        let mine = file.metadata()?;
        if mine.uid() != m.uid() || mine.gid() != m.gid() {
            std::os::unix::fs::fchown(file, Some(m.uid()), Some(m.gid())).map_err(|e| {
                anyhow::anyhow!(
                    "{} is owned by uid {} gid {} and this user cannot give the rewritten file that \
                     owner ({e}): refused to replace it",
                    real.display(),
                    m.uid(),
                    m.gid()
                )
            })?;
        }
        // After the chown, which clears set-id bits.
        file.set_permissions(std::fs::Permissions::from_mode(
            m.permissions().mode() & 0o7777,
        ))
        .with_context(|| format!("cannot set the mode of {}", tmp.display()))?;
    }
    file.sync_all()
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_and_bounded() {
        let long = "é".repeat(120);
        let t = temp_name(&Path::new("/x").join(&long));
        let n = t.file_name().unwrap().to_str().unwrap();
        assert!(n.len() < 255, "{}", n.len());
        assert!(n.starts_with('.') && n.ends_with(".tmp") && n.contains(TMP_MARK));
        let dir = tempfile::tempdir().unwrap();
        // a dead process's leftover goes, a live one's and a look-alike stay
        let dead = dir.path().join(".Dockerfile.bulkhead-4194304999-0.tmp");
        let live = dir
            .path()
            .join(format!(".Dockerfile.bulkhead-{}-0.tmp", std::process::id()));
        let other = dir.path().join(".Dockerfile.bulkhead-x-0.tmp");
        for p in [&dead, &live, &other] {
            std::fs::write(p, "").unwrap();
        }
        clean_leftovers(dir.path());
        assert!(!dead.exists());
        assert!(live.exists());
        assert!(other.exists());
    }
}
