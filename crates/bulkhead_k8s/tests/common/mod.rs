//! Helpers shared by the integration tests.
#![allow(dead_code)]

use bulkhead_diagnostics::{Finding, fix_until_stable};
use bulkhead_k8s::Settings;
use std::path::{Path, PathBuf};

/// The workspace's `examples/` directory.
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// `../shared`, when present.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.is_dir().then_some(p)
}

/// Apply every fix (safe and unsafe), re-check, repeat until nothing applies, as
/// `bulkhead check --fix --unsafe-fixes` does. Returns the text and the number of passes.
pub fn fix_loop(path: &str, text: &str, settings: &Settings) -> (String, usize) {
    let looped = fix_until_stable(text, 40, |cur| {
        let out = bulkhead_k8s::check(path, cur, settings);
        let enabled: Vec<_> = out
            .findings
            .into_iter()
            .filter(|f| f.rule.default_enabled)
            .collect();
        let (kept, _) =
            bulkhead_diagnostics::apply_suppressions(path, enabled, &out.suppressions, &|_| true);
        kept.into_iter().filter_map(|f| f.fix).collect()
    });
    assert!(looped.converged, "{path}: fixes did not converge");
    let text = looped.fixed.unwrap_or_else(|| text.to_string());
    (text, looped.rounds)
}

/// One line per finding: `line:col CODE [container] message`.
pub fn render(findings: &[Finding]) -> String {
    let mut v: Vec<_> = findings.iter().collect();
    v.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut s = String::new();
    for f in v {
        let (l, c) = f
            .range
            .map(|r| (r.start.line, r.start.column))
            .unwrap_or((0, 0));
        let obj = f
            .object
            .as_ref()
            .map(|o| format!("{}/{}", o.kind, o.name.as_deref().unwrap_or("?")))
            .unwrap_or_default();
        let container = f
            .container
            .as_deref()
            .map(|c| format!(" [{c}]"))
            .unwrap_or_default();
        let pss = f
            .pss_check
            .as_deref()
            .map(|c| format!(" pss={c}"))
            .unwrap_or_default();
        let fix = f
            .fix
            .as_ref()
            .map(|x| format!(" (fix: {:?})", x.applicability))
            .unwrap_or_default();
        s.push_str(&format!(
            "{l}:{c} {} {obj}{container}{pss}: {}{fix}\n",
            f.rule.code, f.message
        ));
    }
    s
}
