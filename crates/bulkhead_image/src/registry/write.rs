//! The registry's write side and the lookups signing needs, on the same [`Client`] (same auth,
//! TLS and insecure-host handling as pulls): manifest HEAD and optional GET (404 is `None`, not
//! an error), blob existence, blob upload (monolithic `POST` + `PUT`, chunked `PATCH`es with
//! `Content-Range`, cross-repository mount), manifest `PUT` checked against the digest the
//! registry reports, tag listing and the OCI 1.1 referrers API (`None` when the registry has
//! none, so callers can fall back to the tag schema).
//!
//! Does not own: what is pushed (signatures, attestations: `bulkhead_sign`).

use super::{Client, Response, header};
use crate::ImageError;
use crate::oci;
use crate::source;
use std::sync::atomic::Ordering;

/// What a manifest HEAD or GET reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestInfo {
    /// `sha256:<hex>` (computed from the bytes on GET; the registry's header on HEAD).
    pub digest: String,
    /// Size in bytes.
    pub size: u64,
    /// `Content-Type` as served.
    pub media_type: String,
}

/// How a blob got into the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlobPush {
    /// It was already there (HEAD said so): nothing sent.
    Existed,
    /// Mounted from another repository of the same registry: no bytes sent.
    Mounted,
    /// Uploaded in one `PUT`.
    Monolithic,
    /// Uploaded in this many `PATCH` chunks and a closing `PUT`.
    Chunked(usize),
}

/// Blob upload choices.
#[derive(Debug, Clone, Default)]
pub struct PushOptions {
    /// Upload in chunks of this many bytes (`None`: one monolithic `PUT`).
    pub chunk_size: Option<usize>,
    /// Try a cross-repository mount from this repository (same registry) first.
    pub mount_from: Option<String>,
    /// Skip the existence check (`HEAD`) before uploading.
    pub skip_exists_check: bool,
}

fn status(resp: &Response) -> u16 {
    resp.status().as_u16()
}

fn error_body(resp: Response, url: &str, what: &str) -> ImageError {
    let code = status(&resp);
    let body = oci::read_small(resp.into_body().into_reader(), url, 64 * 1024).unwrap_or_default();
    let detail = format!(
        "{what}: HTTP {code}: {}",
        String::from_utf8_lossy(&body)
            .chars()
            .take(300)
            .collect::<String>()
    );
    if code == 401 || code == 403 {
        ImageError::Auth {
            url: url.to_string(),
            detail,
        }
    } else {
        ImageError::Registry {
            url: url.to_string(),
            detail,
        }
    }
}

impl Client {
    /// The registry host (`host[:port]`) this client talks to.
    pub fn registry(&self) -> &str {
        &self.host
    }

    /// The repository this client is for.
    pub fn repository(&self) -> &str {
        &self.repository
    }

