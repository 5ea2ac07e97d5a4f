//! Kubernetes manifests and Docker Compose files: the exact-line YAML loader, pod-spec
//! extraction for every workload kind, the Pod Security Standards (PSS*), hardening checks
//! (K8S*), Compose checks (DC*), suppressions and fixes.
//!
//! # API for the binary
//! - [`loader::load`] turns one file's text into objects ([`loader::Document`]: a
//!   `serde_json::Value` plus a JSON-pointer -> line/column index) and input errors.
//! - [`check`] runs every per-object rule on one file and returns a [`FileOutcome`] (findings
//!   unfiltered and unsuppressed, the suppressions parsed from annotations and comments, input
//!   errors with their lines).
//! - [`check_set`] runs the cross-object rules (ServiceAccount referenced but not defined,
//!   Service selecting nothing, ...) over every loaded file of a run; call it once with all the
//!   Kubernetes files (`(path, Loaded)` pairs) and merge its findings into each file's outcome
//!   by path before applying suppressions (use [`suppressions_for`] on those files).
//! - [`compose::check_compose`] checks one Compose file (rules DC*).
//! - [`looks_like_kubernetes`] and [`looks_like_compose`] are cheap sniffers for kind detection.
//!
//! Everything here is synchronous and allocation-light; nothing prints.

pub mod loader;
pub mod pss;
pub mod workload;

use bulkhead_diagnostics::{FileOutcome, Finding, RuleMeta};
use serde::{Deserialize, Serialize};

/// Every rule of this crate, in registry order.
pub static RULES: &[&RuleMeta] = &[];

/// What the binary (or the config file) can tune.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Settings {}

/// Check one Kubernetes manifest file (YAML or JSON, any number of documents).
pub fn check(path: &str, text: &str, settings: &Settings) -> FileOutcome {
    let loaded = loader::load(path, text);
    let _ = settings;
    FileOutcome {
        findings: Vec::new(),
        suppressions: Vec::new(),
        errors: loaded.errors,
    }
}

/// Cross-object checks over every Kubernetes file of a run.
pub fn check_set(files: &[(&str, &loader::Loaded)], settings: &Settings) -> Vec<Finding> {
    let _ = (files, settings);
    Vec::new()
}

/// Whether `text` looks like a Kubernetes manifest: a top-level `apiVersion:` and `kind:` (or
/// their JSON spellings) in the first few kilobytes.
pub fn looks_like_kubernetes(text: &str) -> bool {
    let head = head(text, 16 * 1024);
    let has = |k: &str| {
        head.lines().any(|l| {
            let l = l.trim_start_matches(['-', ' ', '{', '"']);
            l.starts_with(k)
                && l[k.len()..]
                    .trim_start_matches('"')
                    .trim_start()
                    .starts_with(':')
        })
    };
    has("apiVersion") && has("kind")
}

/// Whether `path`/`text` look like a Docker Compose file: a conventional name
/// (`docker-compose*.yml`, `compose*.yaml`) or a top-level `services:` with no `apiVersion`.
pub fn looks_like_compose(path: &str, text: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let yaml = name.ends_with(".yml") || name.ends_with(".yaml");
    if yaml && (name.starts_with("docker-compose") || name.starts_with("compose")) {
        return true;
    }
    let head = head(text, 16 * 1024);
    yaml && head.lines().any(|l| l.starts_with("services:")) && !looks_like_kubernetes(text)
}

fn head(text: &str, n: usize) -> &str {
    if text.len() <= n {
        return text;
    }
    let mut end = n;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}
