//! Cases of the kinds hadolint, Trivy and Checkov test their own Dockerfile rules with, written
//! here for Bulkhead: each checks the lines one rule reports (and that no other line gets it).

use bulkhead_diagnostics::apply_suppressions;
use bulkhead_dockerfile::{Settings, check};

/// The lines `code` reports in `src` after suppression comments are applied.
fn lines(code: &str, src: &str) -> Vec<u32> {
    let out = check("Dockerfile", src, &Settings::default());
    let (kept, _) = apply_suppressions("Dockerfile", out.findings, &out.suppressions, &|_| true);
    kept.iter()
        .filter(|f| f.rule.code == code)
        .map(|f| f.range.map_or(0, |r| r.start.line))
        .collect()
}

#[track_caller]
fn case(code: &str, src: &str, want: &[u32]) {
    assert_eq!(lines(code, src), want, "{code} in:\n{src}");
}

#[test]
fn onbuild_triggers_are_linted_as_the_instruction_they_wrap() {
    let src = "FROM debian:12\nONBUILD RUN apt-get install python\nUSER 1000\n";
    case("DF038", src, &[2]); // DL3008
    case("DF039", src, &[2]); // DL3014
    case("DF040", src, &[2]); // DL3015
    case(
        "DF056",
        "FROM python:3\nONBUILD RUN pip install flask\n",
        &[2],
    );
    case("DF030", "FROM a:1\nONBUILD ADD app.py /app/\n", &[2]);
    case("DF017", "FROM a:1\nONBUILD RUN sudo make install\n", &[2]);
    // Clean triggers stay clean, and file-level rules do not look at triggers.
    case(
        "DF038",
        "FROM debian:12\nONBUILD RUN apt-get install -y python3=3.11.2-1\n",
        &[],
    );
    case("DF078", "FROM a:1\nONBUILD RUN a\nONBUILD RUN b\n", &[]);
    // A trigger's fix edits the ONBUILD line in place.
    let out = check(
        "Dockerfile",
        "FROM a:1\nONBUILD ADD app.py /app/\n",
        &Settings::default(),
    );
    let f = out
        .findings
        .iter()
        .find(|f| f.rule.code == "DF030")
        .unwrap();
    let fixed =
        bulkhead_diagnostics::apply_fixes("FROM a:1\nONBUILD ADD app.py /app/\n", f.fix.as_ref());
    assert_eq!(fixed.text, "FROM a:1\nONBUILD COPY app.py /app/\n");
}

/// The input errors of `src`: (line, message).
fn errors(src: &str) -> Vec<(u32, String)> {
    check("Dockerfile", src, &Settings::default())
        .errors
        .into_iter()
        .map(|e| (e.range.map_or(0, |r| r.start.line), e.message))
        .collect()
}

#[test]
fn references_and_flags_docker_refuses_are_input_errors() {
    let hex = "a".repeat(64);
    assert_eq!(
        errors(&format!(
            "FROM debian:12\nRUN true\nFROM image:sha256:{hex}\n"
        )),
        vec![(
            3,
            format!(
                "`FROM image:sha256:{hex}`: invalid reference format: invalid tag (a tag is up \
                 to 128 letters, digits, `_`, `.`, `-`)"
            )
        )]
    );
    assert_eq!(
        errors("FROM a:1 AS build\nFROM b:1\nCOPY --from build /src /dst\n"),
        vec![(
            3,
            "missing a value on flag `--from`: write `--from=<value>`".to_string()
        )]
    );
    for bad in [
        "FROM Debian:12\n",
        "FROM debian:-1\n",
        "FROM a@sha256:12ab\n",
        "FROM a//b\n",
    ] {
        assert_eq!(errors(bad).len(), 1, "{bad}");
    }
    // Valid references, variables, stages, booleans flags without a value.
    for good in [
        format!("FROM localhost:5000/a/b-c__d.e:1.2_x@sha256:{hex}\n"),
        "ARG R\nFROM ${R}/x:1\n".to_string(),
        "FROM a:1 AS base\nFROM base\nCOPY --link --parents --from=base /a /b\n".to_string(),
        "FROM [::1]:5000/x:1\n".to_string(),
    ] {
        assert_eq!(errors(&good), Vec::<(u32, String)>::new(), "{good}");
    }
}

#[test]
fn an_unresolved_registry_does_not_hide_a_missing_tag() {
    // Trivy's DS-0001 case: DF001 (alias DS-0001) beside DF009 (the undeclared default).
    let src = "ARG REGISTRY\nFROM ${REGISTRY}/ubuntu\n";
    case("DF001", src, &[2]);
    case("DF009", src, &[2]);
}
