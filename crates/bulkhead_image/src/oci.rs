//! Hand-written OCI / Docker manifest, index and config structs, media types, and the digest
//! and size checking readers every blob goes through. Owns no I/O of its own.

use crate::ImageError;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256, Sha512};
use std::collections::BTreeMap;
use std::io::{self, Read};

pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";

/// A content descriptor.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    #[serde(default)]
    pub media_type: String,
    pub digest: String,
    #[serde(default)]
    pub size: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
}

/// An image platform (`linux/amd64`, `linux/arm64/v8`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Platform {
    #[serde(default)]
    pub os: String,
    #[serde(default)]
    pub architecture: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
}

impl Platform {
    /// This machine's platform in OCI spelling.
    pub fn host() -> Platform {
        let architecture = match std::env::consts::ARCH {
            "x86_64" => "amd64",
            "aarch64" => "arm64",
            "x86" => "386",
            "powerpc64" => "ppc64le",
            other => other,
        };
        Platform {
            os: "linux".into(),
            architecture: architecture.into(),
            variant: None,
        }
    }

    /// Parses `os/arch[/variant]`.
    pub fn parse(s: &str) -> Option<Platform> {
        let mut it = s.split('/');
        let os = it.next()?.to_string();
        let architecture = it.next()?.to_string();
        let variant = it.next().map(str::to_string);
        if os.is_empty() || architecture.is_empty() || it.next().is_some() {
            return None;
        }
        Some(Platform {
            os,
            architecture,
            variant,
        })
    }

    /// Whether `self` (the wanted platform) accepts `other` (an index entry).
    pub fn accepts(&self, other: &Platform) -> bool {
        self.os == other.os
            && self.architecture == other.architecture
            && match (&self.variant, &other.variant) {
                (Some(a), Some(b)) => a == b,
                (Some(a), None) => self.architecture == "arm64" && a == "v8",
                _ => true,
            }
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.os, self.architecture)?;
        if let Some(v) = &self.variant {
            write!(f, "/{v}")?;
        }
        Ok(())
    }
}

/// An image index (OCI) or manifest list (Docker).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Index {
    #[serde(default)]
    pub media_type: Option<String>,
    #[serde(default)]
    pub manifests: Vec<Descriptor>,
}

/// An image manifest (OCI or Docker schema 2).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    #[serde(default)]
    pub media_type: Option<String>,
    pub config: Descriptor,
    #[serde(default)]
    pub layers: Vec<Descriptor>,
}

/// Either of the two, told apart by `mediaType` or by the presence of `manifests`.
pub enum AnyManifest {
    Index(Index),
    Manifest(Manifest),
}

pub fn parse_any_manifest(bytes: &[u8], what: &str) -> Result<AnyManifest, ImageError> {
    let v: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|source| ImageError::Json {
            what: what.to_string(),
            source,
        })?;
    let json_err = |source| ImageError::Json {
        what: what.to_string(),
        source,
    };
    if v.get("manifests").is_some() {
        Ok(AnyManifest::Index(
            serde_json::from_value(v).map_err(json_err)?,
        ))
    } else if v.get("config").is_some() {
        Ok(AnyManifest::Manifest(
            serde_json::from_value(v).map_err(json_err)?,
        ))
    } else if v.get("schemaVersion").and_then(|s| s.as_u64()) == Some(1) {
        Err(ImageError::Unsupported {
            what: what.to_string(),
            detail: "Docker schema 1 manifests are not supported".into(),
        })
    } else {
        Err(ImageError::corrupt(what, "neither an index nor a manifest"))
    }
}

/// The image configuration (the parts a scanner uses).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ImageConfig {
    #[serde(default)]
    pub architecture: String,
    #[serde(default)]
    pub os: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default)]
    pub config: RuntimeConfig,
    #[serde(default)]
    pub rootfs: RootFs,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<History>,
}

/// The `config` member: how the container runs.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct RuntimeConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrypoint: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cmd: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_dir: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposed_ports: Option<BTreeMap<String, serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthcheck: Option<serde_json::Value>,
    /// `Volumes`: mount points, as keys (the image audit checks them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<BTreeMap<String, serde_json::Value>>,
}

/// `rootfs`: the uncompressed layer digests.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct RootFs {
    #[serde(default, rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub diff_ids: Vec<String>,
}

/// One history entry; `empty_layer` entries have no layer.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct History {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub empty_layer: bool,
}

/// A digest algorithm + hasher.
pub enum Hasher {
    Sha256(Sha256),
    Sha512(Sha512),
}

