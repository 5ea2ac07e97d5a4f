//! The decision engine: one AdmissionReview (v1, or v1beta1 from old clusters) in, one
//! AdmissionReview response out. Pure and synchronous apart from the image dependencies
//! (signature verifier, digest resolver), which get a deadline.
//!
//! Owns: which policy applies to which request (operations, subresources, pods vs pod
//! controllers vs other objects, exclusions), combining the policies' verdicts by mode into
//! one response (status, warnings of at most 120 characters, audit annotations with the rule
//! codes), learning namespace labels from reviewed Namespaces (never on dry runs), and the
//! metrics of the decisions. PSA semantics are in [`crate::psa`], image references in
//! [`crate::images`], external checks in [`crate::supply`], patches in [`crate::mutate`].

use crate::images::ImageRef;
use crate::metrics::{Metrics, Verdict};
use crate::policy::Policy;
use crate::psa::{self, PodUnderReview};
use crate::supply::{Supply, SupplyVerdict};
use bulkhead_config::admission::{FailurePolicy, PolicyMode};
use bulkhead_diagnostics::RuleMeta;
use kube_core::DynamicObject;
use kube_core::admission::{AdmissionRequest, AdmissionResponse, Operation};
use kube_core::response::StatusSummary;
use serde::Deserialize as _;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::RwLock;
use std::time::Instant;

/// Most characters of one warning, as the API documentation asks.
pub const MAX_WARNING: usize = 120;

/// Which endpoint a review came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `/validate`: decide.
    Validate,
    /// `/mutate`: patch (never denies for policy reasons).
    Mutate,
}

/// A request body that is not a usable AdmissionReview (answered with HTTP 400).
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("malformed AdmissionReview: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "expected kind AdmissionReview with apiVersion admission.k8s.io/v1 or v1beta1, got kind `{kind}` apiVersion `{api_version}`"
    )]
    NotAReview { kind: String, api_version: String },
    #[error("AdmissionReview has no request")]
    NoRequest,
    #[error("{0} is neither an object nor null")]
    NotAnObject(String),
}

/// The request's objects, as JSON (the mutating endpoint reads the new one only).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Objects<'a> {
    pub object: Option<&'a Value>,
}

/// The answer to one review.
#[derive(Debug, Clone)]
pub struct Reviewed {
    /// The AdmissionReview response, JSON.
    pub body: Vec<u8>,
    pub verdict: Verdict,
}

/// One finding of one policy, before modes are applied.
struct Hit {
    rule: &'static RuleMeta,
    message: String,
    /// Denies in enforce mode.
    blocking: bool,
    mode: PolicyMode,
}

/// The engine: a compiled policy, the namespace labels it knows, the image dependencies.
pub struct Engine {
    pub policy: Policy,
    learned: RwLock<HashMap<String, BTreeMap<String, String>>>,
    pub supply: Supply,
    pub metrics: Metrics,
}

impl Engine {
    /// An engine verifying signatures with `bulkhead_sign` and resolving tags through the
    /// registry client (replace them with [`Supply::set_verifier`] / [`Supply::set_resolver`]).
    pub fn new(policy: Policy) -> Engine {
        let supply = Supply::new(&policy);
        let insecure = policy.signatures.insecure_registries.clone();
        supply.set_verifier(std::sync::Arc::new(crate::registry::CosignVerifier {
            insecure_registries: insecure.clone(),
        }));
        supply.set_resolver(std::sync::Arc::new(crate::registry::RegistryResolver {
            insecure_registries: insecure,
        }));
        Engine {
            policy,
            learned: RwLock::new(HashMap::new()),
            supply,
            metrics: Metrics::default(),
        }
    }

    /// Whether answering may wait on a dependency (then the server runs reviews off the I/O
    /// threads).
    pub fn may_block(&self) -> bool {
        !self.policy.signatures.rules.is_empty() || self.policy.mutation.pin_digests
    }

    /// The labels of a namespace: learned from a reviewed Namespace object, else configured.
    pub fn namespace_labels(&self, ns: &str) -> BTreeMap<String, String> {
        if let Ok(l) = self.learned.read()
            && let Some(x) = l.get(ns)
        {
            return x.clone();
        }
        self.policy.namespaces.get(ns).cloned().unwrap_or_default()
    }

