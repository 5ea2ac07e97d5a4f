//! Verification of image signatures (both layouts) and attestations: every signature found is
//! either accepted or rejected with a reason the user can act on (bad signature, other digest,
//! other repository, missing annotation, missing blob, digest mismatch).
//!
//! Request budget of a `.sig` verification: the image manifest, the `.sig` manifest and its
//! layers (cosign's documented flow); referrers are read only when no `.sig` signature verified
//! or when asked (`all_layouts`).

use crate::bundle::{Bundle, SIGN_PREDICATE_TYPE};
use crate::keys::PublicKey;
use crate::payload::{
    Envelope, IN_TOTO_PAYLOAD_TYPE, SIMPLE_SIGNING_TYPE, SimpleSigning, Statement,
};
use crate::sign::{SignError, Target, resolve};
use crate::store::{self, Descriptor, StoreError};
use crate::{
    Layout, Rejection, VerificationMaterial, VerifiedSignature, VerifyError, VerifyOptions,
};
use base64::Engine as _;
use bulkhead_image::registry::{Client, Reference};
use std::collections::BTreeMap;

const PAYLOAD_LIMIT: u64 = 4 << 20;
/// Signatures checked per tag: each costs a request, and a hostile tag may list millions.
const MAX_SIGNATURES: usize = 1000;

impl From<SignError> for VerifyError {
    fn from(e: SignError) -> Self {
        match e {
            SignError::Reference(r) => VerifyError::Reference(r),
            SignError::WrongClient { client, reference } => {
                VerifyError::Reference(format!("{reference} (client is for {client})"))
            }
            SignError::NotFound(r) => VerifyError::NotFound(r),
            SignError::Registry(e) => VerifyError::Registry(e),
            SignError::Store(e) => VerifyError::Store(e),
        }
    }
}

