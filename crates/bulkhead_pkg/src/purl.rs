//! Package URLs (`pkg:type/namespace/name@version?qualifiers#subpath`), parsed and written
//! as the purl specification says.
//!
//! Owns: [`Purl`] (`FromStr` and `Display`, which round-trip to the canonical form:
//! lowercased type, sorted qualifiers, percent-encoding of everything but unreserved
//! characters and `:`), the per-type name normalisation (PyPI lowercases and turns `_` into
//! `-`; npm, deb and apk lowercase; rpm lowercases the namespace), and
//! [`Purl::for_package`].

use crate::{Ecosystem, Package};
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::str::FromStr;

/// Why a purl was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid package URL {input:?}: {reason}")]
pub struct PurlError {
    /// The rejected text.
    pub input: String,
    /// Why.
    pub reason: &'static str,
}

/// A package URL.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Purl {
    /// The type (`deb`, `npm`, `pypi`...), lowercase.
    pub ty: String,
    /// Namespace segments joined by `/` (`debian`, `@angular`, `org.apache.commons`).
    pub namespace: Option<String>,
    /// The name.
    pub name: String,
    /// The version.
    pub version: Option<String>,
    /// Qualifiers (lowercase keys, non-empty values), sorted by key.
    pub qualifiers: BTreeMap<String, String>,
    /// The subpath, segments joined by `/`.
    pub subpath: Option<String>,
}

fn fail(input: &str, reason: &'static str) -> PurlError {
    PurlError {
        input: input.to_owned(),
        reason,
    }
}

fn decode(input: &str, s: &str) -> Result<String, PurlError> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| fail(input, "bad percent-encoding"))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| fail(input, "percent-encoded bytes are not UTF-8"))
}

fn encode(s: &str, out: &mut String) {
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_' | b'~' | b':') {
            out.push(c as char);
        } else {
            let _ = write!(out, "%{c:02X}");
        }
    }
}

fn valid_type(t: &str) -> bool {
    t.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
        && t.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-'))
}

fn valid_key(k: &str) -> bool {
    k.bytes().next().is_some_and(|c| !c.is_ascii_digit())
        && k.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_'))
}

impl Purl {
    /// A purl of `ty` and `name`, normalised for the type.
    pub fn new(ty: &str, namespace: Option<&str>, name: &str, version: Option<&str>) -> Purl {
        let mut p = Purl {
            ty: ty.to_ascii_lowercase(),
            namespace: namespace.filter(|n| !n.is_empty()).map(str::to_owned),
            name: name.to_owned(),
            version: version.filter(|v| !v.is_empty()).map(str::to_owned),
            qualifiers: BTreeMap::new(),
            subpath: None,
        };
        p.normalise();
        p
    }

    /// Adds a qualifier (ignored when the value is empty).
    pub fn with_qualifier(mut self, key: &str, value: impl Into<String>) -> Purl {
        let value = value.into();
        if !value.is_empty() {
            self.qualifiers.insert(key.to_ascii_lowercase(), value);
        }
        self
    }

    fn normalise(&mut self) {
        match self.ty.as_str() {
            "pypi" => self.name = self.name.to_ascii_lowercase().replace('_', "-"),
            "npm" | "deb" | "apk" | "alpm" | "bitbucket" | "github" | "hex" | "composer" => {
                self.name = self.name.to_ascii_lowercase();
                self.namespace = self.namespace.as_ref().map(|n| n.to_ascii_lowercase());
            }
            "rpm" => self.namespace = self.namespace.as_ref().map(|n| n.to_ascii_lowercase()),
            _ => {}
        }
    }

    /// The ecosystem of the purl's type, when Bulkhead knows it.
    pub fn ecosystem(&self) -> Option<Ecosystem> {
        Some(match self.ty.as_str() {
            "deb" => Ecosystem::Deb,
            "rpm" => Ecosystem::Rpm,
            "apk" => Ecosystem::Apk,
            "pypi" => Ecosystem::Pypi,
            "npm" => Ecosystem::Npm,
            "cargo" => Ecosystem::Cargo,
            "golang" => Ecosystem::Golang,
            "maven" => Ecosystem::Maven,
            "gem" => Ecosystem::Gem,
            "nuget" => Ecosystem::Nuget,
            _ => return None,
        })
    }

