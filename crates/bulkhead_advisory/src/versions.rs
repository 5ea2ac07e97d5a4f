//! Range evaluation: OSV `ranges` and `versions` against one installed version, with the
//! ordering of the namespace (`bulkhead_pkg`).

use crate::model::AffectedEntry;
use std::cmp::Ordering;

/// Compare two versions of a namespace. `None` when either does not parse.
pub(crate) fn compare(namespace: &str, kind: &str, a: &str, b: &str) -> Option<Ordering> {
    let _ = (namespace, kind);
    Some(generic(a, b))
}

/// Placeholder ordering until `bulkhead_pkg::compare` lands: numeric runs compare as numbers.
fn generic(a: &str, b: &str) -> Ordering {
    let split = |s: &str| -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in s.chars() {
            let d = c.is_ascii_digit();
            match out.last_mut() {
                Some((ld, run)) if *ld == d && c.is_alphanumeric() => run.push(c),
                _ if !c.is_alphanumeric() => out.push((false, String::new())),
                _ => out.push((d, c.to_string())),
            }
        }
        out
    };
    let (x, y) = (split(a), split(b));
    for (p, q) in x.iter().zip(y.iter()) {
        let o = if p.0 && q.0 {
            p.1.parse::<u128>()
                .unwrap_or(0)
                .cmp(&q.1.parse::<u128>().unwrap_or(0))
        } else {
            p.1.cmp(&q.1)
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    x.len().cmp(&y.len())
}

/// A positive match of one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The `fixed` event closing the interval the version is in.
    pub fixed: Option<String>,
}

fn is_zero(v: &str) -> bool {
    v == "0" || v == "0.0.0-0" || v == "0.0.0"
}

/// Whether `version` is affected by `entry`, and by which interval.
pub(crate) fn affects(entry: &AffectedEntry, version: &str) -> Option<Hit> {
    let ns = entry.namespace.as_str();
    if entry.versions.iter().any(|v| v == version) {
        return Some(Hit { fixed: None });
    }
    for range in &entry.ranges {
        let cmp = |a: &str, b: &str| compare(ns, &range.kind, a, b);
        let mut start: Option<&str> = None;
        let mut open = false;
        let mut hit: Option<Hit> = None;
        let inside = |start: &str| {
            is_zero(start) || cmp(version, start).is_some_and(|o| o != Ordering::Less)
        };
        for ev in &range.events {
            if let Some(i) = ev.introduced.as_deref() {
                start = Some(i);
                open = true;
            } else if let Some(f) = ev.fixed.as_deref() {
                if let (true, Some(s)) = (open, start)
                    && inside(s)
                    && cmp(version, f) == Some(Ordering::Less)
                {
                    hit = Some(Hit {
                        fixed: Some(f.to_string()),
                    });
                    break;
                }
                open = false;
            } else if let Some(l) = ev.last_affected.as_deref() {
                if let (true, Some(s)) = (open, start)
                    && inside(s)
                    && cmp(version, l).is_some_and(|o| o != Ordering::Greater)
                {
                    hit = Some(Hit { fixed: None });
                    break;
                }
                open = false;
            } else if let Some(l) = ev.limit.as_deref() {
                if let (true, Some(s)) = (open, start)
                    && inside(s)
                    && cmp(version, l) == Some(Ordering::Less)
                {
                    hit = Some(Hit { fixed: None });
                    break;
                }
                open = false;
            }
        }
        if hit.is_none()
            && open
            && let Some(s) = start
            && inside(s)
        {
            hit = Some(Hit { fixed: None });
        }
        if hit.is_some() {
            return hit;
        }
    }
    None
}
