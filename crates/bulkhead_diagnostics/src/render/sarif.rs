//! The `sarif` format: one SARIF 2.1.0 log with one run, for GitHub code scanning and other
//! SARIF consumers. A test runs Microsoft's SARIF multitool validator over the output.
//!
//! Mapping (see `docs/sections/reports.md` for the user-facing table):
//! - every rule of [`Report::rules`] (and any rule a finding refers to that is missing from
//!   it) becomes a `reportingDescriptor` with its documentation, default level, category
//!   tags, GitHub's `security-severity` and the peer-tool aliases in `properties.aliases`;
//! - kept and suppressed findings become `results` in [`Finding::sort_key`] order; suppressed
//!   ones carry `suppressions` (`inSource`, with the reason as `justification`);
//! - Kubernetes objects and containers become `logicalLocations`;
//! - fixes become `fixes` whose replacement regions are computed from the edits' byte offsets
//!   on [`Report::sources`] (byte offsets when the source is not at hand);
//! - input errors become `invocations[0].toolExecutionNotifications`, and
//!   `executionSuccessful` is false when there are any.
//!
//! Columns are Unicode code points (`columnKind: unicodeCodePoints`), as in
//! [`crate::LineIndex`].
//!
//! The vulnerability report of `bulkhead image` / `bulkhead fs` is the same log
//! ([`render_vulnerabilities`]): advisories as rules (GitHub's `security-severity` the CVSS
//! score, else this module's one scale), vulnerable packages as results, VEX and ignores as
//! `external` suppressions, unreadable inputs as notifications.

//!
//! The log is built from borrowed, typed structs rather than `serde_json::Value` trees: for
//! 20 000 findings that is the difference between seconds of allocator churn and a fraction
//! of a second.

use super::RenderOptions;
use super::text::{Sources, all_findings, fingerprints, fnv1a, normalized};
use crate::{
    Alias, Applicability, Category, Finding, FixKind, InputError, Range, Report, SuppressedBy,
};
use crate::{RuleMeta, Severity};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";

/// SARIF `level` of a severity: critical/high are errors, medium warnings, the rest notes.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// GitHub code scanning's `security-severity` score (0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9
/// high, 9.0-10.0 critical), for rules about security; `None` for info. The one scale of
/// every SARIF bulkhead writes (the vulnerability report uses it where a finding has no CVSS).
pub fn security_severity(severity: Severity) -> Option<&'static str> {
    match severity {
        Severity::Critical => Some("9.5"),
        Severity::High => Some("8.0"),
        Severity::Medium => Some("5.5"),
        Severity::Low => Some("2.0"),
        Severity::Info => None,
    }
}

/// Categories GitHub should list as security alerts (tagged `security`).
fn is_security(category: Category) -> bool {
    matches!(
        category,
        Category::Security | Category::SupplyChain | Category::Secrets | Category::Network
    )
}

/// Percent-encode a `/`-separated path as a URI reference: relative paths stay relative (to
/// `%SRCROOT%`), absolute ones become `file://` URIs. `:` is encoded so that a first segment
/// such as `c:` cannot read as a scheme.
pub(crate) fn path_uri(path: &str) -> (String, bool) {
    let trimmed = path.trim_start_matches("./");
    let mut out = String::with_capacity(trimmed.len() + 8);
    for b in trimmed.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if trimmed.starts_with('/') {
        (format!("file://{out}"), false)
    } else {
        (out, true)
    }
}

// ---- the SARIF object model we emit (field order is output order) ----

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: [Invocation<'a>; 1],
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'a str,
    information_uri: &'static str,
    rules: Vec<Descriptor<'a>>,
}

#[derive(Serialize)]
struct Message<'a> {
    text: Cow<'a, str>,
}

impl<'a> Message<'a> {
    fn new(text: impl Into<Cow<'a, str>>) -> Self {
        Message { text: text.into() }
    }
}