impl Hasher {
    /// A hasher for `digest`'s algorithm; errors on unknown algorithms or malformed hex.
    pub fn for_digest(digest: &str) -> Result<Hasher, ImageError> {
        let (alg, hex) = digest.split_once(':').unwrap_or(("", ""));
        let ok_hex = |n: usize| hex.len() == n && hex.bytes().all(|b| b.is_ascii_hexdigit());
        match alg {
            "sha256" if ok_hex(64) => Ok(Hasher::Sha256(Sha256::new())),
            "sha512" if ok_hex(128) => Ok(Hasher::Sha512(Sha512::new())),
            _ => Err(ImageError::Unsupported {
                what: format!("digest {digest:?}"),
                detail: "only sha256 and sha512 digests are accepted".into(),
            }),
        }
    }
    pub fn update(&mut self, b: &[u8]) {
        match self {
            Hasher::Sha256(h) => h.update(b),
            Hasher::Sha512(h) => h.update(b),
        }
    }
    pub fn finish(self) -> String {
        match self {
            Hasher::Sha256(h) => format!("sha256:{}", hex(&h.finalize())),
            Hasher::Sha512(h) => format!("sha512:{}", hex(&h.finalize())),
        }
    }
}

pub fn hex(b: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        let _ = write!(s, "{x:02x}");
    }
    s
}

pub fn sha256_digest(b: &[u8]) -> String {
    format!("sha256:{}", hex(&Sha256::digest(b)))
}

/// Checks a whole in-memory blob against its descriptor.
pub fn verify_bytes(
    what: &str,
    bytes: &[u8],
    digest: &str,
    size: Option<u64>,
) -> Result<(), ImageError> {
    if let Some(size) = size
        && size != bytes.len() as u64
    {
        return Err(ImageError::SizeMismatch {
            what: what.to_string(),
            expected: size,
            actual: bytes.len() as u64,
        });
    }
    let mut h = Hasher::for_digest(digest)?;
    h.update(bytes);
    let actual = h.finish();
    if actual != digest {
        return Err(ImageError::DigestMismatch {
            what: what.to_string(),
            expected: digest.to_string(),
            actual,
        });
    }
    Ok(())
}

/// Reads a whole small blob (a manifest, a config), refusing more than `limit` bytes.
pub fn read_small(mut r: impl Read, what: &str, limit: u64) -> Result<Vec<u8>, ImageError> {
    let mut buf = Vec::new();
    (&mut r)
        .take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| ImageError::read(what, e))?;
    if buf.len() as u64 > limit {
        return Err(ImageError::TooLarge {
            what: what.to_string(),
            limit,
        });
    }
    Ok(buf)
}

/// A reader that hashes what passes through and, at end of stream, fails unless the digest and
/// (when known) the size match. Reading past the declared size fails at once, so a blob that
/// lies about its size cannot make us read without bound.
pub struct VerifyingReader<R> {
    inner: R,
    hasher: Option<Hasher>,
    expected: String,
    size: Option<u64>,
    seen: u64,
    what: String,
}

impl<R: Read> VerifyingReader<R> {
    pub fn new(inner: R, what: &str, digest: &str, size: Option<u64>) -> Result<Self, ImageError> {
        Ok(VerifyingReader {
            inner,
            hasher: Some(Hasher::for_digest(digest)?),
            expected: digest.to_string(),
            size,
            seen: 0,
            what: what.to_string(),
        })
    }
}

impl<R: Read> Read for VerifyingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let Some(h) = self.hasher.as_mut() else {
            return Ok(0);
        };
        let n = self.inner.read(buf)?;
        self.seen += n as u64;
        if let Some(size) = self.size
            && self.seen > size
        {
            return Err(io::Error::other(ImageError::SizeMismatch {
                what: self.what.clone(),
                expected: size,
                actual: self.seen,
            }));
        }
        if n > 0 {
            h.update(&buf[..n]);
            return Ok(n);
        }
        let actual = self.hasher.take().map(Hasher::finish).unwrap_or_default();
        if let Some(size) = self.size
            && self.seen != size
        {
            return Err(io::Error::other(ImageError::SizeMismatch {
                what: self.what.clone(),
                expected: size,
                actual: self.seen,
            }));
        }
        if actual != self.expected {
            return Err(io::Error::other(ImageError::DigestMismatch {
                what: self.what.clone(),
                expected: self.expected.clone(),
                actual,
            }));
        }
        Ok(0)
    }
}

/// Counts and hashes decompressed bytes (the diff id) and stops at the decompression bound.
pub struct CountingReader<R> {
    pub inner: R,
    pub hasher: Sha256,
    pub count: u64,
    pub limit: u64,
    pub what: String,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        if self.count > self.limit {
            return Err(io::Error::other(ImageError::TooLarge {
                what: self.what.clone(),
                limit: self.limit,
            }));
        }
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}
