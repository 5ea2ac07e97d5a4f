//! Payloads that get signed: cosign's simple-signing payload (`critical.identity.docker-reference`,
//! `critical.image.docker-manifest-digest`, `critical.type`, `optional`), the in-toto Statement
//! v1 of attestations, and DSSE envelopes with their pre-authentication encoding (PAE).
//!
//! Does not own: where these are stored (`store.rs`) or keys (`keys.rs`).

use crate::keys::{PrivateKey, PublicKey};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `critical.type` of cosign's image signatures.
pub const SIMPLE_SIGNING_TYPE: &str = "cosign container image signature";
/// DSSE payload type of in-toto statements.
pub const IN_TOTO_PAYLOAD_TYPE: &str = "application/vnd.in-toto+json";
/// `_type` of an in-toto Statement v1.
pub const STATEMENT_V1: &str = "https://in-toto.io/Statement/v1";
/// `_type` of the older in-toto Statement v0.1 (cosign's attestations before v1).
pub const STATEMENT_V01: &str = "https://in-toto.io/Statement/v0.1";

/// The simple-signing payload as cosign writes it (field order is cosign's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimpleSigning {
    /// What is asserted.
    pub critical: Critical,
    /// Free-form annotations (`-a key=value`); `null` when there are none, as cosign writes.
    pub optional: Option<BTreeMap<String, serde_json::Value>>,
}

/// `critical` of the simple-signing payload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Critical {
    /// The repository the signer signed.
    pub identity: Identity,
    /// The manifest digest signed.
    pub image: Image,
    /// Always [`SIMPLE_SIGNING_TYPE`].
    #[serde(rename = "type")]
    pub kind: String,
}

/// `critical.identity`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    /// `registry/repository` as the signer named it.
    #[serde(rename = "docker-reference")]
    pub docker_reference: String,
}

/// `critical.image`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// `sha256:<hex>` of the image manifest.
    #[serde(rename = "docker-manifest-digest")]
    pub docker_manifest_digest: String,
}

impl SimpleSigning {
    /// The payload for `repository` (`registry/repo`) at `digest`, with annotations.
    pub fn new(repository: &str, digest: &str, annotations: &BTreeMap<String, String>) -> Self {
        SimpleSigning {
            critical: Critical {
                identity: Identity {
                    docker_reference: repository.to_string(),
                },
                image: Image {
                    docker_manifest_digest: digest.to_string(),
                },
                kind: SIMPLE_SIGNING_TYPE.to_string(),
            },
            optional: (!annotations.is_empty()).then(|| {
                annotations
                    .iter()
                    .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                    .collect()
            }),
        }
    }

    /// The exact bytes that get signed.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }
}

/// A subject of an in-toto statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subject {
    /// The repository (cosign writes the repository name).
    pub name: String,
    /// `{"sha256": "<hex>"}`.
    pub digest: BTreeMap<String, String>,
}

/// An in-toto Statement (v1 written; v0.1 read too).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// [`STATEMENT_V1`].
    #[serde(rename = "_type")]
    pub kind: String,
    /// The image(s) the statement is about.
    pub subject: Vec<Subject>,
    /// The predicate type URI.
    #[serde(rename = "predicateType")]
    pub predicate_type: String,
    /// The predicate document.
    pub predicate: serde_json::Value,
}

impl Statement {
    /// A v1 statement about `repository@digest`.
    pub fn new(
        repository: &str,
        digest: &str,
        predicate_type: &str,
        predicate: serde_json::Value,
    ) -> Self {
        let mut d = BTreeMap::new();
        let (alg, hex) = digest.split_once(':').unwrap_or(("sha256", digest));
        d.insert(alg.to_string(), hex.to_string());
        Statement {
            kind: STATEMENT_V1.to_string(),
            subject: vec![Subject {
                name: repository.to_string(),
                digest: d,
            }],
            predicate_type: predicate_type.to_string(),
            predicate,
        }
    }

    /// Whether a subject names `digest` (`sha256:<hex>`).
    pub fn covers(&self, digest: &str) -> bool {
        let Some((alg, hex)) = digest.split_once(':') else {
            return false;
        };
        self.subject.iter().any(|s| {
            s.digest
                .get(alg)
                .is_some_and(|h| h.eq_ignore_ascii_case(hex))
        })
    }
}

