//! The `junit` format: JUnit XML for CI test dashboards (GitLab, Jenkins, Azure). One
//! `<testsuite>` per file with findings or input errors (in path order), one `<testcase>` per
//! finding holding a `<failure>`, and one per input error holding an `<error>`. A clean run
//! is one passing test case, so dashboards show a green check rather than "no tests".
//! Suppressed findings are not listed.
//!
//! Everything is XML-escaped; characters XML 1.0 cannot carry at all (most C0 controls,
//! U+FFFE, U+FFFF) become U+FFFD.

use super::text::start_of;
use crate::{Finding, InputError, Report};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Escape for an attribute value in double quotes. Tabs and newlines are written as
/// character references because attribute-value normalisation would turn them into spaces.
fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => push_xml_char(c, &mut out),
        }
    }
    out
}

/// Escape for character data.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // `\r` would be normalised away by parsers.
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c => push_xml_char(c, &mut out),
        }
    }
    out
}

fn push_xml_char(c: char, out: &mut String) {
    let legal = matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    out.push(if legal { c } else { '\u{FFFD}' });
}

#[derive(Default)]
struct Suite<'a> {
    findings: Vec<&'a Finding>,
    errors: Vec<&'a InputError>,
}

fn failure_body(f: &Finding) -> String {
    let at = start_of(f.range);
    let mut body = format!(
        "{} [{}] {}\n{}:{}:{}\n{}\n",
        f.rule.code, f.severity, f.rule.name, f.path, at.line, at.column, f.message
    );
    if let Some(o) = &f.object {
        let _ = write!(body, "object: {} {}", o.api_version, o.kind);
        if let Some(ns) = &o.namespace {
            let _ = write!(body, " {ns}/");
        } else {
            body.push(' ');
        }
        body.push_str(o.name.as_deref().unwrap_or("<unnamed>"));
        body.push('\n');
    }
    if let Some(c) = &f.container {
        let _ = writeln!(body, "container: {c}");
    }
    if let Some(p) = &f.pss_check {
        let _ = writeln!(body, "pod security check: {p}");
    }
    if let Some(h) = &f.help {
        let _ = writeln!(body, "help: {h}");
    }
    if let Some(fix) = &f.fix {
        let how = match fix.applicability {
            crate::Applicability::Safe => "--fix",
            crate::Applicability::Unsafe => "--unsafe-fixes",
        };
        let _ = writeln!(body, "fix ({how}): {}", fix.message);
    }
    body
}

pub(crate) fn render(report: &Report) -> String {
    let mut suites: BTreeMap<&str, Suite<'_>> = BTreeMap::new();
    for f in &report.findings {
        suites.entry(&f.path).or_default().findings.push(f);
    }
    for e in &report.errors {
        suites.entry(&e.path).or_default().errors.push(e);
    }

    let failures = report.findings.len();
    let errors = report.errors.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let tests = (failures + errors).max(1);
    let _ = writeln!(
        out,
        "<testsuites name=\"bulkhead\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">"
    );
    if suites.is_empty() {
        out.push_str(
            "  <testsuite name=\"bulkhead\" tests=\"1\" failures=\"0\" errors=\"0\">\n    \
             <testcase name=\"no findings\" classname=\"bulkhead\"/>\n  </testsuite>\n",
        );
    }
    for (path, suite) in &suites {
        let p = attr(path);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{p}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">",
            suite.findings.len() + suite.errors.len(),
            suite.findings.len(),
            suite.errors.len()
        );
        for f in &suite.findings {
            let at = start_of(f.range);
            let _ = writeln!(
                out,
                "    <testcase name=\"{} at {}:{}\" classname=\"{p}\" file=\"{p}\" line=\"{}\">",
                attr(f.rule.code),
                at.line,
                at.column,
                at.line
            );
            let _ = writeln!(
                out,
                "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                attr(&f.message),
                f.severity,
                text(&failure_body(f))
            );
            out.push_str("    </testcase>\n");
        }
        for e in &suite.errors {
            let at = start_of(e.range);
            let _ = writeln!(
                out,
                "    <testcase name=\"input error at {}:{}\" classname=\"{p}\" file=\"{p}\" line=\"{}\">",
                at.line, at.column, at.line
            );
            let _ = writeln!(
                out,
                "      <error message=\"{}\" type=\"input-error\">{}:{}:{}: {}\n</error>",
                attr(&e.message),
                text(&e.path),
                at.line,
                at.column,
                text(&e.message)
            );
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(attr("a<b>&\"c'\n"), "a&lt;b&gt;&amp;&quot;c&apos;&#10;");
        assert_eq!(text("x\u{1b}<\n\u{FFFF}"), "x\u{FFFD}&lt;\n\u{FFFD}");
    }
}
