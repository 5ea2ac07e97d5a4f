//! The registry client: distribution API v2 over a small synchronous HTTP client (ureq with
//! rustls; no async runtime inside a scanner). Anonymous, basic and bearer-token auth (the
//! `WWW-Authenticate` challenge names the realm, service and scope), credentials from
//! `config.json` (`$DOCKER_CONFIG` or `~/.docker`), multi-platform indexes, blob redirects
//! followed without sending the registry's `Authorization` to another host, TLS verified
//! except for hosts listed as insecure (plain HTTP). Every manifest and blob is verified
//! against its digest.

use crate::oci::{self, Descriptor, ImageConfig, Platform, VerifyingReader};
use crate::source::{self, LayerOpener, LayerRef, Resolved};
use crate::{ImageError, ScanOptions};
use base64::Engine as _;
use std::io::Read;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

mod write;
pub use write::{BlobPush, ManifestInfo, PushOptions};

const ACCEPT: &str = "application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";

/// A parsed image reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// `host[:port]` as written (Docker Hub: `registry-1.docker.io`).
    pub registry: String,
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl Reference {
    /// Parses `[registry/]repo[:tag][@digest]` with Docker's defaults (`docker.io`,
    /// `library/`, `latest`).
    pub fn parse(s: &str) -> Option<Reference> {
        if s.starts_with(['/', '.', '~']) || s.ends_with(".tar") {
            return None; // a file path, not a reference
        }
        let (rest, digest) = match s.split_once('@') {
            Some((r, d)) => (r, Some(d.to_string())),
            None => (s, None),
        };
        let (registry, path) = match rest.split_once('/') {
            Some((first, p))
                if first.contains('.') || first.contains(':') || first == "localhost" =>
            {
                (first.to_string(), p.to_string())
            }
            _ => ("docker.io".to_string(), rest.to_string()),
        };
        let (repository, tag) = match path.rsplit_once(':') {
            Some((r, t)) if !t.contains('/') => (r.to_string(), Some(t.to_string())),
            _ => (path, None),
        };
        if repository.is_empty()
            || repository
                .split('/')
                .any(|c| !c.starts_with(|ch: char| ch.is_ascii_alphanumeric()))
            || !repository
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-/".contains(c))
        {
            return None;
        }
        let repository = if registry == "docker.io" && !repository.contains('/') {
            format!("library/{repository}")
        } else {
            repository
        };
        let tag = if tag.is_none() && digest.is_none() {
            Some("latest".into())
        } else {
            tag
        };
        Some(Reference {
            registry: if registry == "docker.io" {
                "registry-1.docker.io".into()
            } else {
                registry
            },
            repository,
            tag,
            digest,
        })
    }
}

/// Whether a string looks like a registry reference.
pub fn looks_like_reference(s: &str) -> bool {
    Reference::parse(s).is_some()
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    rest.split('/').next().unwrap_or("")
}

/// A response of the registry: status, headers and a streaming body.
type Response = ureq::http::Response<ureq::Body>;

fn header<'r>(resp: &'r Response, name: &str) -> Option<&'r str> {
    resp.headers().get(name).and_then(|v| v.to_str().ok())
}

/// A client for one repository.
pub struct Client {
    agent: ureq::Agent,
    base: String,
    host: String,
    repository: String,
    credentials: Option<(String, String)>,
    authorization: Mutex<Option<String>>,
    /// HTTP requests sent (reported by `request_count`, for the signing benchmarks).
    requests: AtomicU64,
}

impl Client {
    /// A client for `reference`'s registry.
    pub fn new(r: &Reference, opts: &ScanOptions) -> Client {
        let insecure = opts.insecure_registries.iter().any(|h| h == &r.registry);
        let scheme = if insecure { "http" } else { "https" };
        // Statuses are handled here (401 challenges, error bodies), redirects too (no
        // Authorization to another host, no HTTPS -> HTTP).
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(Duration::from_secs(30)))
            .timeout_per_read(Some(Duration::from_secs(120)))
            .user_agent(concat!("bulkhead/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Client {
            agent,
            base: format!("{scheme}://{}", r.registry),
            host: r.registry.clone(),
            repository: r.repository.clone(),
            credentials: docker_credentials(&r.registry, opts.docker_config_dir.clone()),
            authorization: Mutex::new(None),
            requests: AtomicU64::new(0),
        }
    }