/// A rule: a [`RuleMeta`] of the registry, or an advisory id of the vulnerability report.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'a> {
    id: &'a str,
    /// Omitted for advisories, whose only name is their id (SARIF1001: a name equal to the id
    /// must be left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    short_description: Message<'a>,
    /// Required by GitHub code scanning (GH2012).
    full_description: Message<'a>,
    help: Help<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<&'a str>,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct Help<'a> {
    text: Cow<'a, str>,
    markdown: Cow<'a, str>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
    /// Written only for rules that are off by default (SARIF's default is `true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    enabled: Option<bool>,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    tags: Vec<&'a str>,
    #[serde(rename = "security-severity", skip_serializing_if = "Option::is_none")]
    security_severity: Option<Cow<'a, str>>,
    severity: &'static str,
    /// Registry rules only (advisories have no fix kind and no peer-tool aliases).
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<FixKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    aliases: Option<&'a [Alias]>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification<'a>>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: Message<'a>,
    locations: [NotificationLocation; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Region {
    #[serde(rename_all = "camelCase")]
    Text {
        start_line: u32,
        start_column: u32,
        end_line: u32,
        end_column: usize,
    },
    #[serde(rename_all = "camelCase")]
    FirstLine { start_line: u32 },
    #[serde(rename_all = "camelCase")]
    Bytes {
        byte_offset: usize,
        byte_length: usize,
    },
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message<'a>,
    locations: [Location<'a>; 1],
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<SarifSuppression<'a>>,
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    fully_qualified_name: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ObjectProperties<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ObjectProperties<'a> {
    api_version: &'a str,
    kind: &'a str,
    namespace: Option<&'a str>,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "bulkheadFingerprint/v1")]
    v1: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Message<'a>,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    applicability: Applicability,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    #[serde(skip_serializing_if = "Option::is_none")]
    inserted_content: Option<Message<'a>>,
}

#[derive(Serialize)]
struct SarifSuppression<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    justification: Option<&'a str>,
    properties: SuppressionProperties<'a>,
}

#[derive(Serialize)]
struct SuppressionProperties<'a> {
    origin: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultProperties<'a> {
    severity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    container: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pss_check: Option<&'a str>,
    /// Vulnerability results: the package and where it was found.
    #[serde(flatten)]
    package: Option<PackageProperties<'a>>,
}

#[derive(Serialize)]
struct PackageProperties<'a> {
    aliases: &'a [String],
    package: &'a str,
    installed: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    layer: Option<&'a str>,
}

// ---- building it ----

fn artifact_location(path: &str) -> ArtifactLocation {
    let (uri, relative) = path_uri(path);
    ArtifactLocation {
        uri,
        uri_base_id: relative.then_some(SRCROOT),
    }
}

fn region(range: Range) -> Region {
    let r = normalized(range);
    Region::Text {
        start_line: r.start.line,
        start_column: r.start.column,
        end_line: r.end.line,
        end_column: r.end.column as usize,
    }
}

/// The region of a whole file (from line 1 to the end of its last line), for whole-file
/// findings: consumers such as GitHub need a line to anchor a result. Only line 1 when the
/// source is not at hand.
fn whole_file_region(path: &str, sources: &Sources<'_>) -> Region {
    let Some((text, index)) = sources.get(path) else {
        return Region::FirstLine { start_line: 1 };
    };
    let mut last = u32::try_from(index.line_count()).unwrap_or(u32::MAX);
    if last > 1 && text.ends_with('\n') {
        last -= 1;
    }
    let end_column = index
        .line_text(text, last)
        .map(|l| l.chars().count() + 1)
        .unwrap_or(1);
    Region::Text {
        start_line: 1,
        start_column: 1,
        end_line: last,
        end_column,
    }
}

fn physical_location(
    path: &str,
    range: Option<Range>,
    sources: Option<&Sources<'_>>,
) -> PhysicalLocation {
    let region = match (range, sources) {
        (Some(r), _) => Some(region(r)),
        (None, Some(sources)) => Some(whole_file_region(path, sources)),
        (None, None) => None,
    };
    PhysicalLocation {
        artifact_location: artifact_location(path),
        region,
    }
}

/// The text of one `## Heading` section of a rule's markdown docs, trimmed.
fn doc_section<'a>(docs: &'a str, heading: &str) -> Option<&'a str> {
    let start = docs.find(heading)? + heading.len();
    let rest = &docs[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    let text = rest[..end].trim();
    (!text.is_empty()).then_some(text)
}

/// Markdown to plain text, roughly: good enough for `help.text`, which consumers show when
/// they cannot render `help.markdown`. Heading markers and fences go, code stays verbatim.
fn markdown_to_text(md: &str) -> String {
    let mut out = Vec::new();
    let mut in_code = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if in_code {
            out.push(line.to_string());
        } else if line.starts_with('#') {
            out.push(line.trim_start_matches('#').trim_start().replace('`', ""));
        } else {
            out.push(line.replace('`', ""));
        }
    }
    out.join("\n").trim().to_string()
}

