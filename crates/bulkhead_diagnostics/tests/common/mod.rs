//! A hand-built report exercising every renderer feature: several files, safe and unsafe
//! fixes, a suppressed finding, Kubernetes object findings, a whole-file finding, a finding on
//! a line of wide Unicode characters, characters that need escaping in every format, and input
//! errors with and without a range.

#![allow(dead_code)]

use bulkhead_diagnostics::rule::builtin::UNUSED_SUPPRESSION;
use bulkhead_diagnostics::{
    Alias, Category, Edit, Finding, Fix, FixKind, InputError, K8sObject, LineIndex, Position,
    Range, Report, RuleMeta, Severity, SuppressedBy, Tool,
};
use std::collections::BTreeMap;
use std::sync::Arc;

pub static APT_NO_RECOMMENDS: RuleMeta = RuleMeta {
    code: "DF040",
    name: "apt-no-install-recommends",
    summary: "apt-get install without --no-install-recommends",
    severity: Severity::Low,
    category: Category::Size,
    aliases: &[Alias::new(Tool::Hadolint, "DL3015")],
    fix: FixKind::Safe,
    default_enabled: true,
    docs: "## What it does\nChecks that `apt-get install` is given `--no-install-recommends`.\n\n\
## Why is this bad?\nRecommended packages bloat the image and widen its attack surface.\n\n\
## Example\n```dockerfile\nRUN apt-get install -y curl\n```\nUse instead:\n```dockerfile\n\
RUN apt-get install -y --no-install-recommends curl\n```\n\n\
## Fix safety\nSafe: only packages that were not asked for are left out.\n",
};

pub static ROOT_USER: RuleMeta = RuleMeta {
    code: "DF015",
    name: "last-user-is-root",
    summary: "The image runs as root",
    severity: Severity::High,
    category: Category::Security,
    aliases: &[
        Alias::new(Tool::Hadolint, "DL3002"),
        Alias::new(Tool::Trivy, "DS002"),
        Alias::new(Tool::Checkov, "CKV_DOCKER_8"),
    ],
    fix: FixKind::Unsafe,
    default_enabled: true,
    docs: "## What it does\nReports a final `USER` that is root.\n\n\
## Why is this bad?\nA process escaping the container as root owns the host.\n\n\
## Example\n```dockerfile\nUSER root\n```\n\n\
## Fix safety\nUnsafe: files the process writes may need other ownership.\n",
};

pub static MISSING_LABELS: RuleMeta = RuleMeta {
    code: "DF030",
    name: "missing-oci-labels",
    summary: "The image has no OCI labels",
    severity: Severity::Info,
    category: Category::Style,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: false,
    docs: "## What it does\nReports images without `org.opencontainers.image.*` labels.\n\n\
## Why is this bad?\nLabels tell scanners where an image comes from.\n\n\
## Example\n```dockerfile\nFROM alpine:3.20\n```\n\n## Fix safety\nNo fix.\n",
};