fn fetch_blob(client: &Client, d: &Descriptor) -> Result<Vec<u8>, String> {
    if d.size > PAYLOAD_LIMIT {
        return Err(format!(
            "blob {} is {} bytes, over the {} byte limit",
            d.digest, d.size, PAYLOAD_LIMIT
        ));
    }
    let r = client
        .blob(&d.digest, Some(d.size))
        .map_err(|e| format!("blob {}: {}", d.digest, chain(&e)))?;
    bulkhead_image::oci::read_small(r, &d.digest, PAYLOAD_LIMIT)
        .map_err(|e| format!("blob {}: {}", d.digest, chain(&e)))
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

fn same_repository(named: &str, target: &Target) -> bool {
    Reference::parse(named)
        .is_some_and(|r| crate::sign::docker_reference(&r) == target.docker_reference)
}

fn which_key(keys: &[PublicKey], message: &[u8], sig: &[u8]) -> Option<VerificationMaterial> {
    keys.iter()
        .find(|k| k.verify(message, sig))
        .map(|k| VerificationMaterial::PublicKey { key_id: k.key_id() })
}

fn check_claims(
    signed_digest: &str,
    docker_reference: &str,
    optional: Option<&BTreeMap<String, serde_json::Value>>,
    target: &Target,
    opts: &VerifyOptions,
) -> Result<(), String> {
    if signed_digest != target.digest {
        return Err(format!(
            "signature is for {signed_digest}, not for the image's digest {}",
            target.digest
        ));
    }
    if opts.check_reference && !same_repository(docker_reference, target) {
        return Err(format!(
            "signature names repository {docker_reference:?}, not {:?} (a copied signature? --no-check-reference accepts it)",
            target.docker_reference
        ));
    }
    for (k, v) in &opts.annotations {
        let got = optional.and_then(|o| o.get(k));
        if got.and_then(|g| g.as_str()) != Some(v.as_str()) {
            return Err(match got {
                None => format!("required annotation {k}={v} is missing"),
                Some(g) => format!("required annotation {k}={v} has value {g}"),
            });
        }
    }
    Ok(())
}

fn check_sig_layer(
    client: &Client,
    layer: &Descriptor,
    target: &Target,
    keys: &[PublicKey],
    opts: &VerifyOptions,
) -> Result<VerifiedSignature, String> {
    if layer.media_type != store::SIMPLE_SIGNING_MEDIA_TYPE {
        return Err(format!(
            "layer media type {:?} is not a simple-signing payload",
            layer.media_type
        ));
    }
    let sig_b64 = layer
        .annotations
        .as_ref()
        .and_then(|a| a.get(store::SIGNATURE_ANNOTATION))
        .ok_or("layer has no dev.cosignproject.cosign/signature annotation")?;
    let sig = base64::engine::general_purpose::STANDARD
        .decode(sig_b64)
        .map_err(|e| format!("signature annotation is not base64: {e}"))?;
    let payload = fetch_blob(client, layer)?;
    let material = which_key(keys, &payload, &sig)
        .ok_or("signature does not verify with the given key(s) (payload or signature altered, or another key)")?;
    let ss: SimpleSigning = serde_json::from_slice(&payload)
        .map_err(|e| format!("signed payload is not a simple-signing document: {e}"))?;
    if ss.critical.kind != SIMPLE_SIGNING_TYPE {
        return Err(format!(
            "payload type {:?} is not {SIMPLE_SIGNING_TYPE:?}",
            ss.critical.kind
        ));
    }
    check_claims(
        &ss.critical.image.docker_manifest_digest,
        &ss.critical.identity.docker_reference,
        ss.optional.as_ref(),
        target,
        opts,
    )?;
    Ok(VerifiedSignature {
        digest: target.digest.clone(),
        layout: Layout::SigTag,
        payload: ss,
        payload_bytes: payload,
        material,
    })
}

/// Verifies a DSSE envelope with `keys`; returns the statement and the key that verified.
fn open_envelope(
    envelope: &Envelope,
    keys: &[PublicKey],
) -> Result<(Statement, Vec<u8>, VerificationMaterial), String> {
    if envelope.payload_type != IN_TOTO_PAYLOAD_TYPE {
        return Err(format!(
            "envelope payload type {:?} is not in-toto",
            envelope.payload_type
        ));
    }
    let b64 = base64::engine::general_purpose::STANDARD;
    let payload = b64
        .decode(&envelope.payload)
        .map_err(|e| format!("envelope payload is not base64: {e}"))?;
    let pae = crate::payload::pae(&envelope.payload_type, &payload);
    let material = envelope
        .signatures
        .iter()
        .filter_map(|s| b64.decode(&s.sig).ok())
        .find_map(|sig| which_key(keys, &pae, &sig))
        .ok_or("envelope signature does not verify with the given key(s) (statement or signature altered, or another key)")?;
    let st: Statement = serde_json::from_slice(&payload)
        .map_err(|e| format!("envelope payload is not an in-toto statement: {e}"))?;
    if st.kind != crate::payload::STATEMENT_V1 && st.kind != crate::payload::STATEMENT_V01 {
        return Err(format!(
            "statement type {:?} is not in-toto v1 or v0.1",
            st.kind
        ));
    }
    Ok((st, payload, material))
}

fn statement_claims(st: &Statement, target: &Target, opts: &VerifyOptions) -> Result<(), String> {
    if !st.covers(&target.digest) {
        return Err(format!(
            "statement subjects do not include the image's digest {}",
            target.digest
        ));
    }
    if opts.check_reference
        && let Some(bad) = st
            .subject
            .iter()
            .find(|s| !s.name.is_empty() && !same_repository(&s.name, target))
    {
        return Err(format!(
            "statement subject names repository {:?}, not {:?} (a copied attestation? --no-check-reference accepts it)",
            bad.name, target.docker_reference
        ));
    }
    Ok(())
}

fn check_bundle(
    client: &Client,
    desc: &Descriptor,
    target: &Target,
    keys: &[PublicKey],
    opts: &VerifyOptions,
) -> Result<VerifiedSignature, String> {
    let (bytes, _) = client
        .manifest_opt(&desc.digest)
        .map_err(|e| format!("bundle manifest {}: {}", desc.digest, chain(&e)))?
        .ok_or_else(|| format!("bundle manifest {} is listed but missing", desc.digest))?;
    let m: store::Manifest = serde_json::from_slice(&bytes)
        .map_err(|e| format!("bundle manifest {}: {e}", desc.digest))?;
    if m.subject.as_ref().map(|s| s.digest.as_str()) != Some(target.digest.as_str()) {
        return Err(format!(
            "bundle manifest {} has another subject",
            desc.digest
        ));
    }
    let layer = m
        .layers
        .iter()
        .find(|l| l.media_type == store::BUNDLE_MEDIA_TYPE)
        .ok_or("bundle manifest has no bundle layer")?;
    let b: Bundle = serde_json::from_slice(&fetch_blob(client, layer)?)
        .map_err(|e| format!("bundle {} does not parse: {e}", layer.digest))?;
    let env = b
        .dsse_envelope
        .as_ref()
        .ok_or("bundle holds no DSSE envelope (message signatures are not supported)")?;
    let (st, payload, material) = open_envelope(env, keys)?;
    if st.predicate_type != SIGN_PREDICATE_TYPE {
        return Err(format!(
            "bundle predicate type {:?} is not an image signature",
            st.predicate_type
        ));
    }
    statement_claims(&st, target, opts)?;
    let optional: Option<BTreeMap<String, serde_json::Value>> = st
        .predicate
        .as_object()
        .filter(|o| !o.is_empty())
        .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect());
    let name = st
        .subject
        .first()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    check_claims(
        &target.digest,
        &name,
        optional.as_ref(),
        target,
        &VerifyOptions {
            check_reference: false,
            ..opts.clone()
        },
    )?;
    let mut ss = SimpleSigning::new(&name, &target.digest, &BTreeMap::new());
    ss.optional = optional;
    Ok(VerifiedSignature {
        digest: target.digest.clone(),
        layout: Layout::Bundle,
        payload: ss,
        payload_bytes: payload,
        material,
    })
}