/// Maps `cosign attest --type` shorthands to predicate type URIs (a URI passes through).
pub fn predicate_type_uri(kind: &str) -> Option<String> {
    Some(match kind {
        "slsaprovenance" => "https://slsa.dev/provenance/v0.2".into(),
        "slsaprovenance02" => "https://slsa.dev/provenance/v0.2".into(),
        "slsaprovenance1" => "https://slsa.dev/provenance/v1".into(),
        "link" => "https://in-toto.io/Link/v1".into(),
        "spdx" => "https://spdx.dev/Document".into(),
        "spdxjson" => "https://spdx.dev/Document".into(),
        "cyclonedx" => "https://cyclonedx.org/bom".into(),
        "vuln" => "https://cosign.sigstore.dev/attestation/vuln/v1".into(),
        "openvex" => "https://openvex.dev/ns".into(),
        "custom" => "https://cosign.sigstore.dev/attestation/v1".into(),
        uri if uri.contains("://") => uri.into(),
        _ => return None,
    })
}

/// One signature of a DSSE envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DsseSignature {
    /// Key hint (cosign writes an empty string).
    #[serde(default)]
    pub keyid: String,
    /// Base64 signature over the PAE.
    pub sig: String,
}

/// A DSSE envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// Base64 payload.
    pub payload: String,
    /// The payload's type.
    #[serde(rename = "payloadType")]
    pub payload_type: String,
    /// Signatures over the PAE.
    pub signatures: Vec<DsseSignature>,
}

/// DSSE pre-authentication encoding: `DSSEv1 SP len(type) SP type SP len(body) SP body`.
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "DSSEv1 {} {} {} ",
        payload_type.len(),
        payload_type,
        payload.len()
    )
    .into_bytes();
    out.extend_from_slice(payload);
    out
}

impl Envelope {
    /// Signs `payload` of `payload_type` with `key`.
    pub fn sign(key: &PrivateKey, payload_type: &str, payload: &[u8]) -> Envelope {
        let b64 = base64::engine::general_purpose::STANDARD;
        Envelope {
            payload: b64.encode(payload),
            payload_type: payload_type.to_string(),
            signatures: vec![DsseSignature {
                keyid: String::new(),
                sig: b64.encode(key.sign(&pae(payload_type, payload))),
            }],
        }
    }

    /// The decoded payload, when at least one signature verifies with one of `keys`.
    pub fn verify(&self, keys: &[PublicKey]) -> Result<Vec<u8>, String> {
        let b64 = base64::engine::general_purpose::STANDARD;
        let payload = b64
            .decode(&self.payload)
            .map_err(|e| format!("envelope payload is not base64: {e}"))?;
        let msg = pae(&self.payload_type, &payload);
        if self.signatures.is_empty() {
            return Err("envelope has no signatures".into());
        }
        for s in &self.signatures {
            let Ok(sig) = b64.decode(&s.sig) else {
                continue;
            };
            if keys.iter().any(|k| k.verify(&msg, &sig)) {
                return Ok(payload);
            }
        }
        Err("no envelope signature verifies with the given key".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_signing_bytes_are_cosigns_shape() {
        let p = SimpleSigning::new("127.0.0.1:5000/app", "sha256:ab", &BTreeMap::new());
        assert_eq!(
            String::from_utf8(p.to_bytes()).unwrap(),
            r#"{"critical":{"identity":{"docker-reference":"127.0.0.1:5000/app"},"image":{"docker-manifest-digest":"sha256:ab"},"type":"cosign container image signature"},"optional":null}"#
        );
        let mut a = BTreeMap::new();
        a.insert("env".to_string(), "prod".to_string());
        let p = SimpleSigning::new("r/a", "sha256:ab", &a);
        assert!(
            String::from_utf8(p.to_bytes())
                .unwrap()
                .ends_with(r#""optional":{"env":"prod"}}"#)
        );
    }

    #[test]
    fn pae_matches_the_spec_example() {
        assert_eq!(
            pae("http://example.com/HelloWorld", b"hello world"),
            b"DSSEv1 29 http://example.com/HelloWorld 11 hello world".to_vec()
        );
    }

    #[test]
    fn envelope_round_trip() {
        let k = PrivateKey::generate_p256();
        let e = Envelope::sign(&k, IN_TOTO_PAYLOAD_TYPE, b"{}");
        assert_eq!(e.verify(&[k.public_key()]).unwrap(), b"{}");
        let other = PrivateKey::generate_p256();
        assert!(e.verify(&[other.public_key()]).is_err());
        let mut t = e.clone();
        t.payload_type = "x".into();
        assert!(t.verify(&[k.public_key()]).is_err());
    }
}
