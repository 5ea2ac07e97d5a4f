//! Image audit for Bulkhead: secret scanning (`SC` rules, [`secrets`]) over any bytes, and the
//! image checks (`IM` rules, [`image`]): configuration, content seen in the layer walk, and
//! the history rebuilt as a Dockerfile and checked by the `DF` rules.
//!
//! Owns: the rules, the scanner, the per-layer visitor that sees every file once in the image
//! crate's streaming walk, the history reconstruction. Does not own: reading images (the image
//! crate), rendering and selection (the binary). Prints nothing.

pub mod image;
pub mod secrets;

use bulkhead_diagnostics::RuleMeta;

/// Every rule of this crate: image checks, then secrets, in code order.
pub fn rules() -> Vec<&'static RuleMeta> {
    image::RULES.iter().chain(secrets::RULES).copied().collect()
}

/// The rule with this code, name or alias.
pub fn rule(code: &str) -> Option<&'static RuleMeta> {
    rules().into_iter().find(|r| r.matches_code(code))
}
