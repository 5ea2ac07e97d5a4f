//! Findings, input errors and the report that renderers print.

use crate::{Fix, Range, RuleMeta, Severity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The Kubernetes object a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct K8sObject {
    pub api_version: String,
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// One problem found in one input.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    /// Usually `rule.severity`; settings may override it.
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// The path as the user gave it (or `--stdin-filename`), `/`-separated.
    pub path: String,
    /// Where in the file; `None` for whole-file findings.
    pub range: Option<Range>,
    pub object: Option<K8sObject>,
    pub container: Option<String>,
    /// Upstream Pod Security Standards check id for PSS findings.
    pub pss_check: Option<String>,
    pub fix: Option<Fix>,
    /// Set when a suppression matched this finding: (the suppression's origin, its reason).
    pub suppressed: Option<SuppressedBy>,
}

/// Which suppression hid a finding (reported in SARIF `suppressions` and JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuppressedBy {
    /// `bulkhead`, `hadolint`, `trivy`, `checkov`, `kube-score`, `kube-linter`, `annotation`...
    pub origin: String,
    pub reason: Option<String>,
}

impl Finding {
    /// A finding with the rule's default severity and nothing optional set.
    pub fn new(
        rule: &'static RuleMeta,
        path: impl Into<String>,
        range: Option<Range>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            rule,
            severity: rule.severity,
            message: message.into(),
            help: None,
            path: path.into(),
            range,
            object: None,
            container: None,
            pss_check: None,
            fix: None,
            suppressed: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
    pub fn with_object(mut self, object: K8sObject) -> Self {
        self.object = Some(object);
        self
    }
    pub fn with_container(mut self, container: impl Into<String>) -> Self {
        self.container = Some(container.into());
        self
    }
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The deterministic sort key: path, line, column, code, then message.
    pub fn sort_key(&self) -> (&str, u32, u32, &str, &str) {
        let (l, c) = self
            .range
            .map(|r| (r.start.line, r.start.column))
            .unwrap_or((0, 0));
        (&self.path, l, c, self.rule.code, &self.message)
    }
}

/// A failure to read or parse an input: reported, turns the exit status to 2, and never stops
/// the other inputs from being checked.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct InputError {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
    pub message: String,
}

impl InputError {
    pub fn new(path: impl Into<String>, range: Option<Range>, message: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            range,
            message: message.into(),
        }
    }
}

/// What an engine returns for one file: findings (unfiltered by selection, unsuppressed), the
/// suppressions it parsed from the file, and input errors. The binary filters by selection,
/// then applies the suppressions with [`crate::apply_suppressions`].
#[derive(Debug, Clone, Default)]
pub struct FileOutcome {
    pub findings: Vec<Finding>,
    pub suppressions: Vec<crate::Suppression>,
    pub errors: Vec<InputError>,
}

/// Counts per severity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
    pub suppressed: usize,
    pub errors: usize,
    pub files: usize,
    pub fixes_applied: usize,
}

impl Summary {
    pub fn total(&self) -> usize {
        self.critical + self.high + self.medium + self.low + self.info
    }
    pub fn count(&self, s: Severity) -> usize {
        match s {
            Severity::Critical => self.critical,
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::Info => self.info,
        }
    }
}

/// Everything one run found, ready to render.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Findings that count (not suppressed), sorted by [`Finding::sort_key`].
    pub findings: Vec<Finding>,
    /// Findings hidden by a suppression (kept for SARIF `suppressions`).
    pub suppressed: Vec<Finding>,
    pub errors: Vec<InputError>,
    /// Files checked (including those with errors).
    pub files: usize,
    pub fixes_applied: usize,
    /// Source text of files that have findings, for code frames and fix ranges.
    pub sources: BTreeMap<String, Arc<str>>,
    /// Every rule that was enabled in this run, in registry order (SARIF `rules`).
    pub rules: Vec<&'static RuleMeta>,
}

impl Report {
    /// Sort findings and errors into the deterministic order.
    pub fn sort(&mut self) {
        self.findings
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.suppressed
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.errors.sort();
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            suppressed: self.suppressed.len(),
            errors: self.errors.len(),
            files: self.files,
            fixes_applied: self.fixes_applied,
            ..Summary::default()
        };
        for f in &self.findings {
            match f.severity {
                Severity::Critical => s.critical += 1,
                Severity::High => s.high += 1,
                Severity::Medium => s.medium += 1,
                Severity::Low => s.low += 1,
                Severity::Info => s.info += 1,
            }
        }
        s
    }

    /// Exit status per the contract: 2 on any input error, else 1 when a finding is at or
    /// above `fail_on`, else 0.
    pub fn exit_code(&self, fail_on: Severity) -> i32 {
        if !self.errors.is_empty() {
            2
        } else if self.findings.iter().any(|f| f.severity >= fail_on) {
            1
        } else {
            0
        }
    }

    pub fn source(&self, path: &str) -> Option<&str> {
        self.sources.get(path).map(|s| &**s)
    }
}
