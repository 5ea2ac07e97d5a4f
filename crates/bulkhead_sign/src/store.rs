//! Where cosign keeps signatures and attestations in a registry, and the read-modify-write
//! that adds one: the `sha256-<hex>.sig` / `.att` tags (an OCI manifest whose layers are the
//! signed payloads, the signature in the `dev.cosignproject.cosign/signature` annotation), and
//! Sigstore bundles as OCI 1.1 referrers (manifest with `subject`), indexed by the registry's
//! referrers API or, without one, by the tag-schema fallback index `sha256-<hex>`.
//!
//! Concurrency: registries have no compare-and-swap on tags. A writer re-reads the tag right
//! before its `PUT` (the race window is one request), confirms after it that its layer is
//! there, then waits a settle period (several times the slowest request it saw, at least
//! 150 ms) and checks again, because a writer that read before our `PUT` may replace the tag
//! after our confirmation; whenever the layer is gone it merges again. A writer that cannot get
//! its layer to stay reports a lost update instead of claiming success.

use bulkhead_image::ImageError;
use bulkhead_image::registry::{Client, PushOptions};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Media type of an OCI image manifest.
pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
/// Media type of an OCI index.
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
/// Layer media type of cosign's simple-signing payloads.
pub const SIMPLE_SIGNING_MEDIA_TYPE: &str = "application/vnd.dev.cosign.simplesigning.v1+json";
/// Layer media type of cosign's attestations (a DSSE envelope).
pub const DSSE_MEDIA_TYPE: &str = "application/vnd.dsse.envelope.v1+json";
/// Media type (and artifact type) of a Sigstore bundle v0.3.
pub const BUNDLE_MEDIA_TYPE: &str = "application/vnd.dev.sigstore.bundle.v0.3+json";
/// The annotation holding the base64 signature of a `.sig` layer.
pub const SIGNATURE_ANNOTATION: &str = "dev.cosignproject.cosign/signature";
/// The OCI empty descriptor's media type and content.
pub const EMPTY_MEDIA_TYPE: &str = "application/vnd.oci.empty.v1+json";

/// An OCI descriptor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    /// Media type.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// `sha256:<hex>`.
    pub digest: String,
    /// Artifact type (referrers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_type: Option<String>,
    /// Annotations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
}

/// An OCI image manifest (the subset signatures use).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// Always 2.
    pub schema_version: u32,
    /// [`OCI_MANIFEST`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Artifact type (referrers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_type: Option<String>,
    /// The config blob.
    pub config: Descriptor,
    /// The layers.
    #[serde(default)]
    pub layers: Vec<Descriptor>,
    /// The manifest this one refers to (referrers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Descriptor>,
    /// Annotations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
}

/// An OCI index (the referrers response and the tag-schema fallback).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Index {
    /// Always 2.
    pub schema_version: u32,
    /// [`OCI_INDEX`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// The referrers.
    #[serde(default)]
    pub manifests: Vec<Descriptor>,
}

/// Why storing failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A registry request failed.
    #[error(transparent)]
    Registry(#[from] ImageError),
    /// The existing tag holds something this code must not overwrite.
    #[error(
        "{tag}: existing manifest is not a signature manifest ({detail}); refusing to overwrite it"
    )]
    Foreign {
        /// The tag.
        tag: String,
        /// What is wrong with it.
        detail: String,
    },
    /// Concurrent writers kept replacing the tag without this signature.
    #[error(
        "{tag}: lost update: concurrent writers replaced the tag {attempts} times without this signature; it was not stored"
    )]
    LostUpdate {
        /// The tag.
        tag: String,
        /// Merge attempts made.
        attempts: usize,
    },
}

/// The tag cosign uses for `digest` with `suffix` (`sig`, `att`): `sha256-<hex>.sig`; an empty
/// suffix gives the referrers tag-schema fallback `sha256-<hex>`.
pub fn tag_for(digest: &str, suffix: &str) -> String {
    let base = digest.replacen(':', "-", 1);
    if suffix.is_empty() {
        base
    } else {
        format!("{base}.{suffix}")
    }
}

/// What appending did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appended {
    /// The tag written.
    pub tag: String,
    /// Digest of the manifest now at the tag (the one this writer confirmed).
    pub manifest_digest: String,
    /// Layers in it (this one included).
    pub layers: usize,
    /// Whether the identical layer was already there (nothing written).
    pub already_present: bool,
    /// Merges redone because another writer replaced the tag first.
    pub retries: usize,
}

const MAX_ATTEMPTS: usize = 12;
const SETTLE_MIN: Duration = Duration::from_millis(150);

/// A server error (5xx) that concurrent writers provoke in some registries (distribution's
/// filesystem driver answers 500 while a tag link is being replaced): worth another attempt.
fn transient(e: &ImageError) -> bool {
    matches!(e, ImageError::Registry { detail, .. } if detail.contains("HTTP 5"))
}

