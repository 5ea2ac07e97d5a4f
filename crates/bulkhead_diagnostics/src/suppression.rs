//! The suppression framework shared by the engines.
//!
//! Engines parse their own comment or annotation syntaxes (`# bulkhead: ignore[DF012] reason`,
//! `# hadolint ignore=DL3008`, `bulkhead.dev/ignore` annotations, ...) into [`Suppression`]s;
//! [`apply_suppressions`] then matches them against the findings of the same file, moves the
//! matched findings aside, and reports every suppression that matched nothing (BH001).

use crate::rule::builtin::UNUSED_SUPPRESSION;
use crate::{Finding, Range};

/// Where a suppression applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuppressionScope {
    /// Findings whose start line is within `first..=last` (an instruction, a YAML line, a
    /// stage, an object).
    Lines { first: u32, last: u32 },
    /// Every finding of the file.
    File,
}

/// One parsed suppression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// Codes, names or alias ids it names (`DF012`, `DL3008`, `CKV_DOCKER_3`...).
    pub codes: Vec<String>,
    pub reason: Option<String>,
    pub scope: SuppressionScope,
    /// Where the suppression itself is written, for the unused report.
    pub range: Range,
    /// `bulkhead`, `hadolint`, `trivy`, `checkov`, `kube-score`, `kube-linter`, ...
    pub origin: String,
}

impl Suppression {
    fn covers(&self, f: &Finding) -> bool {
        let in_scope = match self.scope {
            SuppressionScope::File => true,
            SuppressionScope::Lines { first, last } => f
                .range
                .map(|r| r.start.line >= first && r.start.line <= last)
                .unwrap_or(false),
        };
        in_scope && self.codes.iter().any(|c| f.rule.matches_code(c))
    }
}

/// Whether one of `suppressions` hides `f` (BH findings are never hidden). Fix loops use it so
/// that a suppressed finding is never fixed.
pub fn is_suppressed(f: &Finding, suppressions: &[Suppression]) -> bool {
    !f.rule.code.starts_with("BH") && suppressions.iter().any(|s| s.covers(f))
}

/// Split `findings` of one file into (kept, suppressed) and append a BH001 finding for every
/// code of every suppression that matched nothing, provided `active(code)` says the code names
/// a rule enabled in this run (a suppression of a disabled rule, or of a peer tool's check we
/// have no equivalent for, is not stale). Findings from BH rules are never suppressed (a
/// suppression cannot hide its own staleness). Call it after selection filtering.
pub fn apply_suppressions(
    path: &str,
    findings: Vec<Finding>,
    suppressions: &[Suppression],
    active: &dyn Fn(&str) -> bool,
) -> (Vec<Finding>, Vec<Finding>) {
    if suppressions.is_empty() {
        return (findings, Vec::new());
    }
    // used[i][j]: code j of suppression i matched something
    let mut used: Vec<Vec<bool>> = suppressions
        .iter()
        .map(|s| vec![false; s.codes.len()])
        .collect();
    let mut kept = Vec::with_capacity(findings.len());
    let mut hidden = Vec::new();
    for mut f in findings {
        if f.rule.code.starts_with("BH") {
            kept.push(f);
            continue;
        }
        let mut by = None;
        for (i, s) in suppressions.iter().enumerate() {
            if s.covers(&f) {
                for (j, c) in s.codes.iter().enumerate() {
                    if f.rule.matches_code(c) {
                        used[i][j] = true;
                    }
                }
                by.get_or_insert(i);
            }
        }
        match by {
            Some(i) => {
                f.suppressed = Some(crate::report::SuppressedBy {
                    origin: suppressions[i].origin.clone(),
                    reason: suppressions[i].reason.clone(),
                });
                hidden.push(f);
            }
            None => kept.push(f),
        }
    }
    for (i, s) in suppressions.iter().enumerate() {
        for (j, c) in s.codes.iter().enumerate() {
            if !used[i][j] && active(c) {
                kept.push(Finding::new(
                    &UNUSED_SUPPRESSION,
                    path,
                    Some(s.range),
                    format!("Unused suppression of `{c}`: no such finding here"),
                ));
            }
        }
    }
    (kept, hidden)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::{Alias, Category, FixKind, RuleMeta, Tool};
    use crate::{Position, Severity};

    static R: RuleMeta = RuleMeta {
        code: "DF012",
        name: "apt-no-recommends",
        summary: "s",
        severity: Severity::Low,
        category: Category::Size,
        aliases: &[Alias::new(Tool::Hadolint, "DL3015")],
        fix: FixKind::Safe,
        default_enabled: true,
        docs: "",
    };

    fn at(line: u32) -> Option<Range> {
        Some(Range::new(Position::new(line, 1), Position::new(line, 5)))
    }

    #[test]
    fn suppresses_by_alias_and_reports_unused() {
        let findings = vec![
            Finding::new(&R, "Dockerfile", at(3), "m"),
            Finding::new(&R, "Dockerfile", at(9), "m"),
        ];
        let sups = vec![
            Suppression {
                codes: vec!["DL3015".into(), "DF099".into()],
                reason: Some("legacy".into()),
                scope: SuppressionScope::Lines { first: 3, last: 4 },
                range: at(2).unwrap(),
                origin: "hadolint".into(),
            },
            Suppression {
                codes: vec!["DF012".into()],
                reason: None,
                scope: SuppressionScope::Lines {
                    first: 20,
                    last: 20,
                },
                range: at(19).unwrap(),
                origin: "bulkhead".into(),
            },
        ];
        let (kept, hidden) = apply_suppressions("Dockerfile", findings, &sups, &|c| c != "DF099");
        assert_eq!(hidden.len(), 1);
        assert_eq!(hidden[0].range, at(3));
        assert_eq!(
            hidden[0].suppressed.as_ref().unwrap().reason.as_deref(),
            Some("legacy")
        );
        let codes: Vec<_> = kept
            .iter()
            .map(|f| (f.rule.code, f.range.unwrap().start.line))
            .collect();
        // DF099 is not active (no such rule enabled): not reported as unused.
        assert_eq!(codes, vec![("DF012", 9), ("BH001", 19)]);
    }

    #[test]
    fn file_scope() {
        let findings = vec![Finding::new(&R, "a", at(40), "m")];
        let sups = vec![Suppression {
            codes: vec!["DF012".into()],
            reason: None,
            scope: SuppressionScope::File,
            range: at(1).unwrap(),
            origin: "bulkhead".into(),
        }];
        let (kept, hidden) = apply_suppressions("a", findings, &sups, &|_| true);
        assert!(kept.is_empty());
        assert_eq!(hidden.len(), 1);
    }
}
