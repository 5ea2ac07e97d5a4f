//! Admission control: one webhook that enforces the Pod Security Standards (as Pod Security
//! Admission applies them), the hardening rules of `bulkhead check`, registry allow-lists,
//! digests, signatures and vulnerability reports, configured by `[admission]` of
//! bulkhead.toml.
//!
//! # API for the binary
//! - [`Policy::from_config`] compiles the `[admission]` section; [`Engine::new`] holds it.
//! - [`Engine::review`] answers one AdmissionReview body (sync; used by `bulkhead admission
//!   review` and by the server).
//! - [`server::serve`] runs the HTTPS server (`/validate`, `/mutate`, `/healthz`, `/readyz`,
//!   `/metrics`) until its shutdown future completes. This is the only async code of the
//!   workspace.
//!
//! - [`vap::render`] compiles the PSS of a level and version to a ValidatingAdmissionPolicy.
//! - [`manifests::manifests`] writes the objects that deploy the webhook.
//!
//! Nothing here prints; errors are typed.

pub mod engine;
pub mod images;
pub mod manifests;
pub mod metrics;
pub mod mutate;
pub mod policy;
pub mod psa;
pub mod registry;
pub mod rules;
pub mod server;
pub mod supply;
pub mod vap;

pub use engine::{Endpoint, Engine, ReviewError, Reviewed};
pub use metrics::Verdict;
pub use policy::{Policy, PolicyError};
pub use supply::{DigestResolver, SignatureVerifier};
