//! The `[admission]` section of `bulkhead.toml`: what `bulkhead admission serve|review`
//! enforces.
//!
//! Owns: the shape of the section, its defaults and value validation (PSS levels, severities,
//! modes, globs are checked by the admission crate when it compiles them). It does not know how
//! the policies are evaluated (see the `bulkhead_admission` crate).

use crate::{PssSpec, SeverityName};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// `[admission]`
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AdmissionConfig {
    /// Time budget of one review in milliseconds, dependencies (registry, reports) included
    /// (default 2000). Past it, `failure-policy` decides.
    pub timeout_ms: Option<u64>,
    /// What to do when a dependency (registry, key, report store) cannot answer within the
    /// budget: `fail` denies (default), `ignore` admits with a warning.
    pub failure_policy: Option<FailurePolicy>,
    /// Namespaces never reviewed by any policy (the webhook's own namespace belongs here).
    #[serde(default)]
    pub exclude_namespaces: Vec<String>,
    /// Pod Security Standards as Pod Security Admission applies them.
    #[serde(default)]
    pub pss: AdmissionPss,
    /// Labels of namespaces, for reviews offline and for clusters where the webhook cannot read
    /// namespaces: `namespaces.team-a = { "pod-security.kubernetes.io/enforce" = "restricted" }`.
    /// Labels seen on Namespace objects reviewed by the webhook take precedence.
    #[serde(default)]
    pub namespaces: BTreeMap<String, BTreeMap<String, String>>,
    /// Hardening rules (K8S*/KS*), selected like `bulkhead check`.
    #[serde(default)]
    pub hardening: AdmissionHardening,
    /// Registry allow-list and digest pinning.
    #[serde(default)]
    pub images: AdmissionImages,
    /// Cosign signatures required on images.
    #[serde(default)]
    pub signatures: AdmissionSignatures,
    /// Vulnerability gate from `bulkhead image --format json` reports.
    #[serde(default)]
    pub vulnerabilities: AdmissionVulnerabilities,
    /// Fixes applied by the mutating endpoint (`/mutate`).
    #[serde(default)]
    pub mutation: AdmissionMutation,
}

/// How a policy acts on what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum PolicyMode {
    /// Deny the request.
    #[default]
    Enforce,
    /// Admit, with a warning to the client.
    Warn,
    /// Admit, recording audit annotations only.
    Audit,
}

/// What to do when a dependency cannot answer in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum FailurePolicy {
    /// Deny (fail closed).
    #[default]
    Fail,
    /// Admit with a warning.
    Ignore,
}

/// `[admission.pss]`: Pod Security Admission's defaults and exemptions (its
/// `PodSecurityConfiguration`).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AdmissionPss {
    /// Level used when a namespace has no `pod-security.kubernetes.io/enforce` label
    /// (default `privileged@latest`, as Pod Security Admission).
    pub enforce: Option<PssSpec>,
    /// Level used when a namespace has no `audit` label (default `privileged@latest`).
    pub audit: Option<PssSpec>,
    /// Level used when a namespace has no `warn` label (default `privileged@latest`).
    pub warn: Option<PssSpec>,
    /// Requests by these usernames are exempt.
    #[serde(default)]
    pub exempt_usernames: Vec<String>,
    /// Pods with these `runtimeClassName`s are exempt.
    #[serde(default)]
    pub exempt_runtime_classes: Vec<String>,
    /// Pods in these namespaces are exempt.
    #[serde(default)]
    pub exempt_namespaces: Vec<String>,
}

/// `[admission.hardening]`
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AdmissionHardening {
    /// `enforce` denies findings at or above `fail-on`; the rest are warnings.
    pub mode: Option<PolicyMode>,
    /// Rule codes or prefixes to enable instead of the defaults (as `[check] select`).
    pub select: Option<Vec<String>>,
    /// Rule codes or prefixes to add.
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// Rule codes or prefixes to disable.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Lowest severity that denies (default `high`); lower findings become warnings.
    pub fail_on: Option<SeverityName>,
}

/// `[admission.images]`
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AdmissionImages {
    pub mode: Option<PolicyMode>,
    /// Globs on the normalised image reference (`docker.io/library/nginx:1.27`); `*` stops at
    /// `/`, `**` crosses it. Empty allows any.
    #[serde(default)]
    pub allowed: Vec<String>,
    /// Every image must be pinned by `@sha256:` digest.
    #[serde(default)]
    pub require_digest: bool,
}

/// `[admission.signatures]`
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AdmissionSignatures {
    pub mode: Option<PolicyMode>,
    /// Overrides `admission.failure-policy` for this policy.
    pub failure_policy: Option<FailurePolicy>,
    /// Which images need a signature by which keys; the first matching entry applies.
    #[serde(default)]
    pub policy: Vec<SignaturePolicy>,
    /// Seconds a verification result is reused (default 300).
    pub cache_ttl_seconds: Option<u64>,
    /// Most results kept (default 10000).
    pub cache_size: Option<usize>,
    /// Registries reached over plain HTTP (tests, local mirrors), e.g. `127.0.0.1:5000`.
    #[serde(default)]
    pub insecure_registries: Vec<String>,
}

/// One `[[admission.signatures.policy]]` entry.
#[derive(Debug, Clone, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SignaturePolicy {
    /// Globs on the image reference.
    pub images: Vec<String>,
    /// PEM public keys (paths); a signature by any of them is accepted.
    pub keys: Vec<PathBuf>,
}

/// `[admission.vulnerabilities]`
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AdmissionVulnerabilities {
    pub mode: Option<PolicyMode>,
    /// Directory of `bulkhead image --format json` reports named `<algo>-<hex>.json` by
    /// image digest (`sha256-0123....json`). No directory disables the policy.
    pub reports: Option<PathBuf>,
    /// Lowest severity that denies (default `critical`).
    pub fail_on: Option<SeverityName>,
    /// What to do with images without a report (or without a digest): `allow`, `warn`
    /// (default) or `deny`.
    pub unknown: Option<UnknownImage>,
}

/// What to do with an image no report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum UnknownImage {
    Allow,
    #[default]
    Warn,
    Deny,
}

/// `[admission.mutation]`
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AdmissionMutation {
    /// Rule codes whose `check --fix` fix `/mutate` applies (e.g. `["PSS014", "PSS017"]`).
    #[serde(default)]
    pub fixes: Vec<String>,
    /// Replace image tags by the digest the registry resolves them to.
    #[serde(default)]
    pub pin_digests: bool,
}
