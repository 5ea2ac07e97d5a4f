//! Supply chain: cosign-compatible keys, payloads, signing, verification and attestations of
//! container images, over `bulkhead_image`'s registry client.
//!
//! Owns: key formats (cosign's encrypted PEM, import rules), signature schemes, the
//! simple-signing payload, in-toto statements in DSSE envelopes, Sigstore bundles, and where
//! cosign stores them in a registry (`sha256-<hex>.sig` / `.att` tags, OCI 1.1 referrers with the
//! tag-schema fallback). Does not own: HTTP, auth and TLS (the image crate's client), printing and
//! password prompts (the binary).
//!
//! Key-based signing only; the types leave room for keyless (certificates and transparency-log
//! entries would be more [`VerificationMaterial`] variants).

pub mod bundle;
pub mod encrypted;
pub mod keys;
pub mod payload;
pub mod sign;
pub mod store;
mod verify;

pub use keys::{Algorithm, KeyError, PrivateKey, PublicKey};
pub use sign::{
    AttestOutcome, SignError, SignOptions, SignOutcome, Target, attest_image, sign_image,
};
pub use verify::{VerifiedAttestation, verify_attestations};

use bulkhead_image::registry::Client;
use std::collections::BTreeMap;

/// How to verify.
#[derive(Debug, Clone)]
pub struct VerifyOptions {
    /// Reject signatures whose `docker-reference` names another repository than the one
    /// verified (copy-a-signature attacks). On by default; cosign does not check this.
    pub check_reference: bool,
    /// Annotations every accepted signature must carry in `optional` (exact values).
    pub annotations: BTreeMap<String, String>,
    /// Also look for Sigstore bundles (OCI referrers) when a `.sig` signature already
    /// verified. Off by default: the `.sig` tag alone needs only cosign's requests.
    pub all_layouts: bool,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            check_reference: true,
            annotations: BTreeMap::new(),
            all_layouts: false,
        }
    }
}

/// Where a verified signature was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// A layer of the `sha256-<hex>.sig` tag (cosign's classic layout).
    SigTag,
    /// A Sigstore bundle v0.3 attached as an OCI referrer (or the tag-schema fallback).
    Bundle,
}

/// What a signature was verified with. Key-based only today; keyless would add a
/// certificate chain and transparency-log variant.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum VerificationMaterial {
    /// A public key given by the user.
    PublicKey {
        /// [`PublicKey::key_id`].
        key_id: String,
    },
}

/// A signature that verified.
#[derive(Debug, Clone, serde::Serialize)]
pub struct VerifiedSignature {
    /// The manifest digest the signature covers (the verified image).
    pub digest: String,
    /// Where it was found.
    pub layout: Layout,
    /// The verified simple-signing payload (for bundles: the in-toto statement's fields
    /// mapped onto the same shape).
    pub payload: payload::SimpleSigning,
    /// The exact payload bytes that were signed.
    #[serde(skip)]
    pub payload_bytes: Vec<u8>,
    /// Which key verified it.
    pub material: VerificationMaterial,
}

/// A signature that was found but did not verify, with the reason.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Rejection {
    /// Where it was found.
    pub layout: Layout,
    /// The blob or manifest digest that held it.
    pub location: String,
    /// Why it was rejected.
    pub reason: String,
}

/// Why verification failed.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The reference does not parse.
    #[error("invalid image reference {0:?}")]
    Reference(String),
    /// The registry could not be read (the image, its manifest, or a lookup failed).
    #[error(transparent)]
    Registry(#[from] bulkhead_image::ImageError),
    /// The image does not exist.
    #[error("{0}: image not found in the registry")]
    NotFound(String),
    /// A signature tag or index holds something that is not one.
    #[error(transparent)]
    Store(store::StoreError),
    /// No signature was found for the digest in either layout.
    #[error("no signatures found for {reference}@{digest}")]
    NoSignatures {
        /// The reference verified.
        reference: String,
        /// Its manifest digest.
        digest: String,
    },
    /// Signatures were found but none verified; each rejection says why.
    #[error("no signature of {reference}@{digest} verified ({} rejected: {})", rejected.len(),
        rejected.iter().map(|r| r.reason.as_str()).collect::<Vec<_>>().join("; "))]
    NoneVerified {
        /// The reference verified.
        reference: String,
        /// Its manifest digest.
        digest: String,
        /// Why each signature was rejected.
        rejected: Vec<Rejection>,
    },
}

/// Verifies the image `reference` (tag or digest; the tag is resolved to a digest through
/// `client`, and the manifest served is checked against that digest) with `keys`: reads the
/// `sha256-<hex>.sig` tag (cosign's layout) and, when no signature there verifies (or
/// `opts.all_layouts`), the Sigstore bundles attached as OCI referrers (tag-schema fallback
/// when the registry has no referrers API). A signature is accepted when it verifies with one
/// of `keys`, its payload names the resolved digest, its `docker-reference` names the same
/// repository as `reference` (unless `opts.check_reference` is off), and it carries every
/// annotation of `opts.annotations`.
///
/// Returns the accepted signatures (never empty), or why none was accepted. `client` must be
/// a client for `reference`'s repository.
pub fn verify_image(
    client: &Client,
    reference: &str,
    keys: &[PublicKey],
    opts: &VerifyOptions,
) -> Result<Vec<VerifiedSignature>, VerifyError> {
    verify::verify_image(client, reference, keys, opts)
}