pub(crate) fn verify_image(
    client: &Client,
    reference: &str,
    keys: &[PublicKey],
    opts: &VerifyOptions,
) -> Result<Vec<VerifiedSignature>, VerifyError> {
    let target = resolve(client, reference)?;
    let mut verified = Vec::new();
    let mut rejected = Vec::new();
    if let Some(m) = store::read_tag(client, &store::tag_for(&target.digest, "sig"))? {
        if m.layers.len() > MAX_SIGNATURES {
            rejected.push(Rejection {
                layout: Layout::SigTag,
                location: store::tag_for(&target.digest, "sig"),
                reason: format!(
                    "{} signatures in the tag; only the first {MAX_SIGNATURES} are checked",
                    m.layers.len()
                ),
            });
        }
        for layer in m.layers.iter().take(MAX_SIGNATURES) {
            match check_sig_layer(client, layer, &target, keys, opts) {
                Ok(v) => verified.push(v),
                Err(reason) => rejected.push(Rejection {
                    layout: Layout::SigTag,
                    location: layer.digest.clone(),
                    reason,
                }),
            }
        }
    }
    if verified.is_empty() || opts.all_layouts {
        for d in store::list_referrers(client, &target.digest, store::BUNDLE_MEDIA_TYPE)? {
            match check_bundle(client, &d, &target, keys, opts) {
                Ok(v) => verified.push(v),
                Err(reason) => rejected.push(Rejection {
                    layout: Layout::Bundle,
                    location: d.digest.clone(),
                    reason,
                }),
            }
        }
    }
    finish(verified, rejected, reference, &target)
}

fn finish<T>(
    verified: Vec<T>,
    rejected: Vec<Rejection>,
    reference: &str,
    target: &Target,
) -> Result<Vec<T>, VerifyError> {
    if !verified.is_empty() {
        return Ok(verified);
    }
    if rejected.is_empty() {
        return Err(VerifyError::NoSignatures {
            reference: reference.to_string(),
            digest: target.digest.clone(),
        });
    }
    Err(VerifyError::NoneVerified {
        reference: reference.to_string(),
        digest: target.digest.clone(),
        rejected,
    })
}

/// An attestation that verified.
#[derive(Debug, Clone, serde::Serialize)]
pub struct VerifiedAttestation {
    /// The image's manifest digest.
    pub digest: String,
    /// The statement's predicate type.
    pub predicate_type: String,
    /// The verified statement.
    pub statement: Statement,
    /// Which key verified it.
    pub material: VerificationMaterial,
}

/// Verifies the attestations of `reference` stored as cosign stores them (layers of the
/// `sha256-<hex>.att` tag): each DSSE envelope must verify with one of `keys`, its statement
/// must name the image's digest (and repository, unless `opts.check_reference` is off). With
/// `predicate_type`, only attestations of that type are considered.
pub fn verify_attestations(
    client: &Client,
    reference: &str,
    keys: &[PublicKey],
    predicate_type: Option<&str>,
    opts: &VerifyOptions,
) -> Result<Vec<VerifiedAttestation>, VerifyError> {
    let target = resolve(client, reference)?;
    let mut verified = Vec::new();
    let mut rejected = Vec::new();
    let m = store::read_tag(client, &store::tag_for(&target.digest, "att"))?;
    for layer in m.iter().flat_map(|m| &m.layers).take(MAX_SIGNATURES) {
        if let Some(want) = predicate_type {
            let ann = layer
                .annotations
                .as_ref()
                .and_then(|a| a.get("predicateType"));
            if ann.is_some_and(|t| t != want) {
                continue;
            }
        }
        let one = || -> Result<VerifiedAttestation, String> {
            if layer.media_type != store::DSSE_MEDIA_TYPE {
                return Err(format!(
                    "layer media type {:?} is not a DSSE envelope",
                    layer.media_type
                ));
            }
            let env: Envelope = serde_json::from_slice(&fetch_blob(client, layer)?)
                .map_err(|e| format!("envelope does not parse: {e}"))?;
            let (st, _, material) = open_envelope(&env, keys)?;
            if let Some(want) = predicate_type
                && st.predicate_type != want
            {
                return Err(format!(
                    "predicate type {:?}, wanted {want:?}",
                    st.predicate_type
                ));
            }
            statement_claims(&st, &target, opts)?;
            Ok(VerifiedAttestation {
                digest: target.digest.clone(),
                predicate_type: st.predicate_type.clone(),
                statement: st,
                material,
            })
        };
        match one() {
            Ok(v) => verified.push(v),
            Err(reason) => rejected.push(Rejection {
                layout: Layout::SigTag,
                location: layer.digest.clone(),
                reason,
            }),
        }
    }
    finish(verified, rejected, reference, &target)
}

impl From<StoreError> for VerifyError {
    fn from(e: StoreError) -> Self {
        VerifyError::Store(e)
    }
}
