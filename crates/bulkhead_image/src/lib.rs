//! Images: read any image (docker-archive, OCI layout, registry), walk its layers once each
//! as streams, catalogue the packages inside, and write SBOMs (CycloneDX 1.6, SPDX 2.3).
//!
//! Owns: image sources and the registry client, the layer walk and whiteouts, the per-layer
//! cache, the catalogers, SBOM documents. Does not own: advisories and matching
//! (`bulkhead_advisory`), printing and progress bars (the binary, through [`Progress`]).

mod cache;
pub mod catalog;
mod error;
pub mod oci;
mod purl;
pub mod registry;
pub mod sbom;
mod source;
mod walk;

pub use cache::{ANALYZER_VERSION, LayerCache};
pub use error::ImageError;
pub use oci::{ImageConfig, Platform};
pub use purl::purl;
pub use walk::{EntryInfo, EntryKind, LayerResult, LayerVisitor, Visitor};

use bulkhead_pkg::{Distro, Package};
use catalog::{Kind, path_hash};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Pull and analysis progress, reported by the library and drawn by the binary.
pub trait Progress: Send + Sync {
    /// A layer starts downloading/reading (`size` in compressed bytes when known).
    fn layer_started(&self, index: usize, digest: &str, size: Option<u64>);
    /// `bytes` more compressed bytes of layer `index` were read.
    fn layer_bytes(&self, index: usize, bytes: u64);
    /// A layer is done (`cached`: it was not read at all).
    fn layer_done(&self, index: usize, cached: bool);
}

/// How to scan.
#[derive(Clone)]
pub struct ScanOptions {
    /// Platform to pick from multi-platform indexes; `None` means this machine's.
    pub platform: Option<Platform>,
    /// Registry hosts (`host[:port]`) reached over plain HTTP instead of TLS.
    pub insecure_registries: Vec<String>,
    /// Layer result cache directory; `None` disables the cache.
    pub cache_dir: Option<PathBuf>,
    /// Cache size bound in bytes (least recently used entries are evicted beyond it).
    pub cache_max_bytes: u64,
    /// Decompression-bomb bound: the most bytes one layer may inflate to.
    pub max_layer_bytes: u64,
    /// Files the catalogers keep in memory larger than this are skipped with a warning.
    pub max_file_bytes: u64,
    /// Directory holding `config.json` with registry credentials; `None`: `$DOCKER_CONFIG`,
    /// then `~/.docker`.
    pub docker_config_dir: Option<PathBuf>,
    /// Progress reporting.
    pub progress: Option<Arc<dyn Progress>>,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            platform: None,
            insecure_registries: Vec::new(),
            cache_dir: None,
            cache_max_bytes: 512 << 20,
            max_layer_bytes: 32 << 30,
            max_file_bytes: 128 << 20,
            docker_config_dir: None,
            progress: None,
        }
    }
}

impl std::fmt::Debug for ScanOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScanOptions")
            .field("platform", &self.platform)
            .field("insecure_registries", &self.insecure_registries)
            .field("cache_dir", &self.cache_dir)
            .field("max_layer_bytes", &self.max_layer_bytes)
            .finish_non_exhaustive()
    }
}

/// One layer of a scanned image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerInfo {
    /// Compressed blob digest (absent for legacy docker-archive `layer.tar` entries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// Uncompressed digest (diff id).
    pub diff_id: String,
    /// Uncompressed size in bytes (0 when the result came from the cache and was not stored).
    pub size: u64,
    /// The history line that created the layer, when the config has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    /// Whether the result came from the cache.
    pub cached: bool,
}

/// What a scan found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scan {
    /// The reference or path scanned.
    pub source: String,
    /// The OS identity, when the image or directory has one.
    pub os: Option<Distro>,
    /// Packages sorted by (ecosystem, name, version, locations), each with the layer that
    /// added it and the files that prove it.
    pub packages: Vec<Package>,
    /// Layers in order (empty for directory scans).
    pub layers: Vec<LayerInfo>,
    /// The image configuration.
    pub config: Option<ImageConfig>,
    /// Manifest digest, when the image came from a registry or an OCI index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest_digest: Option<String>,
    /// Image id (config digest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_id: Option<String>,
    /// Names the image is known by (`repository:tag`), from `docker save` or the reference.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repo_tags: Vec<String>,
    /// `repository@digest` names of a registry image.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repo_digests: Vec<String>,
    /// Hostile or odd content that did not stop the scan (escaping links, device files,
    /// oversized files, unsupported databases).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Scans a directory: a root filesystem (`/var/lib/dpkg/status`...) or a project
