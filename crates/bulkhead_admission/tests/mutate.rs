//! `/mutate`: the JSONPatch applies `check --fix`'s fixes of the opted-in codes; the patched
//! object passes those checks; a second round on it patches nothing (idempotent, so
//! `reinvocationPolicy: IfNeeded` is safe); codes not opted in are left alone; tags are pinned
//! to the digest the registry resolves (through a resolver here; the registry-backed one is in
//! tests/supply.rs).

mod support;

use base64::Engine as _;
use bulkhead_admission::images::ImageRef;
use bulkhead_admission::{DigestResolver, Endpoint, Engine, Policy};
use serde_json::{Value, json};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;
use support::create_review;

fn engine(cfg: &str) -> Engine {
    let c = bulkhead_config::parse(Path::new("bulkhead.toml"), cfg).unwrap();
    Engine::new(Policy::from_config(&c.admission, Path::new(".")).unwrap())
}

/// The patch of a /mutate answer applied to `obj` (or `obj` unchanged when there is none).
fn mutated(e: &Engine, obj: &Value) -> (Value, Option<Value>) {
    let body = serde_json::to_vec(&create_review("m", "default", obj)).unwrap();
    let out = e.review(&body, Endpoint::Mutate).unwrap();
    let v: Value = serde_json::from_slice(&out.body).unwrap();
    let resp = &v["response"];
    assert_eq!(resp["allowed"], true);
    let Some(p) = resp["patch"].as_str() else {
        assert!(resp.get("patchType").is_none());
        return (obj.clone(), None);
    };
    assert_eq!(resp["patchType"], "JSONPatch");
    let ops: Value =
        serde_json::from_slice(&base64::engine::general_purpose::STANDARD.decode(p).unwrap())
            .unwrap();
    let patch: json_patch::Patch = serde_json::from_value(ops.clone()).unwrap();
    let mut doc = obj.clone();
    json_patch::patch(&mut doc, &patch).unwrap();
    (doc, Some(ops))
}

fn pod() -> Value {
    json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
        "spec": {"containers": [{"name": "web", "image": "docker.io/library/nginx:1.27"}]}})
}

fn codes(e: &Engine, obj: &Value) -> Vec<String> {
    let body = serde_json::to_vec(&create_review("v", "default", obj)).unwrap();
    let v: Value =
        serde_json::from_slice(&e.review(&body, Endpoint::Validate).unwrap().body).unwrap();
    v["response"]["auditAnnotations"]["violations"]
        .as_str()
        .unwrap_or("")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn fixes_of_opted_in_codes_become_an_idempotent_patch() {
    let cfg = "[admission.pss]\nwarn = \"restricted\"\n[admission.hardening]\nselect = [\"KS001\", \"KS013\"]\n\
               [admission.mutation]\nfixes = [\"PSS014\", \"PSS017\", \"PSS018\", \"KS013\"]\n";
    let e = engine(cfg);
    let before = codes(&e, &pod());
    for c in ["PSS014", "PSS017", "PSS018", "KS013", "PSS015", "KS001"] {
        assert!(before.contains(&c.to_string()), "{c} not in {before:?}");
    }
    let (fixed, ops) = mutated(&e, &pod());
    let ops = ops.expect("a patch");
    assert!(!ops.as_array().unwrap().is_empty());
    let after = codes(&e, &fixed);
    for c in ["PSS014", "PSS017", "PSS018", "KS013"] {
        assert!(
            !after.contains(&c.to_string()),
            "{c} still in {after:?} after {ops}"
        );
    }
    // not opted in: still reported
    assert!(after.contains(&"PSS015".to_string()), "{after:?}");
    assert!(after.contains(&"KS001".to_string()), "{after:?}");
    assert_eq!(
        fixed["spec"]["containers"][0]["securityContext"]["allowPrivilegeEscalation"],
        false
    );
    assert_eq!(fixed["spec"]["automountServiceAccountToken"], false);
    // idempotent
    let (again, ops2) = mutated(&e, &fixed);
    assert_eq!(ops2, None);
    assert_eq!(again, fixed);
}

#[test]
fn nothing_opted_in_means_no_patch_and_unknown_codes_are_config_errors() {
    let (_, ops) = mutated(&engine(""), &pod());
    assert_eq!(ops, None);
    let c = bulkhead_config::parse(
        Path::new("b.toml"),
        "[admission.mutation]\nfixes = [\"KS021\"]\n",
    )
    .unwrap();
    let err = Policy::from_config(&c.admission, Path::new(".")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "[admission.mutation] fixes: unknown rule code `KS021`"
    );
}

struct Fixed;
impl DigestResolver for Fixed {
    fn resolve(&self, image: &ImageRef, _: Instant) -> Result<String, String> {
        match image.tag.as_deref() {
            Some("1.27") => Ok(format!("sha256:{}", "e".repeat(64))),
            _ => Err("manifest unknown".into()),
        }
    }
}

#[test]
fn tags_are_pinned_to_resolved_digests_once() {
    let e = engine("[admission.mutation]\npin-digests = true\n");
    e.supply.set_resolver(Arc::new(Fixed));
    let mut p = pod();
    p["spec"]["initContainers"] = json!([{"name": "init", "image": "busybox:nope"}]);
    let (pinned, ops) = mutated(&e, &p);
    assert_eq!(
        ops.unwrap(),
        json!([{"op": "replace", "path": "/spec/containers/0/image",
            "value": format!("docker.io/library/nginx:1.27@sha256:{}", "e".repeat(64))}])
    );
    assert_eq!(pinned["spec"]["initContainers"][0]["image"], "busybox:nope");
    let (_, again) = mutated(&e, &pinned);
    assert_eq!(again, None);
}
