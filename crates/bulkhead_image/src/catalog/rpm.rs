//! rpm: the SQLite database (`rpmdb.sqlite`, RHEL 9 / Fedora 33+ and later). Each row of its
//! `Packages` table is an rpm header blob, parsed here. The Berkeley DB (`Packages`) and NDB
//! (`Packages.db`) formats are not read yet.

use super::path_hash;
use bulkhead_pkg::{Ecosystem, Package};

const TAG_NAME: u32 = 1000;
const TAG_VERSION: u32 = 1001;
const TAG_RELEASE: u32 = 1002;
const TAG_EPOCH: u32 = 1003;
const TAG_LICENSE: u32 = 1014;
const TAG_SOURCERPM: u32 = 1044;
const TAG_PROVIDENAME: u32 = 1047;
const TAG_REQUIRENAME: u32 = 1049;
const TAG_DIRINDEXES: u32 = 1116;
const TAG_BASENAMES: u32 = 1117;
const TAG_DIRNAMES: u32 = 1118;

/// Packages and the hashes of their files, from the bytes of an `rpmdb.sqlite`. SQLite opens
/// files only (rusqlite has no safe in-memory deserialise), so a private copy is written in
/// `scratch` (the cache directory's `tmp`, else the system temporary directory) and removed.
pub fn parse_sqlite(
    data: &[u8],
    scratch: Option<&std::path::Path>,
) -> Result<(Vec<Package>, Vec<u64>), String> {
    let dir = match scratch {
        Some(s) => {
            std::fs::create_dir_all(s).map_err(|e| e.to_string())?;
            tempfile::tempdir_in(s)
        }
        None => tempfile::tempdir(),
    }
    .map_err(|e| e.to_string())?;
    let file = dir.path().join("rpmdb.sqlite");
    std::fs::write(&file, data).map_err(|e| e.to_string())?;
    let uri = format!("file:{}?immutable=1", file.display());
    let conn = rusqlite::Connection::open_with_flags(
        uri,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    )
    .map_err(|e| e.to_string())?;
    let mut stmt = conn
        .prepare("SELECT blob FROM Packages")
        .map_err(|e| format!("not an rpm database: {e}"))?;
    let rows = stmt
        .query_map([], |r| r.get::<_, Vec<u8>>(0))
        .map_err(|e| e.to_string())?;
    let mut pkgs = Vec::new();
    let mut owns = Vec::new();
    for row in rows {
        let blob = row.map_err(|e| e.to_string())?;
        let Some(h) = Header::parse(&blob) else {
            return Err("corrupt rpm header".into());
        };
        let (Some(name), Some(version), Some(release)) = (
            h.string(TAG_NAME),
            h.string(TAG_VERSION),
            h.string(TAG_RELEASE),
        ) else {
            continue;
        };
        if name == "gpg-pubkey" {
            continue;
        }
        let evr = match h.int(TAG_EPOCH) {
            Some(e) if e > 0 => format!("{e}:{version}-{release}"),
            _ => format!("{version}-{release}"),
        };
        let mut p = Package::new(Ecosystem::Rpm, name, evr);
        if let Some(src) = h.string(TAG_SOURCERPM) {
            // name-version-release.src.rpm
            let stem = src.trim_end_matches(".rpm").trim_end_matches(".src");
            let mut parts = stem.rsplitn(3, '-');
            let (rel, ver, sname) = (parts.next(), parts.next(), parts.next());
            if let (Some(r), Some(v), Some(n)) = (rel, ver, sname) {
                p.source_name = Some(n.to_string());
                p.source_version = Some(format!("{v}-{r}"));
            }
        }
        if let Some(l) = h.string(TAG_LICENSE) {
            p.licenses.push(l);
        }
        // The graph's edges: what it requires by name (sonames, virtual names, package names;
        // `rpmlib(...)` are features of rpm itself, provided by no package), resolved
        // through what the others provide.
        p.depends = h
            .strings(TAG_REQUIRENAME)
            .into_iter()
            .filter(|r| !r.starts_with("rpmlib("))
            .collect();
        p.depends.sort();
        p.depends.dedup();
        p.provides = h.strings(TAG_PROVIDENAME);
        let dirs = h.strings(TAG_DIRNAMES);
        let bases = h.strings(TAG_BASENAMES);
        let idx = h.ints(TAG_DIRINDEXES);
        for (b, i) in bases.iter().zip(idx) {
            if let Some(d) = usize::try_from(i).ok().and_then(|i| dirs.get(i)) {
                owns.push(path_hash(&format!("{d}{b}")));
            }
        }
        pkgs.push(p);
    }
    Ok((pkgs, owns))
}

struct Header<'a> {
    entries: Vec<(u32, u32, usize, usize)>,
    data: &'a [u8],
}

impl<'a> Header<'a> {
    fn parse(b: &'a [u8]) -> Option<Header<'a>> {
        let be = |o: usize| -> Option<u32> {
            Some(u32::from_be_bytes(b.get(o..o + 4)?.try_into().ok()?))
        };
        let il = usize::try_from(be(0)?).ok()?;
        let dl = usize::try_from(be(4)?).ok()?;
        if il > 100_000 || dl > 256 << 20 {
            return None;
        }
        let data_start = 8 + il * 16;
        let data = b.get(data_start..data_start.checked_add(dl)?)?;
        let mut entries = Vec::with_capacity(il);
        for i in 0..il {
            let o = 8 + i * 16;
            entries.push((
                be(o)?,
                be(o + 4)?,
                usize::try_from(be(o + 8)?).ok()?,
                usize::try_from(be(o + 12)?).ok()?,
            ));
        }
        Some(Header { entries, data })
    }
    fn entry(&self, tag: u32) -> Option<(u32, usize, usize)> {
        self.entries
            .iter()
            .find(|e| e.0 == tag)
            .map(|e| (e.1, e.2, e.3))
    }
    fn strings(&self, tag: u32) -> Vec<String> {
        let Some((ty, off, count)) = self.entry(tag) else {
            return Vec::new();
        };
        if !matches!(ty, 6 | 8 | 9) {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut rest = self.data.get(off..).unwrap_or(&[]);
        for _ in 0..count.min(1_000_000) {
            let Some(end) = rest.iter().position(|&b| b == 0) else {
                break;
            };
            out.push(String::from_utf8_lossy(&rest[..end]).into_owned());
            rest = &rest[end + 1..];
        }
        out
    }
    fn string(&self, tag: u32) -> Option<String> {
        self.strings(tag).into_iter().next()
    }
    fn ints(&self, tag: u32) -> Vec<u32> {
        let Some((4, off, count)) = self.entry(tag) else {
            return Vec::new();
        };
        (0..count.min(1_000_000))
            .map_while(|i| {
                let o = off.checked_add(i * 4)?;
                Some(u32::from_be_bytes(
                    self.data.get(o..o + 4)?.try_into().ok()?,
                ))
            })
            .collect()
    }
    fn int(&self, tag: u32) -> Option<u32> {
        self.ints(tag).into_iter().next()
    }
}