    /// Review one request body.
    pub fn review(&self, body: &[u8], endpoint: Endpoint) -> Result<Reviewed, ReviewError> {
        let start = Instant::now();
        self.counted(start, self.review_inner(body, endpoint, start))
    }

    /// [`Engine::review`] when the caches answer it, without waiting on a registry; `None`
    /// when a signature or a tag's digest is not cached (nothing is counted then: run
    /// [`Engine::review`], off the I/O threads when [`Engine::may_block`]).
    pub fn review_cached(
        &self,
        body: &[u8],
        endpoint: Endpoint,
    ) -> Option<Result<Reviewed, ReviewError>> {
        let start = Instant::now();
        let out = crate::supply::cached_only(|| self.review_inner(body, endpoint, start))?;
        Some(self.counted(start, out))
    }

    /// `out`, counted in the metrics.
    fn counted(
        &self,
        start: Instant,
        out: Result<Reviewed, ReviewError>,
    ) -> Result<Reviewed, ReviewError> {
        match &out {
            Ok(r) => self.metrics.record(r.verdict, start.elapsed()),
            Err(_) => self.metrics.record(Verdict::Invalid, start.elapsed()),
        }
        out
    }

    fn review_inner(
        &self,
        body: &[u8],
        endpoint: Endpoint,
        start: Instant,
    ) -> Result<Reviewed, ReviewError> {
        // One pass over the body: the envelope into kube-core's request fields and the object
        // into the value the policies read. Validation reads neither `status` nor
        // `metadata.managedFields` (the API server's bookkeeping, a fifth of a typical Pod),
        // so they are not even built; a patch is a diff of the whole object, read again.
        let env: Envelope = serde_json::from_slice(body)?;
        if env.kind != "AdmissionReview"
            || !matches!(
                env.api_version.as_str(),
                "admission.k8s.io/v1" | "admission.k8s.io/v1beta1"
            )
        {
            return Err(ReviewError::NotAReview {
                kind: env.kind,
                api_version: env.api_version,
            });
        }
        let Some(fields) = env.request else {
            return Err(ReviewError::NoRequest);
        };
        let slot = |s: Slot, what: &str| match s {
            Slot::Null => Ok(None),
            Slot::Object(v) => Ok(Some(v)),
            Slot::Other => Err(ReviewError::NotAnObject(what.into())),
        };
        let mut object = slot(fields.object, "request.object")?;
        let old = slot(fields.old_object, "request.oldObject")?;
        if endpoint == Endpoint::Mutate && object.is_some() {
            let full: FullObject<'_> = serde_json::from_slice(body)?;
            object = match full.request.and_then(|r| r.object) {
                Some(raw) => Some(serde_json::from_str(raw.get())?),
                None => None,
            };
        }
        let req = AdmissionRequest::<DynamicObject> {
            types: kube_core::TypeMeta {
                api_version: env.api_version,
                kind: env.kind,
            },
            uid: fields.uid,
            kind: fields.kind,
            resource: fields.resource,
            sub_resource: fields.sub_resource,
            request_kind: fields.request_kind,
            request_resource: fields.request_resource,
            request_sub_resource: fields.request_sub_resource,
            name: fields.name,
            namespace: fields.namespace,
            operation: fields.operation,
            user_info: fields.user_info,
            object: None,
            old_object: None,
            dry_run: fields.dry_run,
            options: fields.options,
        };
        let mut resp = AdmissionResponse::from(&req);
        let verdict = match endpoint {
            Endpoint::Validate => self.validate(&req, object, old.as_ref(), &mut resp, start),
            Endpoint::Mutate => crate::mutate::mutate(
                self,
                &req,
                Objects {
                    object: object.as_ref(),
                },
                &mut resp,
                start,
            ),
        };
        Ok(Reviewed {
            body: render(resp),
            verdict,
        })
    }

