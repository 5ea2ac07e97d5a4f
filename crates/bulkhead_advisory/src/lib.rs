//! Vulnerability advisories: the embedded store, feed import (OSV, Alpine secdb, Debian
//! security tracker), exact matching of packages against affected ranges, severity from the
//! most authoritative source, OpenVEX and ignore rules.
//!
//! Owns: the advisory data model and its on-disk store; the conversion of every feed into
//! OSV-shaped affected ranges; matching by ecosystem (language packages) and by source package
//! and distro release (OS packages); alias merging; severity selection and CVSS scoring.
//! The gate (VEX, ignores, severity, fail-on) is one `GateOutcome` ([`gate::evaluate`]).
//! Feed downloads (retries, conditional requests, partial files) are [`feeds`], behind a
//! progress trait. Does not own: version orderings
//! (`bulkhead_pkg`), printing and exit codes (the binary).

mod alpine;
mod debian;
mod error;
pub mod feeds;
pub mod gate;
pub mod ignore;
mod import;
mod matcher;
mod model;
mod namespace;
mod osv;
mod severity;
mod store;
mod versions;
pub mod vex;

pub use error::{Error, Result};
pub use gate::{GateOutcome, GatePolicy, evaluate};
pub use ignore::{
    Applied, Day, IgnoreRule, Suppressed, apply_ignores, day_of, parse_day, parse_trivyignore,
    today,
};
pub use import::{Batch, ImportReport, parse_path, parse_paths};
pub use matcher::{Finding, MatchOutcome, match_packages};
pub use model::{Advisory, AffectedEntry, Cvss, FixState, SeverityRecord, SeveritySource};
pub use namespace::{namespace_for, normalise_name};
pub use severity::score_vector;
pub use store::{
    FORMAT_VERSION, SourceInfo, Store, StoreStats, check_store_target, write_store,
    write_store_with,
};
pub use vex::VexDocument;
