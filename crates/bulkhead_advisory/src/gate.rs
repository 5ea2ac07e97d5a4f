//! The vulnerability gate: from the matched findings to what is reported, what is suppressed
//! and whether the gate fails. One function, [`evaluate`], applies in order: OpenVEX
//! statements (about the product), ignore rules (config and `.trivyignore`, with expiry),
//! the severity selection, `--ignore-unfixed`, and the `--fail-on` threshold.
//!
//! Owns: the order of those steps and the failing decision. Does not own: reading the VEX
//! documents, the config or the ignore file (the binary), printing, exit codes.

use crate::ignore::{Applied, Day, IgnoreRule, Suppressed, apply_ignores};
use crate::matcher::Finding;
use crate::vex::VexDocument;
use bulkhead_diagnostics::Severity;

/// What the gate is asked to apply.
#[derive(Debug, Clone)]
pub struct GatePolicy<'a> {
    /// OpenVEX documents; the first whose last statement about a finding suppresses it wins.
    pub vex: &'a [VexDocument],
    /// Ignore rules (an id or any alias, with an optional last day).
    pub ignores: &'a [IgnoreRule],
    /// The day ignore expiry is judged on.
    pub today: Day,
    /// Severities to report; empty reports every severity.
    pub severities: &'a [Severity],
    /// Hide findings without a fixed version (unfixed, will-not-fix).
    pub ignore_unfixed: bool,
    /// The lowest severity of a reported finding that fails the gate.
    pub fail_on: Severity,
}

/// The gate's verdict over one scan.
#[derive(Debug, Default)]
pub struct GateOutcome {
    /// Findings reported (kept by VEX and ignores, selected by severity and fix state).
    pub findings: Vec<Finding>,
    /// Findings a VEX statement or an ignore rule suppressed (reported apart, never failing).
    pub suppressed: Vec<Suppressed>,
    /// Ignore rules in force that matched nothing.
    pub unused: Vec<IgnoreRule>,
    /// Ignore rules past their last day (no longer applied).
    pub expired: Vec<IgnoreRule>,
    /// Whether a reported finding is at or over `fail_on`.
    pub failing: bool,
}

