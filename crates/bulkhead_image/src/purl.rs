//! Package URLs for SBOMs and reports: one spelling for the whole workspace, from
//! `bulkhead_pkg::Purl` (so the advisory matcher and the SBOMs agree).

use bulkhead_pkg::{Package, Purl};

/// The purl of a package, e.g. `pkg:deb/debian/libc6@2.36-9?distro=debian-12`.
pub fn purl(p: &Package) -> String {
    Purl::for_package(p).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bulkhead_pkg::Ecosystem;

    #[test]
    fn purls() {
        let p = Package::new(Ecosystem::Npm, "@types/node", "20.1.0");
        assert_eq!(purl(&p), "pkg:npm/%40types/node@20.1.0");
        let p = Package::new(Ecosystem::Maven, "org.a:b", "1.0");
        assert_eq!(purl(&p), "pkg:maven/org.a/b@1.0");
        let mut p = Package::new(Ecosystem::Deb, "libc6", "2.36-9+deb12u4");
        p.distro = Some(bulkhead_pkg::Distro {
            id: "debian".into(),
            version: "12".into(),
            codename: None,
            point_release: None,
        });
        assert!(
            purl(&p).starts_with("pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?"),
            "{}",
            purl(&p)
        );
    }
}
