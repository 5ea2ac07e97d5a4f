//! Image sources on disk: a docker-archive tarball (`docker save`, legacy `manifest.json` form
//! and the Docker 25+ OCI form), an OCI image layout (directory or tar), and an extracted
//! `docker save` directory. Resolves a reference to a config and an ordered list of layers
//! that can be opened (with digest and size verification) any number of times, in parallel.

use crate::ImageError;
use crate::oci::{self, AnyManifest, Descriptor, ImageConfig, Platform, VerifyingReader};
use serde::Deserialize;
use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// Small JSON documents (manifests, configs, indexes) larger than this are refused.
pub const SMALL_LIMIT: u64 = 16 << 20;

/// One layer to read.
#[derive(Debug, Clone)]
pub struct LayerRef {
    /// Compressed blob digest, verified while reading (absent for legacy `layer.tar`).
    pub digest: Option<String>,
    /// Uncompressed digest from the config, checked after reading.
    pub diff_id: Option<String>,
    pub size: Option<u64>,
    /// Path or URL, for messages and for opening.
    pub locator: String,
}

/// Opens layers of a resolved image.
pub trait LayerOpener: Sync {
    fn open(&self, layer: &LayerRef) -> Result<Box<dyn Read + Send + '_>, ImageError>;
}

/// A resolved image.
pub struct Resolved<'a> {
    pub source: String,
    pub config: Option<ImageConfig>,
    pub config_digest: Option<String>,
    pub manifest_digest: Option<String>,
    /// Names the image is known by: `docker save`'s `RepoTags`, or the registry reference's
    /// `repository:tag`.
    pub repo_tags: Vec<String>,
    /// `repository@digest` names of a registry image.
    pub repo_digests: Vec<String>,
    pub layers: Vec<LayerRef>,
    pub opener: Box<dyn LayerOpener + 'a>,
}

/// Files addressed by archive-relative path: a directory or an uncompressed tar.
pub trait Store: Sync + Send {
    fn open(&self, name: &str) -> Result<Box<dyn Read + Send + '_>, ImageError>;
    fn exists(&self, name: &str) -> bool;
    fn label(&self) -> String;
}

pub struct DirStore {
    pub root: PathBuf,
}

impl Store for DirStore {
    fn open(&self, name: &str) -> Result<Box<dyn Read + Send + '_>, ImageError> {
        let rel = crate::walk::normalize(name).ok_or_else(|| {
            ImageError::corrupt(self.label(), format!("path {name:?} escapes the layout"))
        })?;
        let p = self.root.join(rel);
        Ok(Box::new(File::open(&p).map_err(|e| ImageError::io(&p, e))?))
    }
    fn exists(&self, name: &str) -> bool {
        crate::walk::normalize(name).is_some_and(|r| self.root.join(r).is_file())
    }
    fn label(&self) -> String {
        self.root.display().to_string()
    }
}

/// An uncompressed tar indexed once (headers only: entry data is seeked over).
pub struct TarStore {
    path: PathBuf,
    entries: HashMap<String, (u64, u64)>,
    links: HashMap<String, String>,
}

impl TarStore {
    pub fn open(path: &Path) -> Result<TarStore, ImageError> {
        let f = File::open(path).map_err(|e| ImageError::io(path, e))?;
        let mut ar = tar::Archive::new(f);
        let mut entries = HashMap::new();
        let mut links = HashMap::new();
        let label = path.display().to_string();
        let corrupt = |e: std::io::Error| ImageError::corrupt(&label, e.to_string());
        for e in ar.entries_with_seek().map_err(corrupt)? {
            let e = e.map_err(corrupt)?;
            let raw = String::from_utf8_lossy(&e.path_bytes()).into_owned();
            let Some(name) = crate::walk::normalize(&raw) else {
                continue; // an entry escaping the archive is never looked up
            };
            match e.header().entry_type() {
                tar::EntryType::Regular | tar::EntryType::Continuous => {
                    entries.insert(name, (e.raw_file_position(), e.size()));
                }
                tar::EntryType::Symlink | tar::EntryType::Link => {
                    if let Ok(Some(t)) = e.link_name() {
                        let t = t.to_string_lossy().into_owned();
                        let dir = name.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
                        let target = if e.header().entry_type() == tar::EntryType::Link {
                            crate::walk::normalize(&t)
                        } else {
                            crate::walk::normalize(&format!("{dir}/{t}"))
                        };
                        if let Some(target) = target {
                            links.insert(name, target);
                        }
                    }
                }
                _ => {}
            }
            if entries.len() + links.len() > 1_000_000 {
                return Err(ImageError::corrupt(&label, "more than 1,000,000 entries"));
            }
        }
        Ok(TarStore {
            path: path.to_path_buf(),
            entries,
            links,
        })
    }

