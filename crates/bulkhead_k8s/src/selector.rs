//! Label selectors (`matchLabels` and `matchExpressions`, as in `metav1.LabelSelector`): the
//! one implementation of their semantics in the workspace (the NetworkPolicy engine re-exports
//! it). [`Selector`] is the parsed, exact form (In, NotIn, Exists, DoesNotExist, requirements
//! ANDed, values read as Kubernetes reads scalars into strings); [`first_unmet`] evaluates a
//! selector as written in a manifest and says which requirement fails and where, for the
//! workload-selector rule (KS051) and the anti-affinity rule (KS052).
//!
//! In [`first_unmet`], values that look templated (`{{ }}`, `${}`, `<...>`) are assumed to
//! match: a check must not speak about text it cannot evaluate.

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// Labels of a pod or namespace, ordered for deterministic keys.
pub type Labels = BTreeMap<String, String>;

/// One `matchExpressions` requirement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Requirement {
    pub key: String,
    pub op: Op,
    pub values: Vec<String>,
}

/// A `matchExpressions` operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Op {
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

/// A parsed label selector. The empty selector matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Selector {
    pub match_labels: Labels,
    pub exprs: Vec<Requirement>,
}

/// A selector that could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid label selector: {0}")]
pub struct SelectorError(pub String);

impl Selector {
    /// Parse a `LabelSelector` object. `null` is treated like `{}` by callers that need to.
    pub fn parse(v: &Value) -> Result<Selector, SelectorError> {
        let mut s = Selector::default();
        let Some(obj) = v.as_object() else {
            if v.is_null() {
                return Ok(s);
            }
            return Err(SelectorError("not an object".into()));
        };
        if let Some(ml) = obj.get("matchLabels").and_then(Value::as_object) {
            for (k, v) in ml {
                s.match_labels.insert(k.clone(), scalar(v));
            }
        }
        if let Some(me) = obj.get("matchExpressions").and_then(Value::as_array) {
            for e in me {
                s.exprs.push(Requirement::parse(e)?);
            }
        }
        Ok(s)
    }

    /// Whether it selects everything.
    pub fn is_empty(&self) -> bool {
        self.match_labels.is_empty() && self.exprs.is_empty()
    }

    /// Whether `labels` satisfy every requirement.
    pub fn matches(&self, labels: &Labels) -> bool {
        self.match_labels
            .iter()
            .all(|(k, v)| labels.get(k) == Some(v))
            && self.exprs.iter().all(|r| r.matches(labels))
    }
}

impl Requirement {
    /// Parse one `matchExpressions` entry.
    pub fn parse(e: &Value) -> Result<Requirement, SelectorError> {
        let key = e.get("key").map(scalar).unwrap_or_default();
        let op = match e.get("operator").and_then(Value::as_str).unwrap_or("") {
            "In" => Op::In,
            "NotIn" => Op::NotIn,
            "Exists" => Op::Exists,
            "DoesNotExist" => Op::DoesNotExist,
            other => return Err(SelectorError(format!("unknown operator `{other}`"))),
        };
        let values: Vec<String> = e
            .get("values")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(scalar).collect())
            .unwrap_or_default();
        if matches!(op, Op::In | Op::NotIn) && values.is_empty() {
            return Err(SelectorError(format!(
                "operator {op:?} for key `{key}` needs values"
            )));
        }
        Ok(Requirement { key, op, values })
    }

    /// Whether `labels` satisfy this requirement.
    pub fn matches(&self, labels: &Labels) -> bool {
        match self.op {
            Op::In => labels
                .get(&self.key)
                .is_some_and(|v| self.values.contains(v)),
            Op::NotIn => labels
                .get(&self.key)
                .is_none_or(|v| !self.values.contains(v)),
            Op::Exists => labels.contains_key(&self.key),
            Op::DoesNotExist => !labels.contains_key(&self.key),
        }
    }
}