    fn validate(
        &self,
        req: &AdmissionRequest<DynamicObject>,
        object: Option<Value>,
        old: Option<&Value>,
        resp: &mut AdmissionResponse,
        start: Instant,
    ) -> Verdict {
        if matches!(req.operation, Operation::Delete | Operation::Connect) {
            return Verdict::Allowed;
        }
        let ns = req.namespace.as_deref().unwrap_or("");
        if !ns.is_empty() && self.policy.exclude_namespaces.iter().any(|e| e == ns) {
            return Verdict::Allowed;
        }
        let Some(obj) = object else {
            return Verdict::Allowed;
        };
        let sub = req.sub_resource.as_deref().unwrap_or("");
        let is_core = req.kind.group.is_empty();
        if is_core && req.kind.kind == "Namespace" && sub.is_empty() {
            return self.namespace(req, &obj, resp);
        }
        let is_pod = is_core && req.kind.kind == "Pod";
        if is_pod && !psa::evaluated_pod_subresource(sub) || !is_pod && !sub.is_empty() {
            return Verdict::Allowed;
        }
        if is_pod
            && sub.is_empty()
            && matches!(req.operation, Operation::Update)
            && let Some(old) = old
            && !psa::significant_pod_update(&obj, old)
        {
            return Verdict::Allowed;
        }

        let mut hits: Vec<Hit> = Vec::new();
        let mut warnings: Vec<String> = Vec::new();
        let mut annotations: BTreeMap<String, String> = BTreeMap::new();
        let mut deny_parts: Vec<String> = Vec::new();
        let mut codes: Vec<&'static str> = Vec::new();

        let pod = bulkhead_k8s::workload::pod_spec(&obj, &self.policy.k8s.pod_spec_paths);
        // Pod Security Standards, as PSA.
        if let Some(ps) = &pod {
            let user = req.user_info.username.as_deref().unwrap_or("");
            let psa = &self.policy.psa;
            if psa.exempt_namespaces.iter().any(|e| e == ns) {
                annotations.insert("exempt".into(), "namespace".into());
            } else if psa.exempt_usernames.iter().any(|e| e == user) {
                annotations.insert("exempt".into(), "user".into());
            } else {
                let labels = self.namespace_labels(ns);
                let (nsp, errs) = psa::ns_policy(&labels, psa.defaults);
                let skip = errs.is_empty()
                    && if is_pod {
                        nsp.fully_privileged()
                    } else {
                        nsp.audit.level == bulkhead_k8s::PssLevel::Privileged
                            && nsp.warn.level == bulkhead_k8s::PssLevel::Privileged
                    };
                if !skip {
                    let out = psa::evaluate(
                        psa,
                        nsp,
                        &errs,
                        &PodUnderReview {
                            spec: ps.spec,
                            meta: ps.meta,
                            enforce: is_pod,
                        },
                    );
                    if let Some(d) = out.deny {
                        deny_parts.push(d);
                    }
                    warnings.extend(out.warnings);
                    annotations.extend(out.annotations);
                    codes.extend(out.codes);
                }
            }
        }
        let images = pod
            .as_ref()
            .map(|ps| images_of(ps.spec))
            .unwrap_or_default();
        // The name a denial names (read now: the hardening engine takes the object).
        let name = if req.name.is_empty() {
            obj.pointer("/metadata/generateName")
                .or_else(|| obj.pointer("/metadata/name"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        } else {
            String::new()
        };
        drop(pod);
        // Hardening rules, the same engine as `bulkhead check`.
        self.hardening(obj, &mut hits);
        // Images.
        let deadline = start + self.policy.timeout;
        for image in &images {
            self.image_hits(image, deadline, &mut hits);
        }

        let mut audit_only: Vec<String> = Vec::new();
        for h in &hits {
            if !codes.contains(&h.rule.code) {
                codes.push(h.rule.code);
            }
            let line = format!("{}: {}", h.rule.code, h.message);
            match h.mode {
                PolicyMode::Enforce if h.blocking => deny_parts.push(line),
                PolicyMode::Enforce | PolicyMode::Warn => warnings.push(short(&line)),
                PolicyMode::Audit => audit_only.push(line),
            }
        }
        if !audit_only.is_empty() {
            annotations.insert("audit-findings".into(), audit_only.join("; "));
        }
        if !codes.is_empty() {
            codes.sort_unstable();
            codes.dedup();
            annotations.insert("violations".into(), codes.join(","));
        }
        dedup_in_order(&mut warnings);
        resp.audit_annotations = annotations.into_iter().collect();
        if !deny_parts.is_empty() {
            let resource = if req.resource.resource.is_empty() {
                req.kind.kind.to_ascii_lowercase()
            } else {
                req.resource.resource.clone()
            };
            let name = if req.name.is_empty() {
                name
            } else {
                req.name.clone()
            };
            forbid(
                resp,
                format!(
                    "{resource} \"{name}\" is forbidden: {}",
                    deny_parts.join("; ")
                ),
            );
            // no warnings on a request that is rejected (PSA does the same)
            return Verdict::Denied;
        }
        if warnings.is_empty() {
            Verdict::Allowed
        } else {
            resp.warnings = Some(warnings);
            Verdict::Warned
        }
    }

    /// A Namespace: PSA's label validation, and the labels learned for later pods (not on
    /// dry runs, which must have no side effects).
    fn namespace(
        &self,
        req: &AdmissionRequest<DynamicObject>,
        obj: &Value,
        resp: &mut AdmissionResponse,
    ) -> Verdict {
        let labels: BTreeMap<String, String> = obj
            .pointer("/metadata/labels")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                    .collect()
            })
            .unwrap_or_default();
        let (_, errs) = psa::ns_policy(&labels, self.policy.psa.defaults);
        if !errs.is_empty() {
            resp.allowed = false;
            resp.result.status = Some(StatusSummary::Failure);
            resp.result.code = 422;
            resp.result.reason = "Invalid".into();
            resp.result.message = format!(
                "namespaces \"{}\" is invalid: {}",
                req.name,
                errs.join(", ")
            );
            return Verdict::Denied;
        }
        if !req.dry_run
            && let Ok(mut l) = self.learned.write()
        {
            l.insert(req.name.clone(), labels);
        }
        Verdict::Allowed
    }