    fn lookup(&self, name: &str) -> Option<(u64, u64)> {
        let mut n = crate::walk::normalize(name)?;
        for _ in 0..8 {
            if let Some(e) = self.entries.get(&n) {
                return Some(*e);
            }
            n = self.links.get(&n)?.clone();
        }
        None
    }
}

impl Store for TarStore {
    fn open(&self, name: &str) -> Result<Box<dyn Read + Send + '_>, ImageError> {
        let (off, size) = self.lookup(name).ok_or_else(|| {
            ImageError::corrupt(self.label(), format!("{name} is missing from the archive"))
        })?;
        let mut f = File::open(&self.path).map_err(|e| ImageError::io(&self.path, e))?;
        f.seek(SeekFrom::Start(off))
            .map_err(|e| ImageError::io(&self.path, e))?;
        Ok(Box::new(f.take(size)))
    }
    fn exists(&self, name: &str) -> bool {
        self.lookup(name).is_some()
    }
    fn label(&self) -> String {
        self.path.display().to_string()
    }
}

struct StoreOpener<S: Store> {
    store: S,
}

impl<S: Store> LayerOpener for StoreOpener<S> {
    fn open(&self, layer: &LayerRef) -> Result<Box<dyn Read + Send + '_>, ImageError> {
        let r = self.store.open(&layer.locator)?;
        match &layer.digest {
            Some(d) => Ok(Box::new(VerifyingReader::new(
                r,
                &format!("blob {d}"),
                d,
                layer.size,
            )?)),
            None => Ok(r),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DockerManifestEntry {
    config: String,
    #[serde(default)]
    repo_tags: Option<Vec<String>>,
    layers: Vec<String>,
}

fn read_blob(
    store: &dyn Store,
    name: &str,
    digest: Option<&str>,
    size: Option<u64>,
) -> Result<Vec<u8>, ImageError> {
    let bytes = oci::read_small(store.open(name)?, name, SMALL_LIMIT)?;
    if let Some(d) = digest {
        oci::verify_bytes(name, &bytes, d, size)?;
    }
    Ok(bytes)
}

fn blob_path(digest: &str) -> Result<String, ImageError> {
    oci::Hasher::for_digest(digest)?;
    let (alg, hex) = digest.split_once(':').unwrap_or_default();
    Ok(format!("blobs/{alg}/{hex}"))
}

/// Digest from a `blobs/sha256/HEX` path or a legacy `HEX.json` config name.
fn digest_from_name(name: &str) -> Option<String> {
    let n = name.trim_start_matches("./");
    if let Some(rest) = n.strip_prefix("blobs/") {
        let (alg, hex) = rest.split_once('/')?;
        let d = format!("{alg}:{hex}");
        return oci::Hasher::for_digest(&d).is_ok().then_some(d);
    }
    let hex = n.strip_suffix(".json")?;
    let d = format!("sha256:{hex}");
    oci::Hasher::for_digest(&d).is_ok().then_some(d)
}

/// Resolves an image in a store: `manifest.json` (docker save) first, else `index.json` (OCI).
pub fn resolve_store<S: Store + 'static>(
    store: S,
    source: String,
    platform: &Platform,
) -> Result<Resolved<'static>, ImageError> {
    if store.exists("manifest.json") {
        let bytes = read_blob(&store, "manifest.json", None, None)?;
        let entries: Vec<DockerManifestEntry> =
            serde_json::from_slice(&bytes).map_err(|source| ImageError::Json {
                what: format!("{}: manifest.json", store.label()),
                source,
            })?;
        let entry = match entries.len() {
            1 => &entries[0],
            0 => {
                return Err(ImageError::corrupt(
                    store.label(),
                    "manifest.json lists no image",
                ));
            }
            _ => {
                // Several images saved together: the first one, unless a tag names another.
                &entries[0]
            }
        };
        let config_digest = digest_from_name(&entry.config);
        let config_bytes = read_blob(&store, &entry.config, config_digest.as_deref(), None)?;
        let config: ImageConfig =
            serde_json::from_slice(&config_bytes).map_err(|source| ImageError::Json {
                what: format!("{}: {}", store.label(), entry.config),
                source,
            })?;
        if !config.rootfs.diff_ids.is_empty() && config.rootfs.diff_ids.len() != entry.layers.len()
        {
            return Err(ImageError::corrupt(
                store.label(),
                format!(
                    "manifest.json lists {} layers but the config has {} diff ids",
                    entry.layers.len(),
                    config.rootfs.diff_ids.len()
                ),
            ));
        }
        let layers = entry
            .layers
            .iter()
            .enumerate()
            .map(|(i, l)| LayerRef {
                digest: digest_from_name(l),
                diff_id: config.rootfs.diff_ids.get(i).cloned(),
                size: None,
                locator: l.clone(),
            })
            .collect();
        return Ok(Resolved {
            source,
            config: Some(config),
            config_digest,
            manifest_digest: None,
            repo_tags: entry.repo_tags.clone().unwrap_or_default(),
            repo_digests: Vec::new(),
            layers,
            opener: Box::new(StoreOpener { store }),
        });
    }
    if store.exists("index.json") {
        let bytes = read_blob(&store, "index.json", None, None)?;
        let fetch = |d: &Descriptor| -> Result<Vec<u8>, ImageError> {
            read_blob(
                &store,
                &blob_path(&d.digest)?,
                Some(&d.digest),
                Some(d.size),
            )
        };
        let (manifest, manifest_digest) =
            select_manifest(&bytes, "index.json", platform, &fetch, 0)?;
        let config_bytes = fetch(&manifest.config)?;
        let config: ImageConfig =
            serde_json::from_slice(&config_bytes).map_err(|source| ImageError::Json {
                what: format!("config {}", manifest.config.digest),
                source,
            })?;
        let layers = layer_refs(&manifest, &config)?;
        return Ok(Resolved {
            source,
            config: Some(config),
            config_digest: Some(manifest.config.digest.clone()),
            manifest_digest,
            repo_tags: Vec::new(),
            repo_digests: Vec::new(),
            layers,
            opener: Box::new(StoreOpener { store }),
        });
    }
    Err(ImageError::corrupt(
        store.label(),
        "neither manifest.json (docker save) nor index.json (OCI layout) found",
    ))
}

