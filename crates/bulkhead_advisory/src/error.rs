//! Typed errors of the advisory crate. Every I/O error carries the path it concerns, and every
//! store error says how to rebuild the store.

use std::path::PathBuf;

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The advice appended to every error about an unusable store.
pub const REBUILD_HINT: &str = "run `bulkhead db update` (or `bulkhead db import PATH...` where there is no network) to rebuild it";

/// Errors of the advisory store, import and matching.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading an input file or directory failed.
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An input file is not a valid feed document.
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    /// There is no store at the path.
    #[error("no advisory database at {path}: {hint}", hint = REBUILD_HINT)]
    Missing { path: PathBuf },
    /// The store file is damaged or not a store at all.
    #[error("advisory database {path} is corrupt or not a bulkhead database ({message}): {hint}", hint = REBUILD_HINT)]
    Corrupt { path: PathBuf, message: String },
    /// The store was written by another format version.
    #[error("advisory database {path} has format {found}, this bulkhead reads format {expected}: {hint}", hint = REBUILD_HINT)]
    Format {
        path: PathBuf,
        found: String,
        expected: u32,
    },
    /// The path holds something that is not a store (another file, a directory, a device, a
    /// FIFO): it is never replaced.
    #[error("not a bulkhead store: {path} ({what}): remove it or choose another path")]
    NotAStore { path: PathBuf, what: String },
    /// A feed could not be downloaded.
    #[error("cannot download {url}: {message}")]
    Download { url: String, message: String },
    /// SQLite failed while writing or querying.
    #[error("advisory database {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
    pub(crate) fn parse(path: impl Into<PathBuf>, message: impl std::fmt::Display) -> Self {
        Error::Parse {
            path: path.into(),
            message: message.to_string(),
        }
    }
}
