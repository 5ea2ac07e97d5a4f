//! Suppressions written in manifests: annotations on the object or its pod template, and YAML
//! comments.
//!
//! - `bulkhead.dev/ignore: "KS012: reason; PSS014, PSS018: other reason"` on the object's or
//!   the pod template's metadata: scope is the whole object.
//! - Peer tools' annotations, matched through the rule aliases: kube-score
//!   (`kube-score/ignore: a,b`), kube-linter (`ignore-check.kube-linter.io/<check>: reason`),
//!   Checkov (`checkov.io/skip1: CKV_K8S_20=reason`), Polaris
//!   (`polaris.fairwinds.com/<check>-exempt: "true"`).
//! - Comments: `# bulkhead: ignore[KS012] reason` at the end of a line covers that line and
//!   the block under it; on a line of its own it covers the next line and its block (the whole
//!   document when that line is top-level); `# bulkhead: ignore-file[KS012] reason` covers
//!   the file. Checkov's `# checkov:skip=CKV_K8S_20:reason` works the same way.
//!
//! Applying them (and reporting unused ones) is the binary's job, through
//! `bulkhead_diagnostics::apply_suppressions`.

use crate::loader::{Document, escape_segment};
use crate::workload::PodSpec;
use bulkhead_diagnostics::rule::builtin::INVALID_SUPPRESSION;
use bulkhead_diagnostics::{Finding, Position, Range, Suppression, SuppressionScope};
use serde_json::Value;

/// Parse the suppression annotations of one object (and of its pod template).
pub(crate) fn from_annotations(
    path: &str,
    doc: &Document,
    pod: Option<&PodSpec<'_>>,
    out: &mut Vec<Suppression>,
    findings: &mut Vec<Finding>,
) {
    let (first, last) = doc.line_span();
    let scope = SuppressionScope::Lines { first, last };
    let mut sources: Vec<(&str, &serde_json::Map<String, Value>)> = Vec::new();
    if let Some(Value::Object(a)) = doc.value.pointer("/metadata/annotations") {
        sources.push(("/metadata/annotations", a));
    }
    let template_annotations = pod
        .filter(|ps| ps.meta_ptr != "/metadata")
        .map(|ps| format!("{}/annotations", ps.meta_ptr));
    if let (Some(ps), Some(p)) = (pod, template_annotations.as_deref())
        && let Some(Value::Object(a)) = ps.meta.and_then(|m| m.get("annotations"))
    {
        sources.push((p, a));
    }
    for (base, ann) in sources {
        for (key, value) in ann {
            let val = value.as_str().unwrap_or("");
            let ptr = format!("{base}/{}", escape_segment(key));
            let range = || {
                doc.key_range_of(&ptr)
                    .or_else(|| doc.range_of(&ptr))
                    .unwrap_or(Range::new(Position::new(first, 1), Position::new(first, 1)))
            };
            let mut push = |codes: Vec<String>, reason: Option<String>, origin: &str| {
                out.push(Suppression {
                    codes,
                    reason,
                    scope: scope.clone(),
                    range: range(),
                    origin: origin.to_string(),
                });
            };
            if key == "bulkhead.dev/ignore" {
                let mut any = false;
                for entry in val
                    .split([';', '\n'])
                    .map(str::trim)
                    .filter(|e| !e.is_empty())
                {
                    let (codes, reason) = match entry.split_once(':') {
                        Some((c, r)) => (c, Some(r.trim().to_string()).filter(|r| !r.is_empty())),
                        None => (entry, None),
                    };
                    let codes: Vec<String> = codes
                        .split([',', ' '])
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .map(str::to_string)
                        .collect();
                    if codes.is_empty() {
                        continue;
                    }
                    any = true;
                    push(codes, reason, "annotation");
                }
                if !any {
                    findings.push(Finding::new(
                        &INVALID_SUPPRESSION,
                        path,
                        Some(range()),
                        format!(
                            "`bulkhead.dev/ignore: {val:?}` names no rule; write `CODE: reason`"
                        ),
                    ));
                }
            } else if key == "kube-score/ignore" {
                let codes: Vec<String> = val
                    .split(',')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect();
                if !codes.is_empty() {
                    push(codes, None, "kube-score");
                }
            } else if let Some(check) = key.strip_prefix("ignore-check.kube-linter.io/") {
                push(
                    vec![check.to_string()],
                    Some(val.to_string()).filter(|r| !r.is_empty()),
                    "kube-linter",
                );
            } else if key.starts_with("checkov.io/skip") {
                let (code, reason) = match val.split_once('=') {
                    Some((c, r)) => (c.trim(), Some(r.trim().to_string())),
                    None => (val.trim(), None),
                };
                if !code.is_empty() {
                    push(vec![code.to_string()], reason, "checkov");
                }
            } else if let Some(rest) = key.strip_prefix("polaris.fairwinds.com/")
                && let Some(check) = rest.strip_suffix("-exempt")
                && val == "true"
            {
                push(vec![check.to_string()], None, "polaris");
            }
        }
    }
}

