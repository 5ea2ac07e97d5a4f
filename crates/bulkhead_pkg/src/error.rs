//! The typed errors of version parsing, comparison and range evaluation.
//!
//! Owns: [`VersionError`]. Every parser in this crate reports garbage through it, with the
//! scheme, the offending input and a short reason a user can act on.

use crate::Scheme;

/// Why a version, a range or a scheme name was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VersionError {
    /// The text is not a version of this scheme.
    #[error("invalid {scheme} version {input:?}: {reason}")]
    InvalidVersion {
        /// The scheme the version was parsed with.
        scheme: Scheme,
        /// The rejected input.
        input: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// The text is not a range (or specifier) of this language.
    #[error("invalid {language} range {input:?}: {reason}")]
    InvalidRange {
        /// The range language (`npm-range`, `pep440`, `maven`, `osv`...).
        language: &'static str,
        /// The rejected input.
        input: String,
        /// Why it was rejected.
        reason: String,
    },
    /// The scheme name is none of the known names.
    #[error(
        "unknown version scheme {0:?} (known: dpkg, rpm, apk, apk3, pep440, semver, go, maven, gem, nuget, npm-range)"
    )]
    UnknownScheme(String),
}

impl VersionError {
    pub(crate) fn invalid(scheme: Scheme, input: &str, reason: &'static str) -> Self {
        VersionError::InvalidVersion {
            scheme,
            input: input.to_owned(),
            reason,
        }
    }

    pub(crate) fn range(language: &'static str, input: &str, reason: impl Into<String>) -> Self {
        VersionError::InvalidRange {
            language,
            input: input.to_owned(),
            reason: reason.into(),
        }
    }
}