    /// `obj` is the object as validation parses it (without `status` and
    /// `metadata.managedFields`, which no rule reads).
    fn hardening(&self, obj: Value, hits: &mut Vec<Hit>) {
        let h = &self.policy.hardening;
        // The object as a value (no text round trip); the Pod Security Standards are not run
        // there (they are PSA's, evaluated once in `psa`), nor the suppression findings' BH
        // rules.
        let outcome =
            bulkhead_k8s::check_value_selected("admission.json", obj, &self.policy.k8s, &|r| {
                !r.code.starts_with("PSS") && !r.code.starts_with("BH")
            });
        // Selection, then the object's own suppressions (`bulkhead.dev/ignore` and the peers'
        // annotations) exactly as `bulkhead check` applies them, so that what CI accepts is
        // admitted. PSS findings are PSA's (which honours no annotation); BH findings are
        // about how a file is written, not what the workload does; an unused suppression is
        // not reported here (`active` is false).
        let selected: Vec<_> = outcome
            .findings
            .into_iter()
            .filter(|f| {
                !f.rule.code.starts_with("PSS")
                    && !f.rule.code.starts_with("BH")
                    && h.selection.is_enabled(f.rule)
            })
            .collect();
        let (kept, _suppressed) = bulkhead_diagnostics::apply_suppressions(
            "admission.json",
            selected,
            &outcome.suppressions,
            &|_| false,
        );
        for f in kept {
            let message = match &f.container {
                Some(c) if !f.message.contains(c.as_str()) => {
                    format!("container \"{c}\": {}", f.message)
                }
                _ => f.message,
            };
            hits.push(Hit {
                rule: f.rule,
                message,
                blocking: f.severity >= h.fail_on,
                mode: h.mode,
            });
        }
    }

    fn image_hits(&self, image: &str, deadline: Instant, hits: &mut Vec<Hit>) {
        let p = &self.policy.images;
        let Some(r) = ImageRef::parse(image) else {
            hits.push(Hit {
                rule: &crate::rules::REGISTRY_NOT_ALLOWED,
                message: format!("image \"{image}\" is not a valid reference"),
                blocking: true,
                mode: p.mode,
            });
            return;
        };
        if !p.allowed.is_empty() && !p.allowed.matches(&r) {
            hits.push(Hit {
                rule: &crate::rules::REGISTRY_NOT_ALLOWED,
                message: format!("image \"{image}\" is not in an allowed registry"),
                blocking: true,
                mode: p.mode,
            });
        }
        if p.require_digest && !r.has_valid_digest() {
            hits.push(Hit {
                rule: &crate::rules::DIGEST_REQUIRED,
                message: format!("image \"{image}\" is not pinned by digest"),
                blocking: true,
                mode: p.mode,
            });
        }
        for v in self.supply.check(&self.policy, &r, deadline) {
            let (rule, message, blocking, mode) = match v {
                SupplyVerdict::Unsigned(m) => (
                    &crate::rules::SIGNATURE_MISSING,
                    m,
                    true,
                    self.policy.signatures.mode,
                ),
                SupplyVerdict::Vulnerable(m, mode) => {
                    (&crate::rules::VULNERABLE_IMAGE, m, true, mode)
                }
                SupplyVerdict::Unknown(m, mode, blocking) => {
                    (&crate::rules::VULNERABLE_IMAGE, m, blocking, mode)
                }
                SupplyVerdict::Unavailable(m, fp) => (
                    &crate::rules::DEPENDENCY_UNAVAILABLE,
                    m,
                    fp == FailurePolicy::Fail,
                    PolicyMode::Enforce,
                ),
            };
            hits.push(Hit {
                rule,
                message,
                blocking,
                mode,
            });
        }
    }
}

