//! The one error type of the crate: every variant names what was being read (path, digest, URL).

use std::path::PathBuf;

/// Why a scan failed. Findings about hostile content that do not stop the scan go into
/// [`crate::Scan::warnings`] instead.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("reading {what}")]
    Read {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid JSON in {what}")]
    Json {
        what: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("digest mismatch for {what}: expected {expected}, got {actual}")]
    DigestMismatch {
        what: String,
        expected: String,
        actual: String,
    },
    #[error("size mismatch for {what}: manifest says {expected} bytes, got {actual}")]
    SizeMismatch {
        what: String,
        expected: u64,
        actual: u64,
    },
    #[error(
        "{what} exceeds the limit of {limit} bytes (decompression bomb bound; raise it with --max-layer-size)"
    )]
    TooLarge { what: String, limit: u64 },
    #[error("corrupt or truncated {what}: {detail}")]
    Corrupt { what: String, detail: String },
    #[error("unsupported {what}: {detail}")]
    Unsupported { what: String, detail: String },
    #[error("{reference}: not a docker archive, OCI layout or registry reference")]
    UnknownReference { reference: String },
    #[error("no manifest for platform {platform} in {reference} (available: {available})")]
    NoPlatform {
        reference: String,
        platform: String,
        available: String,
    },
    #[error("registry {url}: {detail}")]
    Registry { url: String, detail: String },
    #[error("registry {url}: authentication failed ({detail})")]
    Auth { url: String, detail: String },
}

impl ImageError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ImageError::Io {
            path: path.into(),
            source,
        }
    }
    pub(crate) fn read(what: impl Into<String>, source: std::io::Error) -> Self {
        // A typed error smuggled through an io::Error by our readers comes back out as itself.
        if source
            .get_ref()
            .is_some_and(|inner| inner.is::<ImageError>())
        {
            if let Some(inner) = source.into_inner()
                && let Ok(e) = inner.downcast::<ImageError>()
            {
                return *e;
            }
            return ImageError::corrupt(what, "unreadable stream");
        }
        ImageError::Read {
            what: what.into(),
            source,
        }
    }
    pub(crate) fn corrupt(what: impl Into<String>, detail: impl Into<String>) -> Self {
        ImageError::Corrupt {
            what: what.into(),
            detail: detail.into(),
        }
    }
}