/// A YAML scalar as Kubernetes would read it into a string.
pub fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Read a `labels` map.
pub fn labels_of(v: Option<&Value>) -> Labels {
    v.and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), scalar(v))).collect())
        .unwrap_or_default()
}

impl fmt::Display for Selector {
    /// netpol-analyzer's rendering inside representative peers: `{k=v,k2 in (a,b)}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        for (k, v) in &self.match_labels {
            parts.push(format!("{k}={v}"));
        }
        for r in &self.exprs {
            parts.push(match r.op {
                Op::In => format!("{} in ({})", r.key, r.values.join(",")),
                Op::NotIn => format!("{} notin ({})", r.key, r.values.join(",")),
                Op::Exists => r.key.clone(),
                Op::DoesNotExist => format!("!{}", r.key),
            });
        }
        write!(f, "{{{}}}", parts.join(","))
    }
}

/// Whether a label key or value is a placeholder of a templating tool: the engine's one
/// definition (`rules::util::templated`), re-exported for the selector rules.
pub(crate) use crate::rules::util::templated;

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

/// Evaluate `selector` (a `LabelSelector` object) against `labels`. `None` when every
/// requirement is met (or cannot be evaluated: templated keys or values, unknown operators).
pub(crate) fn first_unmet<'a>(
    selector: &Map<String, Value>,
    labels: Option<&'a Map<String, Value>>,
) -> Option<Unmet<'a>> {
    let get = |k: &str| labels.and_then(|l| l.get(k));
    let pod: Labels = labels
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), scalar(v)))
        .collect();
    let lenient = |key: &str, values: &[String]| {
        templated(key)
            || values.iter().any(|v| templated(v))
            || get(key).and_then(Value::as_str).is_some_and(templated)
    };
    if let Some(Value::Object(ml)) = selector.get("matchLabels") {
        for (k, v) in ml {
            let want = scalar(v);
            if lenient(k, std::slice::from_ref(&want)) {
                continue;
            }
            let req = Requirement {
                key: k.clone(),
                op: Op::In,
                values: vec![want.clone()],
            };
            if !req.matches(&pod) {
                return Some(Unmet {
                    rel_ptr: format!("/matchLabels/{}", crate::loader::escape_segment(k.as_str())),
                    requirement: format!("{k}={want}"),
                    actual: get(k).and_then(Value::as_str),
                });
            }
        }
    }
    if let Some(Value::Array(exprs)) = selector.get("matchExpressions") {
        for (i, e) in exprs.iter().enumerate() {
            // Requirements that cannot be read (no key, unknown operator) are not judged.
            let Ok(req) = Requirement::parse(e) else {
                continue;
            };
            if req.key.is_empty() || lenient(&req.key, &req.values) || req.matches(&pod) {
                continue;
            }
            let requirement = match req.op {
                Op::In => format!("{} in ({})", req.key, req.values.join(",")),
                Op::NotIn => format!("{} notin ({})", req.key, req.values.join(",")),
                Op::Exists => req.key.clone(),
                Op::DoesNotExist => format!("!{}", req.key),
            };
            return Some(Unmet {
                rel_ptr: format!("/matchExpressions/{i}"),
                requirement,
                actual: get(&req.key).and_then(Value::as_str),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parsed_selectors_match_exactly() {
        let s = Selector::parse(&json!({"matchLabels": {"app": "a"},
            "matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["x"]}]}))
        .unwrap();
        let mut l = Labels::new();
        l.insert("app".into(), "a".into());
        assert!(s.matches(&l));
        l.insert("tier".into(), "x".into());
        assert!(!s.matches(&l));
        assert!(Selector::parse(&json!({})).unwrap().matches(&l));
        assert_eq!(s.to_string(), "{app=a,tier notin (x)}");
        assert!(
            Selector::parse(&json!({"matchExpressions": [{"key": "a", "operator": "In"}]}))
                .is_err()
        );
        assert!(
            Selector::parse(&json!({"matchExpressions": [{"key": "a", "operator": "Near"}]}))
                .is_err()
        );
    }

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
