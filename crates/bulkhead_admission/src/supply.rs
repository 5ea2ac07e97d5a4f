//! Supply-chain policies of admission: cosign signatures and vulnerability reports, both keyed
//! by image digest and cached (TTL, size bound), with a deadline per request.
//!
//! Owns: the [`SignatureVerifier`] and [`DigestResolver`] interfaces (implemented over the
//! signing crate and the registry client by the caller), the bounded caches, reading
//! `bulkhead image --format json` reports from a directory, and turning dependency failures
//! into [`SupplyVerdict::Unavailable`] for the failure policy. It performs no network I/O
//! itself.

use crate::images::ImageRef;
use crate::policy::Policy;
use bulkhead_config::admission::{FailurePolicy, PolicyMode, UnknownImage};
use bulkhead_diagnostics::Severity;
use std::cell::Cell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

thread_local! {
    /// Set while a review runs where it must not wait on a registry ([`cached_only`]).
    static CACHED_ONLY: Cell<bool> = const { Cell::new(false) };
    /// Set when such a review needed a registry: its answer is then discarded.
    static NEEDED_REGISTRY: Cell<bool> = const { Cell::new(false) };
}

/// Run `f` (a review, on the calling thread) answering from the caches alone: where it would
/// ask a registry (a signature or a tag's digest not cached), it goes on with an error and the
/// result is discarded: `None`. The server answers most reviews this way on its I/O threads
/// and sends only the others to blocking threads, whose hand-offs cost a third of the CPU of
/// a review.
pub fn cached_only<T>(f: impl FnOnce() -> T) -> Option<T> {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            CACHED_ONLY.set(false);
        }
    }
    CACHED_ONLY.set(true);
    NEEDED_REGISTRY.set(false);
    let reset = Reset;
    let out = f();
    drop(reset);
    (!NEEDED_REGISTRY.replace(false)).then_some(out)
}

/// Whether a registry may be asked now; when not ([`cached_only`]), notes that it was needed.
fn may_ask_registry() -> bool {
    if CACHED_ONLY.get() {
        NEEDED_REGISTRY.set(true);
        return false;
    }
    true
}

/// Whether an image carries a valid signature by one of the keys.
pub trait SignatureVerifier: Send + Sync {
    /// Verify the signatures of `image` at `digest` against `keys` ((path, PEM) pairs).
    /// `Ok(Ok(()))`: a valid signature by one key; `Ok(Err(why))`: none; `Err(why)`: could not
    /// decide (registry unreachable, deadline passed).
    fn verify(
        &self,
        image: &ImageRef,
        digest: &str,
        keys: &[(PathBuf, String)],
        deadline: Instant,
    ) -> Result<Result<(), String>, String>;
}

/// Resolves a tag to the digest the registry serves for it.
pub trait DigestResolver: Send + Sync {
    /// The manifest digest (`sha256:...`) of `image`; `Err(why)` when the registry could not
    /// answer before `deadline`.
    fn resolve(&self, image: &ImageRef, deadline: Instant) -> Result<String, String>;
}

/// What a supply-chain check found for one image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupplyVerdict {
    /// No valid signature by a trusted key.
    Unsigned(String),
    /// The last report has vulnerabilities at or above the threshold.
    Vulnerable(String, PolicyMode),
    /// No report; blocking when `unknown = "deny"`.
    Unknown(String, PolicyMode, bool),
    /// A dependency did not answer; the failure policy decides.
    Unavailable(String, FailurePolicy),
}

/// The (id, severity) pairs of one image's scan report.
type Vulns = Arc<[(String, Severity)]>;

struct Cache<V> {
    map: Mutex<HashMap<String, (Instant, V)>>,
    ttl: Duration,
    cap: usize,
}

impl<V: Clone> Cache<V> {
    fn new(ttl: Duration, cap: usize) -> Self {
        Cache {
            map: Mutex::new(HashMap::new()),
            ttl,
            cap,
        }
    }

    fn get(&self, k: &str) -> Option<V> {
        let m = self.map.lock().ok()?;
        let (at, v) = m.get(k)?;
        (at.elapsed() < self.ttl).then(|| v.clone())
    }

