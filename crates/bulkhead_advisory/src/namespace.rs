//! Namespaces: which part of the store a package is looked up in.
//!
//! Language packages live in their OSV ecosystem (`crates.io`, `Go`, `PyPI`...). OS packages
//! live in a distro release: `alpine:3.11` (branch), `debian:12` (codenames are mapped to
//! numbers), `ubuntu:22.04`. Names are normalised the way each ecosystem compares them.

use bulkhead_pkg::{Distro, Ecosystem, Package};

/// Debian codenames and their release numbers.
const DEBIAN_CODENAMES: &[(&str, &str)] = &[
    ("hamm", "2.0"),
    ("slink", "2.1"),
    ("potato", "2.2"),
    ("woody", "3.0"),
    ("sarge", "3.1"),
    ("etch", "4"),
    ("lenny", "5"),
    ("squeeze", "6"),
    ("wheezy", "7"),
    ("jessie", "8"),
    ("stretch", "9"),
    ("buster", "10"),
    ("bullseye", "11"),
    ("bookworm", "12"),
    ("trixie", "13"),
    ("forky", "14"),
    ("duke", "15"),
];

/// `bookworm` -> `12`, `12.5` -> `12`, `sid`/`unstable` -> `sid`.
pub(crate) fn debian_release(release: &str) -> String {
    let r = release.trim().to_ascii_lowercase();
    if let Some((_, n)) = DEBIAN_CODENAMES.iter().find(|(c, _)| *c == r) {
        return (*n).to_string();
    }
    if r == "unstable" {
        return "sid".to_string();
    }
    match r.split_once('.') {
        Some((major, _)) if major.parse::<u32>().is_ok_and(|m| m >= 4) => major.to_string(),
        _ => r,
    }
}

/// `v3.11` -> `3.11`, `3.11.6` -> `3.11`, `edge` -> `edge`.
pub(crate) fn alpine_branch(release: &str) -> String {
    let r = release.trim().trim_start_matches('v');
    let mut parts = r.split('.');
    match (parts.next(), parts.next()) {
        (Some(a), Some(b)) if a.parse::<u32>().is_ok() => {
            let b: String = b.chars().take_while(|c| c.is_ascii_digit()).collect();
            format!("{a}.{b}")
        }
        _ => r.to_string(),
    }
}

/// The namespace of an OSV `affected[].package.ecosystem` string (`Alpine:v3.18` ->
/// `alpine:3.18`, `Debian:12` -> `debian:12`, `crates.io` -> `crates.io`).
pub(crate) fn osv_namespace(ecosystem: &str) -> String {
    let (base, release) = match ecosystem.split_once(':') {
        Some((b, r)) => (b, Some(r)),
        None => (ecosystem, None),
    };
    match (base, release) {
        ("Alpine", Some(r)) => format!("alpine:{}", alpine_branch(r)),
        ("Debian", Some(r)) => format!("debian:{}", debian_release(r)),
        ("Ubuntu", Some(r)) => {
            // `Ubuntu:22.04:LTS`, `Ubuntu:Pro:18.04:LTS`
            let v = r.split(':').find(|p| p.contains('.')).unwrap_or(r);
            format!("ubuntu:{v}")
        }
        ("Rocky Linux", Some(r)) => format!("rocky:{}", major(r)),
        ("AlmaLinux", Some(r)) => format!("almalinux:{}", major(r)),
        _ => ecosystem.to_string(),
    }
}

fn major(v: &str) -> &str {
    v.split('.').next().unwrap_or(v)
}

