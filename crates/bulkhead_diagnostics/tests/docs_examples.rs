//! The example outputs in docs/sections/reports.md are the real output of the renderers on
//! `common::docs_report()`. Each block follows a `<!-- example: FORMAT -->` marker.
//! Run with `UPDATE_DOCS=1` to rewrite the blocks after an intended change.

mod common;

use bulkhead_diagnostics::render::{Format, RenderOptions, render_to_string};

const MARKER: &str = "<!-- example: ";

#[test]
fn documented_examples_are_real_output() {
    let path = common::workspace_root().join("docs/sections/reports.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let report = common::docs_report();
    let opts = RenderOptions {
        color: false,
        tool_version: "0.1.0".into(),
    };
    let mut updated = String::new();
    let mut rest = doc.as_str();
    let mut stale = Vec::new();
    let mut seen = 0;
    while let Some(i) = rest.find(MARKER) {
        let after = &rest[i + MARKER.len()..];
        let name_end = after.find(" -->").unwrap();
        let format: Format = after[..name_end].parse().unwrap();
        // The fenced block right after the marker line.
        let fence_start = after.find("```").unwrap();
        let body_start = fence_start + after[fence_start..].find('\n').unwrap() + 1;
        let body_len = after[body_start..].find("```").unwrap();
        let body = &after[body_start..body_start + body_len];
        let expected = render_to_string(format, &report, &opts);
        if body != expected {
            stale.push(format!("{format}:\n{expected}"));
        }
        updated.push_str(&rest[..i + MARKER.len()]);
        updated.push_str(&after[..body_start]);
        updated.push_str(&expected);
        rest = &after[body_start + body_len..];
        seen += 1;
    }
    updated.push_str(rest);
    assert!(seen >= 3, "expected examples in {path:?}");
    if !stale.is_empty() && std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert!(
        stale.is_empty(),
        "stale examples in {path:?} (UPDATE_DOCS=1 rewrites them):\n{}",
        stale.join("\n")
    );
}