    fn auth_header(&self) -> Option<String> {
        self.authorization
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// GET with auth negotiation and redirect handling; returns the final response.
    fn get(&self, url: &str, accept: Option<&str>) -> Result<Response, ImageError> {
        let mut url = url.to_string();
        let mut retried_auth = false;
        let mut redirects = 0;
        loop {
            let same_host = host_of(&url) == self.host;
            let mut req = self.agent.get(&url);
            if let Some(a) = accept {
                req = req.header("Accept", a);
            }
            if same_host && let Some(h) = self.auth_header() {
                req = req.header("Authorization", &h);
            }
            self.requests.fetch_add(1, Ordering::Relaxed);
            let resp = req.call().map_err(|e| ImageError::Registry {
                url: url.clone(),
                detail: e.to_string(),
            })?;
            let code = resp.status().as_u16();
            if code == 401 && same_host && !retried_auth {
                retried_auth = true;
                let challenge = header(&resp, "WWW-Authenticate").unwrap_or("").to_string();
                self.authenticate(&challenge, &url)?;
                continue;
            }
            if code >= 400 {
                let mut body = String::new();
                let _ = resp
                    .into_body()
                    .into_with_config()
                    .limit(64 * 1024)
                    .reader()
                    .read_to_string(&mut body);
                let detail = format!(
                    "HTTP {code}: {}",
                    body.chars().take(300).collect::<String>()
                );
                return Err(if code == 401 || code == 403 {
                    ImageError::Auth { url, detail }
                } else {
                    ImageError::Registry { url, detail }
                });
            }
            if (300..400).contains(&code) {
                redirects += 1;
                if redirects > 5 {
                    return Err(ImageError::Registry {
                        url,
                        detail: "too many redirects".into(),
                    });
                }
                let loc = header(&resp, "Location").unwrap_or("").to_string();
                url = if loc.starts_with("http://") || loc.starts_with("https://") {
                    if loc.starts_with("http://") && url.starts_with("https://") {
                        return Err(ImageError::Registry {
                            url,
                            detail: format!("refusing a redirect from HTTPS to plain HTTP ({loc})"),
                        });
                    }
                    loc
                } else if loc.starts_with('/') {
                    let scheme = url.split("://").next().unwrap_or("https");
                    format!("{scheme}://{}{loc}", host_of(&url))
                } else {
                    return Err(ImageError::Registry {
                        url,
                        detail: format!("unusable redirect location {loc:?}"),
                    });
                };
                continue;
            }
            return Ok(resp);
        }
    }

    fn authenticate(&self, challenge: &str, url: &str) -> Result<(), ImageError> {
        let (scheme, params) = challenge.split_once(' ').unwrap_or((challenge, ""));
        let params = parse_challenge(params);
        let param = |k: &str| {
            params
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(k))
                .map(|(_, v)| v.clone())
        };
        let header = if scheme.eq_ignore_ascii_case("basic") {
            let Some((u, p)) = &self.credentials else {
                return Err(ImageError::Auth {
                    url: url.to_string(),
                    detail: format!(
                        "basic auth required and no credentials for {} in config.json",
                        self.host
                    ),
                });
            };
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"))
            )
        } else if scheme.eq_ignore_ascii_case("bearer") {
            let realm = param("realm").ok_or_else(|| ImageError::Auth {
                url: url.to_string(),
                detail: "bearer challenge without realm".into(),
            })?;
            let scope =
                param("scope").unwrap_or_else(|| format!("repository:{}:pull", self.repository));
            let mut token_url = format!("{realm}?scope={}", urlencode(&scope));
            if let Some(s) = param("service") {
                token_url.push_str(&format!("&service={}", urlencode(&s)));
            }
            let mut req = self.agent.get(&token_url);
            if let Some((u, p)) = &self.credentials {
                req = req.header(
                    "Authorization",
                    &format!(
                        "Basic {}",
                        base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"))
                    ),
                );
            }
            self.requests.fetch_add(1, Ordering::Relaxed);
            let resp = req.call().map_err(|e| ImageError::Auth {
                url: token_url.clone(),
                detail: e.to_string(),
            })?;
            if resp.status().as_u16() >= 400 {
                return Err(ImageError::Auth {
                    url: token_url.clone(),
                    detail: format!("HTTP {}", resp.status().as_u16()),
                });
            }
            let body = oci::read_small(resp.into_body().into_reader(), &token_url, 1 << 20)?;
            let v: serde_json::Value =
                serde_json::from_slice(&body).map_err(|source| ImageError::Json {
                    what: token_url.clone(),
                    source,
                })?;
            let token = v
                .get("token")
                .or_else(|| v.get("access_token"))
                .and_then(|t| t.as_str())
                .ok_or_else(|| ImageError::Auth {
                    url: token_url.clone(),
                    detail: "token response has no token".into(),
                })?;
            format!("Bearer {token}")
        } else {
            return Err(ImageError::Auth {
                url: url.to_string(),
                detail: format!("unsupported challenge {challenge:?}"),
            });
        };
        *self.authorization.lock().unwrap_or_else(|e| e.into_inner()) = Some(header);
        Ok(())
    }

    /// A manifest or index by tag or digest, verified when addressed by digest (and against
    /// `Docker-Content-Digest` otherwise). Returns the bytes and their digest.
    pub fn manifest(&self, reference: &str) -> Result<(Vec<u8>, String), ImageError> {
        let url = format!("{}/v2/{}/manifests/{reference}", self.base, self.repository);
        let resp = self.get(&url, Some(ACCEPT))?;
        let header_digest = header(&resp, "Docker-Content-Digest").map(str::to_string);
        let bytes = oci::read_small(resp.into_body().into_reader(), &url, source::SMALL_LIMIT)?;
        let actual = oci::sha256_digest(&bytes);
        let expected = if reference.contains(':') {
            Some(reference.to_string())
        } else {
            header_digest.filter(|d| d.starts_with("sha256:"))
        };
        if let Some(e) = expected {
            oci::verify_bytes(&format!("manifest {url}"), &bytes, &e, None)?;
            return Ok((bytes, e));
        }
        Ok((bytes, actual))
    }

    /// A blob as a stream, verified (digest and size) as it is read.
    pub fn blob(&self, d: &str, size: Option<u64>) -> Result<Box<dyn Read + Send>, ImageError> {
        oci::Hasher::for_digest(d)?;
        let url = format!("{}/v2/{}/blobs/{d}", self.base, self.repository);
        let resp = self.get(&url, None)?;
        if let (Some(size), Some(len)) = (
            size,
            header(&resp, "Content-Length").and_then(|l| l.parse::<u64>().ok()),
        ) && len != size
        {
            return Err(ImageError::SizeMismatch {
                what: format!("blob {d}"),
                expected: size,
                actual: len,
            });
        }
        Ok(Box::new(VerifyingReader::new(
            resp.into_body().into_reader(),
            &format!("blob {d}"),
            d,
            size,
        )?))
    }
}

fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `realm="https://auth",service="registry",scope="repository:x:pull"`.
fn parse_challenge(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let Some((k, after)) = rest.split_once('=') else {
            break;
        };
        let k = k.trim().trim_start_matches(',').trim().to_string();
        let after = after.trim_start();
        let (v, next) = if let Some(q) = after.strip_prefix('"') {
            let end = q.find('"').unwrap_or(q.len());
            (q[..end].to_string(), q.get(end + 1..).unwrap_or(""))
        } else {
            let end = after.find(',').unwrap_or(after.len());
            (after[..end].trim().to_string(), &after[end..])
        };
        out.push((k, v));
        rest = next.trim_start().trim_start_matches(',').trim_start();
    }
    out
}

/// Username and password for `host` from `config.json` `auths` (credential helpers are not
/// run).
fn docker_credentials(host: &str, dir: Option<PathBuf>) -> Option<(String, String)> {
    let dir = dir
        .or_else(|| std::env::var_os("DOCKER_CONFIG").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".docker")))?;
    let text = std::fs::read(dir.join("config.json")).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&text).ok()?;
    let auths = v.get("auths")?.as_object()?;
    let keys = if host == "registry-1.docker.io" {
        vec![
            "https://index.docker.io/v1/".to_string(),
            "index.docker.io".into(),
            "docker.io".into(),
        ]
    } else {
        vec![
            host.to_string(),
            format!("https://{host}"),
            format!("http://{host}"),
            format!("https://{host}/v1/"),
            format!("https://{host}/v2/"),
        ]
    };
    let entry = keys.iter().find_map(|k| auths.get(k))?;
    if let Some(a) = entry.get("auth").and_then(|a| a.as_str()) {
        let decoded = base64::engine::general_purpose::STANDARD.decode(a).ok()?;
        let s = String::from_utf8(decoded).ok()?;
        let (u, p) = s.split_once(':')?;
        return Some((u.to_string(), p.to_string()));
    }
    let u = entry.get("username")?.as_str()?;
    let p = entry.get("password")?.as_str()?;
    Some((u.to_string(), p.to_string()))
}

struct RegistryOpener {
    client: Client,
}

impl LayerOpener for RegistryOpener {
    fn open(&self, layer: &LayerRef) -> Result<Box<dyn Read + Send + '_>, ImageError> {
        let d = layer
            .digest
            .as_deref()
            .ok_or_else(|| ImageError::corrupt(&layer.locator, "layer without digest"))?;
        self.client.blob(d, layer.size)
    }
}