fn parse_manifest(tag: &str, bytes: &[u8]) -> Result<Manifest, StoreError> {
    let m: Manifest = serde_json::from_slice(bytes).map_err(|e| StoreError::Foreign {
        tag: tag.to_string(),
        detail: e.to_string(),
    })?;
    if m.schema_version != 2 {
        return Err(StoreError::Foreign {
            tag: tag.to_string(),
            detail: format!("schemaVersion {}", m.schema_version),
        });
    }
    Ok(m)
}

fn same_layer(a: &Descriptor, b: &Descriptor) -> bool {
    a.digest == b.digest && a.annotations == b.annotations
}

/// The config cosign writes for a signature image: `rootfs.diff_ids` are the layer digests
/// (payload layers are uncompressed).
fn config_for(layers: &[Descriptor]) -> Vec<u8> {
    let diff_ids: Vec<&str> = layers.iter().map(|l| l.digest.as_str()).collect();
    serde_json::to_vec(&serde_json::json!({
        "architecture": "",
        "config": {},
        "created": "0001-01-01T00:00:00Z",
        "history": [{"created": "0001-01-01T00:00:00Z"}],
        "os": "",
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
    }))
    .unwrap_or_default()
}

/// What a merge step decided.
enum Merge {
    /// The tag already holds what we want to add.
    Present,
    /// Write these bytes to the tag.
    Write(Vec<u8>),
}

/// Turns the tag's current bytes (if any) into what to write.
type MergeFn<'a> = dyn Fn(Option<&[u8]>) -> Result<Merge, StoreError> + 'a;
/// Whether a manifest at the tag holds our entry.
type PresentFn<'a> = dyn Fn(&[u8]) -> Result<bool, StoreError> + 'a;

/// How a read-modify-write of a tag ended.
struct Rmw {
    digest: String,
    already_present: bool,
    retries: usize,
}