/// Parses an object as a value without `status` (top level) and `metadata.managedFields`:
/// the API server's bookkeeping, read by no validation rule, neither built nor freed.
/// Otherwise the value `serde_json` gives (key order, a repeated key's last value in its
/// first place). `top`: the object itself, else its `metadata`.
struct Trimmed {
    top: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for Trimmed {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Trimmed {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        while let Some(k) = a.next_key::<String>()? {
            match (self.top, k.as_str()) {
                (true, "status") | (false, "managedFields") => {
                    a.next_value::<serde::de::IgnoredAny>()?;
                }
                (true, "metadata") => {
                    let v = a.next_value_seed(Trimmed { top: false })?;
                    m.insert(k, v);
                }
                _ => {
                    let v = a.next_value::<Value>()?;
                    m.insert(k, v);
                }
            }
        }
        Ok(Value::Object(m))
    }

    // A `metadata` that is not an object: the value as it is.
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, a: A) -> Result<Value, A::Error> {
        Value::deserialize(serde::de::value::SeqAccessDeserializer::new(a))
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
}

/// An AdmissionReview: kube-core's envelope (without the `flatten` that buffers the whole
/// request before reading it).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    api_version: String,
    kind: String,
    #[serde(default)]
    request: Option<RequestFields>,
}

/// kube-core's `AdmissionRequest` fields (same names, same defaults), with the objects read
/// as [`Slot`]s.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct RequestFields {
    uid: String,
    kind: kube_core::gvk::GroupVersionKind,
    resource: kube_core::gvk::GroupVersionResource,
    #[serde(default)]
    sub_resource: Option<String>,
    #[serde(default)]
    request_kind: Option<kube_core::gvk::GroupVersionKind>,
    #[serde(default)]
    request_resource: Option<kube_core::gvk::GroupVersionResource>,
    #[serde(default)]
    request_sub_resource: Option<String>,
    #[serde(default)]
    name: String,
    #[serde(default)]
    namespace: Option<String>,
    operation: Operation,
    user_info: k8s_openapi::api::authentication::v1::UserInfo,
    #[serde(default)]
    object: Slot,
    #[serde(default)]
    old_object: Slot,
    #[serde(default)]
    dry_run: bool,
    #[serde(default)]
    options: Option<k8s_openapi::apimachinery::pkg::runtime::RawExtension>,
}

/// `request.object` or `request.oldObject` as validation reads it: an object (trimmed, see
/// [`Trimmed`]), null (or absent), or something else (an invalid review, said after the
/// parse).
#[derive(Default)]
enum Slot {
    #[default]
    Null,
    Object(Value),
    Other,
}

impl<'de> serde::Deserialize<'de> for Slot {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Slot, D::Error> {
        d.deserialize_any(SlotVisitor)
    }
}

struct SlotVisitor;