/// The namespace to look a package up in, or `None` for an OS package whose distro release
/// is unknown (no distro feed can be chosen for it).
pub fn namespace_for(pkg: &Package, os: Option<&Distro>) -> Option<String> {
    match pkg.ecosystem {
        Ecosystem::Apk | Ecosystem::Deb | Ecosystem::Rpm => {
            let d = pkg.distro.as_ref().or(os)?;
            let id = d.id.to_ascii_lowercase();
            let release = if d.version.is_empty() {
                d.codename.clone().unwrap_or_default()
            } else {
                d.version.clone()
            };
            Some(match id.as_str() {
                "alpine" => format!("alpine:{}", alpine_branch(&release)),
                "debian" => {
                    let r = if d.version.is_empty() || !d.version.chars().next()?.is_ascii_digit() {
                        d.codename.clone().unwrap_or(release)
                    } else {
                        release
                    };
                    format!("debian:{}", debian_release(&r))
                }
                "ubuntu" => format!("ubuntu:{release}"),
                _ => format!("{id}:{}", major(&release)),
            })
        }
        eco => Some(eco.osv_name().to_string()),
    }
}

/// The name under which a package is stored and looked up in a namespace.
pub fn normalise_name(namespace: &str, name: &str) -> String {
    match namespace {
        "PyPI" => {
            // PEP 503: runs of `-`, `_`, `.` are one `-`, case-insensitive.
            let mut out = String::with_capacity(name.len());
            let mut sep = false;
            for c in name.chars() {
                if matches!(c, '-' | '_' | '.') {
                    sep = true;
                } else {
                    if sep && !out.is_empty() {
                        out.push('-');
                    }
                    sep = false;
                    out.push(c.to_ascii_lowercase());
                }
            }
            out
        }
        "NuGet" | "Packagist" => name.to_ascii_lowercase(),
        _ => name.to_string(),
    }
}

/// The version string as the advisory feeds write it: Go's `v1.2.3` and `go1.21.0` become
/// `1.2.3` and `1.21.0`.
pub(crate) fn normalise_version<'a>(namespace: &str, name: &str, version: &'a str) -> &'a str {
    if namespace == "Go" {
        if name == "stdlib" || name == "toolchain" {
            return version.trim_start_matches("go").trim_start_matches('v');
        }
        return version.strip_prefix('v').unwrap_or(version);
    }
    version
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osv_ecosystems() {
        assert_eq!(osv_namespace("Alpine:v3.18"), "alpine:3.18");
        assert_eq!(osv_namespace("Debian:12"), "debian:12");
        assert_eq!(osv_namespace("Debian:bookworm"), "debian:12");
        assert_eq!(osv_namespace("Ubuntu:22.04:LTS"), "ubuntu:22.04");
        assert_eq!(osv_namespace("crates.io"), "crates.io");
    }

    #[test]
    fn os_namespaces() {
        let mut p = Package::new(Ecosystem::Apk, "musl", "1.1.24-r2");
        let os = Distro {
            id: "alpine".into(),
            version: "3.11.6".into(),
            codename: None,
            point_release: None,
        };
        assert_eq!(namespace_for(&p, Some(&os)).unwrap(), "alpine:3.11");
        assert_eq!(namespace_for(&p, None), None);
        p.ecosystem = Ecosystem::Deb;
        let deb = Distro {
            id: "debian".into(),
            version: "12".into(),
            codename: Some("bookworm".into()),
            point_release: None,
        };
        assert_eq!(namespace_for(&p, Some(&deb)).unwrap(), "debian:12");
        let sid = Distro {
            id: "debian".into(),
            version: String::new(),
            codename: Some("trixie".into()),
            point_release: None,
        };
        assert_eq!(namespace_for(&p, Some(&sid)).unwrap(), "debian:13");
    }

    #[test]
    fn names_and_versions() {
        assert_eq!(
            normalise_name("PyPI", "Zope.Interface__x"),
            "zope-interface-x"
        );
        assert_eq!(normalise_name("crates.io", "Foo_bar"), "Foo_bar");
        assert_eq!(normalise_version("Go", "stdlib", "go1.21.3"), "1.21.3");
        assert_eq!(
            normalise_version("Go", "golang.org/x/net", "v0.1.0"),
            "0.1.0"
        );
    }
}