/// Layer references of a manifest, paired with the config's diff ids.
pub fn layer_refs(m: &oci::Manifest, config: &ImageConfig) -> Result<Vec<LayerRef>, ImageError> {
    if !config.rootfs.diff_ids.is_empty() && config.rootfs.diff_ids.len() != m.layers.len() {
        return Err(ImageError::corrupt(
            "image manifest",
            format!(
                "{} layers but the config has {} diff ids",
                m.layers.len(),
                config.rootfs.diff_ids.len()
            ),
        ));
    }
    m.layers
        .iter()
        .enumerate()
        .map(|(i, d)| {
            Ok(LayerRef {
                digest: Some(d.digest.clone()),
                diff_id: config.rootfs.diff_ids.get(i).cloned(),
                size: Some(d.size),
                locator: blob_path(&d.digest)?,
            })
        })
        .collect()
}

/// Walks an index down to one manifest for `platform` (indexes may nest, up to depth 4).
pub fn select_manifest(
    bytes: &[u8],
    what: &str,
    platform: &Platform,
    fetch: &dyn Fn(&Descriptor) -> Result<Vec<u8>, ImageError>,
    depth: usize,
) -> Result<(oci::Manifest, Option<String>), ImageError> {
    match oci::parse_any_manifest(bytes, what)? {
        AnyManifest::Manifest(m) => Ok((m, None)),
        AnyManifest::Index(idx) => {
            if depth > 4 {
                return Err(ImageError::corrupt(what, "indexes nested too deeply"));
            }
            let candidates: Vec<&Descriptor> = idx
                .manifests
                .iter()
                .filter(|d| {
                    // Attestation manifests (buildx) are not images.
                    d.annotations
                        .get("vnd.docker.reference.type")
                        .map(String::as_str)
                        != Some("attestation-manifest")
                })
                .collect();
            let chosen = if candidates.len() == 1 && candidates[0].platform.is_none() {
                candidates[0]
            } else {
                match candidates
                    .iter()
                    .find(|d| d.platform.as_ref().is_some_and(|p| platform.accepts(p)))
                    .or_else(|| candidates.iter().find(|d| d.platform.is_none()))
                {
                    Some(d) => d,
                    None => {
                        let available: Vec<String> = candidates
                            .iter()
                            .filter_map(|d| d.platform.as_ref().map(|p| p.to_string()))
                            .collect();
                        return Err(ImageError::NoPlatform {
                            reference: what.to_string(),
                            platform: platform.to_string(),
                            available: available.join(", "),
                        });
                    }
                }
            };
            let child = fetch(chosen)?;
            let (m, inner) = select_manifest(&child, &chosen.digest, platform, fetch, depth + 1)?;
            Ok((m, inner.or_else(|| Some(chosen.digest.clone()))))
        }
    }
}
