//! Rendering never panics and keeps its promises on odd input: ranges past the end of the
//! file, line or column 0, `u32::MAX` columns, reversed ranges, edits out of bounds or inside
//! a multi-byte character, empty or missing sources, and hostile text (escapes, bidi
//! overrides, CR, NUL) in messages, paths and sources.

mod common;

use bulkhead_diagnostics::render::{Format, RenderOptions, render_to_string};
use bulkhead_diagnostics::rule::builtin::UNUSED_SUPPRESSION;
use bulkhead_diagnostics::{
    Edit, Finding, Fix, InputError, K8sObject, Position, Range, Report, RuleMeta, Severity,
    SuppressedBy,
};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

const CHARS: &[char] = &[
    'a', 'b', ' ', ' ', '\n', '\n', '\r', '\t', 'é', '日', '🚀', '\u{301}', '\u{1b}', '\u{202E}',
    '\u{200B}', '\0', '\u{85}', '\u{FFFF}', '%', ':', ',', '<', '&', '"', '\'', '#', '`',
];
const PATHS: &[&str] = &[
    "Dockerfile",
    "k8s/a b,c.yaml",
    "./x:y%z",
    "/abs/é.yaml",
    "-",
    "",
];
const RULES: &[&RuleMeta] = &[
    &common::APT_NO_RECOMMENDS,
    &common::ROOT_USER,
    &common::MISSING_LABELS,
    &common::PRIVILEGED,
    &common::NO_NETPOL,
    &UNUSED_SUPPRESSION,
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(CHARS), 0..max).prop_map(String::from_iter)
}

fn number() -> impl Strategy<Value = u32> {
    prop_oneof![0..6u32, 0..40u32, Just(u32::MAX)]
}

fn range() -> impl Strategy<Value = Option<Range>> {
    prop::option::of(
        (number(), number(), number(), number())
            .prop_map(|(a, b, c, d)| Range::new(Position::new(a, b), Position::new(c, d))),
    )
}

fn severity() -> impl Strategy<Value = Severity> {
    prop::sample::select(Severity::ALL_DESC.to_vec())
}

fn fix() -> impl Strategy<Value = Option<Fix>> {
    let offset = prop_oneof![0..40usize, Just(usize::MAX)];
    let edit = (offset.clone(), offset, text(6)).prop_map(|(s, e, c)| Edit::replace(s, e, c));
    prop::option::of(
        (any::<bool>(), text(10), prop::collection::vec(edit, 0..3)).prop_map(|(safe, m, e)| {
            if safe {
                Fix::safe(m, e)
            } else {
                Fix::unsafe_(m, e)
            }
        }),
    )
}

fn finding() -> impl Strategy<Value = Finding> {
    (
        (
            prop::sample::select(RULES),
            prop::sample::select(PATHS),
            range(),
            text(20),
        ),
        (severity(), prop::option::of(text(20)), fix()),
        (
            prop::option::of((text(5), prop::option::of(text(5)))),
            prop::option::of(text(5)),
            prop::option::of(prop::option::of(text(8))),
        ),
    )
        .prop_map(
            |((rule, path, range, msg), (sev, help, fix), (object, container, sup))| {
                let mut f = Finding::new(rule, path, range, msg).with_severity(sev);
                f.help = help;
                f.fix = fix;
                f.object = object.map(|(kind, name)| K8sObject {
                    api_version: "v1".into(),
                    kind,
                    namespace: None,
                    name,
                });
                f.container = container;
                f.suppressed = sup.map(|reason| SuppressedBy {
                    origin: "bulkhead".into(),
                    reason,
                });
                f
            },
        )
}

fn report() -> impl Strategy<Value = Report> {
    (
        prop::collection::vec(finding(), 0..8),
        prop::collection::vec(
            (prop::sample::select(PATHS), range(), text(20))
                .prop_map(|(p, r, m)| InputError::new(p, r, m)),
            0..3,
        ),
        prop::collection::btree_map(prop::sample::select(PATHS), text(120), 0..4),
        0..10usize,
    )
        .prop_map(|(all, errors, sources, files)| {
            let (suppressed, findings) = all.into_iter().partition(|f| f.suppressed.is_some());
            let mut report = Report {
                findings,
                suppressed,
                errors,
                files,
                fixes_applied: 0,
                sources: sources
                    .into_iter()
                    .map(|(p, t)| (p.to_string(), Arc::<str>::from(t)))
                    .collect::<BTreeMap<_, _>>(),
                rules: RULES[..3].to_vec(),
            };
            report.sort();
            report
        })
}

