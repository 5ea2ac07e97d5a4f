//! Go: the build information the Go linker embeds in binaries (`.go.buildinfo`, Go 1.18+
//! inline format): the main module, every dependency module and the toolchain (`stdlib`).
//! Also the small ELF section reader cargo-auditable shares.

use bulkhead_pkg::{Ecosystem, Package};
use std::io::{Read, Seek, SeekFrom};

const MAGIC: &[u8] = b"\xff Go buildinf:";

fn rd16(b: &[u8], off: usize, le: bool) -> Option<u64> {
    let s: [u8; 2] = b.get(off..off + 2)?.try_into().ok()?;
    Some(u64::from(if le {
        u16::from_le_bytes(s)
    } else {
        u16::from_be_bytes(s)
    }))
}
fn rd32(b: &[u8], off: usize, le: bool) -> Option<u64> {
    let s: [u8; 4] = b.get(off..off + 4)?.try_into().ok()?;
    Some(u64::from(if le {
        u32::from_le_bytes(s)
    } else {
        u32::from_be_bytes(s)
    }))
}
fn rd64(b: &[u8], off: usize, le: bool) -> Option<u64> {
    let s: [u8; 8] = b.get(off..off + 8)?.try_into().ok()?;
    Some(if le {
        u64::from_le_bytes(s)
    } else {
        u64::from_be_bytes(s)
    })
}

/// The bytes of the ELF section called `name`, bounds-checked against the file.
pub fn elf_section<'a>(elf: &'a [u8], name: &str) -> Option<&'a [u8]> {
    if !super::is_elf(elf) || elf.len() < 64 {
        return None;
    }
    let is64 = elf[4] == 2;
    let le = elf[5] == 1;
    let (shoff, shentsize, shnum, shstrndx) = if is64 {
        (
            rd64(elf, 0x28, le)?,
            rd16(elf, 0x3A, le)?,
            rd16(elf, 0x3C, le)?,
            rd16(elf, 0x3E, le)?,
        )
    } else {
        (
            rd32(elf, 0x20, le)?,
            rd16(elf, 0x2E, le)?,
            rd16(elf, 0x30, le)?,
            rd16(elf, 0x32, le)?,
        )
    };
    let shdr = |i: u64| -> Option<(u64, u64, u64, u64)> {
        let off = usize::try_from(shoff.checked_add(i.checked_mul(shentsize)?)?).ok()?;
        if is64 {
            Some((
                rd32(elf, off, le)?,
                rd32(elf, off + 4, le)?,
                rd64(elf, off + 0x18, le)?,
                rd64(elf, off + 0x20, le)?,
            ))
        } else {
            Some((
                rd32(elf, off, le)?,
                rd32(elf, off + 4, le)?,
                rd32(elf, off + 0x10, le)?,
                rd32(elf, off + 0x14, le)?,
            ))
        }
    };
    let data = |off: u64, size: u64| -> Option<&'a [u8]> {
        let start = usize::try_from(off).ok()?;
        let end = start.checked_add(usize::try_from(size).ok()?)?;
        elf.get(start..end)
    };
    let (_, _, str_off, str_size) = shdr(shstrndx)?;
    let strtab = data(str_off, str_size)?;
    for i in 0..shnum.min(4096) {
        let (name_off, kind, off, size) = shdr(i)?;
        if kind == 8 {
            continue; // SHT_NOBITS
        }
        let n = strtab.get(usize::try_from(name_off).ok()?..)?;
        let end = n.iter().position(|&b| b == 0)?;
        if &n[..end] == name.as_bytes() {
            return data(off, size);
        }
    }
    None
}

fn uvarint(b: &[u8]) -> Option<(u64, usize)> {
    let mut x = 0u64;
    for (i, &byte) in b.iter().enumerate().take(10) {
        x |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((x, i + 1));
        }
    }
    None
}