/// Parse `# bulkhead: ignore[...]` and `# checkov:skip=...` comments.
pub(crate) fn from_comments(
    path: &str,
    text: &str,
    out: &mut Vec<Suppression>,
    findings: &mut Vec<Finding>,
) {
    // Nearly every file has no suppression comment: one SIMD pass over the bytes decides.
    let b = text.as_bytes();
    if memchr::memmem::find(b, b"bulkhead").is_none()
        && memchr::memmem::find(b, b"checkov:skip").is_none()
    {
        return;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim_end_matches('\r');
        let Some(hash) = comment_start(line) else {
            continue;
        };
        let comment = line[hash + 1..].trim();
        let own_line = line[..hash].trim().is_empty();
        let lno = i as u32 + 1;
        let range = Range::new(
            Position::new(lno, hash as u32 + 1),
            Position::new(lno, line.chars().count() as u32 + 1),
        );
        let parsed = if let Some(rest) = comment
            .strip_prefix("bulkhead:")
            .or_else(|| comment.strip_prefix("bulkhead :"))
        {
            let rest = rest.trim();
            let (file, rest) = if let Some(r) = rest.strip_prefix("ignore-file") {
                (true, r)
            } else if let Some(r) = rest.strip_prefix("ignore") {
                (false, r)
            } else {
                continue;
            };
            let Some(inner) = rest.trim_start().strip_prefix('[') else {
                findings.push(Finding::new(
                    &INVALID_SUPPRESSION,
                    path,
                    Some(range),
                    "write `# bulkhead: ignore[CODE] reason`",
                ));
                continue;
            };
            let Some((codes, reason)) = inner.split_once(']') else {
                findings.push(Finding::new(
                    &INVALID_SUPPRESSION,
                    path,
                    Some(range),
                    "unclosed `[` in suppression comment",
                ));
                continue;
            };
            let codes: Vec<String> = codes
                .split([',', ' '])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect();
            if codes.is_empty() {
                findings.push(Finding::new(
                    &INVALID_SUPPRESSION,
                    path,
                    Some(range),
                    "suppression comment names no rule",
                ));
                continue;
            }
            let reason = Some(reason.trim().to_string()).filter(|r| !r.is_empty());
            (codes, reason, file, "bulkhead")
        } else if let Some(rest) = comment.strip_prefix("checkov:skip=") {
            let (code, reason) = match rest.split_once(':') {
                Some((c, r)) => (c.trim(), Some(r.trim().to_string())),
                None => (rest.trim(), None),
            };
            (vec![code.to_string()], reason, false, "checkov")
        } else {
            continue;
        };
        let (codes, reason, file, origin) = parsed;
        let scope = if file {
            SuppressionScope::File
        } else {
            let target = if own_line {
                (i + 1..lines.len()).find(|&j| is_content(lines[j]))
            } else {
                Some(i)
            };
            match target {
                Some(t) => {
                    let last = block_end(&lines, t);
                    SuppressionScope::Lines {
                        first: t as u32 + 1,
                        last: last as u32 + 1,
                    }
                }
                None => continue,
            }
        };
        out.push(Suppression {
            codes,
            reason,
            scope,
            range,
            origin: origin.to_string(),
        });
    }
}

/// Byte index of the `#` starting a comment, outside quotes.
fn comment_start(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut quote: Option<u8> = None;
    for (i, &c) in b.iter().enumerate() {
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
            }
            None => match c {
                b'"' | b'\''
                    if i == 0 || matches!(b[i - 1], b' ' | b':' | b'[' | b'{' | b',' | b'-') =>
                {
                    quote = Some(c)
                }
                b'#' if i == 0 || b[i - 1] == b' ' || b[i - 1] == b'\t' => return Some(i),
                _ => {}
            },
        }
    }
    None
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Last line index of the block that starts at line `t`: following lines indented deeper (a
/// top-level line's block is the rest of its document).
fn block_end(lines: &[&str], t: usize) -> usize {
    let base = indent(lines[t]);
    let top = base == 0;
    // `key:` may own a block sequence at its own indentation (`key:\n- a`).
    let head = lines[t].trim();
    let key_line = !head.starts_with("- ") && head.split(" #").next().unwrap_or("").ends_with(':');
    let mut last = t;
    for (j, l) in lines.iter().enumerate().skip(t + 1) {
        if l.starts_with("---") || l.starts_with("...") {
            break;
        }
        if !is_content(l) {
            continue;
        }
        let i = indent(l);
        if top || i > base || (key_line && i == base && l[i..].starts_with("- ")) {
            last = j;
        } else {
            break;
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments() {
        let text = "kind: Pod\nspec:\n  # bulkhead: ignore[KS001, PSS014] sidecar writes\n  containers:\n  - name: a\n    image: x  # bulkhead: ignore[KS021]\n  volumes: []\n";
        let mut s = Vec::new();
        let mut f = Vec::new();
        from_comments("p", text, &mut s, &mut f);
        assert!(f.is_empty());
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].codes, ["KS001", "PSS014"]);
        assert_eq!(s[0].reason.as_deref(), Some("sidecar writes"));
        assert_eq!(s[0].scope, SuppressionScope::Lines { first: 4, last: 6 });
        assert_eq!(s[1].scope, SuppressionScope::Lines { first: 6, last: 6 });
        assert_eq!(s[0].range.start, Position::new(3, 3));
    }

    #[test]
    fn quoted_hash_is_not_a_comment() {
        assert_eq!(comment_start("a: \"x # y\""), None);
        assert_eq!(comment_start("a: b # c"), Some(5));
        assert_eq!(comment_start("a: b#c"), None);
    }

    #[test]
    fn malformed_comment_reported() {
        let mut s = Vec::new();
        let mut f = Vec::new();
        from_comments("p", "a: 1 # bulkhead: ignore[] why\n", &mut s, &mut f);
        assert!(s.is_empty());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule.code, "BH002");
    }
}