fn rule_descriptor(rule: &'static RuleMeta) -> Descriptor<'static> {
    let full = doc_section(rule.docs, "## What it does").unwrap_or(rule.summary);
    let help = if rule.docs.trim().is_empty() {
        Help {
            text: Cow::Borrowed(rule.summary),
            markdown: Cow::Borrowed(rule.summary),
        }
    } else {
        Help {
            text: Cow::Owned(markdown_to_text(rule.docs)),
            markdown: Cow::Borrowed(rule.docs.trim()),
        }
    };
    let mut tags = vec![rule.category.as_str()];
    if is_security(rule.category) && rule.category != Category::Security {
        tags.push("security");
    }
    Descriptor {
        id: rule.code,
        name: Some(rule.name),
        short_description: Message::new(rule.summary),
        full_description: Message::new(markdown_to_text(full)),
        help,
        help_uri: None,
        default_configuration: Configuration {
            level: level(rule.severity),
            enabled: (!rule.default_enabled).then_some(false),
        },
        properties: RuleProperties {
            tags,
            security_severity: is_security(rule.category)
                .then(|| security_severity(rule.severity))
                .flatten()
                .map(Cow::Borrowed),
            severity: rule.severity.as_str(),
            fix: Some(rule.fix),
            aliases: Some(rule.aliases),
        },
    }
}

fn logical_locations(f: &Finding) -> Vec<LogicalLocation<'_>> {
    let Some(o) = &f.object else {
        return Vec::new();
    };
    let name = o.name.as_deref().unwrap_or("");
    let mut fqn = String::new();
    if let Some(ns) = &o.namespace {
        fqn.push_str(ns);
        fqn.push('/');
    }
    fqn.push_str(&o.kind);
    fqn.push('/');
    fqn.push_str(name);
    let container = f.container.as_deref().map(|c| LogicalLocation {
        name: Some(c),
        fully_qualified_name: format!("{fqn}/{c}"),
        kind: "element",
        properties: None,
    });
    let object = LogicalLocation {
        name: (!name.is_empty()).then_some(name),
        fully_qualified_name: fqn,
        kind: "resource",
        properties: Some(ObjectProperties {
            api_version: &o.api_version,
            kind: &o.kind,
            namespace: o.namespace.as_deref(),
        }),
    };
    std::iter::once(object).chain(container).collect()
}

fn fixes<'a>(f: &'a Finding, sources: &Sources<'_>) -> Vec<SarifFix<'a>> {
    let Some(fix) = &f.fix else {
        return Vec::new();
    };
    let mut edits: Vec<_> = fix.edits.iter().collect();
    edits.sort();
    let replacements = edits
        .iter()
        .map(|e| Replacement {
            deleted_region: match sources.edit_range(&f.path, e) {
                Some(r) => region(r),
                None => Region::Bytes {
                    byte_offset: e.start,
                    byte_length: e.end.saturating_sub(e.start),
                },
            },
            inserted_content: (!e.content.is_empty()).then(|| Message::new(e.content.as_str())),
        })
        .collect();
    vec![SarifFix {
        description: Message::new(fix.message.as_str()),
        artifact_changes: [ArtifactChange {
            artifact_location: artifact_location(&f.path),
            replacements,
        }],
        properties: FixProperties {
            applicability: fix.applicability,
        },
    }]
}

fn result<'a>(
    f: &'a Finding,
    rule_index: usize,
    fingerprint: String,
    sources: &Sources<'_>,
) -> SarifResult<'a> {
    let message = match &f.help {
        Some(help) => Cow::Owned(format!("{}\nhelp: {help}", f.message)),
        None => Cow::Borrowed(f.message.as_str()),
    };
    let suppressions = f
        .suppressed
        .iter()
        .map(|by| SarifSuppression {
            kind: if by.origin == "config" {
                "external"
            } else {
                "inSource"
            },
            justification: by.reason.as_deref(),
            properties: SuppressionProperties { origin: &by.origin },
        })
        .collect();
    SarifResult {
        rule_id: f.rule.code,
        rule_index,
        level: level(f.severity),
        message: Message::new(message),
        locations: [Location {
            physical_location: physical_location(&f.path, f.range, Some(sources)),
            logical_locations: logical_locations(f),
        }],
        partial_fingerprints: Fingerprints { v1: fingerprint },
        fixes: fixes(f, sources),
        suppressions,
        properties: ResultProperties {
            severity: f.severity.as_str(),
            container: f.container.as_deref(),
            pss_check: f.pss_check.as_deref(),
            package: None,
        },
    }
}

