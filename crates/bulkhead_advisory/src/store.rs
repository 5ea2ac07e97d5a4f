//! The store: one SQLite file (no server), opened read-only by scans.
//!
//! Writes never touch the live file: [`write_store`] copies it (when merging) to a temporary
//! file in the same directory, writes there, syncs, and renames over the old file, so a scan
//! that opened the old file keeps reading it and a writer killed half-way leaves the old file
//! as it was. A `format` row guards against files from another version.
//!
//! Tables: `meta(key, value)`, `source(sid, name, data)`, `advisory(id, sid, data)`,
//! `affected(ns, name, id, sid, data)`, `alias(alias, id, sid)`; `data` columns are JSON.

use crate::error::{Error, Result};
use crate::import::Batch;
use crate::model::{Advisory, AffectedEntry, FixState, SeverityRecord};
use bulkhead_pkg::{OsvAffected, OsvRange};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The on-disk format this build reads and writes. Bump on any schema or `data` change.
pub const FORMAT_VERSION: u32 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS source(sid INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS advisory(id TEXT NOT NULL, sid INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY(id, sid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS affected(ns TEXT NOT NULL, name TEXT NOT NULL, id TEXT NOT NULL, sid INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY(ns, name, id, sid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS alias(alias TEXT NOT NULL, id TEXT NOT NULL, sid INTEGER NOT NULL, PRIMARY KEY(alias, id, sid)) WITHOUT ROWID;
";

/// One source in the store: a path given to `db import` or a feed of `db update`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// Unique name: the feed name, or the imported path.
    pub name: String,
    /// Formats read: `osv`, `alpine-secdb`, `debian-tracker`.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Where it came from (path or URL).
    #[serde(default)]
    pub location: String,
    /// Advisory records and affected-package entries it holds.
    #[serde(default)]
    pub advisories: u64,
    #[serde(default)]
    pub affected: u64,
    /// When its records were last confirmed current (Unix seconds): the last import, or the
    /// last update that downloaded the feed or heard it had not changed (HTTP 304). A failed
    /// update leaves it as it was.
    #[serde(default)]
    pub imported_at: u64,
    /// When the last update of this source failed (Unix seconds), if the last attempt failed;
    /// its records are then those of `imported_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed_at: Option<u64>,
    /// Why the last update of this source failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// HTTP validators from the last download, for conditional requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// Counts and age of a store.
#[derive(Debug, Clone, Serialize)]
pub struct StoreStats {
    pub path: PathBuf,
    pub format: u32,
    /// When the store file was last written (Unix seconds); see [`StoreStats::updated_at`]
    /// for how current its records are.
    pub built_at: u64,
    pub advisories: u64,
    pub affected: u64,
    pub bytes: u64,
    pub sources: Vec<SourceInfo>,
}

impl StoreStats {
    /// How current the store is: the oldest `imported_at` of its sources (a store is as
    /// stale as its stalest source). `None` for a store without sources.
    pub fn updated_at(&self) -> Option<u64> {
        self.sources.iter().map(|s| s.imported_at).min()
    }

    /// A store that can vouch for nothing: no source, or no advisory at all.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty() || self.advisories == 0
    }
}

/// A store opened read-only.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

#[derive(Serialize, Deserialize)]
struct AdvisoryData {
    #[serde(default, rename = "a", skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, rename = "s", skip_serializing_if = "String::is_empty")]
    summary: String,
    #[serde(default, rename = "p", skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(default, rename = "m", skip_serializing_if = "Option::is_none")]
    modified: Option<String>,
    #[serde(default, rename = "u", skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, rename = "v", skip_serializing_if = "Vec::is_empty")]
    severities: Vec<SeverityRecord>,
    #[serde(default, rename = "x", skip_serializing_if = "Vec::is_empty")]
    related: Vec<SeverityRecord>,
}

#[derive(Serialize, Deserialize)]
struct AffectedData {
    #[serde(default, rename = "r", skip_serializing_if = "Vec::is_empty")]
    ranges: Vec<OsvRange>,
    #[serde(default, rename = "v", skip_serializing_if = "Vec::is_empty")]
    versions: Vec<String>,
    #[serde(default, rename = "f", skip_serializing_if = "Option::is_none")]
    state: Option<FixState>,
    #[serde(default, rename = "s", skip_serializing_if = "Option::is_none")]
    severity: Option<SeverityRecord>,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn corrupt(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Corrupt {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// What kind of thing is at a path, as far as a store writer is concerned.
fn file_kind(m: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
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

/// Whether the SQLite file at `path` has a `meta` table with a `format` row: a store written
/// by some version of bulkhead (perhaps another format), as opposed to any other database.
fn has_format_row(path: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return false;
    };
    conn.query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
        r.get::<_, String>(0)
    })
    .is_ok()
}

/// The file a store write may replace, or why it may not.
///
/// `target` may be absent, an empty regular file (nothing to lose), or a store written by
/// bulkhead (any format version, even damaged inside); a symbolic link is followed to the file
/// it names, which must itself be one of these. Anything else (another file, another SQLite
/// database, a directory, a device, a FIFO, a dangling link) is [`Error::NotAStore`] and is
/// never touched. Returns the path to write (the link's target for a link).
pub fn check_store_target(target: &Path) -> Result<PathBuf> {
    let not_a_store = |what: &str| Error::NotAStore {
        path: target.to_path_buf(),
        what: what.to_string(),
    };
    let link = match std::fs::symlink_metadata(target) {
        Ok(m) => m.file_type().is_symlink(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(target.to_path_buf()),
        Err(e) => return Err(Error::io(target, e)),
    };
    let meta = match std::fs::metadata(target) {
        Ok(m) => m,
        Err(e) if link && e.kind() == std::io::ErrorKind::NotFound => {
            return Err(not_a_store("a symbolic link to nothing"));
        }
        Err(e) => return Err(Error::io(target, e)),
    };
    if !meta.file_type().is_file() {
        return Err(not_a_store(file_kind(&meta)));
    }
    let real = if link {
        std::fs::canonicalize(target).map_err(|e| Error::io(target, e))?
    } else {
        target.to_path_buf()
    };
    if meta.len() == 0 {
        return Ok(real);
    }
    let mut head = [0u8; 16];
    let n = {
        use std::io::Read;
        let mut f = std::fs::File::open(&real).map_err(|e| Error::io(&real, e))?;
        f.read(&mut head).map_err(|e| Error::io(&real, e))?
    };
    if n < 16 || &head != b"SQLite format 3\0" {
        return Err(not_a_store("a file that is not an advisory database"));
    }
    if !has_format_row(&real) {
        return Err(not_a_store(
            "an SQLite database that bulkhead did not write",
        ));
    }
    Ok(real)
}

impl Store {
    /// Open a store read-only, checking that it is a store of this format.
    pub fn open(path: &Path) -> Result<Store> {
        let mut head = [0u8; 16];
        // Never open a FIFO or a device (a FIFO blocks the open until someone writes).
        match std::fs::metadata(path) {
            Ok(m) if !m.file_type().is_file() => {
                return Err(Error::NotAStore {
                    path: path.to_path_buf(),
                    what: file_kind(&m).to_string(),
                });
            }
            _ => {}
        }
        match std::fs::File::open(path) {
            Ok(mut f) => {
                use std::io::Read;
                let n = f.read(&mut head).map_err(|e| Error::io(path, e))?;
                if n < 16 || &head != b"SQLite format 3\0" {
                    return Err(corrupt(path, "not an SQLite file"));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::Missing {
                    path: path.to_path_buf(),
                });
            }
            Err(e) => return Err(Error::io(path, e)),
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| corrupt(path, e))?;
        // Writers never modify a store in place (they rename a new file over it), so a reader
        // may keep its shared lock for its whole life: one lock instead of one per query.
        // The file is read through a memory map (no read call and copy per page): safe
        // because a store file is never truncated or rewritten in place.
        conn.execute_batch(
            "PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -16384; PRAGMA mmap_size = 1073741824;",
        )
            .map_err(|e| corrupt(path, e))?;
        let format: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| corrupt(path, e))?;
        match format {
            Some(f) if f == FORMAT_VERSION.to_string() => {}
            Some(f) => {
                return Err(Error::Format {
                    path: path.to_path_buf(),
                    found: f,
                    expected: FORMAT_VERSION,
                });
            }
            None => return Err(corrupt(path, "no format row")),
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The file this store was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self, e: rusqlite::Error) -> Error {
        // A read that fails after a good open is damage inside the file.
        corrupt(&self.path, e)
    }

    /// Affected entries for one package name in one namespace (the name as stored, see
    /// [`crate::normalise_name`]).
    pub fn affected(&self, namespace: &str, name: &str) -> Result<Vec<AffectedEntry>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, data FROM affected WHERE ns = ?1 AND name = ?2")
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt
            .query(params![namespace, name])
            .map_err(|e| self.sql(e))?;
        let mut out = Vec::new();
        // The row's text is read in place (no copy per row), as matching reads thousands.
        while let Some(row) = rows.next().map_err(|e| self.sql(e))? {
            let id = self.text(row, 0)?.to_string();
            let d: AffectedData =
                serde_json::from_str(self.text(row, 1)?).map_err(|e| corrupt(&self.path, e))?;
            out.push(AffectedEntry {
                namespace: namespace.to_string(),
                name: name.to_string(),
                id,
                affected: OsvAffected {
                    ranges: d.ranges,
                    versions: d.versions,
                },
                state: d.state,
                severity: d.severity,
            });
        }
        Ok(out)
    }

    /// Every record with this id (one per source that has it).
    pub fn advisories(&self, id: &str) -> Result<Vec<Advisory>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT data FROM advisory WHERE id = ?1 ORDER BY sid")
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query(params![id]).map_err(|e| self.sql(e))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.sql(e))? {
            let d: AdvisoryData =
                serde_json::from_str(self.text(row, 0)?).map_err(|e| corrupt(&self.path, e))?;
            out.push(Advisory {
                id: id.to_string(),
                aliases: d.aliases,
                summary: d.summary,
                published: d.published,
                modified: d.modified,
                url: d.url,
                severities: d.severities,
                related: d.related,
            });
        }
        Ok(out)
    }

    /// A text column of a row, borrowed from SQLite's buffer.
    fn text<'r>(&self, row: &'r rusqlite::Row<'_>, column: usize) -> Result<&'r str> {
        row.get_ref(column)
            .map_err(|e| self.sql(e))?
            .as_str()
            .map_err(|e| corrupt(&self.path, e))
    }

    /// Ids of the records that list `alias` among their aliases.
    pub fn ids_for_alias(&self, alias: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT id FROM alias WHERE alias = ?1")
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(params![alias], |r| r.get::<_, String>(0))
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.sql(e))
    }

    /// Sources, counts, age and size.
    pub fn stats(&self) -> Result<StoreStats> {
        let built_at: String = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'built_at'", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.sql(e))?;
        let count = |sql: &str| -> Result<u64> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .map_err(|e| self.sql(e))
        };
        let mut stmt = self
            .conn
            .prepare("SELECT data FROM source ORDER BY name")
            .map_err(|e| self.sql(e))?;
        let sources = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.sql(e))?
            .map(|r| {
                let s = r.map_err(|e| self.sql(e))?;
                serde_json::from_str::<SourceInfo>(&s).map_err(|e| corrupt(&self.path, e))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(StoreStats {
            path: self.path.clone(),
            format: FORMAT_VERSION,
            built_at: built_at.parse().unwrap_or(0),
            advisories: count("SELECT count(*) FROM advisory")?,
            affected: count("SELECT count(*) FROM affected")?,
            bytes: std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0),
            sources,
        })
    }
}

/// Remove temporary files left by writers that were killed (their process is gone).
fn clean_stale_temps(dir: &Path, stem: &str) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{stem}.tmp-");
    for e in rd.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.split('-').next().unwrap_or("");
        if cfg!(target_os = "linux") && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Write `sources` into the store at `target`, atomically.
///
/// `target` must pass [`check_store_target`] (absent, empty, or a bulkhead store; a link is
/// written through to its file); anything else is refused before any write.
///
/// With `merge`, the records of other sources already in a valid store at `target` are kept
/// and each given source replaces its own earlier records; without it (or when the old file
/// is missing or unusable) the store holds exactly `sources`. Returns the stats of the new
/// store and whether an unusable old file was replaced.
pub fn write_store(
    target: &Path,
    sources: Vec<(SourceInfo, Batch)>,
    merge: bool,
) -> Result<(StoreStats, bool)> {
    write_store_with(target, sources, merge, Vec::new())
}

/// [`write_store`], also rewriting the descriptions of sources whose records stay as they are
/// (`refreshed`, matched by name: a feed that had not changed, or whose download failed): their
/// `imported_at`, `failed_at`, `error` and HTTP validators are taken from `refreshed`, their
/// counts from the store. A refreshed name the store does not hold is ignored.
pub fn write_store_with(
    target: &Path,
    sources: Vec<(SourceInfo, Batch)>,
    merge: bool,
    refreshed: Vec<SourceInfo>,
) -> Result<(StoreStats, bool)> {
    let target = &check_store_target(target)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let stem = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("advisory.db")
        .to_string();
    clean_stale_temps(&dir, &stem);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let tmp = dir.join(format!(".{stem}.tmp-{}-{nanos}", std::process::id()));
    let mut replaced_bad = false;
    let mut merged = false;
    if merge && target.exists() {
        match Store::open(target) {
            Ok(store) => {
                drop(store);
                std::fs::copy(target, &tmp).map_err(|e| Error::io(&tmp, e))?;
                merged = true;
            }
            Err(_) => replaced_bad = true,
        }
    } else if target.exists() && Store::open(target).is_err() {
        replaced_bad = true;
    }
    let result = write_into(&tmp, sources, merged, refreshed);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let f = std::fs::File::open(&tmp).map_err(|e| Error::io(&tmp, e))?;
    f.sync_all().map_err(|e| Error::io(&tmp, e))?;
    drop(f);
    std::fs::rename(&tmp, target).map_err(|e| Error::io(target, e))?;
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    let stats = Store::open(target)?.stats()?;
    Ok((stats, replaced_bad))
}

fn write_into(
    tmp: &Path,
    sources: Vec<(SourceInfo, Batch)>,
    merged: bool,
    refreshed: Vec<SourceInfo>,
) -> Result<()> {
    let sqlerr = |e: rusqlite::Error| Error::Sqlite {
        path: tmp.to_path_buf(),
        source: e,
    };
    let mut conn = Connection::open(tmp).map_err(sqlerr)?;
    // The temporary file is thrown away on any failure, so no journal is needed.
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA page_size = 4096;")
        .map_err(sqlerr)?;
    conn.execute_batch(SCHEMA).map_err(sqlerr)?;
    let tx = conn.transaction().map_err(sqlerr)?;
    let mut deleted = false;
    for (mut info, batch) in sources {
        let sid: Option<i64> = tx
            .query_row(
                "SELECT sid FROM source WHERE name = ?1",
                params![info.name],
                |r| r.get(0),
            )
            .optional()
            .map_err(sqlerr)?;
        let sid = match sid {
            Some(sid) => {
                for table in ["advisory", "affected", "alias"] {
                    tx.execute(&format!("DELETE FROM {table} WHERE sid = ?1"), params![sid])
                        .map_err(sqlerr)?;
                }
                deleted = true;
                sid
            }
            None => {
                tx.execute(
                    "INSERT INTO source(name, data) VALUES (?1, '{}')",
                    params![info.name],
                )
                .map_err(sqlerr)?;
                tx.last_insert_rowid()
            }
        };
        // Merge duplicates within the batch: one advisory per id, one entry per package/id.
        let mut advisories: BTreeMap<String, Advisory> = BTreeMap::new();
        for a in batch.advisories {
            match advisories.get_mut(&a.id) {
                Some(old) => {
                    for al in a.aliases {
                        if !old.aliases.contains(&al) {
                            old.aliases.push(al);
                        }
                    }
                    if old.summary.is_empty() {
                        old.summary = a.summary;
                    }
                    old.severities.extend(a.severities);
                }
                None => {
                    advisories.insert(a.id.clone(), a);
                }
            }
        }
        let mut affected: BTreeMap<(String, String, String), AffectedEntry> = BTreeMap::new();
        for e in batch.affected {
            let key = (e.namespace.clone(), e.name.clone(), e.id.clone());
            match affected.get_mut(&key) {
                Some(old) => {
                    old.affected.ranges.extend(e.affected.ranges);
                    old.affected.versions.extend(e.affected.versions);
                }
                None => {
                    affected.insert(key, e);
                }
            }
        }
        {
            let mut ins_adv = tx
                .prepare("INSERT OR REPLACE INTO advisory(id, sid, data) VALUES (?1, ?2, ?3)")
                .map_err(sqlerr)?;
            let mut ins_alias = tx
                .prepare("INSERT OR IGNORE INTO alias(alias, id, sid) VALUES (?1, ?2, ?3)")
                .map_err(sqlerr)?;
            for (id, a) in &advisories {
                let data = AdvisoryData {
                    aliases: a.aliases.clone(),
                    summary: a.summary.clone(),
                    published: a.published.clone(),
                    modified: a.modified.clone(),
                    url: a.url.clone(),
                    severities: a.severities.clone(),
                    related: Vec::new(),
                };
                let json = serde_json::to_string(&data).expect("serialisable");
                ins_adv.execute(params![id, sid, json]).map_err(sqlerr)?;
                for al in &a.aliases {
                    ins_alias.execute(params![al, id, sid]).map_err(sqlerr)?;
                }
            }
            let mut ins_aff = tx
                .prepare(
                    "INSERT OR REPLACE INTO affected(ns, name, id, sid, data) VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(sqlerr)?;
            for ((ns, name, id), e) in affected.iter_mut() {
                let data = AffectedData {
                    ranges: std::mem::take(&mut e.affected.ranges),
                    versions: std::mem::take(&mut e.affected.versions),
                    state: e.state,
                    severity: e.severity.take(),
                };
                let json = serde_json::to_string(&data).expect("serialisable");
                ins_aff
                    .execute(params![ns, name, id, sid, json])
                    .map_err(sqlerr)?;
            }
        }
        info.advisories = advisories.len() as u64;
        info.affected = affected.len() as u64;
        if info.imported_at == 0 {
            info.imported_at = now();
        }
        tx.execute(
            "UPDATE source SET data = ?1 WHERE sid = ?2",
            params![serde_json::to_string(&info).expect("serialisable"), sid],
        )
        .map_err(sqlerr)?;
    }
    for mut info in refreshed {
        let old: Option<String> = tx
            .query_row(
                "SELECT data FROM source WHERE name = ?1",
                params![info.name],
                |r| r.get(0),
            )
            .optional()
            .map_err(sqlerr)?;
        let Some(old) = old else { continue };
        if let Ok(old) = serde_json::from_str::<SourceInfo>(&old) {
            info.advisories = old.advisories;
            info.affected = old.affected;
        }
        tx.execute(
            "UPDATE source SET data = ?1 WHERE name = ?2",
            params![
                serde_json::to_string(&info).expect("serialisable"),
                info.name
            ],
        )
        .map_err(sqlerr)?;
    }
    relate(&tx).map_err(sqlerr)?;
    tx.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('format', ?1), ('built_at', ?2)",
        params![FORMAT_VERSION.to_string(), now().to_string()],
    )
    .map_err(sqlerr)?;
    tx.commit().map_err(sqlerr)?;
    if merged && deleted {
        conn.execute_batch("VACUUM").map_err(sqlerr)?;
    }
    conn.close().map_err(|(_, e)| sqlerr(e))?;
    Ok(())
}

/// Recompute every record's `related` severities: the GHSA/NVD statements of the records it
/// names as aliases and of the records that name it. Runs over the whole store on every write,
/// so merged and replaced sources stay consistent.
fn relate(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    use std::collections::HashMap;
    let mut rows: Vec<(String, i64, String, AdvisoryData)> = Vec::new();
    {
        let mut stmt = tx.prepare("SELECT id, sid, data FROM advisory")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let data: String = r.get(2)?;
            let Ok(d) = serde_json::from_str::<AdvisoryData>(&data) else {
                continue;
            };
            rows.push((r.get(0)?, r.get(1)?, data, d));
        }
    }
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_alias: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (id, _, _, d)) in rows.iter().enumerate() {
        by_id.entry(id.as_str()).or_default().push(i);
        for a in &d.aliases {
            by_alias.entry(a.as_str()).or_default().push(i);
        }
    }
    let mut updates: Vec<(usize, Vec<SeverityRecord>)> = Vec::new();
    for (i, (id, _, _, d)) in rows.iter().enumerate() {
        let mut related: Vec<SeverityRecord> = Vec::new();
        let others = d
            .aliases
            .iter()
            .flat_map(|a| by_id.get(a.as_str()).into_iter().flatten())
            .chain(by_alias.get(id.as_str()).into_iter().flatten())
            .filter(|&&j| j != i && rows[j].0 != *id);
        for &j in others {
            for s in &rows[j].3.severities {
                if s.source != crate::model::SeveritySource::Vendor && !related.contains(s) {
                    related.push(s.clone());
                }
            }
        }
        if related != d.related {
            updates.push((i, related));
        }
    }
    let mut upd = tx.prepare("UPDATE advisory SET data = ?1 WHERE id = ?2 AND sid = ?3")?;
    for (i, related) in updates {
        let (id, sid, _, d) = &rows[i];
        let data = AdvisoryData {
            aliases: d.aliases.clone(),
            summary: d.summary.clone(),
            published: d.published.clone(),
            modified: d.modified.clone(),
            url: d.url.clone(),
            severities: d.severities.clone(),
            related,
        };
        upd.execute(params![
            serde_json::to_string(&data).expect("serialisable"),
            id,
            sid
        ])?;
    }
    Ok(())
}
