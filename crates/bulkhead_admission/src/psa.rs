//! Pod Security Standards as Pod Security Admission (PSA) applies them: namespace labels
//! (`pod-security.kubernetes.io/{enforce,audit,warn}[-version]`) over configured defaults,
//! invalid label values failing closed to `restricted:latest`, exemptions (usernames, runtime
//! classes, namespaces), pods enforced and audited/warned, pod controllers audited and warned
//! only (through their templates), and pod updates that change nothing PSA looks at admitted.
//!
//! Owns: those semantics and PSA's message shapes. The checks themselves are
//! [`bulkhead_k8s::pss::evaluate`], the engine `bulkhead check` uses, so CI and admission
//! cannot disagree.

use bulkhead_k8s::pss::{self, Check, PssLevel, PssPolicy, PssVersion};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Label prefix of Pod Security Admission.
pub const LABEL_PREFIX: &str = "pod-security.kubernetes.io/";

/// The three policies of a namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NsPolicy {
    pub enforce: PssPolicy,
    pub audit: PssPolicy,
    pub warn: PssPolicy,
}

impl NsPolicy {
    /// Every mode at `privileged`.
    pub fn fully_privileged(&self) -> bool {
        self.enforce.level == PssLevel::Privileged
            && self.audit.level == PssLevel::Privileged
            && self.warn.level == PssLevel::Privileged
    }
}

/// PSA's configuration: defaults and exemptions.
#[derive(Debug, Clone)]
pub struct PsaConfig {
    pub defaults: NsPolicy,
    pub exempt_usernames: Vec<String>,
    pub exempt_runtime_classes: Vec<String>,
    pub exempt_namespaces: Vec<String>,
}

impl Default for PsaConfig {
    fn default() -> Self {
        let p = PssPolicy {
            level: PssLevel::Privileged,
            version: PssVersion::Latest,
        };
        PsaConfig {
            defaults: NsPolicy {
                enforce: p,
                audit: p,
                warn: p,
            },
            exempt_usernames: Vec::new(),
            exempt_runtime_classes: Vec::new(),
            exempt_namespaces: Vec::new(),
        }
    }
}

/// PSA's spelling of a policy: `restricted:latest`, `baseline:v1.30`.
pub fn psa_name(p: PssPolicy) -> String {
    format!("{}:{}", p.level, p.version)
}

/// PSA's label grammar, exact and case-sensitive (`restricted`, not `Restricted`; `v1.30`, not
/// `1.30` or `v1.030`), as the API server validates namespace labels. Kept apart on purpose from
/// the lenient `LEVEL[@VERSION]` parser of `--pss` and bulkhead.toml (`PssPolicy::from_str`):
/// a label PSA would reject must evaluate as PSA does (restricted / latest), not be accepted.
fn parse_level(s: &str) -> Option<PssLevel> {
    match s {
        "privileged" => Some(PssLevel::Privileged),
        "baseline" => Some(PssLevel::Baseline),
        "restricted" => Some(PssLevel::Restricted),
        _ => None,
    }
}

fn parse_version(s: &str) -> Option<PssVersion> {
    if s == "latest" {
        return Some(PssVersion::Latest);
    }
    let n = s.strip_prefix("v1.")?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || (n.len() > 1 && n.starts_with('0'))
    {
        return None;
    }
    n.parse().ok().map(PssVersion::Minor)
}

/// The policies a namespace's labels select over `defaults`, and the label errors. As PSA, an
/// invalid level evaluates as `restricted` and an invalid version as `latest` (fail closed); a
/// valid level without a version label means `latest`.
pub fn ns_policy(labels: &BTreeMap<String, String>, defaults: NsPolicy) -> (NsPolicy, Vec<String>) {
    let mut p = defaults;
    let mut errors = Vec::new();
    for (mode, slot) in [
        ("enforce", &mut p.enforce),
        ("audit", &mut p.audit),
        ("warn", &mut p.warn),
    ] {
        let lk = format!("{LABEL_PREFIX}{mode}");
        let vk = format!("{lk}-version");
        let mut has_level = false;
        if let Some(l) = labels.get(&lk) {
            match parse_level(l) {
                Some(level) => {
                    slot.level = level;
                    has_level = true;
                }
                None => {
                    slot.level = PssLevel::Restricted;
                    errors.push(format!(
                        "{lk}: Invalid value: \"{l}\": must be one of privileged, baseline, restricted"
                    ));
                }
            }
        }
        if let Some(v) = labels.get(&vk) {
            match parse_version(v) {
                Some(version) => slot.version = version,
                None => {
                    slot.version = PssVersion::Latest;
                    errors.push(format!(
                        "{vk}: Invalid value: \"{v}\": must be \"latest\" or \"v1.x\""
                    ));
                }
            }
        } else if has_level {
            slot.version = PssVersion::Latest;
        }
    }
    (p, errors)
}

