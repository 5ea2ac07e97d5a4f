//! Java: jar, war and ear archives, nested archives included (to a depth of 3). Evidence in
//! order: every `META-INF/maven/**/pom.properties`; else `META-INF/MANIFEST.MF`; else the file
//! name (`artifact-1.2.3.jar`).

use super::rfc822_fields;
use bulkhead_pkg::{Ecosystem, Package};
use std::io::{Cursor, Read};

/// Archive names the Java cataloger reads.
pub fn is_archive_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".jar", ".war", ".ear", ".jpi", ".hpi", ".par", ".sar"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Nested archives larger than this are not opened (bounds memory).
const NESTED_LIMIT: u64 = 16 << 20;

/// Packages found in one archive (and its nested archives).
pub fn parse_archive(path: &str, data: &[u8], depth: usize) -> Result<Vec<Package>, String> {
    parse_archive_reader(path, Cursor::new(data), depth)
}

/// The same over any seekable reader (a spooled file for large archives).
pub fn parse_archive_reader<R: Read + std::io::Seek>(
    path: &str,
    reader: R,
    depth: usize,
) -> Result<Vec<Package>, String> {
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let mut manifest = None;
    let mut nested = Vec::new();
    for i in 0..zip.len() {
        let Ok(mut f) = zip.by_index(i) else { continue };
        let name = f.name().to_string();
        if name.starts_with("META-INF/maven/") && name.ends_with("/pom.properties") {
            let mut s = String::new();
            if (&mut f).take(1 << 20).read_to_string(&mut s).is_ok()
                && let Some(p) = pom_properties(&s)
            {
                out.push(p);
            }
        } else if name.eq_ignore_ascii_case("META-INF/MANIFEST.MF") {
            let mut s = String::new();
            if (&mut f).take(1 << 20).read_to_string(&mut s).is_ok() {
                manifest = Some(s);
            }
        } else if depth < 3 && is_archive_name(&name) && f.size() <= NESTED_LIMIT {
            nested.push(name);
        }
    }
    if out.is_empty() {
        let file_name = path.rsplit('/').next().unwrap_or(path);
        if let Some(p) = manifest
            .as_deref()
            .and_then(|m| from_manifest(m, file_name))
        {
            out.push(p);
        } else if let Some(p) = from_file_name(file_name) {
            out.push(p);
        }
    }
    for p in &mut out {
        p.locations.push(format!("/{path}"));
    }
    for name in nested {
        let Ok(mut f) = zip.by_name(&name) else {
            continue;
        };
        let mut inner = Vec::new();
        if (&mut f).take(NESTED_LIMIT).read_to_end(&mut inner).is_err() {
            continue;
        }
        let inner_path = format!("{path}!/{name}");
        if let Ok(mut p) = parse_archive(&inner_path, &inner, depth + 1) {
            out.append(&mut p);
        }
    }
    Ok(out)
}

fn pom_properties(s: &str) -> Option<Package> {
    let get = |k: &str| {
        s.lines().find_map(|l| {
            let (key, v) = l.split_once('=')?;
            (key.trim() == k).then(|| v.trim().to_string())
        })
    };
    let (g, a, v) = (get("groupId")?, get("artifactId")?, get("version")?);
    (!v.is_empty()).then(|| Package::new(Ecosystem::Maven, format!("{g}:{a}"), v))
}

fn from_manifest(m: &str, file_name: &str) -> Option<Package> {
    let fields = rfc822_fields(m);
    let get = |k: &str| {
        fields
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.replace('\n', ""))
            .filter(|v| !v.is_empty())
    };
    let version = get("Implementation-Version").or_else(|| get("Bundle-Version"))?;
    let artifact = from_file_name(file_name)
        .map(|p| p.name.rsplit(':').next().unwrap_or("").to_string())
        .or_else(|| get("Implementation-Title"))
        .filter(|a| !a.contains(char::is_whitespace))?;
    let group = get("Implementation-Vendor-Id")
        .or_else(|| {
            get("Bundle-SymbolicName").and_then(|s| {
                let s = s.split(';').next().unwrap_or("").to_string();
                s.rsplit_once('.').map(|(g, _)| g.to_string())
            })
        })
        .filter(|g| !g.contains(char::is_whitespace))
        .unwrap_or_else(|| artifact.clone());
    Some(Package::new(
        Ecosystem::Maven,
        format!("{group}:{artifact}"),
        version,
    ))
}

/// `commons-io-2.11.0.jar` → `commons-io` `2.11.0` (group unknown: the artifact is repeated).
fn from_file_name(file_name: &str) -> Option<Package> {
    let stem = file_name.rsplit_once('.')?.0;
    let idx = stem
        .match_indices('-')
        .find(|(i, _)| stem[i + 1..].starts_with(|c: char| c.is_ascii_digit()))?
        .0;
    let (artifact, version) = (&stem[..idx], &stem[idx + 1..]);
    Some(Package::new(
        Ecosystem::Maven,
        format!("{artifact}:{artifact}"),
        version,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        let p = from_file_name("commons-io-2.11.0.jar").unwrap();
        assert_eq!(
            (p.name.as_str(), p.version.as_str()),
            ("commons-io:commons-io", "2.11.0")
        );
        assert!(from_file_name("commons-io.jar").is_none());
    }

    #[test]
    fn manifest_titles_with_spaces_are_not_names() {
        let m = "Manifest-Version: 1.0\nImplementation-Title: Java Runtime Environment\nImplementation-Version: 25.0.3\n";
        assert!(from_manifest(m, "jrt-fs.jar").is_none());
        let m =
            "Implementation-Version: 1.2\nBundle-SymbolicName: org.example.lib;singleton:=true\n";
        let p = from_manifest(m, "lib-1.2.jar").unwrap();
        assert_eq!(p.name, "org.example:lib");
    }

    #[test]
    fn pom() {
        let p = pom_properties("#x\ngroupId=org.a\nartifactId=b\nversion=1.0\n").unwrap();
        assert_eq!(p.name, "org.a:b");
    }
}
