//! Label selectors (`matchLabels` and `matchExpressions`, as in `metav1.LabelSelector`)
//! evaluated against a label map, with the place of the first requirement that fails.
//!
//! Owns: selector semantics only (In, NotIn, Exists, DoesNotExist; the requirements are
//! ANDed). Used by the workload-selector rule (KS051) and the anti-affinity rule (KS052).
//! Values that look templated (`{{ }}`, `${}`, `<...>`) are assumed to match: a check must not
//! speak about text it cannot evaluate.

use serde_json::{Map, Value};

/// Whether a label key or value is a placeholder of a templating tool.
pub(crate) fn templated(s: &str) -> bool {
    s.contains("{{") || s.contains("${") || s.contains('<') || s.starts_with('$')
}

/// The first requirement of a selector that `labels` does not satisfy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unmet<'a> {
    /// JSON pointer of the requirement relative to the selector (`/matchLabels/app`,
    /// `/matchExpressions/0`).
    pub rel_ptr: String,
    /// The requirement as text (`app=web`, `tier in (a,b)`).
    pub requirement: String,
    /// The pod's value of the key, if any.
    pub actual: Option<&'a str>,
}

fn value_str(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Whether two label values are equal, reading YAML numbers and booleans as their text
/// (`version: 2` in a selector and `version: "2"` in a template are the same label).
fn same(sel: &Value, label: Option<&Value>) -> bool {
    match (sel, label) {
        (a, Some(b)) if a == b => true,
        (a, Some(b)) => value_str(a).is_some() && value_str(a) == value_str(b),
        _ => false,
    }
}

/// Evaluate `selector` (a `LabelSelector` object) against `labels`. `None` when every
/// requirement is met (or cannot be evaluated: templated keys or values, unknown operators).
pub(crate) fn first_unmet<'a>(
    selector: &Map<String, Value>,
    labels: Option<&'a Map<String, Value>>,
) -> Option<Unmet<'a>> {
    let get = |k: &str| labels.and_then(|l| l.get(k));
    if let Some(Value::Object(ml)) = selector.get("matchLabels") {
        for (k, v) in ml {
            let have = get(k);
            if templated(k) || v.as_str().is_some_and(templated) {
                continue;
            }
            if have.and_then(Value::as_str).is_some_and(templated) {
                continue;
            }
            if !same(v, have) {
                return Some(Unmet {
                    rel_ptr: format!("/matchLabels/{}", crate::loader::escape_segment(k.as_str())),
                    requirement: format!("{k}={}", value_str(v).unwrap_or_default()),
                    actual: have.and_then(Value::as_str),
                });
            }
        }
    }
    if let Some(Value::Array(exprs)) = selector.get("matchExpressions") {
        for (i, e) in exprs.iter().enumerate() {
            let key = e.get("key").and_then(Value::as_str).unwrap_or("");
            let op = e.get("operator").and_then(Value::as_str).unwrap_or("");
            let values: Vec<String> = e
                .get("values")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(value_str)
                .collect();
            if key.is_empty() || templated(key) || values.iter().any(|v| templated(v)) {
                continue;
            }
            let have = get(key);
            if have.and_then(Value::as_str).is_some_and(templated) {
                continue;
            }
            let have_s = have.and_then(value_str);
            let ok = match op {
                "In" => have_s.as_ref().is_some_and(|h| values.contains(h)),
                "NotIn" => have_s.as_ref().is_none_or(|h| !values.contains(h)),
                "Exists" => have.is_some(),
                "DoesNotExist" => have.is_none(),
                _ => true,
            };
            if !ok {
                let requirement = match op {
                    "In" | "NotIn" => {
                        format!("{key} {} ({})", op.to_ascii_lowercase(), values.join(","))
                    }
                    "Exists" => key.to_string(),
                    _ => format!("!{key}"),
                };
                return Some(Unmet {
                    rel_ptr: format!("/matchExpressions/{i}"),
                    requirement,
                    actual: have.and_then(Value::as_str),
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn unmet(sel: Value, labels: Value) -> Option<String> {
        first_unmet(sel.as_object().unwrap(), labels.as_object())
            .map(|u| format!("{} {}", u.rel_ptr, u.requirement))
    }

    #[test]
    fn match_labels_and_expressions() {
        let labels = json!({"app": "web", "tier": "front", "version": "2"});
        assert_eq!(
            unmet(json!({"matchLabels": {"app": "web"}}), labels.clone()),
            None
        );
        assert_eq!(
            unmet(json!({"matchLabels": {"version": 2}}), labels.clone()),
            None
        );
        assert_eq!(
            unmet(
                json!({"matchLabels": {"app": "web", "x": "y"}}),
                labels.clone()
            ),
            Some("/matchLabels/x x=y".into())
        );
        let exprs = json!({"matchExpressions": [
            {"key": "tier", "operator": "In", "values": ["front", "back"]},
            {"key": "app", "operator": "NotIn", "values": ["db"]},
            {"key": "app", "operator": "Exists"},
            {"key": "canary", "operator": "DoesNotExist"},
        ]});
        assert_eq!(unmet(exprs, labels.clone()), None);
        assert_eq!(
            unmet(
                json!({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["back"]}]}),
                labels.clone()
            ),
            Some("/matchExpressions/0 tier in (back)".into())
        );
        assert_eq!(
            unmet(
                json!({"matchExpressions": [{"key": "app", "operator": "Exists"}, {"key": "tier", "operator": "DoesNotExist"}]}),
                labels.clone()
            ),
            Some("/matchExpressions/1 !tier".into())
        );
        assert_eq!(
            unmet(json!({"matchLabels": {"a/b": "c"}}), json!({})),
            Some("/matchLabels/a~1b a/b=c".into())
        );
        // Templates are not evaluated.
        assert_eq!(
            unmet(
                json!({"matchLabels": {"app": "{{ .Release.Name }}"}}),
                labels
            ),
            None
        );
        assert_eq!(
            unmet(
                json!({"matchLabels": {"app": "web"}}),
                json!({"app": "${APP}"})
            ),
            None
        );
    }
}
