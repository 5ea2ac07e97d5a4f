//! apk: `/lib/apk/db/installed` (`P:` name, `V:` version, `o:` origin, `L:` licence, `A:`
//! architecture, `D:` dependencies and `p:` provides for the SBOM dependency graph, and the
//! `F:`/`R:` file list used to avoid counting owned language packages twice).

use super::{ParseError, path_hash};
use bulkhead_pkg::{Ecosystem, Package};

/// Packages and the hashes of the files they own. Every line of the database is `X:value`
/// with a one-letter key and every record names its package and version: anything else is an
/// error at its line.
pub fn parse_installed(text: &str) -> Result<(Vec<Package>, Vec<u64>), ParseError> {
    let mut pkgs = Vec::new();
    let mut owns = Vec::new();
    let mut line_no = 0;
    for para in text.split("\n\n") {
        let (mut name, mut version, mut origin, mut license) = (None, None, None, None);
        let (mut arch, mut depends, mut provides) = (None, Vec::new(), Vec::new());
        let mut dir = String::new();
        let first = line_no + 1;
        let (mut lines, mut content) = (0, 0);
        for line in para.lines() {
            line_no += 1;
            lines += 1;
            let Some((k, v)) = line
                .split_once(':')
                .filter(|(k, _)| k.len() == 1 && k.as_bytes()[0].is_ascii_alphanumeric())
            else {
                if line.trim().is_empty() {
                    continue;
                }
                return Err(ParseError::new(
                    line_no,
                    "not an apk database line (`X:value`)",
                ));
            };
            content += 1;
            match k {
                "P" => name = Some(v),
                "V" => version = Some(v),
                "o" => origin = Some(v),
                "L" => license = Some(v),
                "A" => arch = Some(v),
                // `so:libc.musl-x86_64.so.1 busybox=1.36.1-r29 !conflict`: names without
                // their version constraint; `!` marks a conflict, not a dependency.
                "D" => depends.extend(
                    v.split_whitespace()
                        .filter(|d| !d.starts_with('!'))
                        .map(|d| apk_name(d).to_string()),
                ),
                "p" => provides.extend(v.split_whitespace().map(|d| apk_name(d).to_string())),
                "F" => dir = v.to_string(),
                "R" => owns.push(path_hash(&format!("{dir}/{v}"))),
                _ => {}
            }
        }
        // An empty split still stands for one (blank) line; then the separating blank line.
        line_no = first + lines.max(1);
        if content > 0 && (name.is_none() || version.is_none()) {
            return Err(ParseError::new(
                first,
                "an apk database record without its P: name and V: version",
            ));
        }
        if let (Some(n), Some(v)) = (name, version) {
            let mut p = Package::new(Ecosystem::Apk, n, v);
            p.source_name = Some(origin.unwrap_or(n).to_string());
            p.source_version = Some(v.to_string());
            if let Some(l) = license.filter(|l| !l.is_empty()) {
                p.licenses.push(l.to_string());
            }
            p.arch = arch.filter(|a| !a.is_empty()).map(str::to_string);
            p.depends = std::mem::take(&mut depends);
            p.provides = std::mem::take(&mut provides);
            pkgs.push(p);
        }
    }
    Ok((pkgs, owns))
}

/// `name=1.2`, `name>=1`, `name~1` -> `name`.
fn apk_name(d: &str) -> &str {
    d.split(['=', '<', '>', '~']).next().unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_packages_and_files() {
        let t = "C:Q1x\nP:musl\nV:1.2.5-r0\no:musl\nL:MIT\nF:lib\nR:ld-musl-x86_64.so.1\n\nP:py3-six\nV:1.16.0-r9\no:py3-six\nL:MIT\nF:usr/lib/python3.12/site-packages/six-1.16.0.dist-info\nR:METADATA\n";
        let (p, owns) = parse_installed(t).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].name, "py3-six");
        assert!(owns.contains(&path_hash(
            "usr/lib/python3.12/site-packages/six-1.16.0.dist-info/METADATA"
        )));
    }

    #[test]
    fn arch_depends_and_provides() {
        let t = "P:busybox\nV:1.36.1-r29\nA:x86_64\nD:so:libc.musl-x86_64.so.1 musl>=1.2 !busybox-old\np:cmd:sh=1.36.1-r29 /bin/sh\n";
        let (p, _) = parse_installed(t).unwrap();
        assert_eq!(p[0].arch.as_deref(), Some("x86_64"));
        assert_eq!(p[0].depends, ["so:libc.musl-x86_64.so.1", "musl"]);
        assert_eq!(p[0].provides, ["cmd:sh", "/bin/sh"]);
    }

    #[test]
    fn garbage_is_an_error_at_its_line() {
        let t = "P:musl\nV:1.2.5-r0\n\nP:zlib\nthis is not apk\n";
        assert_eq!(
            parse_installed(t).unwrap_err(),
            ParseError::new(5, "not an apk database line (`X:value`)")
        );
        let t = "P:musl\nV:1.2.5-r0\n\n\n\nC:Q1abc\nL:MIT\n";
        assert_eq!(parse_installed(t).unwrap_err().line, 6);
        // Blank lines at the end, or an empty file, are no error.
        assert_eq!(parse_installed("P:a\nV:1\n\n\n").unwrap().0.len(), 1);
        assert!(parse_installed("").unwrap().0.is_empty());
    }
}
