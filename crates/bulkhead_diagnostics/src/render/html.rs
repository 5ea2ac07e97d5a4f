//! The `html` format: one self-contained page for people reviewing a report in a browser
//! (a CI artifact, a link in a pull request). Inline CSS and script, no fetch of anything: a
//! Content-Security-Policy of `default-src 'none'` makes the browser refuse any request the
//! page could make, so it opens the same offline, from a mail attachment or an artifact store.
//!
//! The page has the summary counts per severity, a table of findings sortable by each column
//! and filterable by severity, rule, file and text, a code frame per finding (its lines and
//! two of context), each rule's documentation embedded once (the text `bulkhead rule CODE`
//! prints) and the input errors. Every string from the report is HTML-escaped (file names,
//! messages and sources are untrusted), so nothing in a scanned repository can inject markup
//! or script into the page. Element ids and data attributes are stable: the browser test and
//! users' scripts rely on `#count-<severity>`, `#shown`, `tr.finding[data-severity][data-rule]
//! [data-file]`.

use super::text::start_of;
use crate::{Finding, Report, Severity};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Escape text for HTML element content and double-quoted attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters (escape sequences in hostile names) and bidirectional
            // overrides (which reorder what a reader sees) shown, not passed on.
            c if (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
            {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

const SEVERITIES: [Severity; 5] = [
    Severity::Critical,
    Severity::High,
    Severity::Medium,
    Severity::Low,
    Severity::Info,
];

/// Rank for sorting by severity (critical first).
fn rank(s: Severity) -> usize {
    SEVERITIES.iter().position(|x| *x == s).unwrap_or(0)
}

/// The finding's lines with [`super::CONTEXT_LINES`] of context, numbered, the finding's own
/// lines marked. Empty when the report holds no source for the file.
fn frame(report: &Report, f: &Finding) -> String {
    let (Some(src), Some(r)) = (report.source(&f.path), f.range) else {
        return String::new();
    };
    let first = r.start.line.saturating_sub(super::CONTEXT_LINES).max(1);
    let end = r.end.line.max(r.start.line);
    let last = end.saturating_add(super::CONTEXT_LINES);
    let mut out = String::from("<pre class=\"frame\">");
    for (i, line) in src.lines().enumerate() {
        let n = i as u32 + 1;
        if n < first {
            continue;
        }
        if n > last {
            break;
        }
        let hit = n >= r.start.line && n <= end;
        let _ = writeln!(
            out,
            "<span class=\"ln{}\">{n:>5} | {}</span>",
            if hit { " hit" } else { "" },
            esc(line)
        );
    }
    out.push_str("</pre>");
    out
}

const STYLE: &str = "\
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}\
header{padding:16px 24px;background:#0d2b45;color:#fff}h1{margin:0 0 8px;font-size:20px}\
.counts span{display:inline-block;margin-right:10px;padding:2px 10px;border-radius:10px;background:#ffffff22}\
main{padding:16px 24px}.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin-bottom:12px}\
.filters label{white-space:nowrap}table{border-collapse:collapse;width:100%}\
th,td{border-bottom:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top}\
th{cursor:pointer;background:#f6f8fa;user-select:none}th.sorted-asc::after{content:' \\25B2'}\
th.sorted-desc::after{content:' \\25BC'}.sev{font-weight:600;text-transform:uppercase;font-size:12px}\
.critical{color:#a40e26}.high{color:#d1242f}.medium{color:#bf8700}.low{color:#0969da}.info,.unknown{color:#57606a}\
pre{margin:6px 0;background:#f6f8fa;padding:6px;overflow-x:auto;font-size:12px}\
.ln.hit{background:#fff1b8;display:inline-block;width:100%}button.rule{font:inherit;color:#0969da;\
background:none;border:0;padding:0;cursor:pointer;text-decoration:underline}\
dialog{max-width:860px;width:90%}dialog pre{white-space:pre-wrap}.errors li{margin:4px 0}\
.muted{color:#57606a}";

const SCRIPT: &str = r#"
(function () {
  const rows = Array.from(document.querySelectorAll('tr.finding'));
  const sev = Array.from(document.querySelectorAll('input.sev-filter'));
  const rule = document.getElementById('rule-filter');
  const file = document.getElementById('file-filter');
  const text = document.getElementById('text-filter');
  const shown = document.getElementById('shown');
  function apply() {
    const want = new Set(sev.filter(c => c.checked).map(c => c.value));
    const q = text.value.toLowerCase();
    let n = 0;
    for (const r of rows) {
      const ok = want.has(r.dataset.severity) &&
        (!rule.value || r.dataset.rule === rule.value) &&
        (!file.value || r.dataset.file === file.value) &&
        (!q || r.textContent.toLowerCase().includes(q));
      r.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = String(n);
  }
  for (const el of [...sev, rule, file]) el.addEventListener('change', apply);
  text.addEventListener('input', apply);
  const tbody = document.querySelector('#findings tbody');
  for (const th of document.querySelectorAll('#findings th[data-key]')) {
    th.addEventListener('click', () => {
      const key = th.dataset.key;
      const asc = !th.classList.contains('sorted-asc');
      for (const h of document.querySelectorAll('#findings th')) h.classList.remove('sorted-asc', 'sorted-desc');
      th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
      const num = key === 'rank' || key === 'line';
      rows.sort((a, b) => {
        const x = a.dataset[key], y = b.dataset[key];
        const c = num ? Number(x) - Number(y) : x.localeCompare(y);
        return (asc ? c : -c) || Number(a.dataset.order) - Number(b.dataset.order);
      });
      for (const r of rows) tbody.appendChild(r);
    });
  }
  const dialog = document.getElementById('rule-doc');
  for (const b of document.querySelectorAll('button.rule')) {
    b.addEventListener('click', () => {
      const t = document.getElementById('doc-' + b.dataset.rule);
      document.getElementById('rule-doc-body').textContent = t ? t.content.textContent : '';
      document.getElementById('rule-doc-title').textContent = b.dataset.rule;
      dialog.showModal();
    });
  }
  document.getElementById('rule-doc-close').addEventListener('click', () => dialog.close());
  apply();
})();
"#;

/// One row of the page's table: a finding or a vulnerability, already escaped where it is
/// markup (`location`, `body`).
struct Row<'a> {
    /// `data-severity` and the label shown (`unknown` for unrated vulnerabilities).
    severity: &'a str,
    rank: usize,
    rule: &'a str,
    rule_name: &'a str,
    file: &'a str,
    line: u32,
    location: String,
    body: String,
}

/// What the page shows: counts in the header, the severity filters, the rows, each rule's
/// documentation (code -> name, text) and the input errors (escaped list items).
struct Page<'a> {
    title: &'a str,
    counts: Vec<(&'a str, usize)>,
    severities: Vec<&'a str>,
    rows: Vec<Row<'a>>,
    docs: BTreeMap<&'a str, (&'a str, String)>,
    errors: Vec<String>,
    empty: &'a str,
}

fn page(p: &Page<'_>) -> String {
    let mut out = String::with_capacity(16 * 1024 + p.rows.len() * 512);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(p.title)
    );
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<div class=\"counts\">",
        esc(p.title)
    );
    for (name, n) in &p.counts {
        let _ = write!(out, "<span>{name} <b id=\"count-{name}\">{n}</b></span>");
    }
    out.push_str("</div>\n</header>\n<main>\n");

    // Filters: severities, rules and files of the rows.
    let mut files: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &p.rows {
        *files.entry(r.file).or_default() += 1;
    }
    out.push_str("<div class=\"filters\">");
    for s in &p.severities {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" class=\"sev-filter\" value=\"{s}\" checked> {s}</label>"
        );
    }
    out.push_str(
        "<select id=\"rule-filter\" aria-label=\"rule\"><option value=\"\">all rules</option>",
    );
    for (code, (name, _)) in &p.docs {
        let _ = write!(
            out,
            "<option value=\"{}\">{} {}</option>",
            esc(code),
            esc(code),
            esc(name)
        );
    }
    out.push_str("</select><select id=\"file-filter\" aria-label=\"file\"><option value=\"\">all files</option>");
    for (path, n) in &files {
        let _ = write!(
            out,
            "<option value=\"{}\">{} ({n})</option>",
            esc(path),
            esc(path)
        );
    }
    let _ = writeln!(
        out,
        "</select><input id=\"text-filter\" type=\"search\" placeholder=\"search\" aria-label=\"search\">\
<span class=\"muted\">showing <b id=\"shown\">{}</b> of <b id=\"total\">{}</b></span></div>",
        p.rows.len(),
        p.rows.len()
    );

    out.push_str(
        "<table id=\"findings\">\n<thead><tr><th data-key=\"rank\">severity</th><th data-key=\"rule\">rule</th>\
<th data-key=\"file\">location</th><th>finding</th></tr></thead>\n<tbody>\n",
    );
    for (i, r) in p.rows.iter().enumerate() {
        let sev = r.severity;
        let _ = writeln!(
            out,
            "<tr class=\"finding\" data-order=\"{i}\" data-severity=\"{sev}\" data-rank=\"{}\" data-rule=\"{}\" data-file=\"{}\" data-line=\"{}\">\
<td class=\"sev {sev}\">{sev}</td><td><button class=\"rule\" data-rule=\"{}\">{}</button><br><span class=\"muted\">{}</span></td>\
<td>{}</td><td>{}</td></tr>",
            r.rank,
            esc(r.rule),
            esc(r.file),
            r.line,
            esc(r.rule),
            esc(r.rule),
            esc(r.rule_name),
            r.location,
            r.body,
        );
    }
    out.push_str("</tbody>\n</table>\n");
    if p.rows.is_empty() {
        let _ = writeln!(out, "<p id=\"clean\">{}</p>", esc(p.empty));
    }
    if !p.errors.is_empty() {
        out.push_str("<h2>Input errors</h2>\n<ul class=\"errors\">\n");
        for e in &p.errors {
            let _ = writeln!(out, "<li>{e}</li>");
        }
        out.push_str("</ul>\n");
    }
    // Each rule's documentation once, shown in a dialog from the rule buttons.
    for (code, (name, docs)) in &p.docs {
        let _ = writeln!(
            out,
            "<template id=\"doc-{}\">{} ({})\n\n{}</template>",
            esc(code),
            esc(code),
            esc(name),
            esc(docs)
        );
    }
    out.push_str(
        "<dialog id=\"rule-doc\"><h2 id=\"rule-doc-title\"></h2><pre id=\"rule-doc-body\"></pre>\
<button id=\"rule-doc-close\">close</button></dialog>\n</main>\n",
    );
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

