//! Kubernetes label selectors (`matchLabels` + `matchExpressions`) parsed from JSON and
//! matched against label maps. Owns nothing else.

use serde_json::Value;
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
                s.exprs.push(Requirement { key, op, values });
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
    fn matches(&self, labels: &Labels) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn matching() {
        let s = Selector::parse(&json!({"matchLabels": {"app": "a"},
            "matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["x"]}]}))
        .unwrap();
        let mut l = Labels::new();
        l.insert("app".into(), "a".into());
        assert!(s.matches(&l));
        l.insert("tier".into(), "x".into());
        assert!(!s.matches(&l));
        assert!(Selector::parse(&json!({})).unwrap().matches(&l));
    }
}
