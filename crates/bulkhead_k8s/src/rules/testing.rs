//! Helpers of the rule files' tests: wrap a pod spec in a Pod, run the engine on a file (or a
//! set of files, or a Compose file) and keep one rule's finding lines.

use bulkhead_diagnostics::{Finding, RuleMeta, apply_fixes};

/// A Pod whose `spec` is `spec` (indented under it): the spec's first line is line 6.
pub(crate) fn pod(spec: &str) -> String {
    let mut s = String::from("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n");
    for l in spec.lines() {
        s.push_str("  ");
        s.push_str(l);
        s.push('\n');
    }
    s
}

/// Every finding of one file plus the cross-object ones of the file alone, with `settings`.
fn findings_with(text: &str, settings: &crate::Settings) -> Vec<Finding> {
    crate::check_files(&[("t.yaml", text)], settings)
        .outcomes
        .remove(0)
        .findings
}

/// Sorted start lines of `rule`'s findings on a Kubernetes file, with `settings`.
pub(crate) fn lines_with(rule: &RuleMeta, text: &str, settings: &crate::Settings) -> Vec<u32> {
    let mut v: Vec<u32> = findings_with(text, settings)
        .iter()
        .filter(|f| f.rule.code == rule.code)
        .map(|f| f.range.map_or(0, |r| r.start.line))
        .collect();
    v.sort_unstable();
    v
}

/// `rule`'s findings on a Kubernetes file are at `lines` (default settings: restricted@latest).
#[track_caller]
pub(crate) fn assert_lines(rule: &RuleMeta, text: &str, lines: &[u32]) {
    assert_eq!(
        lines_with(rule, text, &crate::Settings::default()),
        lines,
        "{text}"
    );
}

/// The same at a Pod Security Standards policy (`baseline@v1.30`).
#[track_caller]
pub(crate) fn assert_lines_at(rule: &RuleMeta, text: &str, policy: &str, lines: &[u32]) {
    let s = crate::Settings {
        pss: policy.parse().unwrap(),
        ..crate::Settings::default()
    };
    assert_eq!(lines_with(rule, text, &s), lines, "{policy}: {text}");
}

/// The alias ids of each of `rule`'s findings (as reported, narrowed or not), in line order,
/// at a Pod Security Standards policy.
pub(crate) fn aliases_at(rule: &RuleMeta, text: &str, policy: &str) -> Vec<Vec<&'static str>> {
    let s = crate::Settings {
        pss: policy.parse().unwrap(),
        ..crate::Settings::default()
    };
    let mut v: Vec<Finding> = findings_with(text, &s)
        .into_iter()
        .filter(|f| f.rule.code == rule.code)
        .collect();
    v.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    v.iter()
        .map(|f| f.rule.aliases.iter().map(|a| a.id).collect())
        .collect()
}

/// The messages of `rule`'s findings, in line order.
pub(crate) fn messages(rule: &RuleMeta, text: &str) -> Vec<String> {
    let mut v: Vec<Finding> = findings_with(text, &crate::Settings::default())
        .into_iter()
        .filter(|f| f.rule.code == rule.code)
        .collect();
    v.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    v.into_iter().map(|f| f.message).collect()
}

/// Apply every fix of `rule`'s findings once (unsafe ones only when `unsafe_`) and check that
/// the result contains `expected`.
#[track_caller]
pub(crate) fn assert_fixed(rule: &RuleMeta, text: &str, expected: &str, unsafe_: bool) {
    let fs = findings_with(text, &crate::Settings::default());
    let fixes: Vec<_> = fs
        .iter()
        .filter(|f| f.rule.code == rule.code)
        .filter_map(|f| f.fix.as_ref())
        .filter(|f| unsafe_ || f.applicability == bulkhead_diagnostics::Applicability::Safe)
        .collect();
    assert!(!fixes.is_empty(), "no fix offered on {text}");
    let out = apply_fixes(text, fixes).text;
    assert!(out.contains(expected), "{expected:?} not in:\n{out}");
    // The fixed file is still valid YAML.
    assert!(crate::load("t.yaml", &out).errors.is_empty(), "{out}");
}

/// `rule`'s findings over several files checked as one run: (path, line), sorted.
#[track_caller]
pub(crate) fn assert_set_lines(rule: &RuleMeta, files: &[(&str, &str)], expected: &[(&str, u32)]) {
    let out = crate::check_files(files, &crate::Settings::default());
    let mut got: Vec<(String, u32)> = out
        .outcomes
        .iter()
        .flat_map(|o| &o.findings)
        .filter(|f| f.rule.code == rule.code)
        .map(|f| (f.path.clone(), f.range.map_or(0, |r| r.start.line)))
        .collect();
    got.sort();
    let want: Vec<(String, u32)> = expected.iter().map(|(p, l)| (p.to_string(), *l)).collect();
    assert_eq!(got, want);
}

/// `rule`'s finding lines on a Compose file.
#[track_caller]
pub(crate) fn assert_compose_lines(rule: &RuleMeta, text: &str, lines: &[u32]) {
    let out =
        crate::compose::check_compose("docker-compose.yml", text, &crate::Settings::default());
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    let mut v: Vec<u32> = out
        .findings
        .iter()
        .filter(|f| f.rule.code == rule.code)
        .map(|f| f.range.map_or(0, |r| r.start.line))
        .collect();
    v.sort_unstable();
    assert_eq!(v, lines, "{text}");
}