/// Read-modify-write of `tag` guarded against concurrent writers: `merge` turns the current
/// bytes (if any) into the bytes to write; `present` says whether a manifest holds our entry.
/// The tag is re-read right before the `PUT`, and after it the entry is confirmed, a settle
/// period waited and confirmed again; whenever it is gone the merge is redone.
fn update_tag(
    client: &Client,
    tag: &str,
    media_type: &str,
    merge: &MergeFn<'_>,
    present: &PresentFn<'_>,
) -> Result<Rmw, StoreError> {
    let still_there = || -> Result<bool, StoreError> {
        match client.manifest_opt(tag) {
            Ok(Some((b, _))) => present(&b),
            Ok(None) => Ok(false),
            Err(e) if transient(&e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    };
    let mut slowest = Duration::ZERO;
    let mut retries = 0;
    for _ in 0..MAX_ATTEMPTS {
        let current = match client.manifest_opt(tag) {
            Ok(c) => c,
            Err(e) if transient(&e) => {
                retries += 1;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let bytes = match merge(current.as_ref().map(|(b, _)| b.as_slice()))? {
            Merge::Present => {
                return Ok(Rmw {
                    digest: current.map(|(_, i)| i.digest).unwrap_or_default(),
                    already_present: true,
                    retries,
                });
            }
            Merge::Write(b) => b,
        };
        // Re-read right before writing: the window for a concurrent writer is one request.
        let before = match client.manifest_opt(tag) {
            Ok(b) => b.map(|(_, i)| i.digest),
            Err(e) if transient(&e) => {
                retries += 1;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        if before != current.as_ref().map(|(_, i)| i.digest.clone()) {
            retries += 1;
            continue;
        }
        let started = Instant::now();
        let written = match client.put_manifest(tag, media_type, &bytes) {
            Ok(w) => w,
            Err(e) if transient(&e) => {
                retries += 1;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        slowest = slowest.max(started.elapsed());
        // Confirm, settle, confirm again: a writer that read before our PUT may replace the
        // tag after our first confirmation, within about one of its requests.
        let kept = still_there()? && {
            std::thread::sleep((slowest * 4).max(SETTLE_MIN));
            still_there()?
        };
        if kept {
            return Ok(Rmw {
                digest: written,
                already_present: false,
                retries,
            });
        }
        retries += 1;
    }
    Err(StoreError::LostUpdate {
        tag: tag.to_string(),
        attempts: MAX_ATTEMPTS,
    })
}

/// Adds a layer (`content` with `media_type` and `annotations`) to the manifest at `tag`,
/// keeping every existing layer; creates the tag when absent.
pub fn append_layer(
    client: &Client,
    tag: &str,
    content: &[u8],
    media_type: &str,
    annotations: BTreeMap<String, String>,
    push: &PushOptions,
) -> Result<Appended, StoreError> {
    let (digest, _) = client.push_blob(content, push)?;
    let ours = Descriptor {
        media_type: media_type.to_string(),
        size: content.len() as u64,
        digest,
        artifact_type: None,
        annotations: Some(annotations),
    };
    let has = |m: &Manifest| m.layers.iter().any(|l| same_layer(l, &ours));
    let layers = std::cell::Cell::new(0);
    let merge = |current: Option<&[u8]>| -> Result<Merge, StoreError> {
        let mut manifest = match current {
            Some(bytes) => parse_manifest(tag, bytes)?,
            None => Manifest {
                schema_version: 2,
                media_type: Some(OCI_MANIFEST.into()),
                artifact_type: None,
                config: Descriptor {
                    media_type: "application/vnd.oci.image.config.v1+json".into(),
                    size: 0,
                    digest: String::new(),
                    artifact_type: None,
                    annotations: None,
                },
                layers: Vec::new(),
                subject: None,
                annotations: None,
            },
        };
        if has(&manifest) {
            layers.set(manifest.layers.len());
            return Ok(Merge::Present);
        }
        manifest.layers.push(ours.clone());
        layers.set(manifest.layers.len());
        let config = config_for(&manifest.layers);
        let (config_digest, _) = client.push_blob(&config, push)?;
        manifest.config.digest = config_digest;
        manifest.config.size = config.len() as u64;
        Ok(Merge::Write(
            serde_json::to_vec(&manifest).unwrap_or_default(),
        ))
    };
    let present = |b: &[u8]| Ok(has(&parse_manifest(tag, b)?));
    let r = update_tag(client, tag, OCI_MANIFEST, &merge, &present)?;
    Ok(Appended {
        tag: tag.to_string(),
        manifest_digest: r.digest,
        layers: layers.get(),
        already_present: r.already_present,
        retries: r.retries,
    })
}

/// Reads the manifest at `tag` (`None` when the tag does not exist).
pub fn read_tag(client: &Client, tag: &str) -> Result<Option<Manifest>, StoreError> {
    match client.manifest_opt(tag)? {
        Some((bytes, _)) => Ok(Some(parse_manifest(tag, &bytes)?)),
        None => Ok(None),
    }
}

/// Pushes `artifact` (a manifest with `subject`) by digest and makes it findable: through the
/// registry's referrers API when it has one, otherwise by adding it to the tag-schema fallback
/// index `sha256-<hex>` (read-modify-write that keeps existing entries). Returns the
/// artifact's manifest digest and whether the fallback was used.
pub fn push_referrer(
    client: &Client,
    subject_digest: &str,
    artifact: &Manifest,
) -> Result<(String, bool), StoreError> {
    let bytes = serde_json::to_vec(artifact).unwrap_or_default();
    let digest = bulkhead_image::oci::sha256_digest(&bytes);
    client.put_manifest(&digest, OCI_MANIFEST, &bytes)?;
    if client.referrers(subject_digest, None)?.is_some() {
        return Ok((digest, false));
    }
    let tag = tag_for(subject_digest, "");
    let desc = Descriptor {
        media_type: OCI_MANIFEST.into(),
        size: bytes.len() as u64,
        digest: digest.clone(),
        artifact_type: artifact.artifact_type.clone(),
        annotations: artifact.annotations.clone(),
    };
    let parse = |b: &[u8]| {
        serde_json::from_slice::<Index>(b).map_err(|e| StoreError::Foreign {
            tag: tag.clone(),
            detail: e.to_string(),
        })
    };
    let merge = |current: Option<&[u8]>| -> Result<Merge, StoreError> {
        let mut index = match current {
            Some(b) => parse(b)?,
            None => Index {
                schema_version: 2,
                media_type: Some(OCI_INDEX.into()),
                manifests: Vec::new(),
            },
        };
        if index.manifests.iter().any(|m| m.digest == digest) {
            return Ok(Merge::Present);
        }
        index.manifests.push(desc.clone());
        Ok(Merge::Write(serde_json::to_vec(&index).unwrap_or_default()))
    };
    let present = |b: &[u8]| Ok(parse(b)?.manifests.iter().any(|m| m.digest == digest));
    update_tag(client, &tag, OCI_INDEX, &merge, &present)?;
    Ok((digest, true))
}

/// The referrers of `subject_digest` with `artifact_type`: from the referrers API, or from the
/// tag-schema fallback index when the registry has no API.
pub fn list_referrers(
    client: &Client,
    subject_digest: &str,
    artifact_type: &str,
) -> Result<Vec<Descriptor>, StoreError> {
    let index_bytes = match client.referrers(subject_digest, Some(artifact_type))? {
        Some(b) => Some(b),
        None => client
            .manifest_opt(&tag_for(subject_digest, ""))?
            .map(|(b, _)| b),
    };
    let Some(b) = index_bytes else {
        return Ok(Vec::new());
    };
    let index: Index = serde_json::from_slice(&b).map_err(|e| StoreError::Foreign {
        tag: tag_for(subject_digest, ""),
        detail: e.to_string(),
    })?;
    Ok(index
        .manifests
        .into_iter()
        .filter(|d| d.artifact_type.as_deref() == Some(artifact_type))
        .collect())
}
