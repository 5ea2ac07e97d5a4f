//! Rendering a report part by part, for runs too large to hold whole.
//!
//! In the `human`, `concise` and `github` formats a finding's output depends only on the
//! finding and its file's source, and the input errors and the summary come after every
//! finding. So a caller that produces findings file by file, in report order, can write each
//! file's part as soon as it is final ([`render_findings`]), keep only the counts
//! ([`Tally`]), and end with [`render_end`]: the bytes are the same as [`super::render`] of
//! the whole report would write. Formats that are one document (JSON, SARIF, JUnit, HTML)
//! need the whole report and do not stream ([`streams`]).

use super::{Format, RenderOptions, concise, github, human};
use crate::{Applicability, Report, Severity, Summary};
use std::io::{self, Write};

/// Whether `format` can be written part by part with [`render_findings`] and [`render_end`].
pub fn streams(format: Format) -> bool {
    matches!(format, Format::Human | Format::Concise | Format::Github)
}

/// Counts of the findings rendered so far: what the summary line needs of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
    /// Findings hidden by a suppression.
    pub suppressed: usize,
    /// Findings with a safe fix, and with an unsafe one.
    pub fixable_safe: usize,
    pub fixable_unsafe: usize,
}

impl Tally {
    /// The counts of `report`'s findings.
    pub fn of(report: &Report) -> Self {
        let mut t = Tally::default();
        t.add(report);
        t
    }

    /// Count `part`'s findings (and suppressed findings) too.
    pub fn add(&mut self, part: &Report) {
        self.suppressed += part.suppressed.len();
        for f in &part.findings {
            match f.severity {
                Severity::Critical => self.critical += 1,
                Severity::High => self.high += 1,
                Severity::Medium => self.medium += 1,
                Severity::Low => self.low += 1,
                Severity::Info => self.info += 1,
            }
            match f.fix.as_ref().map(|x| x.applicability) {
                Some(Applicability::Safe) => self.fixable_safe += 1,
                Some(Applicability::Unsafe) => self.fixable_unsafe += 1,
                None => {}
            }
        }
    }

    /// Whether a finding at or above `fail_on` was counted.
    pub fn fails(&self, fail_on: Severity) -> bool {
        Severity::ALL_DESC
            .iter()
            .any(|&s| s >= fail_on && self.count(s) > 0)
    }

    fn count(&self, s: Severity) -> usize {
        match s {
            Severity::Critical => self.critical,
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::Info => self.info,
        }
    }

    /// The summary of these counts with `report`'s files, input errors and fixes applied.
    pub fn summary(&self, report: &Report) -> Summary {
        Summary {
            critical: self.critical,
            high: self.high,
            medium: self.medium,
            low: self.low,
            info: self.info,
            suppressed: self.suppressed,
            errors: report.errors.len(),
            files: report.files,
            fixes_applied: report.fixes_applied,
        }
    }
}

/// Write the findings of `part` (sorted, with the sources their frames show) as
/// [`super::render`] writes them within the whole report: no input errors, no summary.
/// Parts must come in report order. Nothing is written for formats that do not [`streams`].
pub fn render_findings(
    format: Format,
    part: &Report,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render_findings_to(part, opts, out),
        Format::Concise => out.write_all(concise::findings(part).as_bytes()),
        Format::Github => out.write_all(github::findings(part).as_bytes()),
        _ => Ok(()),
    }
}

/// Write what follows every finding: `report`'s input errors (with the sources their frames
/// show) and, in the human format, the summary line of `tally` with `report`'s `files` and
/// `fixes_applied`; then flush.
pub fn render_end(
    format: Format,
    report: &Report,
    tally: &Tally,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render_end_to(report, tally, opts, out)?,
        Format::Concise => out.write_all(concise::errors(report).as_bytes())?,
        Format::Github => out.write_all(github::errors(report).as_bytes())?,
        _ => {}
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::builtin::INVALID_SUPPRESSION;
    use crate::{Edit, Finding, Fix, InputError, Position, Range};
    use std::collections::BTreeMap;
    use std::sync::Arc;

    fn finding(path: &str, line: u32, severity: Severity, fix: Option<Applicability>) -> Finding {
        let r = Range::new(Position::new(line, 1), Position::new(line, 4));
        let mut f = Finding::new(&INVALID_SUPPRESSION, path, Some(r), format!("m{line}"))
            .with_severity(severity)
            .with_help("h");
        if let Some(a) = fix {
            f = f.with_fix(Fix {
                applicability: a,
                message: "x".into(),
                edits: vec![Edit {
                    start: 0,
                    end: 1,
                    content: "y".into(),
                }],
            });
        }
        f
    }

    /// Two files rendered one by one give the bytes of the whole report, in every streaming
    /// format (errors with a frame from a file that has findings, a suppressed count, fixes).
    #[test]
    fn parts_concatenate_to_the_whole() {
        let text_a: Arc<str> = Arc::from("aaa\nbbb\nccc\n");
        let text_b: Arc<str> = Arc::from("xxx\nyyy\n");
        let a = Report {
            findings: vec![
                finding("a.yaml", 1, Severity::High, Some(Applicability::Safe)),
                finding("a.yaml", 3, Severity::Low, Some(Applicability::Unsafe)),
            ],
            suppressed: vec![finding("a.yaml", 2, Severity::Low, None)],
            sources: BTreeMap::from([("a.yaml".to_string(), text_a.clone())]),
            ..Report::default()
        };
        let b = Report {
            findings: vec![finding("b.yaml", 2, Severity::Critical, None)],
            sources: BTreeMap::from([("b.yaml".to_string(), text_b.clone())]),
            ..Report::default()
        };
        let err = InputError::new(
            "b.yaml",
            Some(Range::new(Position::new(1, 1), Position::new(1, 2))),
            "bad",
        );
        let mut whole = Report {
            findings: a.findings.iter().chain(&b.findings).cloned().collect(),
            suppressed: a.suppressed.clone(),
            errors: vec![err.clone()],
            files: 3,
            sources: BTreeMap::from([
                ("a.yaml".to_string(), text_a),
                ("b.yaml".to_string(), text_b.clone()),
            ]),
            ..Report::default()
        };
        whole.sort();
        let end = Report {
            errors: vec![err],
            files: 3,
            sources: BTreeMap::from([("b.yaml".to_string(), text_b)]),
            ..Report::default()
        };
        let opts = RenderOptions::default();
        for format in Format::ALL.into_iter().filter(|f| streams(*f)) {
            let mut tally = Tally::default();
            let mut out = Vec::new();
            for part in [&a, &b] {
                render_findings(format, part, &opts, &mut out).unwrap();
                tally.add(part);
            }
            render_end(format, &end, &tally, &opts, &mut out).unwrap();
            let mut expected = Vec::new();
            super::super::render(format, &whole, &opts, &mut expected).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                String::from_utf8(expected).unwrap(),
                "{format}"
            );
            assert_eq!(tally, Tally::of(&whole));
            assert!(tally.fails(Severity::Critical) && !Tally::default().fails(Severity::Info));
        }
        let human = crate::render::render_to_string(Format::Human, &whole, &opts);
        assert!(human.ends_with(
            "Found 3 findings (1 critical, 1 high, 1 low) in 3 files; 1 suppressed; 1 input error.\n[*] 1 fixable with --fix (1 more with --unsafe-fixes).\n"
        ), "{human}");
    }
}