pub static PRIVILEGED: RuleMeta = RuleMeta {
    code: "PSS002",
    name: "pss-privileged",
    summary: "A container runs privileged",
    severity: Severity::Critical,
    category: Category::Security,
    aliases: &[
        Alias::new(Tool::Checkov, "CKV_K8S_16"),
        Alias::new(Tool::KubeLinter, "privileged-container"),
        Alias::new(Tool::Pss, "privileged"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports `securityContext.privileged: true`.\n\n\
## Why is this bad?\nA privileged container has every capability and all host devices.\n\n\
## Example\n```yaml\nsecurityContext:\n  privileged: true\n```\n\n## Fix safety\nNo fix.\n",
};

pub static NO_NETPOL: RuleMeta = RuleMeta {
    code: "KS064",
    name: "pod-not-isolated",
    summary: "No NetworkPolicy selects the pods of a namespace",
    severity: Severity::Low,
    category: Category::Network,
    aliases: &[Alias::new(Tool::KubeScore, "networkpolicy-targets-pod")],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\nReports namespaces whose pods no NetworkPolicy selects.\n\n\
## Why is this bad?\nEvery pod can then reach every other.\n\n\
## Example\n```yaml\nkind: Namespace\n```\n\n## Fix safety\nNo fix.\n",
};

pub const DOCKERFILE: &str = "FROM debian:12
# bulkhead: ignore[DF040] pinned by the base image
RUN apt-get update && apt-get install -y curl
RUN apt-get install -y wget
USER root
";

pub const DEPLOY: &str = r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
  annotations:
    description: "équipe données — 日本語 🚀" # bulkhead: ignore[KS013] 旧設定
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
"#;

pub const NAMESPACE: &str = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n";

pub const BROKEN: &str = "apiVersion: v1\nkind: ConfigMap\ndata:\n  key: value: other\n";

/// The range of the `nth` (0-based) occurrence of `needle` in `text`, through [`LineIndex`].
pub fn range_of(text: &str, needle: &str, nth: usize) -> Range {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in text"))
        .0;
    LineIndex::new(text).range(text, start, start + needle.len())
}

/// Byte offset just after the `nth` occurrence of `needle`.
pub fn offset_after(text: &str, needle: &str, nth: usize) -> usize {
    text.match_indices(needle).nth(nth).unwrap().0 + needle.len()
}

fn deployment() -> K8sObject {
    K8sObject {
        api_version: "apps/v1".into(),
        kind: "Deployment".into(),
        namespace: Some("prod".into()),
        name: Some("web".into()),
    }
}

/// The kitchen-sink report, sorted as the binary sorts it.
pub fn sample_report() -> Report {
    let wget_fix = Fix::safe(
        "Add `--no-install-recommends`",
        vec![Edit::insert(
            offset_after(DOCKERFILE, "apt-get install", 1),
            " --no-install-recommends",
        )],
    );
    let user_start = DOCKERFILE.find("root").unwrap();
    let user_fix = Fix::unsafe_(
        "Switch to the unprivileged user 10001",
        vec![Edit::replace(user_start, user_start + 4, "10001")],
    );
    let mut suppressed = Finding::new(
        &APT_NO_RECOMMENDS,
        "Dockerfile",
        Some(range_of(DOCKERFILE, "apt-get install -y curl", 0)),
        "`apt-get install` without `--no-install-recommends`",
    );
    suppressed.suppressed = Some(SuppressedBy {
        origin: "bulkhead".into(),
        reason: Some("pinned by the base image".into()),
    });

    let mut privileged = Finding::new(
        &PRIVILEGED,
        "k8s/deploy.yaml",
        Some(range_of(DEPLOY, "privileged: true", 0)),
        "Container `web` runs privileged: full access to the host's devices & kernel <all caps>",
    )
    .with_help("Remove `privileged: true`, or set it to `false`")
    .with_object(deployment())
    .with_container("web");
    privileged.pss_check = Some("privileged".into());

    let mut report = Report {
        findings: vec![
            // Deliberately out of order: sort() puts them right.
            Finding::new(
                &ROOT_USER,
                "Dockerfile",
                Some(range_of(DOCKERFILE, "USER root", 0)),
                "The last USER is `root`",
            )
            .with_help("Add a non-root `USER` after the last step that needs root")
            .with_fix(user_fix),
            Finding::new(
                &APT_NO_RECOMMENDS,
                "Dockerfile",
                Some(range_of(DOCKERFILE, "apt-get install -y wget", 0)),
                "`apt-get install` without `--no-install-recommends`",
            )
            .with_help("Add `--no-install-recommends`\nand list every package you need")
            .with_fix(wget_fix),
            Finding::new(
                &MISSING_LABELS,
                "Dockerfile",
                Some(range_of(DOCKERFILE, "FROM debian:12", 0)),
                "The image has no `org.opencontainers.image.source` label",
            ),
            privileged,
            Finding::new(
                &UNUSED_SUPPRESSION,
                "k8s/deploy.yaml",
                Some(range_of(DEPLOY, "KS013", 0)),
                "Unused suppression of `KS013`: no such finding here",
            ),
            Finding::new(
                &NO_NETPOL,
                "k8s/ns.yaml",
                None,
                "No NetworkPolicy selects the pods of namespace `prod`",
            )
            .with_help("Add a default-deny NetworkPolicy to `prod`")
            .with_object(K8sObject {
                api_version: "v1".into(),
                kind: "Namespace".into(),
                namespace: None,
                name: Some("prod".into()),
            }),
        ],
        suppressed: vec![suppressed],
        errors: vec![
            InputError::new(
                "missing.Dockerfile",
                None,
                "could not read the file: Permission denied (os error 13)",
            ),
            InputError::new(
                "broken.yaml",
                Some(Range::new(Position::new(4, 13), Position::new(4, 14))),
                "invalid YAML: mapping values are not allowed in this context",
            ),
        ],
        files: 6,
        fixes_applied: 0,
        sources: BTreeMap::from([
            ("Dockerfile".to_string(), Arc::<str>::from(DOCKERFILE)),
            ("k8s/deploy.yaml".to_string(), Arc::<str>::from(DEPLOY)),
            ("k8s/ns.yaml".to_string(), Arc::<str>::from(NAMESPACE)),
            ("broken.yaml".to_string(), Arc::<str>::from(BROKEN)),
        ]),
        rules: vec![
            &APT_NO_RECOMMENDS,
            &ROOT_USER,
            &MISSING_LABELS,
            &PRIVILEGED,
            &NO_NETPOL,
            &UNUSED_SUPPRESSION,
        ],
    };
    report.sort();
    report
}

/// A run that found nothing in three files.
pub fn clean_report() -> Report {
    Report {
        files: 3,
        rules: vec![&APT_NO_RECOMMENDS, &ROOT_USER],
        ..Report::default()
    }
}

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The committed JSON Schema of the JSON report, compiled (format checks on).
pub fn report_schema() -> jsonschema::Validator {
    let path = workspace_root().join("docs/schema/report-v1.schema.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("invalid schema {path:?}: {e}"))
}

/// Every way `instance` breaks the schema, as `message at /pointer` lines.
pub fn schema_errors(schema: &jsonschema::Validator, instance: &serde_json::Value) -> Vec<String> {
    schema
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// The smaller report shown in docs/sections/reports.md: a fixable Dockerfile finding, a
/// Kubernetes object finding, a whole-file finding and an input error.
pub fn docs_report() -> Report {
    let mut report = sample_report();
    report
        .findings
        .retain(|f| matches!(f.rule.code, "DF040" | "PSS002" | "KS064"));
    report.suppressed.clear();
    report.errors.retain(|e| e.range.is_some());
    report.sources.retain(|p, _| p != "k8s/ns.yaml");
    report.files = 4;
    report
}

/// A file written to attack the reader: ANSI escapes and a bidi override in the source, and a
/// message that tries to clear the screen, retitle the terminal, start a new line and inject a
/// GitHub workflow command; a path with characters that need escaping everywhere.
pub fn hostile_report() -> Report {
    let text = "FROM alpine\x1b[2J\nUSER \u{202E}toor\u{202C}\n";
    let path = "evil/a b,c:d%.Dockerfile";
    let mut report = Report {
        findings: vec![Finding::new(
            &ROOT_USER,
            path,
            Some(range_of(text, "USER", 0)),
            "root\x1b]0;pwned\x07\r\n::error file=x::injected <b>&amp;</b>",
        )],
        errors: vec![InputError::new(path, None, "bad\0byte \u{FFFF}")],
        files: 1,
        sources: BTreeMap::from([(path.to_string(), Arc::<str>::from(text))]),
        rules: vec![&ROOT_USER],
        ..Report::default()
    };
    report.sort();
    report
}

/// A vulnerability report rendered as SARIF: a CVSS-scored advisory found twice (two
/// lockfiles), one rated only by its source, one unrated, one suppressed by VEX, hostile
/// package text, and an input that could not be read.
#[allow(dead_code)]
pub fn vulnerability_sarif(opts: &bulkhead_diagnostics::render::RenderOptions) -> String {
    sample_vulnerabilities(|v, e| bulkhead_diagnostics::render::render_vulnerabilities(v, e, opts))
}

/// The sample vulnerability report as the HTML page.
pub fn vulnerability_html() -> String {
    sample_vulnerabilities(|v, e| {
        bulkhead_diagnostics::render::html_vulnerabilities("Bulkhead: alpine:3.11", v, e, None)
    })
}

/// Vulnerabilities of every shape (fixed, unfixed, unrated, hostile text, suppressed) and an
/// unreadable input, handed to `f`.
fn sample_vulnerabilities<T>(
    f: impl FnOnce(
        &[bulkhead_diagnostics::render::Vulnerability<'_>],
        &[bulkhead_diagnostics::InputError],
    ) -> T,
) -> T {
    use bulkhead_diagnostics::render::Vulnerability;
    use bulkhead_diagnostics::{InputError, Severity, SuppressedBy};
    let aliases = vec!["GHSA-xxxx-yyyy-zzzz".to_string()];
    let none: Vec<String> = Vec::new();
    let vex = SuppressedBy {
        origin: "vex.json".into(),
        reason: Some("not_affected: vulnerable_code_not_in_execute_path".into()),
    };
    let base = Vulnerability {
        id: "CVE-2016-10931",
        summary: "Invalid Certificate Validation in openssl",
        url: Some("https://osv.dev/vulnerability/CVE-2016-10931"),
        severity: Severity::High,
        unrated: false,
        cvss_score: Some(8.1),
        aliases: &aliases,
        package: "openssl",
        installed: "0.8.3",
        fixed: Some("0.9.0"),
        state: "fixed",
        location: "app/Cargo.lock",
        layer: Some("sha256:0123456789abcdef"),
        suppressed: None,
    };
    let vulns = [
        base.clone(),
        Vulnerability {
            location: "tools/Cargo.lock",
            layer: None,
            ..base.clone()
        },
        Vulnerability {
            id: "ALPINE-CVE-2020-1967",
            summary: "",
            url: None,
            severity: Severity::Medium,
            cvss_score: None,
            aliases: &none,
            package: "libssl1.1",
            installed: "1.1.1d-r3",
            fixed: None,
            state: "will-not-fix",
            location: "alpine:3.11",
            ..base.clone()
        },
        Vulnerability {
            id: "GHSA-3gxf-9r58-2ghg",
            summary: "unrated \u{1b}[31m advisory\nsecond line",
            severity: Severity::Info,
            unrated: true,
            cvss_score: None,
            package: "evil\u{202e}pkg",
            installed: "1.0.0 <script>",
            fixed: None,
            state: "unfixed",
            location: "dir with space/#odd?.lock",
            ..base.clone()
        },
        Vulnerability {
            id: "CVE-2021-0001",
            severity: Severity::Critical,
            cvss_score: Some(9.8),
            suppressed: Some(&vex),
            ..base.clone()
        },
    ];
    let errors = [InputError::new(
        "alpine:3.11",
        None,
        "usr/lib/python3.8/site-packages/x.dist-info/METADATA: unreadable",
    )];
    f(&vulns, &errors)
}
