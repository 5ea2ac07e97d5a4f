//! Rust: `Cargo.lock` files and binaries built with cargo-auditable (the zlib-compressed JSON
//! dependency list in the ELF section `.dep-v0`).

use super::ParseError;
use bulkhead_pkg::{Ecosystem, Package};
use serde::Deserialize;
use std::io::Read;

#[derive(Deserialize)]
struct Lock {
    #[serde(default)]
    package: Vec<LockPackage>,
}

#[derive(Deserialize)]
struct LockPackage {
    name: String,
    version: String,
    #[serde(default)]
    source: Option<String>,
    /// `["serde", "syn 2.0.1", "rand 0.8.5 (registry+...)"]`: the name is the first word.
    #[serde(default)]
    dependencies: Vec<String>,
}

/// Every package of a `Cargo.lock`, local workspace members included (as cargo-audit does),
/// with the names of its locked dependencies for the SBOM graph.
/// A file that is not a lockfile (not TOML, or a `[[package]]` without name or version) is an
/// error at its line.
pub fn parse_lock(text: &str) -> Result<Vec<Package>, ParseError> {
    let lock = toml::from_str::<Lock>(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        ParseError::at_offset(
            text,
            offset,
            format!("not a Cargo.lock: {}", e.message().trim()),
        )
    })?;
    Ok(lock
        .package
        .into_iter()
        .filter(|p| p.source.as_deref().is_none_or(|s| !s.starts_with("path+")))
        .map(|p| {
            let mut pkg = Package::new(Ecosystem::Cargo, p.name, p.version);
            pkg.depends = p
                .dependencies
                .iter()
                .filter_map(|d| d.split_whitespace().next())
                .map(str::to_string)
                .collect();
            pkg
        })
        .collect())
}

#[derive(Deserialize)]
struct Auditable {
    packages: Vec<AuditablePackage>,
}

#[derive(Deserialize)]
struct AuditablePackage {
    name: String,
    version: String,
    #[serde(default)]
    kind: Option<String>,
}

/// The cargo-auditable dependency list of an ELF binary, when it has one.
pub fn parse_auditable(elf: &[u8]) -> Vec<Package> {
    match super::golang::elf_section(elf, ".dep-v0") {
        Some(section) => decode_auditable(section),
        None => Vec::new(),
    }
}

/// The same for a binary on disk.
pub fn parse_auditable_file<F: Read + std::io::Seek>(f: &mut F) -> Vec<Package> {
    match super::golang::elf_section_file(f, ".dep-v0", 8 << 20) {
        Some(section) => decode_auditable(&section),
        None => Vec::new(),
    }
}

fn decode_auditable(section: &[u8]) -> Vec<Package> {
    let mut json = Vec::new();
    // The JSON is small; 8 MiB bounds a hostile section.
    if flate2::read::ZlibDecoder::new(section)
        .take(8 << 20)
        .read_to_end(&mut json)
        .is_err()
    {
        return Vec::new();
    }
    let Ok(a) = serde_json::from_slice::<Auditable>(&json) else {
        return Vec::new();
    };
    a.packages
        .into_iter()
        .filter(|p| p.kind.as_deref() != Some("build"))
        .map(|p| Package::new(Ecosystem::Cargo, p.name, p.version))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_v3() {
        let t = "version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"serde\",\n \"syn 2.0.1 (registry+https://github.com/rust-lang/crates.io-index)\",\n]\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.200\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
        let p = parse_lock(t).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].name, "serde");
        assert_eq!(p[0].depends, ["serde", "syn"]);
    }
}

#[cfg(test)]
mod auditable_tests {
    use super::*;
    use std::io::Write;

    /// A minimal ELF64 with `.shstrtab` and a cargo-auditable `.dep-v0` section.
    fn elf_with_dep(json: &str) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(json.as_bytes()).unwrap();
        let dep = z.finish().unwrap();
        let shstr = b"\0.shstrtab\0.dep-v0\0".to_vec();
        let mut f = vec![0u8; 64];
        f[..4].copy_from_slice(b"\x7fELF");
        f[4] = 2;
        f[5] = 1;
        f[6] = 1;
        let shstr_off = f.len() as u64;
        f.extend_from_slice(&shstr);
        let dep_off = f.len() as u64;
        f.extend_from_slice(&dep);
        let shoff = f.len() as u64;
        let mut sh = |name: u32, ty: u32, off: u64, size: u64| {
            let mut h = vec![0u8; 64];
            h[0..4].copy_from_slice(&name.to_le_bytes());
            h[4..8].copy_from_slice(&ty.to_le_bytes());
            h[0x18..0x20].copy_from_slice(&off.to_le_bytes());
            h[0x20..0x28].copy_from_slice(&size.to_le_bytes());
            f.extend_from_slice(&h);
        };
        sh(0, 0, 0, 0);
        sh(1, 3, shstr_off, shstr.len() as u64);
        sh(11, 1, dep_off, dep.len() as u64);
        f[0x28..0x30].copy_from_slice(&shoff.to_le_bytes());
        f[0x3A..0x3C].copy_from_slice(&64u16.to_le_bytes());
        f[0x3C..0x3E].copy_from_slice(&3u16.to_le_bytes());
        f[0x3E..0x40].copy_from_slice(&1u16.to_le_bytes());
        f
    }

    #[test]
    fn auditable_binary() {
        let elf = elf_with_dep(
            r#"{"packages":[{"name":"app","version":"0.1.0","source":"local","root":true},{"name":"serde","version":"1.0.200","source":"crates.io","dependencies":[]},{"name":"cc","version":"1.0.0","source":"crates.io","kind":"build"}]}"#,
        );
        let p = parse_auditable(&elf);
        let got: Vec<_> = p
            .iter()
            .map(|p| (p.name.as_str(), p.version.as_str()))
            .collect();
        assert_eq!(got, vec![("app", "0.1.0"), ("serde", "1.0.200")]);
        // Truncated section table: nothing, no panic.
        assert!(parse_auditable(&elf[..elf.len() - 50]).is_empty());
    }

    #[test]
    fn garbage_is_an_error_at_its_line() {
        let t = "version = 3\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n\n[[package]]\nname = \"b\"\n";
        let e = parse_lock(t).unwrap_err();
        assert_eq!(e.line, 7, "{e}");
        assert!(
            e.message
                .starts_with("not a Cargo.lock: missing field `version`"),
            "{e}"
        );
        assert_eq!(
            parse_lock("version = 3\n\x00\x01garbage\n")
                .unwrap_err()
                .line,
            2
        );
        let ok = "version = 3\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n";
        assert_eq!(parse_lock(ok).unwrap().len(), 1);
    }
}
