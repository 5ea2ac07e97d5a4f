//! The validated admission policy: `[admission]` of bulkhead.toml compiled once (globs,
//! selection, PSS defaults, keys read) into what the engine evaluates per request.
//!
//! Owns: defaults, rule selection with `bulkhead check`'s semantics, and configuration
//! errors. Does not evaluate anything.

use crate::images::{GlobError, ImageGlobs};
use bulkhead_config::admission::{AdmissionConfig, FailurePolicy, PolicyMode, UnknownImage};
use bulkhead_diagnostics::{Selection, Severity};
use bulkhead_k8s::pss::{PssLevel, PssPolicy, PssVersion};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Hardening rules in admission.
#[derive(Debug, Clone)]
pub struct Hardening {
    pub mode: PolicyMode,
    pub selection: Selection,
    pub fail_on: Severity,
}

/// Registry allow-list and digest pinning.
#[derive(Debug, Clone)]
pub struct Images {
    pub mode: PolicyMode,
    pub allowed: ImageGlobs,
    pub require_digest: bool,
}

/// One signature requirement: images matching `images` need a signature by one of `keys`.
#[derive(Debug, Clone)]
pub struct SignatureRule {
    pub images: ImageGlobs,
    /// (path, PEM text) of each key.
    pub keys: Vec<(PathBuf, String)>,
}

/// Signature policy.
#[derive(Debug, Clone)]
pub struct Signatures {
    pub mode: PolicyMode,
    pub failure_policy: FailurePolicy,
    pub rules: Vec<SignatureRule>,
    pub cache_ttl: Duration,
    pub cache_size: usize,
    pub insecure_registries: Vec<String>,
}

/// Vulnerability policy.
#[derive(Debug, Clone)]
pub struct Vulnerabilities {
    pub mode: PolicyMode,
    pub reports: PathBuf,
    pub fail_on: Severity,
    pub unknown: UnknownImage,
}

/// Mutation.
#[derive(Debug, Clone, Default)]
pub struct Mutation {
    /// Rule codes whose fix `/mutate` applies.
    pub fixes: Vec<String>,
    pub pin_digests: bool,
}

/// Everything the engine needs, validated.
#[derive(Debug, Clone)]
pub struct Policy {
    pub timeout: Duration,
    pub failure_policy: FailurePolicy,
    pub exclude_namespaces: Vec<String>,
    pub psa: crate::psa::PsaConfig,
    /// Namespace labels known from the config.
    pub namespaces: HashMap<String, BTreeMap<String, String>>,
    pub hardening: Hardening,
    pub images: Images,
    pub signatures: Signatures,
    pub vulnerabilities: Option<Vulnerabilities>,
    pub mutation: Mutation,
    /// Settings of the Kubernetes engine (custom pod-spec paths).
    pub k8s: bulkhead_k8s::Settings,
}

/// An `[admission]` section that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("[admission]: {0}")]
    Glob(#[from] GlobError),
    #[error("[admission.signatures]: cannot read key {path}: {source}")]
    Key {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("[admission.mutation] fixes: unknown rule code `{0}`")]
    UnknownFix(String),
}

fn pss(spec: Option<bulkhead_config::PssSpec>) -> PssPolicy {
    match spec {
        None => PssPolicy {
            level: PssLevel::Privileged,
            version: PssVersion::Latest,
        },
        Some(s) => PssPolicy {
            level: match s.level {
                bulkhead_config::PssLevel::Privileged => PssLevel::Privileged,
                bulkhead_config::PssLevel::Baseline => PssLevel::Baseline,
                bulkhead_config::PssLevel::Restricted => PssLevel::Restricted,
            },
            version: s.minor.map_or(PssVersion::Latest, PssVersion::Minor),
        },
    }
}

impl Default for Policy {
    fn default() -> Self {
        Policy::from_config(&AdmissionConfig::default(), Path::new(".")).expect("defaults compile")
    }
}

impl Policy {
    /// Compile a config section; relative key paths are resolved against `base` (the config
    /// file's directory).
    pub fn from_config(c: &AdmissionConfig, base: &Path) -> Result<Policy, PolicyError> {
        let mut rules = Vec::new();
        for r in &c.signatures.policy {
            let mut keys = Vec::new();
            for k in &r.keys {
                let path = base.join(k);
                let pem = std::fs::read_to_string(&path).map_err(|source| PolicyError::Key {
                    path: path.clone(),
                    source,
                })?;
                keys.push((path, pem));
            }
            rules.push(SignatureRule {
                images: ImageGlobs::new(&r.images)?,
                keys,
            });
        }
        for code in &c.mutation.fixes {
            if !crate::mutate::fixable(code) {
                return Err(PolicyError::UnknownFix(code.clone()));
            }
        }
        let failure_policy = c.failure_policy.unwrap_or_default();
        Ok(Policy {
            timeout: Duration::from_millis(c.timeout_ms.unwrap_or(2000)),
            failure_policy,
            exclude_namespaces: c.exclude_namespaces.clone(),
            psa: crate::psa::PsaConfig {
                defaults: crate::psa::NsPolicy {
                    enforce: pss(c.pss.enforce),
                    audit: pss(c.pss.audit),
                    warn: pss(c.pss.warn),
                },
                exempt_usernames: c.pss.exempt_usernames.clone(),
                exempt_runtime_classes: c.pss.exempt_runtime_classes.clone(),
                exempt_namespaces: c.pss.exempt_namespaces.clone(),
            },
            namespaces: c
                .namespaces
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            hardening: Hardening {
                mode: c.hardening.mode.unwrap_or_default(),
                selection: Selection {
                    select: c.hardening.select.clone(),
                    extend: c.hardening.extend_select.clone(),
                    ignore: c.hardening.ignore.clone(),
                },
                fail_on: c.hardening.fail_on.map_or(Severity::High, |s| s.0),
            },
            images: Images {
                mode: c.images.mode.unwrap_or_default(),
                allowed: ImageGlobs::new(&c.images.allowed)?,
                require_digest: c.images.require_digest,
            },
            signatures: Signatures {
                mode: c.signatures.mode.unwrap_or_default(),
                failure_policy: c.signatures.failure_policy.unwrap_or(failure_policy),
                rules,
                cache_ttl: Duration::from_secs(c.signatures.cache_ttl_seconds.unwrap_or(300)),
                cache_size: c.signatures.cache_size.unwrap_or(10_000).max(1),
                insecure_registries: c.signatures.insecure_registries.clone(),
            },
            vulnerabilities: c
                .vulnerabilities
                .reports
                .as_ref()
                .map(|dir| Vulnerabilities {
                    mode: c.vulnerabilities.mode.unwrap_or_default(),
                    reports: base.join(dir),
                    fail_on: c
                        .vulnerabilities
                        .fail_on
                        .map_or(Severity::Critical, |s| s.0),
                    unknown: c.vulnerabilities.unknown.unwrap_or_default(),
                }),
            mutation: Mutation {
                fixes: c.mutation.fixes.clone(),
                pin_digests: c.mutation.pin_digests,
            },
            k8s: bulkhead_k8s::Settings::default(),
        })
    }
}