/// Subresources of pods PSA evaluates (others, such as `status` or `binding`, are admitted).
pub fn evaluated_pod_subresource(sub: &str) -> bool {
    sub.is_empty() || sub == "ephemeralcontainers"
}

/// Whether a pod update changes anything PSA looks at: the number of containers of each kind,
/// a container image, an ephemeral container added, or a seccomp annotation. Other fields of a
/// running pod are immutable (the API server rejects changes to them), so PSA admits such
/// updates without evaluation, and so do we.
pub fn significant_pod_update(new: &Value, old: &Value) -> bool {
    let ann = |o: &Value, k: &str| -> Option<String> {
        o.pointer("/metadata/annotations")
            .and_then(|a| a.get(k))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    const POD_SECCOMP: &str = "seccomp.security.alpha.kubernetes.io/pod";
    if ann(new, POD_SECCOMP) != ann(old, POD_SECCOMP) {
        return true;
    }
    let list = |o: &Value, f: &str| -> Vec<Value> {
        o.pointer(&format!("/spec/{f}"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let container_changed = |c: &Value, oc: &Value| -> bool {
        if c.get("image") != oc.get("image") {
            return true;
        }
        let name = c.get("name").and_then(Value::as_str).unwrap_or("");
        let key = format!("container.seccomp.security.alpha.kubernetes.io/{name}");
        ann(new, &key) != ann(old, &key)
    };
    for f in ["containers", "initContainers"] {
        let (a, b) = (list(new, f), list(old, f));
        if a.len() != b.len() {
            return true;
        }
        if a.iter().zip(&b).any(|(c, oc)| container_changed(c, oc)) {
            return true;
        }
    }
    let (eph, old_eph) = (
        list(new, "ephemeralContainers"),
        list(old, "ephemeralContainers"),
    );
    for c in &eph {
        let name = c.get("name");
        match old_eph.iter().find(|oc| oc.get("name") == name) {
            None => return true,
            Some(oc) if container_changed(c, oc) => return true,
            Some(_) => {}
        }
    }
    false
}

/// The outcome of PSA for one request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PsaOutcome {
    /// The denial message (enforce violations), e.g. `violates PodSecurity "restricted:latest":
    /// ...`, without the `pods "x" is forbidden: ` prefix.
    pub deny: Option<String>,
    /// Warnings for the client.
    pub warnings: Vec<String>,
    /// Audit annotations (`enforce-policy`, `audit-violations`, `exempt`, `error`).
    pub annotations: BTreeMap<String, String>,
    /// Rule codes (PSS001...) of the checks that failed in any mode, for the audit annotation.
    pub codes: Vec<&'static str>,
}

/// PSA's forbidden detail: the failed checks in order, each with its messages.
pub fn forbidden_detail(violations: &[pss::Violation]) -> String {
    let mut by_check: BTreeMap<Check, Vec<&str>> = BTreeMap::new();
    for v in violations {
        let msgs = by_check.entry(v.check).or_default();
        if !msgs.contains(&v.message.as_str()) {
            msgs.push(&v.message);
        }
    }
    by_check
        .iter()
        .map(|(c, m)| format!("{} ({})", c.id(), m.join("; ")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What is reviewed: a pod (enforced) or a pod controller's template (audited and warned).
pub struct PodUnderReview<'a> {
    pub spec: &'a Map<String, Value>,
    pub meta: Option<&'a Map<String, Value>>,
    /// Pods are enforced; controllers are only audited and warned, as PSA does.
    pub enforce: bool,
}

/// Evaluate one pod (or template) under a namespace policy, as PSA's `EvaluatePod` does.
/// Exemptions by namespace and username are decided by the caller (they short-circuit before
/// the namespace is even looked up); the runtime-class exemption is decided here.
pub fn evaluate(
    cfg: &PsaConfig,
    ns: NsPolicy,
    ns_errors: &[String],
    pod: &PodUnderReview<'_>,
) -> PsaOutcome {
    let mut out = PsaOutcome::default();
    if let Some(rc) = pod.spec.get("runtimeClassName").and_then(Value::as_str)
        && cfg.exempt_runtime_classes.iter().any(|e| e == rc)
    {
        out.annotations
            .insert("exempt".into(), "runtimeClass".into());
        return out;
    }
    if !ns_errors.is_empty() {
        out.annotations.insert(
            "error".into(),
            format!(
                "Invalid PodSecurity policy labels: [{}]",
                ns_errors.join(", ")
            ),
        );
    }
    let mut cache: Vec<(PssPolicy, Vec<pss::Violation>)> = Vec::with_capacity(3);
    let mut eval = |p: PssPolicy| -> Vec<pss::Violation> {
        if let Some((_, v)) = cache.iter().find(|(q, _)| *q == p) {
            return v.clone();
        }
        let v = pss::evaluate(pod.spec, pod.meta, p);
        cache.push((p, v.clone()));
        v
    };
    let mut codes: Vec<&'static str> = Vec::new();
    let mut add_codes = |v: &[pss::Violation]| {
        for x in v {
            let c = x.check.rule().code;
            if !codes.contains(&c) {
                codes.push(c);
            }
        }
    };
    if pod.enforce {
        out.annotations
            .insert("enforce-policy".into(), psa_name(ns.enforce));
        let v = eval(ns.enforce);
        if !v.is_empty() {
            add_codes(&v);
            out.deny = Some(format!(
                "violates PodSecurity \"{}\": {}",
                psa_name(ns.enforce),
                forbidden_detail(&v)
            ));
        }
    }
    let v = eval(ns.audit);
    if !v.is_empty() {
        add_codes(&v);
        out.annotations.insert(
            "audit-violations".into(),
            format!(
                "would violate PodSecurity \"{}\": {}",
                psa_name(ns.audit),
                forbidden_detail(&v)
            ),
        );
    }
    if out.deny.is_none() {
        let v = eval(ns.warn);
        if !v.is_empty() {
            add_codes(&v);
            out.warnings.push(format!(
                "would violate PodSecurity \"{}\": {}",
                psa_name(ns.warn),
                forbidden_detail(&v)
            ));
        }
    }
    codes.sort_unstable();
    out.codes = codes;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (format!("{LABEL_PREFIX}{k}"), v.to_string()))
            .collect()
    }

    #[test]
    fn labels_select_policies_and_invalid_values_fail_closed() {
        let d = PsaConfig::default().defaults;
        let (p, e) = ns_policy(&labels(&[("enforce", "baseline")]), d);
        assert!(e.is_empty());
        assert_eq!(psa_name(p.enforce), "baseline:latest");
        assert_eq!(psa_name(p.warn), "privileged:latest");
        let (p, e) = ns_policy(
            &labels(&[("enforce", "restricted"), ("enforce-version", "v1.23")]),
            d,
        );
        assert!(e.is_empty());
        assert_eq!(psa_name(p.enforce), "restricted:v1.23");
        let (p, e) = ns_policy(
            &labels(&[("enforce", "strict"), ("warn-version", "1.30")]),
            d,
        );
        assert_eq!(psa_name(p.enforce), "restricted:latest");
        assert_eq!(psa_name(p.warn), "privileged:latest");
        assert_eq!(
            e,
            [
                "pod-security.kubernetes.io/enforce: Invalid value: \"strict\": must be one of privileged, baseline, restricted",
                "pod-security.kubernetes.io/warn-version: Invalid value: \"1.30\": must be \"latest\" or \"v1.x\""
            ]
        );
        // a version label without a level label keeps the default level
        let (p, _) = ns_policy(&labels(&[("audit-version", "v1.25")]), d);
        assert_eq!(psa_name(p.audit), "privileged:v1.25");
    }

    #[test]
    fn only_image_and_container_count_changes_are_significant() {
        let pod = |img: &str, label: &str| {
            serde_json::json!({"metadata": {"labels": {"a": label}},
                "spec": {"containers": [{"name": "c", "image": img}]}})
        };
        assert!(!significant_pod_update(&pod("a", "1"), &pod("a", "2")));
        assert!(significant_pod_update(&pod("b", "1"), &pod("a", "1")));
        let with_eph = serde_json::json!({"spec": {"containers": [{"name": "c", "image": "a"}],
            "ephemeralContainers": [{"name": "debug", "image": "busybox"}]}});
        assert!(significant_pod_update(&with_eph, &pod("a", "1")));
        assert!(!significant_pod_update(&with_eph, &with_eph));
    }
}