    /// The purl of an installed package, as the purl spec and Trivy write them: distro
    /// packages get the distro as namespace and the `arch`, `distro` (with the point release
    /// when known: `debian-12.8`) and `upstream` (source package) qualifiers; deb and rpm move
    /// a non-zero epoch out of the version into the `epoch` qualifier; Maven splits
    /// `group:artifact`; npm splits `@scope/name`; Go splits the module path at its last `/`.
    pub fn for_package(p: &Package) -> Purl {
        let distro_q = p.distro.as_ref().map(|d| {
            let release = d.point_release.as_deref().unwrap_or(&d.version);
            format!("{}-{release}", d.id)
        });
        // `1:2.3-4` -> (`1`, `2.3-4`); a zero epoch is the default and not written.
        let split_epoch = |v: &'_ str| -> (Option<String>, String) {
            match v.split_once(':') {
                Some((e, rest)) if !e.is_empty() && e.bytes().all(|c| c.is_ascii_digit()) => {
                    let e = e.trim_start_matches('0');
                    ((!e.is_empty()).then(|| e.to_string()), rest.to_string())
                }
                _ => (None, v.to_string()),
            }
        };
        let upstream = |p: &Package| -> Option<String> {
            let src = p.source_name.as_deref().filter(|s| !s.is_empty())?;
            match p.source_version.as_deref() {
                Some(v) if !v.is_empty() && v != p.version => Some(format!("{src}@{v}")),
                _ => Some(src.to_owned()),
            }
        };
        let distro_id = p.distro.as_ref().map(|d| d.id.as_str());
        let mut purl = match p.ecosystem {
            Ecosystem::Deb => {
                let (epoch, version) = split_epoch(&p.version);
                let purl = Purl::new(
                    "deb",
                    Some(distro_id.unwrap_or("debian")),
                    &p.name,
                    Some(&version),
                );
                match epoch {
                    Some(e) => purl.with_qualifier("epoch", e),
                    None => purl,
                }
            }
            Ecosystem::Apk => Purl::new(
                "apk",
                Some(distro_id.unwrap_or("alpine")),
                &p.name,
                Some(&p.version),
            ),
            Ecosystem::Rpm => {
                let (epoch, version) = split_epoch(&p.version);
                let purl = Purl::new("rpm", distro_id, &p.name, Some(&version));
                match epoch {
                    Some(e) => purl.with_qualifier("epoch", e),
                    None => purl,
                }
            }
            Ecosystem::Npm => match p.name.rsplit_once('/') {
                Some((scope, name)) if scope.starts_with('@') => {
                    Purl::new("npm", Some(scope), name, Some(&p.version))
                }
                _ => Purl::new("npm", None, &p.name, Some(&p.version)),
            },
            Ecosystem::Maven => match p.name.split_once(':') {
                Some((g, a)) => Purl::new("maven", Some(g), a, Some(&p.version)),
                None => Purl::new("maven", None, &p.name, Some(&p.version)),
            },
            Ecosystem::Golang => match p.name.rsplit_once('/') {
                Some((ns, name)) => Purl::new("golang", Some(ns), name, Some(&p.version)),
                None => Purl::new("golang", None, &p.name, Some(&p.version)),
            },
            eco => Purl::new(eco.purl_type(), None, &p.name, Some(&p.version)),
        };
        if matches!(
            p.ecosystem,
            Ecosystem::Deb | Ecosystem::Rpm | Ecosystem::Apk
        ) {
            if let Some(u) = upstream(p) {
                purl = purl.with_qualifier("upstream", u);
            }
            if let Some(a) = p.arch.as_deref() {
                purl = purl.with_qualifier("arch", a);
            }
            if let Some(d) = distro_q {
                purl = purl.with_qualifier("distro", d);
            }
        }
        purl
    }
}

impl FromStr for Purl {
    type Err = PurlError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let s = input.trim();
        let (s, subpath) = match s.rsplit_once('#') {
            Some((rest, sp)) => {
                let segs: Vec<String> = sp
                    .split('/')
                    .filter(|x| !x.is_empty() && *x != "." && *x != "..")
                    .map(|x| decode(input, x))
                    .collect::<Result<_, _>>()?;
                (rest, (!segs.is_empty()).then(|| segs.join("/")))
            }
            None => (s, None),
        };
        let (s, qualifiers) = match s.rsplit_once('?') {
            Some((rest, q)) => {
                let mut map = BTreeMap::new();
                for pair in q.split('&').filter(|x| !x.is_empty()) {
                    let (k, v) = pair
                        .split_once('=')
                        .ok_or_else(|| fail(input, "qualifier without '='"))?;
                    let k = k.to_ascii_lowercase();
                    if !valid_key(&k) {
                        return Err(fail(input, "invalid qualifier key"));
                    }
                    let v = decode(input, v)?;
                    if v.is_empty() {
                        continue;
                    }
                    if map.insert(k, v).is_some() {
                        return Err(fail(input, "duplicate qualifier key"));
                    }
                }
                (rest, map)
            }
            None => (s, BTreeMap::new()),
        };
        let (scheme, rest) = s
            .split_once(':')
            .ok_or_else(|| fail(input, "missing 'pkg:' scheme"))?;
        if !scheme.eq_ignore_ascii_case("pkg") {
            return Err(fail(input, "scheme is not 'pkg'"));
        }
        let rest = rest.trim_matches('/');
        let (ty, rest) = rest
            .split_once('/')
            .ok_or_else(|| fail(input, "missing type or name"))?;
        let ty = ty.to_ascii_lowercase();
        if !valid_type(&ty) {
            return Err(fail(input, "invalid type"));
        }
        let (rest, version) = match rest.rsplit_once('@') {
            // A "version" with a '/' is an unencoded npm scope (`npm/@types/node`).
            Some((_, v)) if v.contains('/') => (rest, None),
            Some((r, v)) => (r, Some(decode(input, v)?)),
            None => (rest, None),
        };
        let rest = rest.trim_end_matches('/');
        let (namespace, name) = match rest.rsplit_once('/') {
            Some((ns, n)) => {
                let segs: Vec<String> = ns
                    .split('/')
                    .filter(|x| !x.is_empty())
                    .map(|x| decode(input, x))
                    .collect::<Result<_, _>>()?;
                (
                    (!segs.is_empty()).then(|| segs.join("/")),
                    decode(input, n)?,
                )
            }
            None => (None, decode(input, rest)?),
        };
        if name.is_empty() {
            return Err(fail(input, "name is empty"));
        }
        let mut p = Purl {
            ty,
            namespace,
            name,
            version: version.filter(|v| !v.is_empty()),
            qualifiers,
            subpath,
        };
        p.normalise();
        Ok(p)
    }
}