    /// HTTP requests sent so far (token requests and auth retries included).
    pub fn request_count(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// One request with auth negotiation (a 401 challenge is answered once); redirects are not
    /// followed (writes and HEADs are answered by the registry itself). Any status is returned.
    fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Result<Response, ImageError> {
        let mut retried_auth = false;
        loop {
            let mut b = ureq::http::Request::builder().method(method).uri(url);
            for (k, v) in headers {
                b = b.header(*k, *v);
            }
            if let Some(h) = self.auth_header() {
                b = b.header("Authorization", h);
            }
            let req = b
                .body(body.unwrap_or(&[]))
                .map_err(|e| ImageError::Registry {
                    url: url.to_string(),
                    detail: e.to_string(),
                })?;
            self.requests.fetch_add(1, Ordering::Relaxed);
            let resp = self.agent.run(req).map_err(|e| ImageError::Registry {
                url: url.to_string(),
                detail: e.to_string(),
            })?;
            if status(&resp) == 401 && !retried_auth {
                retried_auth = true;
                let challenge = header(&resp, "WWW-Authenticate").unwrap_or("").to_string();
                self.authenticate(&challenge, url)?;
                continue;
            }
            return Ok(resp);
        }
    }

    fn url(&self, tail: &str) -> String {
        format!("{}/v2/{}/{tail}", self.base, self.repository)
    }

    /// Resolves a `Location` header against the registry's base URL.
    fn location(&self, resp: &Response, url: &str) -> Result<String, ImageError> {
        let loc = header(resp, "Location").ok_or_else(|| ImageError::Registry {
            url: url.to_string(),
            detail: "upload response without Location".into(),
        })?;
        Ok(
            if loc.starts_with("http://") || loc.starts_with("https://") {
                loc.to_string()
            } else {
                format!("{}{}", self.base, loc)
            },
        )
    }

    /// `HEAD` of a manifest by tag or digest; `None` when the registry answers 404.
    pub fn head_manifest(&self, reference: &str) -> Result<Option<ManifestInfo>, ImageError> {
        let url = self.url(&format!("manifests/{reference}"));
        let resp = self.send("HEAD", &url, &[("Accept", super::ACCEPT)], None)?;
        match status(&resp) {
            404 => Ok(None),
            200 => {
                let digest = header(&resp, "Docker-Content-Digest")
                    .map(str::to_string)
                    .or_else(|| {
                        reference
                            .starts_with("sha256:")
                            .then(|| reference.to_string())
                    })
                    .ok_or_else(|| ImageError::Registry {
                        url: url.clone(),
                        detail: "manifest HEAD without Docker-Content-Digest".into(),
                    })?;
                if reference.starts_with("sha256:") && digest != reference {
                    return Err(ImageError::DigestMismatch {
                        what: format!("manifest {url}"),
                        expected: reference.to_string(),
                        actual: digest,
                    });
                }
                Ok(Some(ManifestInfo {
                    digest,
                    size: header(&resp, "Content-Length")
                        .and_then(|l| l.parse().ok())
                        .unwrap_or(0),
                    media_type: header(&resp, "Content-Type").unwrap_or("").to_string(),
                }))
            }
            _ => Err(error_body(resp, &url, "manifest HEAD")),
        }
    }

    /// `GET` of a manifest by tag or digest; `None` on 404. The bytes are checked against the
    /// digest when addressed by digest, and against `Docker-Content-Digest` when by tag.
    pub fn manifest_opt(
        &self,
        reference: &str,
    ) -> Result<Option<(Vec<u8>, ManifestInfo)>, ImageError> {
        let url = self.url(&format!("manifests/{reference}"));
        let resp = self.send("GET", &url, &[("Accept", super::ACCEPT)], None)?;
        match status(&resp) {
            404 => Ok(None),
            200 => {
                let media_type = header(&resp, "Content-Type").unwrap_or("").to_string();
                let header_digest = header(&resp, "Docker-Content-Digest").map(str::to_string);
                let bytes =
                    oci::read_small(resp.into_body().into_reader(), &url, source::SMALL_LIMIT)?;
                let actual = oci::sha256_digest(&bytes);
                let expected = if reference.starts_with("sha256:") {
                    Some(reference.to_string())
                } else {
                    header_digest.filter(|d| d.starts_with("sha256:"))
                };
                if let Some(e) = expected {
                    oci::verify_bytes(&format!("manifest {url}"), &bytes, &e, None)?;
                }
                Ok(Some((
                    bytes.clone(),
                    ManifestInfo {
                        digest: actual,
                        size: bytes.len() as u64,
                        media_type,
                    },
                )))
            }
            _ => Err(error_body(resp, &url, "manifest GET")),
        }
    }

    /// Whether the repository has blob `digest` (`HEAD`).
    pub fn blob_exists(&self, digest: &str) -> Result<bool, ImageError> {
        let url = self.url(&format!("blobs/{digest}"));
        let resp = self.send("HEAD", &url, &[], None)?;
        match status(&resp) {
            200 => Ok(true),
            404 => Ok(false),
            _ => Err(error_body(resp, &url, "blob HEAD")),
        }
    }

    /// Pushes `data` as a blob and returns its digest and how it got there.
    pub fn push_blob(
        &self,
        data: &[u8],
        opts: &PushOptions,
    ) -> Result<(String, BlobPush), ImageError> {
        let digest = oci::sha256_digest(data);
        if !opts.skip_exists_check && self.blob_exists(&digest)? {
            return Ok((digest, BlobPush::Existed));
        }
        let start = match &opts.mount_from {
            Some(from) => self.url(&format!(
                "blobs/uploads/?mount={digest}&from={}",
                super::urlencode(from)
            )),
            None => self.url("blobs/uploads/"),
        };
        let resp = self.send("POST", &start, &[("Content-Length", "0")], Some(&[]))?;
        match status(&resp) {
            201 if opts.mount_from.is_some() => return Ok((digest, BlobPush::Mounted)),
            202 => {}
            _ => return Err(error_body(resp, &start, "blob upload start")),
        }
        let mut location = self.location(&resp, &start)?;
        let mut how = BlobPush::Monolithic;
        let mut final_body: &[u8] = data;
        if let Some(chunk) = opts.chunk_size.filter(|c| *c > 0) {
            let mut offset = 0;
            let mut n = 0;
            while offset < data.len() {
                let end = (offset + chunk).min(data.len());
                let range = format!("{offset}-{}", end - 1);
                let len = (end - offset).to_string();
                let resp = self.send(
                    "PATCH",
                    &location,
                    &[
                        ("Content-Type", "application/octet-stream"),
                        ("Content-Range", &range),
                        ("Content-Length", &len),
                    ],
                    Some(&data[offset..end]),
                )?;
                if status(&resp) != 202 {
                    return Err(error_body(resp, &location, "blob chunk PATCH"));
                }
                location = self.location(&resp, &location)?;
                offset = end;
                n += 1;
            }
            how = BlobPush::Chunked(n);
            final_body = &[];
        }
        let sep = if location.contains('?') { '&' } else { '?' };
        let put = format!("{location}{sep}digest={}", super::urlencode(&digest));
        let len = final_body.len().to_string();
        let resp = self.send(
            "PUT",
            &put,
            &[
                ("Content-Type", "application/octet-stream"),
                ("Content-Length", &len),
            ],
            Some(final_body),
        )?;
        if status(&resp) != 201 {
            return Err(error_body(resp, &put, "blob upload PUT"));
        }
        Ok((digest, how))
    }

    /// `PUT`s a manifest under `reference` (a tag or its digest) and returns its digest; a
    /// `Docker-Content-Digest` answer that differs from the bytes' digest is an error.
    pub fn put_manifest(
        &self,
        reference: &str,
        media_type: &str,
        bytes: &[u8],
    ) -> Result<String, ImageError> {
        let url = self.url(&format!("manifests/{reference}"));
        let digest = oci::sha256_digest(bytes);
        let len = bytes.len().to_string();
        let resp = self.send(
            "PUT",
            &url,
            &[("Content-Type", media_type), ("Content-Length", &len)],
            Some(bytes),
        )?;
        if status(&resp) != 201 {
            return Err(error_body(resp, &url, "manifest PUT"));
        }
        if let Some(d) = header(&resp, "Docker-Content-Digest")
            && d != digest
        {
            return Err(ImageError::DigestMismatch {
                what: format!("manifest PUT {url}"),
                expected: digest,
                actual: d.to_string(),
            });
        }
        Ok(digest)
    }

    /// The OCI 1.1 referrers index of `digest` (filtered by `artifact_type` when given);
    /// `None` when the registry has no referrers API (404), so callers use the tag schema.
    pub fn referrers(
        &self,
        digest: &str,
        artifact_type: Option<&str>,
    ) -> Result<Option<Vec<u8>>, ImageError> {
        let mut url = self.url(&format!("referrers/{digest}"));
        if let Some(t) = artifact_type {
            url.push_str(&format!("?artifactType={}", super::urlencode(t)));
        }
        let resp = self.send(
            "GET",
            &url,
            &[("Accept", "application/vnd.oci.image.index.v1+json")],
            None,
        )?;
        let ct = header(&resp, "Content-Type").unwrap_or("").to_string();
        match status(&resp) {
            200 if ct.starts_with("application/vnd.oci.image.index.v1+json") => Ok(Some(
                oci::read_small(resp.into_body().into_reader(), &url, source::SMALL_LIMIT)?,
            )),
            // 404, or a 200 that is not an index (a registry that routes the path elsewhere).
            200 | 404 => Ok(None),
            _ => Err(error_body(resp, &url, "referrers GET")),
        }
    }
}
