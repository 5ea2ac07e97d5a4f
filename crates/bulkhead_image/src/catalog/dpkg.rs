//! dpkg: `/var/lib/dpkg/status` and distroless `/var/lib/dpkg/status.d/*` records. Only
//! packages whose `Status` says `installed` count (as `dpkg-query -W` shows with `ii`).

use super::{ParseError, rfc822_fields};
use bulkhead_pkg::{Ecosystem, Package};

/// Parses every installed package in a status file (paragraphs separated by blank lines).
/// A file that is not one is an error at the first line that is not a `Field: value` or a
/// continuation, or at a record without a `Package` field.
pub fn parse_status(text: &str) -> Result<Vec<Package>, ParseError> {
    validate(text)?;
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
        p.arch = get("Architecture").map(str::to_string);
        for name in ["Pre-Depends", "Depends"]
            .into_iter()
            .filter_map(get)
            .flat_map(relation_names)
        {
            if !p.depends.contains(&name) {
                p.depends.push(name);
            }
        }
        p.provides = get("Provides").map(relation_names).unwrap_or_default();
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
    Ok(out)
}

/// The shape of a status file, checked line by line so that an error can say where.
fn validate(text: &str) -> Result<(), ParseError> {
    // (first line of the current record, whether it has a Package field); None between records.
    let mut record: Option<(usize, bool)> = None;
    let end = |record: Option<(usize, bool)>| match record {
        Some((line, false)) => Err(ParseError::new(
            line,
            "a dpkg record without a Package field",
        )),
        _ => Ok(()),
    };
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.is_empty() {
            end(record.take())?;
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if record.is_none() {
                return Err(ParseError::new(
                    n,
                    "a continuation line outside a dpkg record",
                ));
            }
            continue;
        }
        let key = line.split_once(':').map(|(k, _)| k);
        let Some(key) = key.filter(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_graphic()))
        else {
            return Err(ParseError::new(
                n,
                "not a dpkg status field (`Field: value`)",
            ));
        };
        let has_package = key.eq_ignore_ascii_case("Package");
        match &mut record {
            Some((_, seen)) => *seen |= has_package,
            None => record = Some((n, has_package)),
        }
    }
    end(record)
}

/// Package names of a dpkg relation field (`libc6 (>= 2.34), libgcc-s1 | libgcc1,
/// python3:any`): every alternative, without version, architecture qualifier or `:any`.
fn relation_names(v: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for alt in v.split([',', '|']) {
        let name = alt
            .split(['(', '[', '<', ' '])
            .find(|s| !s.trim().is_empty())
            .unwrap_or("");
        let name = name.trim().split(':').next().unwrap_or("");
        if !name.is_empty() && !out.iter().any(|x| x == name) {
            out.push(name.to_string());
        }
    }
    out
}

