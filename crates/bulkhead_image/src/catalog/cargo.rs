//! Rust: `Cargo.lock` files and binaries built with cargo-auditable (the zlib-compressed JSON
//! dependency list in the ELF section `.dep-v0`).

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
}

/// Every package of a `Cargo.lock`, local workspace members included (as cargo-audit does).
pub fn parse_lock(text: &str) -> Vec<Package> {
    let Ok(lock) = toml::from_str::<Lock>(text) else {
        return Vec::new();
    };
    lock.package
        .into_iter()
        .filter(|p| p.source.as_deref().is_none_or(|s| !s.starts_with("path+")))
        .map(|p| Package::new(Ecosystem::Cargo, p.name, p.version))
        .collect()
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
    let Some(section) = super::golang::elf_section(elf, ".dep-v0") else {
        return Vec::new();
    };
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
        let t = "version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.200\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
        let p = parse_lock(t);
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].name, "serde");
    }
}