/// The same lookup over a seekable file, reading only the ELF header, the section table, the
/// section-name table and the section itself (at most `limit` bytes): memory stays small for
/// binaries of any size.
pub fn elf_section_file<F: Read + Seek>(f: &mut F, name: &str, limit: u64) -> Option<Vec<u8>> {
    let read_at = |f: &mut F, off: u64, len: u64| -> Option<Vec<u8>> {
        if len > limit.max(1 << 20) {
            return None;
        }
        f.seek(SeekFrom::Start(off)).ok()?;
        let mut b = vec![0u8; usize::try_from(len).ok()?];
        f.read_exact(&mut b).ok()?;
        Some(b)
    };
    let head = read_at(f, 0, 64)?;
    if !super::is_elf(&head) {
        return None;
    }
    let is64 = head[4] == 2;
    let le = head[5] == 1;
    let (shoff, shentsize, shnum, shstrndx) = if is64 {
        (
            rd64(&head, 0x28, le)?,
            rd16(&head, 0x3A, le)?,
            rd16(&head, 0x3C, le)?,
            rd16(&head, 0x3E, le)?,
        )
    } else {
        (
            rd32(&head, 0x20, le)?,
            rd16(&head, 0x2E, le)?,
            rd16(&head, 0x30, le)?,
            rd16(&head, 0x32, le)?,
        )
    };
    if shentsize < if is64 { 0x28 } else { 0x18 } || shnum == 0 {
        return None;
    }
    let table = read_at(f, shoff, shentsize.checked_mul(shnum.min(4096))?)?;
    let shdr = |i: u64| -> Option<(u64, u64, u64, u64)> {
        let off = usize::try_from(i.checked_mul(shentsize)?).ok()?;
        if is64 {
            Some((
                rd32(&table, off, le)?,
                rd32(&table, off + 4, le)?,
                rd64(&table, off + 0x18, le)?,
                rd64(&table, off + 0x20, le)?,
            ))
        } else {
            Some((
                rd32(&table, off, le)?,
                rd32(&table, off + 4, le)?,
                rd32(&table, off + 0x10, le)?,
                rd32(&table, off + 0x14, le)?,
            ))
        }
    };
    let (_, _, str_off, str_size) = shdr(shstrndx)?;
    let strtab = read_at(f, str_off, str_size.min(1 << 20))?;
    for i in 0..shnum.min(4096) {
        let (name_off, kind, off, size) = shdr(i)?;
        if kind == 8 {
            continue;
        }
        let n = strtab.get(usize::try_from(name_off).ok()?..)?;
        let end = n.iter().position(|&b| b == 0)?;
        if &n[..end] == name.as_bytes() {
            return if size <= limit {
                read_at(f, off, size)
            } else {
                None
            };
        }
    }
    None
}

/// Packages of a Go binary on disk (large binaries are spooled, never held in memory).
pub fn parse_elf_file<F: Read + Seek>(f: &mut F) -> Vec<Package> {
    let blob = match elf_section_file(f, ".go.buildinfo", 4 << 20) {
        Some(sec) if sec.starts_with(MAGIC) => Some(sec),
        _ => scan_magic(f),
    };
    blob.and_then(|b| parse_blob(&b))
        .map(|(v, m)| packages(&v, &m))
        .unwrap_or_default()
}

