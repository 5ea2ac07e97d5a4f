//! The real implementations of the supply-chain interfaces: cosign signatures verified with
//! `bulkhead_sign::verify_image`, and tags resolved to digests, both through the image
//! crate's registry client, each cut off at the request's deadline.
//!
//! Owns: the deadline (the registry client has its own, much longer, timeouts: the call runs
//! on a helper thread and is abandoned when the budget is spent; its late result is dropped)
//! and the mapping of `bulkhead_sign` errors onto "not signed" versus "could not decide".

use crate::images::ImageRef;
use crate::supply::{DigestResolver, SignatureVerifier};
use bulkhead_image::ScanOptions;
use bulkhead_image::registry::{Client, Reference};
use bulkhead_sign::{PublicKey, VerifyOptions, verify_image};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

/// Run `f` on a helper thread and wait for it until `deadline`.
fn with_deadline<T: Send + 'static>(
    deadline: Instant,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let now = Instant::now();
    if now >= deadline {
        return Err("time budget exhausted".into());
    }
    let (tx, rx) = mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("admission-registry".into())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .map_err(|e| format!("cannot start a registry thread: {e}"))?;
    rx.recv_timeout(deadline - now)
        .map_err(|_| "time budget exhausted waiting for the registry".to_string())
}

fn options(insecure: &[String]) -> ScanOptions {
    ScanOptions {
        insecure_registries: insecure.to_vec(),
        ..ScanOptions::default()
    }
}

/// Verifies cosign signatures in the image's registry.
#[derive(Debug, Clone, Default)]
pub struct CosignVerifier {
    /// Registries reached over plain HTTP (`host:port`).
    pub insecure_registries: Vec<String>,
}

impl SignatureVerifier for CosignVerifier {
    fn verify(
        &self,
        image: &ImageRef,
        digest: &str,
        keys: &[(PathBuf, String)],
        deadline: Instant,
    ) -> Result<Result<(), String>, String> {
        let mut parsed = Vec::new();
        for (path, pem) in keys {
            parsed.push(
                PublicKey::from_pem(pem.as_bytes())
                    .map_err(|e| format!("key {}: {e}", path.display()))?,
            );
        }
        let reference = format!("{}@{digest}", image.name());
        let opts = options(&self.insecure_registries);
        with_deadline(deadline, move || {
            let r = Reference::parse(&reference)
                .ok_or_else(|| format!("invalid image reference {reference:?}"))?;
            let client = Client::new(&r, &opts);
            match verify_image(&client, &reference, &parsed, &VerifyOptions::default()) {
                Ok(_) => Ok(Ok(())),
                Err(
                    e @ (bulkhead_sign::VerifyError::NoSignatures { .. }
                    | bulkhead_sign::VerifyError::NoneVerified { .. }
                    | bulkhead_sign::VerifyError::NotFound(_)),
                ) => Ok(Err(e.to_string())),
                Err(e) => Err(e.to_string()),
            }
        })?
    }
}

/// Resolves tags through the registry.
#[derive(Debug, Clone, Default)]
pub struct RegistryResolver {
    /// Registries reached over plain HTTP (`host:port`).
    pub insecure_registries: Vec<String>,
}

impl DigestResolver for RegistryResolver {
    fn resolve(&self, image: &ImageRef, deadline: Instant) -> Result<String, String> {
        let reference = match &image.tag {
            Some(t) => format!("{}:{t}", image.name()),
            None => format!("{}:latest", image.name()),
        };
        let opts = options(&self.insecure_registries);
        with_deadline(deadline, move || {
            let r = Reference::parse(&reference)
                .ok_or_else(|| format!("invalid image reference {reference:?}"))?;
            let client = Client::new(&r, &opts);
            let tag = r.tag.clone().unwrap_or_else(|| "latest".into());
            client
                .manifest(&tag)
                .map(|(_, d)| d)
                .map_err(|e| e.to_string())
        })?
    }
}
