//! Package URLs for SBOMs and reports (purl spec: type, namespace, name, version, qualifiers).

use bulkhead_pkg::{Ecosystem, Package};

fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The purl of a package, e.g. `pkg:deb/debian/libc6@2.36-9?distro=debian-12`.
pub fn purl(p: &Package) -> String {
    let ty = p.ecosystem.purl_type();
    let (namespace, name): (Option<String>, String) = match p.ecosystem {
        Ecosystem::Deb | Ecosystem::Rpm | Ecosystem::Apk => (
            Some(p.distro.as_ref().map(|d| d.id.clone()).unwrap_or_else(|| {
                match p.ecosystem {
                    Ecosystem::Deb => "debian",
                    Ecosystem::Apk => "alpine",
                    _ => "redhat",
                }
                .to_string()
            })),
            p.name.clone(),
        ),
        Ecosystem::Maven => match p.name.split_once(':') {
            Some((g, a)) => (Some(g.to_string()), a.to_string()),
            None => (None, p.name.clone()),
        },
        Ecosystem::Npm => match p.name.rsplit_once('/') {
            Some((scope, n)) if scope.starts_with('@') => (Some(scope.to_string()), n.to_string()),
            _ => (None, p.name.clone()),
        },
        Ecosystem::Golang => match p.name.rsplit_once('/') {
            Some((ns, n)) => (Some(ns.to_string()), n.to_string()),
            None => (None, p.name.clone()),
        },
        Ecosystem::Pypi => (None, p.name.to_lowercase().replace('_', "-")),
        _ => (None, p.name.clone()),
    };
    let mut s = format!("pkg:{ty}/");
    if let Some(ns) = namespace {
        let parts: Vec<String> = ns.split('/').map(enc).collect();
        s.push_str(&parts.join("/"));
        s.push('/');
    }
    s.push_str(&enc(&name));
    if !p.version.is_empty() {
        s.push('@');
        s.push_str(&enc(&p.version));
    }
    if let Some(d) = &p.distro {
        s.push_str(&format!(
            "?distro={}",
            enc(&format!("{}-{}", d.id, d.version))
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purls() {
        let mut p = Package::new(Ecosystem::Deb, "libc6", "2.36-9+deb12u4");
        p.distro = Some(bulkhead_pkg::Distro {
            id: "debian".into(),
            version: "12".into(),
            codename: None,
        });
        assert_eq!(
            purl(&p),
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?distro=debian-12"
        );
        let p = Package::new(Ecosystem::Npm, "@types/node", "20.1.0");
        assert_eq!(purl(&p), "pkg:npm/%40types/node@20.1.0");
        let p = Package::new(Ecosystem::Maven, "org.a:b", "1.0");
        assert_eq!(purl(&p), "pkg:maven/org.a/b@1.0");
    }
}