/// Finds the 16-byte aligned build-info magic by streaming the file in 1 MiB chunks, and
/// returns up to 1 MiB from it.
fn scan_magic<F: Read + Seek>(f: &mut F) -> Option<Vec<u8>> {
    f.seek(SeekFrom::Start(0)).ok()?;
    let mut buf = vec![0u8; 1 << 20];
    let mut base: u64 = 0;
    loop {
        let mut filled = 0;
        while filled < buf.len() {
            match f.read(&mut buf[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(_) => return None,
            }
        }
        if filled < MAGIC.len() {
            return None;
        }
        if let Some(i) = (0..=filled - MAGIC.len())
            .step_by(16)
            .find(|&i| buf[i..].starts_with(MAGIC))
        {
            f.seek(SeekFrom::Start(base + i as u64)).ok()?;
            let mut out = Vec::new();
            f.take(1 << 20).read_to_end(&mut out).ok()?;
            return Some(out);
        }
        if filled < buf.len() {
            return None;
        }
        base += filled as u64;
    }
}

/// The Go version and module info string of a binary, when it has inline build info.
pub fn build_info(elf: &[u8]) -> Option<(String, String)> {
    let start = match elf_section(elf, ".go.buildinfo") {
        Some(sec) if sec.starts_with(MAGIC) => sec,
        _ => {
            // Section headers stripped: the blob is 16-byte aligned somewhere in the file.
            let pos = (0..elf.len().saturating_sub(32))
                .step_by(16)
                .find(|&i| elf[i..].starts_with(MAGIC))?;
            &elf[pos..]
        }
    };
    parse_blob(start)
}

fn parse_blob(start: &[u8]) -> Option<(String, String)> {
    let flags = *start.get(15)?;
    if flags & 2 == 0 {
        return None; // pre-1.18 pointer format: not read
    }
    let mut rest = start.get(32..)?;
    let mut strings = Vec::new();
    for _ in 0..2 {
        let (len, n) = uvarint(rest)?;
        let len = usize::try_from(len).ok()?;
        let s = rest.get(n..n.checked_add(len)?)?;
        strings.push(String::from_utf8_lossy(s).into_owned());
        rest = &rest[n + len..];
    }
    let mut modinfo = strings.pop()?;
    let version = strings.pop()?;
    // The module info is wrapped in 16-byte sentinels.
    if modinfo.len() >= 33 && modinfo.as_bytes()[modinfo.len() - 17] == b'\n' {
        modinfo = modinfo[16..modinfo.len() - 16].to_string();
    }
    Some((version, modinfo))
}

/// Packages of a Go binary: the main module (when versioned), dependencies (replacements
/// applied), and `stdlib` at the toolchain version.
pub fn parse_elf(elf: &[u8]) -> Vec<Package> {
    match build_info(elf) {
        Some((v, m)) => packages(&v, &m),
        None => Vec::new(),
    }
}

fn packages(go_version: &str, modinfo: &str) -> Vec<Package> {
    let mut out: Vec<Package> = Vec::new();
    for line in modinfo.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["mod", path, version, ..] if *version != "(devel)" && !version.is_empty() => {
                out.push(Package::new(Ecosystem::Golang, *path, *version));
            }
            ["dep", path, version, ..] => {
                out.push(Package::new(Ecosystem::Golang, *path, *version));
            }
            ["=>", path, version, ..] => {
                if let Some(last) = out.last_mut()
                    && !version.is_empty()
                {
                    last.name = path.to_string();
                    last.version = version.to_string();
                }
            }
            _ => {}
        }
    }
    let toolchain = go_version.split_whitespace().next().unwrap_or("");
    if let Some(v) = toolchain.strip_prefix("go") {
        out.push(Package::new(Ecosystem::Golang, "stdlib", format!("v{v}")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_build_info_without_sections() {
        let mut b = b"\x7fELF".to_vec();
        b.resize(64, 0); // no section headers: shoff 0 → falls back to the magic scan
        let mut blob = MAGIC.to_vec();
        blob.push(8);
        blob.push(2);
        blob.resize(32, 0);
        let ver = b"go1.19.8";
        let modinfo = format!(
            "{}path\texample.com/app\nmod\texample.com/app\t(devel)\t\ndep\tgolang.org/x/sys\tv0.5.0\th1:x=\n{}",
            "0123456789abcdef", "\n123456789abcdef"
        );
        blob.push(ver.len() as u8);
        blob.extend_from_slice(ver);
        blob.push(modinfo.len() as u8);
        blob.extend_from_slice(modinfo.as_bytes());
        b.extend_from_slice(&blob);
        b.resize(b.len() + 64, 0);
        let p = parse_elf(&b);
        let names: Vec<_> = p
            .iter()
            .map(|p| (p.name.as_str(), p.version.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![("golang.org/x/sys", "v0.5.0"), ("stdlib", "v1.19.8")]
        );
    }
}
