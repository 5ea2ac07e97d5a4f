//! KS071 `duplicate-key`: a mapping of the manifest repeats a key.

use crate::rules::prelude::*;
use bulkhead_diagnostics::InputError;

declare_rule! {
    pub static META = {
        code: "KS071",
        name: "duplicate-key",
        summary: "A YAML mapping repeats a key: one of the two values is silently lost",
        severity: Medium,
        category: Reliability,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Reports a key that appears twice in the same mapping of a Kubernetes manifest, at \
            its second occurrence. The object is still checked, with the last value (as \
            `kubectl` and the API server's YAML decoder keep it).",
        why: "Only one of the two values reaches the cluster, and which one depends on the \
            tool: the other was written for a reason and is silently dropped. Real repositories \
            carry such files for years.",
        example: "```yaml\nmetadata:\n  name: web\n  labels: {app: web}\n  labels: {tier: \
            front}   # flagged: the first `labels` is lost\n```",
        fix_safety: "No automatic fix: which value is the mistake is the author's call.",
    }
}

/// Reported by the file drivers from the loader's duplicate-key reports, not by a hook.
pub(crate) static HOOK: Hook = Hook::Input;

/// Move the loader's duplicate-key reports out of `errors` into findings of `rule` (KS071, or
/// DC009 for Compose files), each with the object it is in.
pub(crate) fn from_errors(
    rule: &'static RuleMeta,
    docs: &[Document],
    errors: &mut Vec<InputError>,
    out: &mut Vec<Finding>,
) {
    errors.retain(|e| {
        if !crate::loader::is_duplicate_key(e) {
            return true;
        }
        let mut f = Finding::new(rule, e.path.clone(), e.range, e.message.clone());
        if let Some(line) = e.range.map(|r| r.start.line) {
            f.object = docs
                .iter()
                .find(|d| {
                    let (a, b) = d.line_span();
                    a <= line && line <= b
                })
                .and_then(Document::k8s_object);
        }
        out.push(f);
        false
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers: [{name: c, image: i:1}]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: v, k: w}\n";
        assert_lines(&super::META, y, &[5, 12]);
        // The object is still checked, with the last value, and no input error remains.
        let out = crate::check("t.yaml", y, &crate::Settings::default());
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        let f = out.findings.iter().find(|f| f.rule.code == "KS071").unwrap();
        assert_eq!(f.object.as_ref().unwrap().name.as_deref(), Some("b"));
        assert!(f.message.starts_with("duplicate key `name` (first at line 4)"));
        assert!(out.findings.iter().any(|f| f.rule.code == "PSS014"));
    }

    #[test]
    fn near_misses() {
        // The same key in two mappings, and a merge key overridden on purpose.
        let y = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {name: x}\nx-base: &b {k: 1}\nother:\n  <<: *b\n  k: 2\n";
        assert_lines(&super::META, y, &[]);
        // Syntax errors stay input errors.
        let out = crate::check("t.yaml", "kind: [\n", &crate::Settings::default());
        assert_eq!(out.errors.len(), 1);
    }
}