fn legal_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Everything each format promises, checked on one report.
fn check_promises(report: &Report, schema: &jsonschema::Validator) {
    let lines = report.findings.len() + report.errors.len();
    for color in [false, true] {
        let opts = RenderOptions {
            color,
            tool_version: "0".into(),
        };
        for format in Format::ALL {
            let out = render_to_string(format, report, &opts);
            assert!(!out.contains('\r'), "{format}: raw carriage return");
            if !color || format != Format::Human {
                assert!(!out.contains('\x1b'), "{format}: escape without colour");
            }
            match format {
                Format::Human if !color => assert!(
                    out.chars().all(|c| c == '\n' || !c.is_control()),
                    "human: control character"
                ),
                Format::Concise | Format::Github => {
                    assert_eq!(out.lines().count(), lines, "{format}: one line per item")
                }
                Format::Json => {
                    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
                    assert_eq!(common::schema_errors(schema, &doc), Vec::<String>::new());
                }
                Format::Sarif => {
                    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
                    let results = doc["runs"][0]["results"].as_array().unwrap();
                    assert_eq!(
                        results.len(),
                        report.findings.len() + report.suppressed.len()
                    );
                }
                Format::Junit => assert!(out.chars().all(legal_xml), "junit: illegal XML char"),
                _ => {}
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn rendering_never_panics(report in report()) {
        thread_local! {
            static SCHEMA: jsonschema::Validator = common::report_schema();
        }
        SCHEMA.with(|schema| check_promises(&report, schema));
    }
}

/// The odd cases named explicitly, so they are covered on every run whatever proptest draws.
#[test]
fn odd_inputs_render() {
    let r = |a, b, c, d| Some(Range::new(Position::new(a, b), Position::new(c, d)));
    let rule = &common::APT_NO_RECOMMENDS;
    let mut findings = vec![
        Finding::new(rule, "empty", r(1, 1, 1, 1), "in an empty file"),
        Finding::new(
            rule,
            "empty",
            r(3, 1, 3, 2),
            "past the end of an empty file",
        ),
        Finding::new(rule, "f", r(99, 1, 120, 1), "past the end"),
        Finding::new(rule, "f", r(0, 0, 0, 0), "line and column zero"),
        Finding::new(rule, "f", r(2, u32::MAX, 1, 1), "reversed, huge column"),
        Finding::new(rule, "f", r(1, 2, 9, 9), "ending past the end"),
        Finding::new(rule, "no-source", r(5, 5, 5, 9), "source not kept"),
        Finding::new(rule, "f", r(2, 2, 2, 3), "edits out of bounds").with_fix(Fix::safe(
            "x",
            vec![
                Edit::replace(usize::MAX, 3, "a"),
                Edit::replace(5, 6, "inside é"),
                Edit::insert(10_000, "b"),
            ],
        )),
        Finding::new(
            rule,
            "f\x1b[2J\n",
            None,
            "hostile\x1b]0;title\x07 message\r\n::error::x",
        ),
    ];
    findings.push(Finding::new(rule, "crlf", r(1, 1, 2, 1), "crlf"));
    let mut report = Report {
        findings,
        errors: vec![
            InputError::new("f", r(u32::MAX, u32::MAX, 0, 0), "error past the end"),
            InputError::new("empty", None, ""),
        ],
        sources: BTreeMap::from([
            ("empty".to_string(), Arc::<str>::from("")),
            ("f".to_string(), Arc::<str>::from("é\u{202E}x\n\ty日\n")),
            ("crlf".to_string(), Arc::<str>::from("a\r\nb\r\n")),
        ]),
        files: 3,
        ..Report::default()
    };
    report.sort();
    check_promises(&report, &common::report_schema());
    let human = render_to_string(Format::Human, &report, &RenderOptions::default());
    assert!(human.contains("f␛[2J␊"), "{human}");
    let github = render_to_string(Format::Github, &report, &RenderOptions::default());
    assert!(
        github.contains("hostile%1B]0;title%07 message%0D%0A::error::x"),
        "{github}"
    );
}
