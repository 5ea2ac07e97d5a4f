//! Sigstore bundle v0.3 (`application/vnd.dev.sigstore.bundle.v0.3+json`) for key-based
//! signatures: verification material is a public-key hint (no certificate, no transparency-log
//! entry: this build has no Fulcio or Rekor), content is a DSSE envelope holding an in-toto
//! Statement v1 about the image digest (predicate type `https://sigstore.dev/cosign/sign/v1`,
//! the signer's annotations in the predicate). Keyless would fill `certificate` and
//! `tlogEntries`, which the types already carry.

use crate::keys::PublicKey;
use crate::payload::Envelope;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

/// Predicate type of an image signature carried in a bundle.
pub const SIGN_PREDICATE_TYPE: &str = "https://sigstore.dev/cosign/sign/v1";

/// A Sigstore bundle (the fields key-based signing uses; others are kept as JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    /// `application/vnd.dev.sigstore.bundle.v0.3+json`.
    pub media_type: String,
    /// Keys, certificates, transparency-log entries.
    pub verification_material: VerificationMaterial,
    /// The signed content.
    pub dsse_envelope: Option<Envelope>,
}

/// `verificationMaterial`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct VerificationMaterial {
    /// A hint naming the public key (base64 SHA-256 of its DER).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<PublicKeyHint>,
    /// A leaf certificate (keyless; never written here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<serde_json::Value>,
    /// Transparency-log entries (keyless; empty here).
    #[serde(default)]
    pub tlog_entries: Vec<serde_json::Value>,
}

/// `verificationMaterial.publicKey`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicKeyHint {
    /// Base64 SHA-256 of the key's DER SubjectPublicKeyInfo.
    pub hint: String,
}

/// The hint written for `key`.
pub fn key_hint(key: &PublicKey) -> String {
    use sha2::Digest;
    base64::engine::general_purpose::STANDARD
        .encode(sha2::Sha256::digest(key.to_der().unwrap_or_default()))
}

impl Bundle {
    /// A v0.3 bundle for a DSSE envelope signed by `key`.
    pub fn for_envelope(key: &PublicKey, envelope: Envelope) -> Bundle {
        Bundle {
            media_type: crate::store::BUNDLE_MEDIA_TYPE.into(),
            verification_material: VerificationMaterial {
                public_key: Some(PublicKeyHint {
                    hint: key_hint(key),
                }),
                certificate: None,
                tlog_entries: Vec::new(),
            },
            dsse_envelope: Some(envelope),
        }
    }
}