/// (`Cargo.lock`, `package-lock.json`...).
pub fn scan_fs(path: &Path, opts: &ScanOptions) -> Result<Scan, ImageError> {
    let r = walk::analyze_dir(path, opts)?;
    let (os, packages, warnings) = merge(&[(None, &r)]);
    Ok(Scan {
        source: path.display().to_string(),
        os,
        packages,
        layers: Vec::new(),
        config: None,
        manifest_digest: None,
        image_id: None,
        repo_tags: Vec::new(),
        repo_digests: Vec::new(),
        warnings,
    })
}

/// Scans an image: a docker-archive tarball, an OCI layout (directory or tar), an extracted
/// `docker save` directory, or a registry reference (`registry/repo:tag`, `…@sha256:…`).
/// Prefixes force the kind: `docker-archive:`, `oci-archive:`, `oci:`, `registry:`, `docker://`.
pub fn scan_image(reference: &str, opts: &ScanOptions) -> Result<Scan, ImageError> {
    scan_image_with(reference, opts, None)
}

/// [`scan_image`] with a visitor that sees every entry and the bytes of every regular file
/// it asks for, in the same streaming pass. A layer is served from the cache only when the
/// visitor has a [`Visitor::cache_key`] and restores its own cached bytes for it; otherwise it
/// is walked.
pub fn scan_image_with(
    reference: &str,
    opts: &ScanOptions,
    visitor: Option<&dyn Visitor>,
) -> Result<Scan, ImageError> {
    let platform = opts.platform.clone().unwrap_or_else(Platform::host);
    let (kind, rest) = match reference.split_once(':') {
        Some((k @ ("docker-archive" | "oci-archive" | "oci" | "registry"), r)) => (Some(k), r),
        _ => match reference.strip_prefix("docker://") {
            Some(r) => (Some("registry"), r),
            None => (None, reference),
        },
    };
    let path = Path::new(rest);
    let resolved = match kind {
        Some("registry") => registry::resolve(rest, &platform, opts)?,
        Some(_) => resolve_path(path, reference, &platform)?,
        None if path.exists() => resolve_path(path, reference, &platform)?,
        None if registry::looks_like_reference(rest) => registry::resolve(rest, &platform, opts)?,
        None if rest.starts_with(['/', '.', '~']) || rest.ends_with(".tar") => {
            return Err(ImageError::io(
                path,
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
            ));
        }
        None => {
            return Err(ImageError::UnknownReference {
                reference: reference.to_string(),
            });
        }
    };
    scan_resolved(resolved, opts, visitor)
}

fn resolve_path(
    path: &Path,
    reference: &str,
    platform: &Platform,
) -> Result<source::Resolved<'static>, ImageError> {
    let md = std::fs::metadata(path).map_err(|e| ImageError::io(path, e))?;
    if md.is_dir() {
        source::resolve_store(
            source::DirStore {
                root: path.to_path_buf(),
            },
            reference.to_string(),
            platform,
        )
    } else {
        let mut head = [0u8; 4];
        if let Ok(mut f) = std::fs::File::open(path) {
            let _ = f.read(&mut head);
        }
        if head.starts_with(&[0x1f, 0x8b]) || head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            return Err(ImageError::Unsupported {
                what: path.display().to_string(),
                detail: "compressed archives cannot be read randomly; decompress it first \
                         (docker save output is an uncompressed tar)"
                    .into(),
            });
        }
        source::resolve_store(
            source::TarStore::open(path)?,
            reference.to_string(),
            platform,
        )
    }
}

struct ProgressReader<'a, R> {
    inner: R,
    index: usize,
    progress: &'a dyn Progress,
}

