//! Image references in admission: normalisation (`nginx` -> `docker.io/library/nginx`), the
//! registry allow-list (globs) and the "digest required" policy.
//!
//! Owns: the reference grammar as the container runtimes resolve it (a first component with
//! a `.` or `:` or equal to `localhost` is a registry). Does not talk to registries.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

/// A parsed image reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    /// `docker.io`, `registry.example.com:5000`
    pub registry: String,
    /// `library/nginx`
    pub repository: String,
    pub tag: Option<String>,
    /// `sha256:<hex>`, when pinned
    pub digest: Option<String>,
}

impl ImageRef {
    /// Parse a reference as written in a pod spec. `None` for an empty or malformed one.
    pub fn parse(s: &str) -> Option<ImageRef> {
        let s = s.trim();
        if s.is_empty() || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return None;
        }
        let (name_tag, digest) = match s.split_once('@') {
            Some((n, d)) => (n, Some(d.to_string())),
            None => (s, None),
        };
        // the tag is after the last ':' that follows the last '/'
        let slash = name_tag.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match name_tag[slash..].rfind(':') {
            Some(i) => (
                &name_tag[..slash + i],
                Some(name_tag[slash + i + 1..].to_string()),
            ),
            None => (name_tag, None),
        };
        if name.is_empty() || tag.as_deref() == Some("") {
            return None;
        }
        let (registry, repository) = match name.split_once('/') {
            Some((first, rest))
                if first.contains('.') || first.contains(':') || first == "localhost" =>
            {
                (first.to_string(), rest.to_string())
            }
            _ => ("docker.io".to_string(), name.to_string()),
        };
        let repository = if registry == "docker.io" && !repository.contains('/') {
            format!("library/{repository}")
        } else {
            repository
        };
        if repository.is_empty() || repository.split('/').any(str::is_empty) {
            return None;
        }
        Some(ImageRef {
            registry,
            repository,
            tag,
            digest,
        })
    }

    /// `registry/repository`
    pub fn name(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }

    /// The normalised reference: `registry/repository[:tag][@digest]`.
    pub fn normalized(&self) -> String {
        let mut s = self.name();
        if let Some(t) = &self.tag {
            s.push(':');
            s.push_str(t);
        }
        if let Some(d) = &self.digest {
            s.push('@');
            s.push_str(d);
        }
        s
    }

    /// The reference for messages: the normalised one with the digest cut to 12 hex digits.
    pub fn short(&self) -> String {
        let mut s = self.name();
        if let Some(t) = &self.tag {
            s.push(':');
            s.push_str(t);
        }
        if let Some(d) = &self.digest {
            s.push('@');
            s.push_str(
                &d.chars()
                    .take(d.find(':').map_or(0, |i| i + 13))
                    .collect::<String>(),
            );
        }
        s
    }

    /// Whether the digest is a well-formed `sha256:<64 lowercase hex>` (or sha512).
    pub fn has_valid_digest(&self) -> bool {
        let Some(d) = &self.digest else { return false };
        let (algo, hex) = match d.split_once(':') {
            Some(x) => x,
            None => return false,
        };
        let len = match algo {
            "sha256" => 64,
            "sha512" => 128,
            _ => return false,
        };
        hex.len() == len && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    }
}

/// Compiled globs on image references: `*` does not cross `/`, `**` does.
#[derive(Debug, Clone)]
pub struct ImageGlobs {
    set: GlobSet,
    empty: bool,
}

/// A glob that does not compile.
#[derive(Debug, thiserror::Error)]
#[error("invalid image glob `{glob}`: {message}")]
pub struct GlobError {
    pub glob: String,
    pub message: String,
}

impl ImageGlobs {
    /// Compile `globs`.
    pub fn new(globs: &[String]) -> Result<ImageGlobs, GlobError> {
        let mut b = GlobSetBuilder::new();
        for g in globs {
            let glob = GlobBuilder::new(g)
                .literal_separator(true)
                .build()
                .map_err(|e| GlobError {
                    glob: g.clone(),
                    message: e.kind().to_string(),
                })?;
            b.add(glob);
        }
        Ok(ImageGlobs {
            set: b.build().map_err(|e| GlobError {
                glob: globs.join(", "),
                message: e.to_string(),
            })?,
            empty: globs.is_empty(),
        })
    }

    /// No glob configured.
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// Whether the reference (normalised, or its bare name) matches one glob.
    pub fn matches(&self, r: &ImageRef) -> bool {
        self.set.is_match(r.normalized()) || self.set.is_match(r.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_normalise_like_the_runtimes() {
        let n = |s: &str| ImageRef::parse(s).map(|r| r.normalized());
        assert_eq!(n("nginx").unwrap(), "docker.io/library/nginx");
        assert_eq!(n("nginx:1.27").unwrap(), "docker.io/library/nginx:1.27");
        assert_eq!(n("acme/app").unwrap(), "docker.io/acme/app");
        assert_eq!(n("localhost:5000/app:v1").unwrap(), "localhost:5000/app:v1");
        assert_eq!(
            n("registry.k8s.io/pause@sha256:ab").unwrap(),
            "registry.k8s.io/pause@sha256:ab"
        );
        assert_eq!(n(""), None);
        assert_eq!(n("a b"), None);
        assert_eq!(n("nginx:"), None);
        assert_eq!(n("docker.io//x"), None);
    }

    #[test]
    fn digests_must_be_well_formed() {
        let d = |s: &str| ImageRef::parse(s).unwrap().has_valid_digest();
        assert!(d(&format!("nginx@sha256:{}", "a".repeat(64))));
        assert!(!d(&format!("nginx@sha256:{}", "A".repeat(64))));
        assert!(!d("nginx@sha256:abc"));
        assert!(!d("nginx:1.27"));
    }

    #[test]
    fn single_star_stays_in_one_path_segment() {
        let g = ImageGlobs::new(&[
            "registry.example.com/team/*".into(),
            "ghcr.io/acme/**".into(),
        ])
        .unwrap();
        let m = |s: &str| g.matches(&ImageRef::parse(s).unwrap());
        assert!(m("registry.example.com/team/app:1.0"));
        assert!(!m("registry.example.com/team/sub/app:1.0"));
        assert!(m("ghcr.io/acme/a/b/c@sha256:00"));
        assert!(!m("nginx"));
        assert!(ImageGlobs::new(&["[".into()]).is_err());
    }
}