fn notification(e: &InputError) -> Notification<'_> {
    Notification {
        level: "error",
        message: Message::new(e.message.as_str()),
        locations: [NotificationLocation {
            physical_location: physical_location(&e.path, e.range, None),
        }],
    }
}

pub(crate) fn render(report: &Report, opts: &RenderOptions) -> String {
    let sources = Sources::new(report);
    let findings = all_findings(report);

    // Rules: the run's enabled rules in registry order, then any rule a finding refers to that
    // the list lacks (so every ruleIndex resolves).
    let mut rules: Vec<&'static RuleMeta> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for rule in report
        .rules
        .iter()
        .copied()
        .chain(findings.iter().map(|f| f.rule))
    {
        if !index.contains_key(rule.code) {
            index.insert(rule.code, rules.len());
            rules.push(rule);
        }
    }

    let prints = fingerprints(&findings, &sources);
    let results = findings
        .iter()
        .zip(prints)
        .map(|(f, fp)| result(f, index[f.rule.code], fp, &sources))
        .collect();
    write_log(
        opts,
        rules.into_iter().map(rule_descriptor).collect(),
        &report.errors,
        results,
    )
}

/// The one log every SARIF of bulkhead is: one run, the driver, the invocation with the input
/// errors as notifications (unsuccessful when there are any), the results.
fn write_log<'a>(
    opts: &'a RenderOptions,
    rules: Vec<Descriptor<'a>>,
    errors: &'a [InputError],
    results: Vec<SarifResult<'a>>,
) -> String {
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "bulkhead",
                    version: &opts.tool_version,
                    information_uri: super::INFORMATION_URI,
                    rules,
                },
            },
            invocations: [Invocation {
                execution_successful: errors.is_empty(),
                tool_execution_notifications: errors.iter().map(notification).collect(),
            }],
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    // Serialising structs of strings and integers cannot fail.
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

// ---- the vulnerability report ----

/// One vulnerable package of an image or directory scan, as [`render_vulnerabilities`]
/// reports it: the advisory id is the SARIF rule, the package the result.
#[derive(Debug, Clone)]
pub struct Vulnerability<'a> {
    /// The advisory id (`CVE-2016-10931`, `GHSA-...`).
    pub id: &'a str,
    /// The advisory's one-line summary (may be empty).
    pub summary: &'a str,
    /// The advisory's page.
    pub url: Option<&'a str>,
    pub severity: Severity,
    /// No source rates it (Trivy's UNKNOWN): `severity` is then `info`.
    pub unrated: bool,
    /// The CVSS base score when a source gives one: GitHub's `security-severity` is then the
    /// score, else [`security_severity`] of the severity (none for unrated, `info`, findings).
    pub cvss_score: Option<f64>,
    /// Other ids of the same advisory.
    pub aliases: &'a [String],
    pub package: &'a str,
    pub installed: &'a str,
    pub fixed: Option<&'a str>,
    /// Why there is no fixed version (`unfixed`, `will-not-fix`), shown when `fixed` is none.
    pub state: &'a str,
    /// The file the package was found in (lockfile, binary, package database), or the scan's
    /// target for OS packages: the result's artifact.
    pub location: &'a str,
    /// The image layer (diff id) that brought the package in.
    pub layer: Option<&'a str>,
    /// Set when VEX or an ignore rule suppressed it: a SARIF `external` suppression.
    pub suppressed: Option<&'a SuppressedBy>,
}