    fn put(&self, k: String, v: V) {
        let Ok(mut m) = self.map.lock() else { return };
        if m.len() >= self.cap && !m.contains_key(&k) {
            let ttl = self.ttl;
            m.retain(|_, (at, _)| at.elapsed() < ttl);
            if m.len() >= self.cap
                && let Some(oldest) = m
                    .iter()
                    .min_by_key(|(_, (at, _))| *at)
                    .map(|(k, _)| k.clone())
            {
                m.remove(&oldest);
            }
        }
        m.insert(k, (Instant::now(), v));
    }

    fn len(&self) -> usize {
        self.map.lock().map(|m| m.len()).unwrap_or(0)
    }
}

/// Cache counters, for `/metrics`.
#[derive(Debug, Default)]
pub struct CacheStats {
    pub signature_hits: AtomicU64,
    pub signature_misses: AtomicU64,
    pub report_hits: AtomicU64,
    pub report_misses: AtomicU64,
    pub digest_hits: AtomicU64,
    pub digest_misses: AtomicU64,
}

/// The supply-chain side of the engine.
pub struct Supply {
    verifier: RwLock<Option<Arc<dyn SignatureVerifier>>>,
    resolver: RwLock<Option<Arc<dyn DigestResolver>>>,
    signatures: Cache<Result<(), String>>,
    /// Shared, not copied, on every hit.
    reports: Cache<Option<Vulns>>,
    digests: Cache<String>,
    pub stats: CacheStats,
}

impl Supply {
    /// Empty caches sized by the policy.
    pub fn new(p: &Policy) -> Supply {
        let ttl = p.signatures.cache_ttl;
        let cap = p.signatures.cache_size;
        Supply {
            verifier: RwLock::new(None),
            resolver: RwLock::new(None),
            signatures: Cache::new(ttl, cap),
            reports: Cache::new(ttl, cap),
            digests: Cache::new(ttl, cap),
            stats: CacheStats::default(),
        }
    }

    /// Install the signature verifier.
    pub fn set_verifier(&self, v: Arc<dyn SignatureVerifier>) {
        if let Ok(mut s) = self.verifier.write() {
            *s = Some(v);
        }
    }

    /// Install the digest resolver (tag pinning, signatures and reports of tagged images).
    pub fn set_resolver(&self, r: Arc<dyn DigestResolver>) {
        if let Ok(mut s) = self.resolver.write() {
            *s = Some(r);
        }
    }

    /// Entries in the caches (signatures, reports, digests).
    pub fn cache_sizes(&self) -> (usize, usize, usize) {
        (
            self.signatures.len(),
            self.reports.len(),
            self.digests.len(),
        )
    }

    /// The digest of an image: its own, or resolved (cached).
    pub fn digest(&self, r: &ImageRef, deadline: Instant) -> Result<String, String> {
        if r.has_valid_digest() {
            return Ok(r.digest.clone().unwrap_or_default());
        }
        let key = r.normalized();
        if let Some(d) = self.digests.get(&key) {
            self.stats.digest_hits.fetch_add(1, Ordering::Relaxed);
            return Ok(d);
        }
        if !may_ask_registry() {
            return Err("not cached".into());
        }
        self.stats.digest_misses.fetch_add(1, Ordering::Relaxed);
        let resolver = self.resolver.read().ok().and_then(|r| r.clone());
        let Some(resolver) = resolver else {
            return Err(format!(
                "image \"{}\" has no digest and no registry client is configured",
                r.normalized()
            ));
        };
        if Instant::now() >= deadline {
            return Err("time budget exhausted".into());
        }
        let d = resolver.resolve(r, deadline)?;
        self.digests.put(key, d.clone());
        Ok(d)
    }