impl<'de> serde::de::Visitor<'de> for SlotVisitor {
    type Value = Slot;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object or null")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, a: A) -> Result<Slot, A::Error> {
        serde::de::Visitor::visit_map(Trimmed { top: true }, a).map(Slot::Object)
    }
    fn visit_unit<E>(self) -> Result<Slot, E> {
        Ok(Slot::Null)
    }
    fn visit_none<E>(self) -> Result<Slot, E> {
        Ok(Slot::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Slot, A::Error> {
        while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(Slot::Other)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Slot, E> {
        Ok(Slot::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Slot, E> {
        Ok(Slot::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Slot, E> {
        Ok(Slot::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Slot, E> {
        Ok(Slot::Other)
    }
    fn visit_str<E>(self, _: &str) -> Result<Slot, E> {
        Ok(Slot::Other)
    }
}

/// The object of a review, raw (the mutating endpoint's second read: the whole object).
#[derive(serde::Deserialize)]
struct FullObject<'a> {
    #[serde(borrow, default)]
    request: Option<FullRequest<'a>>,
}

#[derive(serde::Deserialize)]
struct FullRequest<'a> {
    #[serde(borrow, default)]
    object: Option<&'a RawValue>,
}

/// Every image of a pod spec (containers, init containers, ephemeral containers), in order,
/// without duplicates.
pub fn images_of(spec: &Map<String, Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in ["initContainers", "containers", "ephemeralContainers"] {
        if let Some(cs) = spec.get(f).and_then(Value::as_array) {
            for c in cs {
                if let Some(i) = c.get("image").and_then(Value::as_str)
                    && !out.iter().any(|x| x == i)
                {
                    out.push(i.to_string());
                }
            }
        }
    }
    out
}

fn dedup_in_order(v: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|w| seen.insert(w.clone()));
}

/// Shorten a warning to [`MAX_WARNING`] characters (an ellipsis marks the cut).
pub fn short(s: &str) -> String {
    if s.chars().count() <= MAX_WARNING {
        return s.to_string();
    }
    let mut out: String = s.chars().take(MAX_WARNING - 1).collect();
    out.push('…');
    out
}

fn forbid(resp: &mut AdmissionResponse, message: String) {
    resp.allowed = false;
    resp.result.status = Some(StatusSummary::Failure);
    resp.result.code = 403;
    resp.result.reason = "Forbidden".into();
    resp.result.message = message;
}

/// Serialise the response review with its audit annotations in key order (deterministic):
/// kube-core's `AdmissionReview` field for field (`apiVersion`, `kind`, `response` with `uid`,
/// `allowed`, `status`, `patch`, `patchType`, `auditAnnotations`, `warnings`), written
/// directly, and the patch bytes as a base64 string (kube-core writes an array of numbers;
/// the API's `[]byte` is canonically base64, which is what the API server's own clients send).
fn render(resp: AdmissionResponse) -> Vec<u8> {
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Review<'a> {
        api_version: &'a str,
        kind: &'a str,
        response: Response<'a>,
    }
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Response<'a> {
        uid: &'a str,
        allowed: bool,
        status: &'a kube_core::response::Status,
        #[serde(skip_serializing_if = "Option::is_none")]
        patch: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        patch_type: Option<&'static str>,
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        audit_annotations: BTreeMap<&'a str, &'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        warnings: Option<&'a Vec<String>>,
    }
    use base64::Engine as _;
    let review = Review {
        api_version: &resp.types.api_version,
        kind: &resp.types.kind,
        response: Response {
            uid: &resp.uid,
            allowed: resp.allowed,
            status: &resp.result,
            patch: resp
                .patch
                .as_ref()
                .map(|p| base64::engine::general_purpose::STANDARD.encode(p)),
            // `with_patch` sets both (the only patch type there is)
            patch_type: resp.patch.as_ref().map(|_| "JSONPatch"),
            audit_annotations: resp
                .audit_annotations
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect(),
            warnings: resp.warnings.as_ref(),
        },
    };
    serde_json::to_vec(&review).unwrap_or_default()
}

/// The review of a body that is not an AdmissionReview, as a response review (for `review`
/// offline; the server answers such bodies with HTTP 400).
pub fn invalid_review(message: &str) -> Vec<u8> {
    render(AdmissionResponse::invalid(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How responses were rendered before: kube-core's review through a `Value`.
    fn render_via_value(resp: AdmissionResponse) -> Vec<u8> {
        let mut v = serde_json::to_value(resp.into_review()).unwrap();
        if let Some(p) = v.pointer_mut("/response/patch") {
            let bytes: Vec<u8> = p
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b.as_u64().unwrap() as u8)
                .collect();
            use base64::Engine as _;
            *p = Value::String(base64::engine::general_purpose::STANDARD.encode(bytes));
        }
        if let Some(a) = v
            .pointer_mut("/response/auditAnnotations")
            .and_then(Value::as_object_mut)
        {
            a.sort_keys();
        }
        serde_json::to_vec(&v).unwrap()
    }

    #[test]
    fn responses_are_written_as_kube_core_writes_them() {
        let req: AdmissionRequest<DynamicObject> = {
            let review: kube_core::admission::AdmissionReview<DynamicObject> =
                serde_json::from_str(r#"{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{"uid":"u-1","kind":{"group":"","version":"v1","kind":"Pod"},"resource":{"group":"","version":"v1","resource":"pods"},"operation":"CREATE","userInfo":{}}}"#).unwrap();
            review.try_into().unwrap()
        };
        let plain = AdmissionResponse::from(&req);
        let mut denied = AdmissionResponse::from(&req);
        forbid(
            &mut denied,
            "pods \"p\" is forbidden: \"quoted\" – é".into(),
        );
        denied.audit_annotations = [("violations", "KS001,PSS002"), ("b", "2"), ("a", "1")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut warned = AdmissionResponse::from(&req);
        warned.warnings = Some(vec!["KS033: w".into(), "x\ny".into()]);
        warned.audit_annotations = [("z".to_string(), "".to_string())].into_iter().collect();
        let patched = AdmissionResponse::from(&req)
            .with_patch(json_patch::Patch(vec![]))
            .unwrap();
        let invalid = AdmissionResponse::invalid("malformed: \u{1}");
        for r in [plain, denied, warned, patched, invalid] {
            assert_eq!(
                String::from_utf8(render(r.clone())).unwrap(),
                String::from_utf8(render_via_value(r)).unwrap()
            );
        }
    }

    /// What validation used to build: the whole value, then a copy without `status` and
    /// `metadata.managedFields`.
    fn trimmed_copy(raw: &str) -> Value {
        let mut v: Value = serde_json::from_str(raw).unwrap();
        if let Value::Object(m) = &mut v {
            m.shift_remove("status");
            if let Some(Value::Object(meta)) = m.get_mut("metadata") {
                meta.shift_remove("managedFields");
            }
        }
        v
    }

    #[test]
    fn an_object_is_read_as_the_value_without_bookkeeping() {
        for raw in [
            r#"{"kind":"Pod","metadata":{"name":"a","managedFields":[{"manager":"m"}],"labels":{"x":"y"}},"spec":{"status":1,"managedFields":2},"status":{"phase":"Running"}}"#,
            // repeated keys: the last value, in the first key's place
            r#"{"metadata":{"name":"a"},"kind":"Pod","metadata":{"managedFields":[],"name":"b"},"status":{},"status":null}"#,
            r#"{"metadata":{"managedFields":1,"managedFields":2,"name":"n"},"managedFields":[1]}"#,
            // a metadata that is not an object stays what it is
            r#"{"metadata":"x","status":1}"#,
            r#"{"metadata":[{"managedFields":1},2,"three",null,true,1.5]}"#,
            r#"{"metadata":null}"#,
            r#"{"metadata":-9223372036854775808,"n":18446744073709551615,"f":-0.0,"e":1e-7}"#,
            r#"{"s":"é – 日本 \ud83d\ude00 \"q\" \\ \n\t\u0001/\u007f"}"#,
            r#"{}"#,
        ] {
            let Slot::Object(v) = serde_json::from_str::<Slot>(raw).unwrap() else {
                panic!("{raw}: not read as an object");
            };
            assert_eq!(v, trimmed_copy(raw), "{raw}");
            // key order too (the engine's text and positions follow it)
            assert_eq!(
                serde_json::to_string(&v).unwrap(),
                serde_json::to_string(&trimmed_copy(raw)).unwrap(),
                "{raw}"
            );
        }
        for (raw, null) in [
            ("null", true),
            ("\"pod\"", false),
            ("[1,{}]", false),
            ("3", false),
            ("true", false),
        ] {
            let s = serde_json::from_str::<Slot>(raw).unwrap();
            assert_eq!(matches!(s, Slot::Null), null, "{raw}");
            assert_eq!(matches!(s, Slot::Other), !null, "{raw}");
        }
        assert!(serde_json::from_str::<Slot>(r#"{"a":}"#).is_err());
    }
}