fn vulnerability_descriptor<'a>(v: &Vulnerability<'a>) -> Descriptor<'a> {
    let short = if v.summary.is_empty() {
        v.id
    } else {
        v.summary
    };
    let markdown = match v.url {
        Some(u) => Cow::Owned(format!("{short}\n\n<{u}>")),
        None => Cow::Borrowed(short),
    };
    let text = match v.url {
        Some(u) => Cow::Owned(format!("{short}\n{u}")),
        None => Cow::Borrowed(short),
    };
    let security_severity = match v.cvss_score {
        Some(score) => Some(Cow::Owned(format!("{score:.1}"))),
        None => security_severity(v.severity).map(Cow::Borrowed),
    };
    Descriptor {
        id: v.id,
        name: None,
        short_description: Message::new(short),
        full_description: Message::new(text.clone()),
        help: Help { text, markdown },
        help_uri: v.url,
        default_configuration: Configuration {
            level: level(v.severity),
            enabled: None,
        },
        properties: RuleProperties {
            tags: vec!["security", "vulnerability", v.severity.as_str()],
            security_severity,
            severity: v.severity.as_str(),
            fix: None,
            aliases: None,
        },
    }
}

fn vulnerability_result<'a>(
    v: &Vulnerability<'a>,
    rule_index: usize,
    fingerprint: String,
) -> SarifResult<'a> {
    let fixed = match v.fixed {
        Some(f) => format!("fixed in {f}"),
        None => v.state.to_string(),
    };
    SarifResult {
        rule_id: v.id,
        rule_index,
        level: level(v.severity),
        message: Message::new(format!(
            "{} {} is affected by {}; {fixed}",
            v.package, v.installed, v.id
        )),
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact_location(v.location),
                region: Some(Region::FirstLine { start_line: 1 }),
            },
            logical_locations: Vec::new(),
        }],
        partial_fingerprints: Fingerprints { v1: fingerprint },
        fixes: Vec::new(),
        suppressions: v
            .suppressed
            .map(|by| SarifSuppression {
                kind: "external",
                justification: by.reason.as_deref(),
                properties: SuppressionProperties { origin: &by.origin },
            })
            .into_iter()
            .collect(),
        properties: ResultProperties {
            severity: v.severity.as_str(),
            container: None,
            pss_check: None,
            package: Some(PackageProperties {
                aliases: v.aliases,
                package: v.package,
                installed: v.installed,
                fixed: v.fixed,
                layer: v.layer,
            }),
        },
    }
}

/// The vulnerability report of `bulkhead image` / `bulkhead fs` as SARIF 2.1.0: the same log,
/// levels and `security-severity` scale as every other bulkhead SARIF. Rules are the
/// advisories in id order, results the vulnerabilities in the order given (suppressed ones
/// carry `suppressions`); `errors` (inputs that could not be read, so the package list is
/// incomplete) become notifications and make the invocation unsuccessful.
pub fn render_vulnerabilities(
    vulnerabilities: &[Vulnerability<'_>],
    errors: &[InputError],
    opts: &RenderOptions,
) -> String {
    let mut ids: Vec<&str> = vulnerabilities.iter().map(|v| v.id).collect();
    ids.sort_unstable();
    ids.dedup();
    let rules = ids
        .iter()
        .filter_map(|id| vulnerabilities.iter().find(|v| v.id == *id))
        .map(vulnerability_descriptor)
        .collect();
    let mut seen: BTreeMap<u64, u32> = BTreeMap::new();
    let results = vulnerabilities
        .iter()
        .map(|v| {
            let h = fnv1a(&[v.id, v.package, v.installed, v.location]);
            let n = seen.entry(h).or_insert(0);
            *n += 1;
            let index = ids.binary_search(&v.id).unwrap_or(0);
            vulnerability_result(v, index, format!("{h:016x}:{n}"))
        })
        .collect();
    write_log(opts, rules, errors, results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(
            path_uri("./k8s/my app.yaml"),
            ("k8s/my%20app.yaml".into(), true)
        );
        assert_eq!(path_uri("c:x"), ("c%3Ax".into(), true));
        assert_eq!(path_uri("/abs/ü"), ("file:///abs/%C3%BC".into(), false));
        assert_eq!(path_uri("a#b?c%"), ("a%23b%3Fc%25".into(), true));
    }

    #[test]
    fn doc_sections() {
        let docs = "## What it does\nChecks X.\n\n## Why is this bad?\nY\n";
        assert_eq!(doc_section(docs, "## What it does"), Some("Checks X."));
        assert_eq!(doc_section(docs, "## Why is this bad?"), Some("Y"));
        assert_eq!(doc_section(docs, "## Example"), None);
    }

    #[test]
    fn help_text_keeps_code_verbatim() {
        let md = "## Example\nUse `x`:\n```yaml\n# comment\n  key: v\n```\n";
        assert_eq!(markdown_to_text(md), "Example\nUse x:\n# comment\n  key: v");
    }
}
