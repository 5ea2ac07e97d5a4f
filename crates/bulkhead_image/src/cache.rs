//! The per-layer result cache: one JSON file per (analyser version, layer diff id), bounded in
//! total size with least-recently-used eviction (a hit refreshes the file's mtime). Unlike
//! Trivy's cache it never grows past its bound. Everything is written inside the cache
//! directory, through a temporary file and a rename, so a crash leaves no torn entry.

use crate::walk::LayerResult;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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
