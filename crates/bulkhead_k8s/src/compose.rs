//! Docker Compose files: the driver that runs the rules whose hook is
//! [`crate::rules::Hook::Service`] (DC001..DC008, one file each under `src/rules/dc/`) on
//! every service: privileged services, added capabilities, host
//! namespaces, no `user`, writable root filesystem, unconfined seccomp or AppArmor, the
//! Docker socket mounted, `latest` images.
//!
//! Shares the YAML loader (so lines are exact, anchors and `<<` merges of `x-` extension
//! fields resolve, duplicate keys are reported) and the comment suppressions
//! (`# bulkhead: ignore[DC004] reason`) of the Kubernetes checks.

use crate::Settings;
use crate::loader::{self, Document, escape_segment};
use crate::rules::{HOOKS, Hook};
use bulkhead_diagnostics::{FileOutcome, Finding, InputError, RuleMeta};
use serde_json::Value;

/// One Compose service, as the DC rules see it.
pub(crate) struct Service<'a, 'o> {
    path: &'a str,
    doc: &'a Document,
    /// The service's name (its key under `services:`).
    pub name: &'a str,
    /// The service's mapping.
    pub svc: &'a Value,
    base: String,
    out: &'o mut Vec<Finding>,
}

impl<'a> Service<'a, '_> {
    /// A string field of the service, or `""`.
    pub fn str(&self, key: &str) -> &'a str {
        self.svc.get(key).and_then(Value::as_str).unwrap_or("")
    }

    /// Report `rule` at `rel` (a pointer relative to the service).
    pub fn report(&mut self, rule: &'static RuleMeta, rel: &str, msg: String) {
        let range = self.doc.range_of(&format!("{}{rel}", self.base));
        let mut f = Finding::new(rule, self.path, range, msg);
        f.container = Some(self.name.to_string());
        self.out.push(f);
    }
}

/// Check one Compose file.
pub fn check_compose(path: &str, text: &str, settings: &Settings) -> FileOutcome {
    check_compose_loaded(path, text, &loader::load(path, text), settings)
}

/// Check one Compose file already loaded (the binary keeps the load for the secret hook, so
/// the file is parsed once).
pub fn check_compose_loaded(
    path: &str,
    text: &str,
    loaded: &loader::Loaded,
    settings: &Settings,
) -> FileOutcome {
    let _ = settings;
    let mut findings = Vec::new();
    let mut errors = loaded.errors.clone();
    let mut suppressions = Vec::new();
    let mut any_services = false;
    for doc in &loaded.docs {
        let Some(Value::Object(services)) = doc.value.get("services") else {
            continue;
        };
        any_services = true;
        for (name, svc) in services {
            if let Value::Object(_) = svc {
                let mut s = Service {
                    path,
                    doc,
                    name,
                    svc,
                    base: format!("/services/{}", escape_segment(name)),
                    out: &mut findings,
                };
                for hook in HOOKS {
                    if let Hook::Service(f) = hook {
                        f(&mut s);
                    }
                }
            }
        }
    }
    if !any_services && errors.is_empty() {
        errors.push(InputError::new(
            path,
            None,
            "no `services:` mapping: not a Compose file",
        ));
    }
    crate::rules::ks::ks071_duplicate_key::from_errors(
        &crate::rules::dc::dc009_duplicate_key::META,
        &loaded.docs,
        &mut errors,
        &mut findings,
    );
    crate::suppress::from_comments(path, text, &mut suppressions, &mut findings);
    FileOutcome {
        findings,
        suppressions,
        errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_findings() {
        let text = "x-base: &base\n  privileged: true\nservices:\n  web:\n    <<: *base\n    image: nginx\n    network_mode: host\n    user: \"1000\"\n    read_only: true\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n    security_opt:\n      - seccomp=unconfined\n";
        let out = check_compose("docker-compose.yml", text, &Settings::default());
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        let got: Vec<_> = out
            .findings
            .iter()
            .map(|f| (f.rule.code, f.range.unwrap().start.line))
            .collect();
        assert_eq!(
            got,
            [
                ("DC001", 2),
                ("DC003", 7),
                ("DC006", 13),
                ("DC007", 11),
                ("DC008", 6)
            ]
        );
    }

    #[test]
    fn not_compose() {
        let out = check_compose("a.yml", "foo: 1\n", &Settings::default());
        assert_eq!(out.errors.len(), 1);
    }
}