impl fmt::Display for Purl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::from("pkg:");
        out.push_str(&self.ty);
        out.push('/');
        if let Some(ns) = &self.namespace {
            for seg in ns.split('/').filter(|x| !x.is_empty()) {
                encode(seg, &mut out);
                out.push('/');
            }
        }
        encode(&self.name, &mut out);
        if let Some(v) = &self.version {
            out.push('@');
            encode(v, &mut out);
        }
        let mut first = true;
        for (k, v) in self.qualifiers.iter().filter(|(_, v)| !v.is_empty()) {
            out.push(if first { '?' } else { '&' });
            first = false;
            out.push_str(k);
            out.push('=');
            encode(v, &mut out);
        }
        if let Some(sp) = &self.subpath {
            out.push('#');
            for (i, seg) in sp.split('/').filter(|x| !x.is_empty()).enumerate() {
                if i > 0 {
                    out.push('/');
                }
                encode(seg, &mut out);
            }
        }
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Distro;

    fn rt(s: &str) -> String {
        s.parse::<Purl>().unwrap().to_string()
    }

    #[test]
    fn spec_examples_round_trip() {
        assert_eq!(
            rt("pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie"),
            "pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie"
        );
        assert_eq!(
            rt("pkg:npm/%40angular/animation@12.3.1"),
            "pkg:npm/%40angular/animation@12.3.1"
        );
        assert_eq!(
            rt("pkg:PYPI/Django_Rest@1.11.1"),
            "pkg:pypi/django-rest@1.11.1"
        );
        assert_eq!(
            rt("pkg:maven/org.apache.commons/io@1.3.4?b=2&A=1#/sub/./path/"),
            "pkg:maven/org.apache.commons/io@1.3.4?a=1&b=2#sub/path"
        );
        assert_eq!(
            rt("pkg:golang/github.com/gorilla/context@234fd47e07d1004f0aed9c"),
            "pkg:golang/github.com/gorilla/context@234fd47e07d1004f0aed9c"
        );
        assert_eq!(
            rt("pkg:gem/jruby-launcher@1.1.2?platform=java"),
            "pkg:gem/jruby-launcher@1.1.2?platform=java"
        );
        let p: Purl = "pkg:npm/@Babel/Core@7.0.0".parse().unwrap();
        assert_eq!(
            (p.namespace.as_deref(), p.name.as_str()),
            (Some("@babel"), "core")
        );
        // The purl specification's test suite.
        assert_eq!(
            rt("pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/api/annotations/"),
            "pkg:golang/google.golang.org/genproto@abcdedf#googleapis/api/annotations"
        );
        assert_eq!(
            rt("pkg:bitbucket/birKenfeld/pyGments-main@244fd47e07d1014f0aed9c"),
            "pkg:bitbucket/birkenfeld/pygments-main@244fd47e07d1014f0aed9c"
        );
        assert_eq!(
            rt(
                "pkg:docker/customer/dockerimage@sha256:244fd47e07d1004f0aed9c?repository_url=gcr.io"
            ),
            "pkg:docker/customer/dockerimage@sha256:244fd47e07d1004f0aed9c?repository_url=gcr.io"
        );
        assert_eq!(
            rt("pkg:Nuget/EnterpriseLibrary.Common@6.0.1304"),
            "pkg:nuget/EnterpriseLibrary.Common@6.0.1304"
        );
        assert_eq!(
            rt("pkg:PYPI/Django_package@1.11.1.dev1"),
            "pkg:pypi/django-package@1.11.1.dev1"
        );
        assert_eq!(
            rt("pkg:Rpm/fedora/curl@7.50.3-1.fc25?Arch=i386&Distro=fedora-25"),
            "pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25"
        );
        for s in [
            "pkg:/maven/org.apache.commons/io",
            "pkg://maven/org.apache.commons/io",
            "pkg:///maven/org.apache.commons/io",
        ] {
            assert_eq!(rt(s), "pkg:maven/org.apache.commons/io");
        }
        assert_eq!(
            rt("pkg:maven/HTTPClient/HTTPClient@0.3-3"),
            "pkg:maven/HTTPClient/HTTPClient@0.3-3"
        );
        let p: Purl = "pkg:maven/mygroup/myartifact@1.0.0%20Final?mykey=my%20value"
            .parse()
            .unwrap();
        assert_eq!(
            (p.version.as_deref(), p.qualifiers["mykey"].as_str()),
            (Some("1.0.0 Final"), "my value")
        );
        assert_eq!(
            p.to_string(),
            "pkg:maven/mygroup/myartifact@1.0.0%20Final?mykey=my%20value"
        );
        let p: Purl = "pkg:npm/packageurl-js@0.0.7?vcs_url=git%2Bhttps%3A%2F%2Fgithub.com%2Fpackage-url%2Fpackageurl-js.git"
            .parse()
            .unwrap();
        assert_eq!(
            p.qualifiers["vcs_url"],
            "git+https://github.com/package-url/packageurl-js.git"
        );
        let p: Purl = "pkg:npm/@angular/animation".parse().unwrap();
        assert_eq!(
            (p.namespace.as_deref(), p.name.as_str(), p.version),
            (Some("@angular"), "animation", None)
        );
        for bad in [
            "",
            "pkg:",
            "npm/foo@1",
            "pkg:npm",
            "pkg:1x/foo",
            "pkg:npm/foo?a",
            "pkg:npm/%zz",
            "EnterpriseLibrary.Common@6.0.1304",
            "pkg:EnterpriseLibrary.Common@6.0.1304",
            "pkg:maven/@1.3.4",
            "pkg:npm/myartifact@1.0.0?in%20production=true",
            "pkg:hackage",
        ] {
            assert!(bad.parse::<Purl>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn from_packages() {
        let mut p = Package::new(Ecosystem::Deb, "libc6", "2.36-9+deb12u4");
        p.source_name = Some("glibc".into());
        p.distro = Some(Distro {
            id: "debian".into(),
            version: "12".into(),
            codename: Some("bookworm".into()),
            point_release: None,
        });
        assert_eq!(
            Purl::for_package(&p).to_string(),
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?distro=debian-12&upstream=glibc"
        );
        // As Trivy writes them: arch, the point release, the epoch as a qualifier.
        let mut z = Package::new(Ecosystem::Deb, "zlib1g", "1:1.2.13.dfsg-1");
        z.arch = Some("amd64".into());
        z.distro = Some(Distro {
            id: "debian".into(),
            version: "12".into(),
            codename: None,
            point_release: Some("12.8".into()),
        });
        assert_eq!(
            Purl::for_package(&z).to_string(),
            "pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&distro=debian-12.8&epoch=1"
        );
        let zero = Package::new(Ecosystem::Deb, "x", "0:1.0");
        assert_eq!(Purl::for_package(&zero).to_string(), "pkg:deb/debian/x@1.0");
        let r = Package::new(Ecosystem::Rpm, "openssl", "1:3.0.7-27.el9");
        assert_eq!(
            Purl::for_package(&r).to_string(),
            "pkg:rpm/openssl@3.0.7-27.el9?epoch=1"
        );
        let m = Package::new(
            Ecosystem::Maven,
            "org.apache.logging.log4j:log4j-core",
            "2.14.1",
        );
        assert_eq!(
            Purl::for_package(&m).to_string(),
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"
        );
        let g = Package::new(Ecosystem::Golang, "golang.org/x/net", "v0.17.0");
        assert_eq!(
            Purl::for_package(&g).to_string(),
            "pkg:golang/golang.org/x/net@v0.17.0"
        );
        let n = Package::new(Ecosystem::Npm, "@types/node", "20.1.0");
        assert_eq!(
            Purl::for_package(&n).to_string(),
            "pkg:npm/%40types/node@20.1.0"
        );
        let y = Package::new(Ecosystem::Pypi, "Typing_Extensions", "4.0");
        assert_eq!(
            Purl::for_package(&y).to_string(),
            "pkg:pypi/typing-extensions@4.0"
        );
    }
}