fn error_item(e: &crate::InputError) -> String {
    let line = e
        .range
        .map(|r| format!(":{}", r.start.line))
        .unwrap_or_default();
    format!("{}{line}: {}", esc(&e.path), esc(&e.message))
}

/// A finding's row: message, object, help and code frame.
fn finding_row<'a>(report: &'a Report, f: &'a Finding) -> Row<'a> {
    let at = start_of(f.range);
    let mut body = esc(&f.message);
    if let Some(o) = &f.object {
        let _ = write!(
            body,
            "<br><span class=\"muted\">{} {}{}</span>",
            esc(&o.kind),
            o.namespace
                .as_deref()
                .map(|n| format!("{}/", esc(n)))
                .unwrap_or_default(),
            esc(o.name.as_deref().unwrap_or("<unnamed>"))
        );
    }
    if let Some(h) = &f.help {
        let _ = write!(body, "<br><span class=\"muted\">help: {}</span>", esc(h));
    }
    body.push_str(&frame(report, f));
    Row {
        severity: f.severity.as_str(),
        rank: rank(f.severity),
        rule: f.rule.code,
        rule_name: f.rule.name,
        file: &f.path,
        line: at.line,
        location: format!("{}:{}:{}", esc(&f.path), at.line, at.column),
        body,
    }
}

