//! The mutating endpoint: a JSONPatch built from the very fixes `bulkhead check --fix`
//! applies (each opted in by rule code), and tags pinned to the digests the registry serves.
//!
//! Owns: running the fixes to a fixed point on the object's JSON text (loaded from the value
//! itself, not parsed), reading the edited text back, pinning images, and diffing the two
//! objects into RFC 6902 operations. Idempotent: a patched object has nothing left to fix, so
//! `reinvocationPolicy: IfNeeded` is safe.

use crate::engine::Engine;
use crate::images::ImageRef;
use crate::metrics::Verdict;
use bulkhead_diagnostics::{FixKind, apply_fixes};
use kube_core::DynamicObject;
use kube_core::admission::{AdmissionRequest, AdmissionResponse, Operation};
use serde_json::Value;
use std::time::Instant;

/// Whether `code` names a Kubernetes rule that has a fix.
pub fn fixable(code: &str) -> bool {
    bulkhead_k8s::RULES
        .iter()
        .any(|r| r.code == code && r.fix != FixKind::None)
}

/// The object after the opted-in fixes (to a fixed point, at most 8 rounds), or `None` when
/// nothing changed.
pub fn fixed_object(
    obj: &Value,
    codes: &[String],
    settings: &bulkhead_k8s::Settings,
) -> Option<Value> {
    if codes.is_empty() {
        return None;
    }
    // The object as loaded from its pretty JSON, without parsing it (the fixes edit that text).
    let (mut text, mut loaded) = bulkhead_k8s::value::load_value("admission.json", obj.clone());
    let mut changed = false;
    for _ in 0..8 {
        let outcome = bulkhead_k8s::check_loaded("admission.json", &text, &loaded, settings);
        let fixes: Vec<_> = outcome
            .findings
            .iter()
            .filter(|f| codes.iter().any(|c| c == f.rule.code))
            .filter_map(|f| f.fix.as_ref())
            .collect();
        if fixes.is_empty() {
            break;
        }
        let out = apply_fixes(&text, fixes);
        if out.applied == 0 || out.text == text {
            break;
        }
        // normalise back to JSON so the next round's edits are JSON edits
        let edited = bulkhead_k8s::load("admission.json", &out.text);
        let v = edited.docs.into_iter().next()?.value;
        (text, loaded) = bulkhead_k8s::value::load_value("admission.json", v);
        changed = true;
    }
    if !changed {
        return None;
    }
    loaded.docs.into_iter().next().map(|d| d.value)
}

/// Answer `/mutate`.
pub(crate) fn mutate(
    engine: &Engine,
    req: &AdmissionRequest<DynamicObject>,
    objects: crate::engine::Objects<'_>,
    resp: &mut AdmissionResponse,
    start: Instant,
) -> Verdict {
    let p = &engine.policy;
    if !matches!(req.operation, Operation::Create | Operation::Update)
        || req.sub_resource.as_deref().is_some_and(|s| !s.is_empty())
    {
        return Verdict::Allowed;
    }
    let ns = req.namespace.as_deref().unwrap_or("");
    if p.exclude_namespaces.iter().any(|e| e == ns) {
        return Verdict::Allowed;
    }
    let Some(obj) = objects.object.cloned() else {
        return Verdict::Allowed;
    };
    let is_pod = req.kind.group.is_empty() && req.kind.kind == "Pod";
    // a running pod's spec is immutable but for images: patch pods on creation only
    if is_pod && matches!(req.operation, Operation::Update) {
        return Verdict::Allowed;
    }
    let mut new = fixed_object(&obj, &p.mutation.fixes, &p.k8s).unwrap_or_else(|| obj.clone());
    let mut warnings = Vec::new();
    if p.mutation.pin_digests {
        let deadline = start + p.timeout;
        let ptrs = container_image_pointers(&new, &p.k8s);
        for (ptr, image) in ptrs {
            let Some(r) = ImageRef::parse(&image) else {
                continue;
            };
            if r.digest.is_some() {
                continue;
            }
            match engine.supply.digest(&r, deadline) {
                Ok(d) => {
                    if let Some(slot) = new.pointer_mut(&ptr) {
                        *slot = Value::String(format!("{image}@{d}"));
                    }
                }
                Err(e) => warnings.push(crate::engine::short(&format!(
                    "ADM002: \"{image}\" not pinned: {e}"
                ))),
            }
        }
    }
    let patch = json_patch::diff(&obj, &new);
    if !patch.0.is_empty() {
        let taken = std::mem::replace(resp, AdmissionResponse::invalid(""));
        match taken.clone().with_patch(patch) {
            Ok(r) => *resp = r,
            Err(_) => *resp = taken,
        }
    }
    if warnings.is_empty() {
        Verdict::Allowed
    } else {
        resp.warnings = Some(warnings);
        Verdict::Warned
    }
}

/// JSON pointers of every container `image` of the object's pod spec, with the image.
fn container_image_pointers(
    obj: &Value,
    settings: &bulkhead_k8s::Settings,
) -> Vec<(String, String)> {
    let Some(ps) = bulkhead_k8s::workload::pod_spec(obj, &settings.pod_spec_paths) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for f in ["initContainers", "containers", "ephemeralContainers"] {
        if let Some(cs) = ps.spec.get(f).and_then(Value::as_array) {
            for (i, c) in cs.iter().enumerate() {
                if let Some(img) = c.get("image").and_then(Value::as_str) {
                    out.push((format!("{}/{f}/{i}/image", ps.spec_ptr), img.to_string()));
                }
            }
        }
    }
    out
}