/// Resolves a registry reference to a config and layers. Config blobs are cached by digest in
/// the cache directory when there is one.
pub(crate) fn resolve(
    reference: &str,
    platform: &Platform,
    opts: &ScanOptions,
) -> Result<Resolved<'static>, ImageError> {
    let r = Reference::parse(reference).ok_or_else(|| ImageError::UnknownReference {
        reference: reference.to_string(),
    })?;
    let client = Client::new(&r, opts);
    let top_ref = r
        .digest
        .clone()
        .or_else(|| r.tag.clone())
        .unwrap_or_default();
    let (bytes, top_digest) = client.manifest(&top_ref)?;
    let fetch = |d: &Descriptor| -> Result<Vec<u8>, ImageError> {
        let (b, _) = client.manifest(&d.digest)?;
        if d.size != 0 && d.size != b.len() as u64 {
            return Err(ImageError::SizeMismatch {
                what: format!("manifest {}", d.digest),
                expected: d.size,
                actual: b.len() as u64,
            });
        }
        Ok(b)
    };
    let (manifest, inner) = source::select_manifest(&bytes, reference, platform, &fetch, 0)?;
    let manifest_digest = inner.unwrap_or_else(|| top_digest.clone());
    let cfg_digest = manifest.config.digest.clone();
    let cached_config = opts
        .cache_dir
        .as_ref()
        .map(|d| d.join("configs").join(cfg_digest.replace(':', "-")));
    let config_bytes = match cached_config
        .as_ref()
        .and_then(|p| std::fs::read(p).ok())
        .filter(|b| oci::verify_bytes("cached config", b, &cfg_digest, None).is_ok())
    {
        Some(b) => b,
        None => {
            let b = oci::read_small(
                client.blob(&cfg_digest, Some(manifest.config.size))?,
                &format!("config {cfg_digest}"),
                source::SMALL_LIMIT,
            )?;
            if let Some(p) = &cached_config {
                if let Some(parent) = p.parent() {
                    let _ = std::fs::create_dir_all(parent);
                }
                let _ = std::fs::write(p, &b);
            }
            b
        }
    };
    let config: ImageConfig =
        serde_json::from_slice(&config_bytes).map_err(|source| ImageError::Json {
            what: format!("config {cfg_digest}"),
            source,
        })?;
    let layers = source::layer_refs(&manifest, &config)?;
    // Docker's names for it: the repository as users write it (Docker Hub as `docker.io`),
    // the tag asked for, and the digest the tag or reference resolved to (a multi-platform
    // image's index digest, as `docker inspect` lists RepoDigests).
    let repo = format!(
        "{}/{}",
        if r.registry == "registry-1.docker.io" {
            "docker.io"
        } else {
            &r.registry
        },
        r.repository
    );
    let repo_tags = r.tag.iter().map(|t| format!("{repo}:{t}")).collect();
    let repo_digests = vec![format!(
        "{repo}@{}",
        r.digest.as_deref().unwrap_or(&top_digest)
    )];
    Ok(Resolved {
        source: reference.to_string(),
        config: Some(config),
        config_digest: Some(cfg_digest),
        manifest_digest: Some(manifest_digest),
        repo_tags,
        repo_digests,
        layers,
        opener: Box::new(RegistryOpener { client }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        let r = Reference::parse("alpine").unwrap();
        assert_eq!(r.registry, "registry-1.docker.io");
        assert_eq!(r.repository, "library/alpine");
        assert_eq!(r.tag.as_deref(), Some("latest"));
        let r = Reference::parse("127.0.0.1:5000/team/app:1.2@sha256:abc").unwrap();
        assert_eq!(r.registry, "127.0.0.1:5000");
        assert_eq!(r.repository, "team/app");
        assert_eq!(r.tag.as_deref(), Some("1.2"));
        assert_eq!(r.digest.as_deref(), Some("sha256:abc"));
        assert!(Reference::parse("Not Valid").is_none());
        assert!(Reference::parse("/tmp/image.tar").is_none());
        assert!(Reference::parse("./layout").is_none());
        assert!(Reference::parse("image.tar").is_none());
        assert!(Reference::parse("a//b").is_none());
    }

    #[test]
    fn challenges() {
        let c = parse_challenge(
            r#"realm="http://127.0.0.1:1/token",service="reg",scope="repository:a/b:pull,push""#,
        );
        assert_eq!(c[0], ("realm".into(), "http://127.0.0.1:1/token".into()));
        assert_eq!(c[2], ("scope".into(), "repository:a/b:pull,push".into()));
    }
}
