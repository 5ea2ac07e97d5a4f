//! dpkg: `/var/lib/dpkg/status` and distroless `/var/lib/dpkg/status.d/*` records. Only
//! packages whose `Status` says `installed` count (as `dpkg-query -W` shows with `ii`).

use super::rfc822_fields;
use bulkhead_pkg::{Ecosystem, Package};

/// Parses every installed package in a status file (paragraphs separated by blank lines).
pub fn parse_status(text: &str) -> Vec<Package> {
    let mut out = Vec::new();
    for para in split_paragraphs(text) {
        let fields = rfc822_fields(para);
        let get = |k: &str| {
            fields
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(k))
                .map(|(_, v)| v.as_str())
        };
        let (Some(name), Some(version)) = (get("Package"), get("Version")) else {
            continue;
        };
        // status.d records of distroless have no Status field: present means installed.
        if let Some(status) = get("Status")
            && status.split_whitespace().last() != Some("installed")
        {
            continue;
        }
        let mut p = Package::new(Ecosystem::Deb, name, version);
        if let Some(src) = get("Source") {
            // `Source: name (version)` when the source version differs.
            let (sname, sver) = match src.split_once(' ') {
                Some((n, v)) => (n, Some(v.trim().trim_matches(|c| c == '(' || c == ')'))),
                None => (src, None),
            };
            p.source_name = Some(sname.to_string());
            p.source_version = Some(sver.unwrap_or(version).to_string());
        } else {
            p.source_name = Some(name.to_string());
            p.source_version = Some(version.to_string());
        }
        out.push(p);
    }
    out
}

/// The licences of a machine-readable (DEP-5) copyright file: every `License:` short name, in
/// order, once. Free-form copyright files yield nothing.
pub fn copyright_licenses(text: &str) -> Vec<String> {
    if !text.starts_with("Format:") {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("License:") {
            let v = v.trim();
            if !v.is_empty() && v.len() <= 200 && !out.iter().any(|x| x == v) {
                out.push(v.to_string());
            }
        }
    }
    out
}

fn split_paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").filter(|p| !p.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dep5_licenses() {
        let t = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nCopyright: x\nLicense: GPL-2+\n text\n\nFiles: debian/*\nLicense: GPL-2+\n\nLicense: GPL-2+\n long text\n\nFiles: lib/*\nLicense: BSD-3-clause\n";
        assert_eq!(copyright_licenses(t), vec!["GPL-2+", "BSD-3-clause"]);
        assert!(copyright_licenses("This is free-form.\nLicense: MIT\n").is_empty());
    }

    #[test]
    fn installed_only_with_source() {
        let s = "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9+deb12u4\nSource: glibc\nDescription: x\n multi\n\nPackage: gone\nStatus: deinstall ok config-files\nVersion: 1\n\nPackage: zlib1g\nStatus: install ok installed\nSource: zlib (1:1.2.13.dfsg-1)\nVersion: 1:1.2.13.dfsg-1+b1\n";
        let p = parse_status(s);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].name, "libc6");
        assert_eq!(p[0].source_name.as_deref(), Some("glibc"));
        assert_eq!(p[0].source_version.as_deref(), Some("2.36-9+deb12u4"));
        assert_eq!(p[1].source_version.as_deref(), Some("1:1.2.13.dfsg-1"));
    }
}
