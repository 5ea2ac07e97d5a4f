//! The native version orderings, one module per scheme.
//!
//! Owns: each scheme's version type (parser with typed errors, `Display`, total `Ord`) and a
//! borrowed-text comparison used by [`crate::compare`]. Knows nothing about ranges.

pub mod apk;
pub mod dpkg;
pub mod gem;
pub mod go;
pub mod maven;
pub mod nuget;
pub mod pep440;
pub mod rpm;
pub mod semver;
