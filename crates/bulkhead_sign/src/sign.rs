//! Signing and attesting images: resolve the reference to a manifest digest (the manifest is
//! downloaded and its digest computed here, never taken from a header alone), build the payload,
//! sign it and store it where cosign looks (`.sig` / `.att` tags; with `bundle`, also a Sigstore
//! bundle as an OCI referrer).

use crate::bundle::{Bundle, SIGN_PREDICATE_TYPE};
use crate::keys::PrivateKey;
use crate::payload::{Envelope, IN_TOTO_PAYLOAD_TYPE, SimpleSigning, Statement};
use crate::store::{self, Descriptor, Manifest, StoreError};
use base64::Engine as _;
use bulkhead_image::ImageError;
use bulkhead_image::registry::{Client, PushOptions, Reference};
use std::collections::BTreeMap;

/// An image reference resolved to a digest.
#[derive(Debug, Clone)]
pub struct Target {
    /// The parsed reference.
    pub reference: Reference,
    /// `sha256:<hex>` of the manifest, computed from its bytes.
    pub digest: String,
    /// `registry/repository` as cosign writes it into payloads.
    pub docker_reference: String,
    /// The manifest's media type.
    pub media_type: String,
    /// The manifest's size.
    pub size: u64,
}

/// Why signing failed.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    /// The reference does not parse.
    #[error("invalid image reference {0:?}")]
    Reference(String),
    /// The client is for another repository than the reference.
    #[error("client is for {client}, reference names {reference}")]
    WrongClient {
        /// The client's repository.
        client: String,
        /// The reference's repository.
        reference: String,
    },
    /// The image does not exist.
    #[error("{0}: image not found in the registry")]
    NotFound(String),
    /// A registry request failed.
    #[error(transparent)]
    Registry(#[from] ImageError),
    /// Storing failed (including lost updates).
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// `registry/repository` as cosign names it (`index.docker.io` for Docker Hub).
pub fn docker_reference(r: &Reference) -> String {
    let host = if r.registry == "registry-1.docker.io" {
        "index.docker.io"
    } else {
        r.registry.as_str()
    };
    format!("{host}/{}", r.repository)
}

/// Resolves `reference` (tag or digest) through `client` to its manifest digest.
pub fn resolve(client: &Client, reference: &str) -> Result<Target, SignError> {
    let r = Reference::parse(reference).ok_or_else(|| SignError::Reference(reference.into()))?;
    if r.repository != client.repository() || r.registry != client.registry() {
        return Err(SignError::WrongClient {
            client: format!("{}/{}", client.registry(), client.repository()),
            reference: format!("{}/{}", r.registry, r.repository),
        });
    }
    let at = r
        .digest
        .clone()
        .or_else(|| r.tag.clone())
        .unwrap_or_default();
    let (bytes, info) = client
        .manifest_opt(&at)?
        .ok_or_else(|| SignError::NotFound(reference.to_string()))?;
    let media_type = if info.media_type.is_empty() {
        serde_json::from_slice::<serde_json::Value>(&bytes)
            .ok()
            .and_then(|v| v.get("mediaType")?.as_str().map(str::to_string))
            .unwrap_or_else(|| store::OCI_MANIFEST.to_string())
    } else {
        info.media_type.clone()
    };
    Ok(Target {
        docker_reference: docker_reference(&r),
        reference: r,
        digest: info.digest,
        media_type,
        size: info.size,
    })
}

/// How to sign.
#[derive(Debug, Clone, Default)]
pub struct SignOptions {
    /// `optional` annotations of the payload (`-a key=value`).
    pub annotations: BTreeMap<String, String>,
    /// Also attach a Sigstore bundle v0.3 as an OCI referrer.
    pub bundle: bool,
    /// Blob upload choices.
    pub push: PushOptions,
}

/// What signing did.
#[derive(Debug, Clone)]
pub struct SignOutcome {
    /// The image signed.
    pub target: Target,
    /// The exact payload bytes signed.
    pub payload: Vec<u8>,
    /// Base64 signature.
    pub signature: String,
    /// The `.sig` tag write.
    pub stored: store::Appended,
    /// The bundle referrer's manifest digest, and whether the tag-schema fallback was used.
    pub bundle: Option<(String, bool)>,
}

/// Signs `reference` with `key` and stores the signature as cosign does.
pub fn sign_image(
    client: &Client,
    reference: &str,
    key: &PrivateKey,
    opts: &SignOptions,
) -> Result<SignOutcome, SignError> {
    let target = resolve(client, reference)?;
    let payload =
        SimpleSigning::new(&target.docker_reference, &target.digest, &opts.annotations).to_bytes();
    let signature = base64::engine::general_purpose::STANDARD.encode(key.sign(&payload));
    let mut ann = BTreeMap::new();
    ann.insert(store::SIGNATURE_ANNOTATION.to_string(), signature.clone());
    let stored = store::append_layer(
        client,
        &store::tag_for(&target.digest, "sig"),
        &payload,
        store::SIMPLE_SIGNING_MEDIA_TYPE,
        ann,
        &opts.push,
    )?;
    let bundle = if opts.bundle {
        let predicate = serde_json::to_value(&opts.annotations).unwrap_or_default();
        let statement = Statement::new(
            &target.docker_reference,
            &target.digest,
            SIGN_PREDICATE_TYPE,
            predicate,
        );
        let envelope = Envelope::sign(
            key,
            IN_TOTO_PAYLOAD_TYPE,
            &serde_json::to_vec(&statement).unwrap_or_default(),
        );
        Some(push_bundle(
            client,
            &target,
            key,
            envelope,
            SIGN_PREDICATE_TYPE,
            &opts.push,
        )?)
    } else {
        None
    };
    Ok(SignOutcome {
        target,
        payload,
        signature,
        stored,
        bundle,
    })
}

fn push_bundle(
    client: &Client,
    target: &Target,
    key: &PrivateKey,
    envelope: Envelope,
    predicate_type: &str,
    push: &PushOptions,
) -> Result<(String, bool), SignError> {
    let bundle = Bundle::for_envelope(&key.public_key(), envelope);
    let bytes = serde_json::to_vec(&bundle).unwrap_or_default();
    let (layer_digest, _) = client.push_blob(&bytes, push)?;
    let (empty_digest, _) = client.push_blob(b"{}", push)?;
    let mut annotations = BTreeMap::new();
    annotations.insert(
        "dev.sigstore.bundle.content".to_string(),
        "dsse-envelope".to_string(),
    );
    annotations.insert(
        "dev.sigstore.bundle.predicateType".to_string(),
        predicate_type.to_string(),
    );
    let artifact = Manifest {
        schema_version: 2,
        media_type: Some(store::OCI_MANIFEST.into()),
        artifact_type: Some(store::BUNDLE_MEDIA_TYPE.into()),
        config: Descriptor {
            media_type: store::EMPTY_MEDIA_TYPE.into(),
            size: 2,
            digest: empty_digest,
            artifact_type: None,
            annotations: None,
        },
        layers: vec![Descriptor {
            media_type: store::BUNDLE_MEDIA_TYPE.into(),
            size: bytes.len() as u64,
            digest: layer_digest,
            artifact_type: None,
            annotations: None,
        }],
        subject: Some(Descriptor {
            media_type: target.media_type.clone(),
            size: target.size,
            digest: target.digest.clone(),
            artifact_type: None,
            annotations: None,
        }),
        annotations: Some(annotations),
    };
    Ok(store::push_referrer(client, &target.digest, &artifact)?)
}

/// What attesting did.
#[derive(Debug, Clone)]
pub struct AttestOutcome {
    /// The image attested.
    pub target: Target,
    /// The predicate type URI.
    pub predicate_type: String,
    /// The `.att` tag write.
    pub stored: store::Appended,
}

/// Wraps `predicate` in an in-toto Statement v1 about `reference`'s digest, signs it as a DSSE
/// envelope and stores it as cosign stores attestations (a layer of the `.att` tag with the
/// `predicateType` annotation).
pub fn attest_image(
    client: &Client,
    reference: &str,
    key: &PrivateKey,
    predicate_type: &str,
    predicate: serde_json::Value,
    push: &PushOptions,
) -> Result<AttestOutcome, SignError> {
    let target = resolve(client, reference)?;
    let statement = Statement::new(
        &target.docker_reference,
        &target.digest,
        predicate_type,
        predicate,
    );
    let envelope = Envelope::sign(
        key,
        IN_TOTO_PAYLOAD_TYPE,
        &serde_json::to_vec(&statement).unwrap_or_default(),
    );
    let body = serde_json::to_vec(&envelope).unwrap_or_default();
    let mut ann = BTreeMap::new();
    ann.insert(store::SIGNATURE_ANNOTATION.to_string(), String::new());
    ann.insert("predicateType".to_string(), predicate_type.to_string());
    let stored = store::append_layer(
        client,
        &store::tag_for(&target.digest, "att"),
        &body,
        store::DSSE_MEDIA_TYPE,
        ann,
        push,
    )?;
    Ok(AttestOutcome {
        target,
        predicate_type: predicate_type.to_string(),
        stored,
    })
}
