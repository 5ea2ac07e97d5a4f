//! Packages and their versions: the vocabulary shared by the image catalogers
//! (`bulkhead_image`) and the advisory matcher (`bulkhead_advisory`).
//!
//! Owns: [`Ecosystem`], [`Package`], package URLs ([`Purl`]), the native version orderings of
//! every ecosystem ([`Scheme`], [`compare`], the types in [`version`]), and OSV range
//! evaluation ([`osv_affected`], [`fixed_versions`]). Reads no file and knows no advisory
//! store.
//!
//! ```
//! use bulkhead_pkg::{compare, Scheme};
//! use std::cmp::Ordering;
//! assert_eq!(compare(Scheme::Dpkg, "1.0~rc1-1", "1.0-1").unwrap(), Ordering::Less);
//! assert_eq!(compare(Scheme::Apk3, "1.2_rc1-r0", "1.2-r0").unwrap(), Ordering::Less);
//! ```

mod error;
pub mod osv;
mod package;
pub mod purl;
pub mod range;
mod scheme;
pub mod version;

pub use error::VersionError;
pub use osv::{
    InstalledVersion, OsvAffected, OsvEvent, OsvRange, RangeKind, fixed_versions, osv_affected,
    osv_evaluate,
};
pub use package::{Distro, Ecosystem, Package};
pub use purl::{Purl, PurlError};
pub use range::{RangeLanguage, satisfies};
pub use scheme::{Scheme, compare, validate};
pub use version::Version;