impl<R: Read> Read for ProgressReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.layer_bytes(self.index, n as u64);
        Ok(n)
    }
}

fn scan_resolved(
    resolved: source::Resolved<'_>,
    opts: &ScanOptions,
    visitor: Option<&dyn Visitor>,
) -> Result<Scan, ImageError> {
    let cache = opts
        .cache_dir
        .as_ref()
        .map(|d| LayerCache::new(d, opts.cache_max_bytes));
    // With a visitor, a layer comes from the cache only when the visitor's bytes for it are
    // cached too (under its key) and it takes them; a visitor without a key reads every layer.
    let vkey = visitor.and_then(Visitor::cache_key);
    let cacheable = visitor.is_none() || vkey.is_some();
    let results: Vec<Result<(LayerResult, bool), ImageError>> = resolved
        .layers
        .par_iter()
        .enumerate()
        .map(|(i, l)| {
            let label = l.digest.clone().unwrap_or_else(|| l.locator.clone());
            if let (Some(cache), Some(diff_id), true) = (&cache, &l.diff_id, cacheable)
                && let Some(r) = cache.get(diff_id)
                && match (visitor, &vkey) {
                    (Some(v), Some(k)) => cache
                        .get_extra(diff_id, k)
                        .is_some_and(|b| v.restore(i, &label, Some(diff_id), &b)),
                    _ => true,
                }
            {
                if let Some(p) = &opts.progress {
                    p.layer_done(i, true);
                }
                return Ok((r, true));
            }
            let mut layer_visitor = visitor.map(|v| v.layer(i, &label, l.diff_id.as_deref()));
            let blob = resolved.opener.open(l)?;
            let r = match &opts.progress {
                Some(p) => {
                    p.layer_started(i, &label, l.size);
                    let reader = ProgressReader {
                        inner: blob,
                        index: i,
                        progress: p.as_ref(),
                    };
                    walk::analyze_layer(
                        reader,
                        &label,
                        l.diff_id.as_deref(),
                        opts,
                        layer_visitor.as_deref_mut(),
                    )?
                }
                None => walk::analyze_layer(
                    blob,
                    &label,
                    l.diff_id.as_deref(),
                    opts,
                    layer_visitor.as_deref_mut(),
                )?,
            };
            if let Some(p) = &opts.progress {
                p.layer_done(i, false);
            }
            if let Some(cache) = &cache {
                cache.put(&r);
                if let (Some(k), Some(lv)) = (&vkey, layer_visitor.as_deref_mut())
                    && let Some(b) = lv.cache_bytes()
                {
                    cache.put_extra(&r.diff_id, k, &b);
                }
            }
            Ok((r, false))
        })
        .collect();
    let mut layer_results = Vec::with_capacity(results.len());
    for r in results {
        layer_results.push(r?);
    }
    let config = resolved.config;
    let history: Vec<Option<String>> = config
        .as_ref()
        .map(|c| {
            c.history
                .iter()
                .filter(|h| !h.empty_layer)
                .map(|h| h.created_by.clone())
                .collect()
        })
        .unwrap_or_default();
    let layers: Vec<LayerInfo> = resolved
        .layers
        .iter()
        .zip(&layer_results)
        .enumerate()
        .map(|(i, (l, (r, cached)))| LayerInfo {
            digest: l.digest.clone(),
            diff_id: r.diff_id.clone(),
            size: r.size,
            created_by: history.get(i).cloned().flatten(),
            cached: *cached,
        })
        .collect();
    let inputs: Vec<(Option<String>, &LayerResult)> = layer_results
        .iter()
        .map(|(r, _)| (Some(r.diff_id.clone()), r))
        .collect();
    let (os, packages, warnings) = merge(&inputs);
    Ok(Scan {
        source: resolved.source,
        os,
        packages,
        layers,
        config,
        manifest_digest: resolved.manifest_digest,
        image_id: resolved.config_digest,
        repo_tags: resolved.repo_tags,
        repo_digests: resolved.repo_digests,
        warnings,
    })
}