    /// The signature and vulnerability verdicts for one image.
    pub fn check(&self, p: &Policy, r: &ImageRef, deadline: Instant) -> Vec<SupplyVerdict> {
        let mut out = Vec::new();
        let shown = r.short();
        if let Some(rule) = p.signatures.rules.iter().find(|s| s.images.matches(r)) {
            let fp = p.signatures.failure_policy;
            match self.digest(r, deadline) {
                Err(e) => out.push(SupplyVerdict::Unavailable(
                    format!("signature of \"{shown}\" not verified: {e}"),
                    fp,
                )),
                Ok(digest) => {
                    let key = format!("{}@{digest}|{}", r.name(), key_id(&rule.keys));
                    let cached = self.signatures.get(&key);
                    let res = match cached {
                        Some(c) => {
                            self.stats.signature_hits.fetch_add(1, Ordering::Relaxed);
                            Ok(c)
                        }
                        None if !may_ask_registry() => Err("not cached".to_string()),
                        None => {
                            self.stats.signature_misses.fetch_add(1, Ordering::Relaxed);
                            let v = self.verifier.read().ok().and_then(|v| v.clone());
                            match v {
                                None => Err("no signature verifier is available".to_string()),
                                Some(v) => {
                                    let res = v.verify(r, &digest, &rule.keys, deadline);
                                    if let Ok(x) = &res {
                                        self.signatures.put(key, x.clone());
                                    }
                                    res
                                }
                            }
                        }
                    };
                    match res {
                        Ok(Ok(())) => {}
                        Ok(Err(why)) => out.push(SupplyVerdict::Unsigned(format!(
                            "image \"{shown}\" has no valid signature by a trusted key: {why}"
                        ))),
                        Err(e) => out.push(SupplyVerdict::Unavailable(
                            format!("signature of \"{shown}\" not verified: {e}"),
                            fp,
                        )),
                    }
                }
            }
        }
        if let Some(v) = &p.vulnerabilities {
            let unknown = |why: String| {
                let (mode, blocking) = match v.unknown {
                    UnknownImage::Allow => return None,
                    UnknownImage::Warn => (PolicyMode::Warn, false),
                    UnknownImage::Deny => (v.mode, true),
                };
                Some(SupplyVerdict::Unknown(why, mode, blocking))
            };
            let digest = match &r.digest {
                Some(_) if r.has_valid_digest() => r.digest.clone(),
                _ => self.digest(r, deadline).ok(),
            };
            match digest {
                None => out.extend(unknown(format!(
                    "image \"{shown}\" has no digest, so no scan report applies"
                ))),
                Some(d) => match self.report(&v.reports, &d) {
                    None => out.extend(unknown(format!("image \"{shown}\" has no scan report"))),
                    Some(vulns) => {
                        let bad: Vec<&(String, Severity)> =
                            vulns.iter().filter(|(_, s)| *s >= v.fail_on).collect();
                        if !bad.is_empty() {
                            let ids: Vec<&str> =
                                bad.iter().take(3).map(|(i, _)| i.as_str()).collect();
                            let more = if bad.len() > 3 { ", ..." } else { "" };
                            out.push(SupplyVerdict::Vulnerable(
                                format!(
                                    "image \"{}\" has {} vulnerabilities at {} or above ({}{more})",
                                    r.name(),
                                    bad.len(),
                                    v.fail_on,
                                    ids.join(", ")
                                ),
                                v.mode,
                            ));
                        }
                    }
                },
            }
        }
        out
    }

    /// The (id, severity) pairs of the report stored for `digest`, cached; `None` when there is
    /// no (readable) report.
    fn report(&self, dir: &std::path::Path, digest: &str) -> Option<Vulns> {
        if let Some(c) = self.reports.get(digest) {
            self.stats.report_hits.fetch_add(1, Ordering::Relaxed);
            return c;
        }
        self.stats.report_misses.fetch_add(1, Ordering::Relaxed);
        let file = dir.join(format!("{}.json", digest.replace(':', "-")));
        let parsed: Option<Vulns> = read_report(&file).map(Into::into);
        self.reports.put(digest.to_string(), parsed.clone());
        parsed
    }
}

/// Read one `bulkhead image --format json` report: the id and severity of each vulnerability.
/// `None` when the file is absent or is not such a report.
pub fn read_report(path: &std::path::Path) -> Option<Vec<(String, Severity)>> {
    let text = std::fs::read(path).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&text).ok()?;
    let list = v.get("vulnerabilities")?.as_array()?;
    let mut out = Vec::new();
    for f in list {
        let id = f
            .get("id")
            .and_then(|x| x.as_str())
            .unwrap_or("?")
            .to_string();
        let sev = f
            .get("severity")
            .and_then(|x| x.as_str())
            .and_then(|s| s.parse::<Severity>().ok())
            .unwrap_or(Severity::Info);
        out.push((id, sev));
    }
    Some(out)
}

fn key_id(keys: &[(PathBuf, String)]) -> String {
    keys.iter()
        .map(|(p, _)| p.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(",")
}