/// Applies `policy` to the findings of one scan.
pub fn evaluate(findings: Vec<Finding>, policy: &GatePolicy<'_>) -> GateOutcome {
    // VEX first: statements about the product outrank local ignore rules.
    let mut suppressed = Vec::new();
    let mut remaining = Vec::new();
    'f: for f in findings {
        for d in policy.vex {
            if let Some(reason) = d.suppression(&f) {
                suppressed.push(Suppressed {
                    finding: f,
                    by: "vex",
                    origin: d.origin.clone(),
                    reason,
                });
                continue 'f;
            }
        }
        remaining.push(f);
    }
    let Applied {
        kept,
        suppressed: ignored,
        unused,
        expired,
    } = apply_ignores(remaining, policy.ignores, policy.today);
    suppressed.extend(ignored);
    let findings: Vec<Finding> = kept
        .into_iter()
        .filter(|f| policy.severities.is_empty() || policy.severities.contains(&f.severity))
        .filter(|f| !policy.ignore_unfixed || f.fixed_version.is_some())
        .collect();
    let failing = findings.iter().any(|f| f.severity >= policy.fail_on);
    GateOutcome {
        findings,
        suppressed,
        unused,
        expired,
        failing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FixState;
    use bulkhead_pkg::Ecosystem;

    fn finding(id: &str, alias: &str, severity: Severity, fixed: Option<&str>) -> Finding {
        Finding {
            package: "openssl".into(),
            ecosystem: Ecosystem::Cargo,
            installed: "0.8.3".into(),
            source_package: None,
            namespace: "crates.io".into(),
            fixed_version: fixed.map(str::to_string),
            state: if fixed.is_some() {
                FixState::Fixed
            } else {
                FixState::Unfixed
            },
            id: id.into(),
            aliases: vec![alias.into()],
            severity,
            severity_source: None,
            cvss: None,
            summary: String::new(),
            url: None,
            layer: None,
            location: None,
            package_index: 0,
        }
    }

    fn rule(id: &str, until: Option<&str>) -> IgnoreRule {
        IgnoreRule {
            id: id.into(),
            reason: "accepted".into(),
            until: until.and_then(crate::ignore::parse_day),
            origin: "bulkhead.toml".into(),
        }
    }

    fn policy<'a>(
        vex: &'a [VexDocument],
        ignores: &'a [IgnoreRule],
        severities: &'a [Severity],
    ) -> GatePolicy<'a> {
        GatePolicy {
            vex,
            ignores,
            today: crate::ignore::parse_day("2026-06-01").unwrap(),
            severities,
            ignore_unfixed: false,
            fail_on: Severity::High,
        }
    }

    fn ids(fs: &[Finding]) -> Vec<&str> {
        fs.iter().map(|f| f.id.as_str()).collect()
    }

    #[test]
    fn vex_then_ignores_then_selection_then_threshold() {
        let dir = tempfile::tempdir().unwrap();
        let vex_path = dir.path().join("vex.json");
        std::fs::write(
            &vex_path,
            r#"{"statements":[{"vulnerability":{"name":"CVE-1"},"products":[{"@id":"pkg:cargo/openssl@0.8.3"}],"status":"not_affected","justification":"vulnerable_code_not_in_execute_path"}]}"#,
        )
        .unwrap();
        let vex = [VexDocument::read(&vex_path).unwrap()];
        // CVE-1: VEX and an ignore both name it: VEX wins, the ignore is unused.
        // GHSA-2 (alias of CVE-2): ignored by alias. CVE-3: an expired ignore no longer
        // applies. CVE-4: low, not selected. CVE-5: high, reported and failing.
        let ignores = [
            rule("CVE-1", None),
            rule("GHSA-2", None),
            rule("CVE-3", Some("2026-01-01")),
        ];
        let all = vec![
            finding("CVE-1", "GHSA-1", Severity::Critical, Some("1")),
            finding("CVE-2", "GHSA-2", Severity::Critical, Some("1")),
            finding("CVE-3", "GHSA-3", Severity::Medium, None),
            finding("CVE-4", "GHSA-4", Severity::Low, Some("1")),
            finding("CVE-5", "GHSA-5", Severity::High, Some("1")),
        ];
        let sel = [Severity::Critical, Severity::High, Severity::Medium];
        let out = evaluate(all.clone(), &policy(&vex, &ignores, &sel));
        assert_eq!(ids(&out.findings), ["CVE-3", "CVE-5"]);
        let by: Vec<(&str, &str)> = out
            .suppressed
            .iter()
            .map(|s| (s.finding.id.as_str(), s.by))
            .collect();
        assert_eq!(by, [("CVE-1", "vex"), ("CVE-2", "ignore")]);
        assert_eq!(
            out.unused.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["CVE-1"]
        );
        assert_eq!(
            out.expired
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>(),
            ["CVE-3"]
        );
        assert!(out.failing);
        // --ignore-unfixed hides CVE-3; a threshold above every reported finding passes.
        let mut p = policy(&vex, &ignores, &sel);
        p.ignore_unfixed = true;
        p.fail_on = Severity::Critical;
        let out = evaluate(all, &p);
        assert_eq!(ids(&out.findings), ["CVE-5"]);
        assert!(!out.failing);
    }

    #[test]
    fn suppressed_findings_never_fail() {
        let ignores = [rule("CVE-9", None)];
        let out = evaluate(
            vec![finding("CVE-9", "GHSA-9", Severity::Critical, None)],
            &policy(&[], &ignores, &[]),
        );
        assert!(out.findings.is_empty());
        assert_eq!(out.suppressed.len(), 1);
        assert!(!out.failing);
    }
}