/// The licences of a copyright file. Machine-readable (DEP-5) files: every `License:` short
/// name, in order, once. Free-form files: the licences they name by the texts Debian ships in
/// `/usr/share/common-licenses` or by well-known wording (see [`free_form_licenses`]).
pub fn copyright_licenses(text: &str) -> Vec<String> {
    if !text.starts_with("Format:") {
        return free_form_licenses(text);
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

/// Licences of a free-form copyright file (libc6, base-files, gcc-12-base ... have one). A
/// reference to `/usr/share/common-licenses/NAME` names the licence; "or (at your option) any
/// later version" next to a GPL family reference makes it `NAME+`, as DEP-5 writes it; the
/// MIT and BSD permission texts are recognised by their wording. Nothing is guessed beyond
/// that: a file naming no licence gives none.
pub fn free_form_licenses(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |l: String| {
        if !out.contains(&l) {
            out.push(l);
        }
    };
    let lower = text.to_ascii_lowercase();
    let later = lower.contains("any later version");
    for (i, _) in text.match_indices("/usr/share/common-licenses/") {
        let rest = &text[i + "/usr/share/common-licenses/".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '+'))
            .collect();
        let name = name.trim_end_matches('.').to_string();
        if name.is_empty() {
            continue;
        }
        let gpl_family =
            name.starts_with("GPL") || name.starts_with("LGPL") || name.starts_with("GFDL");
        if gpl_family && later && !name.ends_with('+') {
            push(format!("{name}+"));
        } else {
            push(name);
        }
    }
    if lower.contains("permission is hereby granted, free of charge, to any person") {
        push("Expat".to_string());
    }
    if lower.contains("redistribution and use in source and binary forms") {
        push(
            if lower.contains("neither the name") || lower.contains("may not be used to endorse") {
                "BSD-3-clause".to_string()
            } else {
                "BSD-2-clause".to_string()
            },
        );
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
    fn free_form_copyright_files() {
        // libc6's: LGPL with the "any later version" wording, plus GPL for some programs.
        let libc = "This is the Debian prepackaged version of the GNU C Library.\n\n   The GNU C Library is free software; you can redistribute it and/or\n   modify it under the terms of the GNU Lesser General Public\n   License as published by the Free Software Foundation; either\n   version 2.1 of the License, or (at your option) any later version.\n\nOn Debian systems, the complete text of the GNU Library\nGeneral Public License can be found in `/usr/share/common-licenses/LGPL-2.1'.\n\nand `/usr/share/common-licenses/GPL-2'.\n";
        assert_eq!(copyright_licenses(libc), ["LGPL-2.1+", "GPL-2+"]);
        let mit = "Copyright x\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n";
        assert_eq!(copyright_licenses(mit), ["Expat"]);
        assert!(copyright_licenses("Copyright 2020 nobody in particular.\n").is_empty());
    }

    #[test]
    fn relations_architecture_and_provides() {
        let s = "Package: libc-bin\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36\nPre-Depends: libc6 (>> 2.36)\nDepends: libgcc-s1 | libgcc1, python3:any (>= 3.7~) [amd64], libc6\nProvides: libc-utils (= 2.36)\n";
        let p = parse_status(s).unwrap();
        assert_eq!(p[0].arch.as_deref(), Some("amd64"));
        assert_eq!(p[0].depends, ["libc6", "libgcc-s1", "libgcc1", "python3"]);
        assert_eq!(p[0].provides, ["libc-utils"]);
    }

    #[test]
    fn installed_only_with_source() {
        let s = "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9+deb12u4\nSource: glibc\nDescription: x\n multi\n\nPackage: gone\nStatus: deinstall ok config-files\nVersion: 1\n\nPackage: zlib1g\nStatus: install ok installed\nSource: zlib (1:1.2.13.dfsg-1)\nVersion: 1:1.2.13.dfsg-1+b1\n";
        let p = parse_status(s).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].name, "libc6");
        assert_eq!(p[0].source_name.as_deref(), Some("glibc"));
        assert_eq!(p[0].source_version.as_deref(), Some("2.36-9+deb12u4"));
        assert_eq!(p[1].source_version.as_deref(), Some("1:1.2.13.dfsg-1"));
    }

    #[test]
    fn garbage_is_an_error_at_its_line() {
        let ok = "Package: zlib1g\nStatus: install ok installed\nVersion: 1:1.2.13\nDescription: x\n more\n\n";
        assert_eq!(parse_status(ok).unwrap().len(), 1);
        let bad = format!("{ok}Package: libc6\nVersion: 2.36\n<html>not a status file\n");
        assert_eq!(
            parse_status(&bad).unwrap_err(),
            ParseError::new(9, "not a dpkg status field (`Field: value`)")
        );
        let no_name = format!("{ok}Version: 1\nStatus: install ok installed\n");
        assert_eq!(
            parse_status(&no_name).unwrap_err(),
            ParseError::new(7, "a dpkg record without a Package field")
        );
        assert_eq!(parse_status(" indented\n").unwrap_err().line, 1);
        assert!(parse_status("").unwrap().is_empty());
    }
}
