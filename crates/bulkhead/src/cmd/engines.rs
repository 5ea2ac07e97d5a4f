//! File kinds and the engine for each: the one place where the binary knows which engine
//! checks what.

use crate::cmd::check::Input;
use crate::settings::ResolvedSettings;
use bulkhead_diagnostics::{FileOutcome, Finding, InputError};
use std::path::Path;

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dockerfile,
    Compose,
    Kubernetes,
    /// YAML or JSON whose kind is decided from its content once read.
    Sniff,
}

/// Kind from the file name alone, when the name is decisive.
pub fn detect_by_name(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    if lower == "dockerfile"
        || lower == "containerfile"
        || lower.starts_with("dockerfile.")
        || lower.starts_with("containerfile.")
        || lower.ends_with(".dockerfile")
        || lower.ends_with(".containerfile")
    {
        return Some(Kind::Dockerfile);
    }
    let yaml = lower.ends_with(".yml") || lower.ends_with(".yaml");
    if yaml
        && (lower.starts_with("docker-compose")
            || lower.starts_with("compose.")
            || lower.starts_with("compose-"))
    {
        return Some(Kind::Compose);
    }
    None
}

/// YAML or JSON files found while walking, whose content decides.
pub fn is_candidate_data_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("yml" | "yaml" | "json")
    )
}

/// Decide a sniffed file's kind from its text: Kubernetes objects have `apiVersion` and `kind`;
/// Compose files have a top-level `services`.
pub fn sniff(text: &str) -> Option<Kind> {
    let has_key = |key: &str| {
        text.lines().any(|l| {
            let t = l.trim_start_matches(['-', ' ', '\t', '{', '"', '\'']);
            t.starts_with(key)
                && t[key.len()..]
                    .trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with(':')
        })
    };
    if has_key("apiVersion") && has_key("kind") {
        Some(Kind::Kubernetes)
    } else if text.lines().any(|l| l.starts_with("services:")) || text.contains("\"services\"") {
        Some(Kind::Compose)
    } else {
        None
    }
}

/// Run the engine for `kind` on one text.
pub fn check_text(
    kind: Kind,
    path: &str,
    text: &str,
    settings: &ResolvedSettings,
    explicit: bool,
) -> Option<FileOutcome> {
    let kind = match kind {
        Kind::Sniff => match sniff(text) {
            Some(k) => k,
            None if explicit => {
                return Some(FileOutcome {
                    errors: vec![InputError::new(
                        path,
                        None,
                        "not a Dockerfile, Kubernetes manifest or Compose file (name a Dockerfile `Dockerfile` or `*.dockerfile`; YAML/JSON must hold Kubernetes objects or Compose `services`)",
                    )],
                    ..FileOutcome::default()
                });
            }
            None => return None,
        },
        k => k,
    };
    Some(match kind {
        Kind::Dockerfile => bulkhead_dockerfile::check(path, text, &settings.dockerfile),
        Kind::Kubernetes => bulkhead_k8s::check(path, text, &settings.k8s),
        Kind::Compose | Kind::Sniff => FileOutcome::default(),
    })
}

/// Checks that need every input at once (cross-object references, NetworkPolicy lints).
pub fn check_set(inputs: &[Input], settings: &ResolvedSettings) -> Vec<Finding> {
    let _ = (inputs, settings);
    Vec::new()
}