/// Applies the layers in order (whiteouts and opaque directories hide lower layers' files),
/// then reads the OS identity and the packages of the files still visible. Language packages
/// whose evidence an OS package database owns are dropped (no double counting).
fn merge(layers: &[(Option<String>, &LayerResult)]) -> (Option<Distro>, Vec<Package>, Vec<String>) {
    let mut live: BTreeMap<String, catalog::FileFacts> = BTreeMap::new();
    let mut warnings = Vec::new();
    for (layer_id, r) in layers {
        warnings.extend(r.warnings.iter().cloned());
        for d in &r.opaque_dirs {
            let prefix = format!("{d}/");
            live.retain(|p, _| !(d.is_empty() || p.starts_with(&prefix)));
        }
        for w in &r.whiteouts {
            let prefix = format!("{w}/");
            live.retain(|p, _| p != w && !p.starts_with(&prefix));
        }
        for f in &r.files {
            let mut f = f.clone();
            let prev = live.get(&f.path);
            for p in &mut f.packages {
                p.layer = layer_id.clone();
                if let Some(prev) = prev
                    && let Some(q) = prev.packages.iter().find(|q| {
                        q.ecosystem == p.ecosystem && q.name == p.name && q.version == p.version
                    })
                {
                    p.layer = q.layer.clone();
                }
            }
            live.insert(f.path.clone(), f);
        }
    }
    let os_text = |path: &str| live.get(path).and_then(|f| f.os_text.as_deref());
    let os = os_text("etc/os-release")
        .and_then(catalog::os::from_os_release)
        .or_else(|| os_text("usr/lib/os-release").and_then(catalog::os::from_os_release))
        .or_else(|| os_text("etc/alpine-release").and_then(catalog::os::from_alpine_release))
        .or_else(|| os_text("etc/redhat-release").and_then(catalog::os::from_redhat_release))
        .or_else(|| os_text("etc/centos-release").and_then(catalog::os::from_redhat_release))
        .or_else(|| os_text("etc/debian_version").and_then(catalog::os::from_debian_version))
        .map(|mut d| {
            // os-release says `12`; /etc/debian_version has the point release (`12.8`),
            // which package URLs carry as Trivy writes them.
            if d.id == "debian" {
                d.point_release = os_text("etc/debian_version")
                    .and_then(catalog::os::debian_point_release)
                    .filter(|r| r.split('.').next() == Some(d.version.as_str()));
            }
            d
        });
    let owned: HashSet<u64> = live.values().flat_map(|f| f.owns.iter().copied()).collect();
    // Debian licences come from /usr/share/doc/NAME/copyright, joined to packages by name.
    let deb_licenses: std::collections::HashMap<&str, &Vec<String>> = live
        .values()
        .filter(|f| f.kind == Some(Kind::DpkgCopyright) && !f.licenses.is_empty())
        .filter_map(|f| {
            let name = f.path.strip_prefix("usr/share/doc/")?.split('/').next()?;
            Some((name, &f.licenses))
        })
        .collect();
    let mut packages = Vec::new();
    for f in live.values() {
        let language = f.kind.is_some_and(Kind::is_language);
        if language && owned.contains(&path_hash(&f.path)) {
            continue;
        }
        for p in &f.packages {
            let mut p = p.clone();
            if !language {
                p.distro = os.clone();
            }
            if p.ecosystem == bulkhead_pkg::Ecosystem::Deb
                && p.licenses.is_empty()
                && let Some(l) = deb_licenses.get(p.name.as_str())
            {
                p.licenses = (*l).clone();
            }
            packages.push(p);
        }
    }
    packages.sort_by(|a, b| {
        (a.ecosystem, &a.name, &a.version, &a.locations).cmp(&(
            b.ecosystem,
            &b.name,
            &b.version,
            &b.locations,
        ))
    });
    (os, packages, warnings)
}

/// Checks that a kind is one of the OS package databases (used by SBOM writers).
pub fn is_os_ecosystem(e: bulkhead_pkg::Ecosystem) -> bool {
    matches!(
        e,
        bulkhead_pkg::Ecosystem::Deb | bulkhead_pkg::Ecosystem::Rpm | bulkhead_pkg::Ecosystem::Apk
    )
}
