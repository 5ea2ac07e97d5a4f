//! The per-layer result cache: one JSON file per (analyser version, layer diff id), bounded in
//! total size with least-recently-used eviction (a hit refreshes the file's mtime). Unlike
//! Trivy's cache it never grows past its bound. Everything is written inside the cache
//! directory, through a temporary file and a rename, so a crash leaves no torn entry. Beside a
//! layer's result, a layer visitor (the image audit) may keep its own bytes under a key naming
//! its settings and checks, so audited runs are served from the cache too.

use crate::walk::LayerResult;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// SHA-256 of a visitor's cache key, in hex.
fn hex_digest(key: &str) -> String {
    use sha2::{Digest as _, Sha256};
    Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Bumped whenever a cataloger changes what it reports, so stale results are never reused.
pub const ANALYZER_VERSION: u32 = 3;

/// A bounded layer-result cache rooted at a directory.
pub struct LayerCache {
    dir: PathBuf,
    max_bytes: u64,
}

impl LayerCache {
    pub fn new(root: &Path, max_bytes: u64) -> LayerCache {
        LayerCache {
            dir: root.join("layers").join(format!("v{ANALYZER_VERSION}")),
            max_bytes,
        }
    }

    fn file(&self, diff_id: &str) -> Option<PathBuf> {
        let (alg, hex) = diff_id.split_once(':')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit())
            || !alg.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return None;
        }
        Some(self.dir.join(format!("{alg}-{hex}.json")))
    }

    /// The cached result for a diff id; unreadable or corrupt entries count as misses.
    pub fn get(&self, diff_id: &str) -> Option<LayerResult> {
        let p = self.file(diff_id)?;
        let bytes = fs::read(&p).ok()?;
        let r: LayerResult = serde_json::from_slice(&bytes).ok()?;
        if r.diff_id != diff_id {
            return None;
        }
        if let Ok(f) = fs::File::options().write(true).open(&p) {
            let _ = f.set_modified(SystemTime::now());
        }
        Some(r)
    }

    /// The file of a visitor's bytes for a layer, under the visitor's key.
    fn extra_file(&self, diff_id: &str, key: &str) -> Option<PathBuf> {
        let base = self.file(diff_id)?;
        let name = base.file_stem()?.to_str()?.to_string();
        let h = hex_digest(key);
        Some(self.dir.join(format!("{name}.x-{}.bin", &h[..32])))
    }

    /// A layer visitor's cached bytes for `diff_id` under `key` (see
    /// [`crate::Visitor::cache_key`]); the file starts with the key's full digest, so another
    /// key never matches. Misses when absent, unreadable or torn.
    pub fn get_extra(&self, diff_id: &str, key: &str) -> Option<Vec<u8>> {
        let p = self.extra_file(diff_id, key)?;
        let mut bytes = fs::read(&p).ok()?;
        let head = format!("{}\n", hex_digest(key));
        if !bytes.starts_with(head.as_bytes()) {
            return None;
        }
        if let Ok(f) = fs::File::options().write(true).open(&p) {
            let _ = f.set_modified(SystemTime::now());
        }
        bytes.drain(..head.len());
        Some(bytes)
    }

    /// Stores a layer visitor's bytes beside the layer's result, within the same bound.
    /// Failures are ignored: the cache is an optimisation.
    pub fn put_extra(&self, diff_id: &str, key: &str, bytes: &[u8]) {
        let Some(p) = self.extra_file(diff_id, key) else {
            return;
        };
        if bytes.len() as u64 > self.max_bytes || fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let Ok(mut tmp) = tempfile::NamedTempFile::new_in(&self.dir) else {
            return;
        };
        let head = format!("{}\n", hex_digest(key));
        if std::io::Write::write_all(&mut tmp, head.as_bytes()).is_err()
            || std::io::Write::write_all(&mut tmp, bytes).is_err()
            || tmp.persist(&p).is_err()
        {
            return;
        }
        self.evict();
    }

    /// Stores a result and evicts the least recently used entries beyond the bound.
    /// Failures are ignored: the cache is an optimisation.
    pub fn put(&self, r: &LayerResult) {
        let Some(p) = self.file(&r.diff_id) else {
            return;
        };
        let Ok(bytes) = serde_json::to_vec(r) else {
            return;
        };
        if bytes.len() as u64 > self.max_bytes || fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let Ok(mut tmp) = tempfile::NamedTempFile::new_in(&self.dir) else {
            return;
        };
        if std::io::Write::write_all(&mut tmp, &bytes).is_err() || tmp.persist(&p).is_err() {
            return;
        }
        self.evict();
    }

    fn evict(&self) {
        let Ok(rd) = fs::read_dir(&self.dir) else {
            return;
        };
        let mut files: Vec<(SystemTime, u64, PathBuf)> = rd
            .filter_map(Result::ok)
            .filter_map(|e| {
                let md = e.metadata().ok()?;
                md.is_file().then(|| {
                    (
                        md.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                        md.len(),
                        e.path(),
                    )
                })
            })
            .collect();
        let mut total: u64 = files.iter().map(|f| f.1).sum();
        files.sort();
        for (_, len, path) in files {
            if total <= self.max_bytes {
                break;
            }
            if fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
    }

    /// Total bytes currently cached.
    pub fn size(&self) -> u64 {
        fs::read_dir(&self.dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter_map(|e| e.metadata().ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}