/// Render the whole page.
pub fn render(report: &Report, title: &str) -> String {
    let summary = report.summary();
    let mut counts: Vec<(&str, usize)> = SEVERITIES
        .iter()
        .map(|s| (s.as_str(), summary.count(*s)))
        .collect();
    counts.extend([
        ("files", summary.files),
        ("suppressed", summary.suppressed),
        ("errors", summary.errors),
    ]);
    let rows = report
        .findings
        .iter()
        .map(|f| finding_row(report, f))
        .collect();
    let docs = report
        .findings
        .iter()
        .map(|f| (f.rule.code, (f.rule.name, f.rule.docs.to_string())))
        .collect();
    page(&Page {
        title,
        counts,
        severities: SEVERITIES.iter().map(|s| s.as_str()).collect(),
        rows,
        docs,
        errors: report.errors.iter().map(error_item).collect(),
        empty: "No findings.",
    })
}

/// The vulnerability report of `bulkhead image|fs --format html`: one row per vulnerability
/// (advisory id as the rule, the package's location as the file, installed -> fixed version
/// and summary as the finding; unrated ones as `unknown`), each advisory's details in the
/// dialog, then the image-audit findings of `findings` (secrets, configuration) as rows of
/// the same table, so one page holds the whole scan. `errors` are inputs that could not be
/// read (the package list is incomplete).
pub fn render_vulnerabilities(
    title: &str,
    vulnerabilities: &[super::Vulnerability<'_>],
    errors: &[crate::InputError],
    findings: Option<&Report>,
) -> String {
    let shown: Vec<&super::Vulnerability<'_>> = vulnerabilities
        .iter()
        .filter(|v| v.suppressed.is_none())
        .collect();
    let label = |v: &super::Vulnerability<'_>| {
        if v.unrated {
            "unknown"
        } else {
            v.severity.as_str()
        }
    };
    let mut counts: Vec<(&str, usize)> = SEVERITIES
        .iter()
        .map(|s| {
            (
                s.as_str(),
                shown
                    .iter()
                    .filter(|v| !v.unrated && v.severity == *s)
                    .count(),
            )
        })
        .collect();
    counts.push(("unknown", shown.iter().filter(|v| v.unrated).count()));
    counts.push((
        "suppressed",
        vulnerabilities.len() - shown.len() + findings.map_or(0, |r| r.suppressed.len()),
    ));
    counts.push((
        "errors",
        errors.len() + findings.map_or(0, |r| r.errors.len()),
    ));
    let mut rows: Vec<Row<'_>> = shown
        .iter()
        .map(|v| {
            let mut body = format!("{} {}", esc(v.package), esc(v.installed));
            match v.fixed {
                Some(f) => {
                    let _ = write!(body, " &#8594; fixed in {}", esc(f));
                }
                None => {
                    let _ = write!(body, " <span class=\"muted\">({})</span>", esc(v.state));
                }
            }
            if !v.summary.is_empty() {
                let _ = write!(body, "<br>{}", esc(v.summary));
            }
            if let Some(l) = v.layer {
                let _ = write!(body, "<br><span class=\"muted\">layer {}</span>", esc(l));
            }
            Row {
                severity: label(v),
                rank: if v.unrated {
                    SEVERITIES.len()
                } else {
                    rank(v.severity)
                },
                rule: v.id,
                rule_name: v.package,
                file: v.location,
                line: 0,
                location: esc(v.location),
                body,
            }
        })
        .collect();
    let mut docs: BTreeMap<&str, (&str, String)> = BTreeMap::new();
    for v in &shown {
        docs.entry(v.id).or_insert_with(|| {
            let mut d = String::new();
            if !v.summary.is_empty() {
                let _ = writeln!(d, "{}\n", v.summary);
            }
            let _ = writeln!(
                d,
                "Severity: {}{}",
                label(v),
                v.cvss_score
                    .map(|s| format!(" (CVSS {s:.1})"))
                    .unwrap_or_default()
            );
            if !v.aliases.is_empty() {
                let _ = writeln!(d, "Aliases: {}", v.aliases.join(", "));
            }
            if let Some(u) = v.url {
                let _ = writeln!(d, "Advisory: {u}");
            }
            (v.package, d)
        });
    }
    let mut errors: Vec<String> = errors.iter().map(error_item).collect();
    if let Some(r) = findings {
        let summary = r.summary();
        for (name, n) in counts.iter_mut() {
            if let Some(s) = SEVERITIES.iter().find(|s| s.as_str() == *name) {
                *n += summary.count(*s);
            }
        }
        for f in &r.findings {
            rows.push(finding_row(r, f));
            docs.entry(f.rule.code)
                .or_insert_with(|| (f.rule.name, f.rule.docs.to_string()));
        }
        errors.extend(r.errors.iter().map(error_item));
    }
    let mut severities: Vec<&str> = SEVERITIES.iter().map(|s| s.as_str()).collect();
    severities.push("unknown");
    page(&Page {
        title,
        counts,
        severities,
        rows,
        docs,
        errors,
        empty: "No vulnerabilities found.",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Category, FixKind, Position, Range, RuleMeta};
    use std::sync::Arc;

    static RULE: RuleMeta = RuleMeta {
        code: "XX001",
        name: "test-rule",
        summary: "test",
        severity: Severity::High,
        category: Category::Security,
        aliases: &[],
        fix: FixKind::None,
        default_enabled: true,
        docs: "## What it does\n<b>docs</b>\n",
    };

    fn report(path: &str, message: &str) -> Report {
        let mut r = Report {
            files: 1,
            ..Report::default()
        };
        let range = Range {
            start: Position { line: 2, column: 1 },
            end: Position { line: 2, column: 4 },
        };
        r.findings.push(Finding::new(
            &RULE,
            path.to_string(),
            Some(range),
            message.to_string(),
        ));
        r.sources
            .insert(path.to_string(), Arc::from("FROM x\nUSER <root>\nRUN y\n"));
        r
    }

    #[test]
    fn escapes_everything_untrusted() {
        let page = render(
            &report(
                "a\"<script>alert(1)</script>.yaml",
                "m <img src=x onerror=alert(1)>\u{1b}[31m",
            ),
            "t",
        );
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(page.contains("a&quot;&lt;script&gt;alert(1)&lt;/script&gt;.yaml"));
        assert!(page.contains("\\u{1b}[31m"));
        assert!(page.contains("USER &lt;root&gt;"));
        assert!(page.contains("&lt;b&gt;docs&lt;/b&gt;"));
        // Exactly one script element: ours.
        assert_eq!(page.matches("<script>").count(), 1);
    }

    #[test]
    fn counts_rows_frames_and_no_external_reference() {
        let page = render(&report("Dockerfile", "root"), "Bulkhead report");
        assert!(page.contains("<b id=\"count-high\">1</b>"));
        assert!(page.contains("<b id=\"count-critical\">0</b>"));
        assert_eq!(page.matches("<tr class=\"finding\"").count(), 1);
        assert!(page.contains("data-severity=\"high\" data-rank=\"1\" data-rule=\"XX001\" data-file=\"Dockerfile\" data-line=\"2\""));
        assert!(
            page.contains("<span class=\"ln hit\">    2 | USER &lt;root&gt;</span>"),
            "{page}"
        );
        assert!(
            page.contains("<span class=\"ln\">    1 | FROM x</span>"),
            "{page}"
        );
        assert!(page.contains("default-src 'none'"));
        for needle in ["http://", "https://", "src=\"", "href=\""] {
            assert!(!page.contains(needle), "{needle}");
        }
    }
}
