//! Property tests: `check` never panics, whatever it is fed (arbitrary text, and
//! Dockerfile-shaped text assembled from tricky fragments), and every fix it offers is a
//! well-formed edit whose application can be checked again without panicking.

use bulkhead_diagnostics::apply_fixes;
use bulkhead_dockerfile::{Settings, check};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "FROM ",
    "RUN ",
    "COPY ",
    "ADD ",
    "USER ",
    "ENV ",
    "ARG ",
    "ONBUILD ",
    "HEALTHCHECK ",
    "CMD ",
    "ENTRYPOINT ",
    "SHELL ",
    "EXPOSE ",
    "WORKDIR ",
    "LABEL ",
    "MAINTAINER ",
    "# escape=`\n",
    "# syntax=docker/dockerfile:1\n",
    "\\\n",
    "`\n",
    "\n",
    "\r\n",
    " ",
    "<<EOF",
    "<<-'EOF'",
    "EOF\n",
    "\tEOF\n",
    "<<\"A\" <<B",
    "A\n",
    "B\n",
    "$",
    "${",
    "}",
    "${X:-d}",
    "${X:+y}",
    ":-",
    "\"",
    "'",
    "[",
    "]",
    "[\"a\", \"b\"]",
    "--mount=type=cache,target=/x ",
    "--from=0 ",
    "--platform=$BUILDPLATFORM ",
    " AS ",
    "apt-get install ",
    "-y ",
    "curl -k x | sh",
    "sh -c '",
    "$(",
    ")",
    "`",
    "&&",
    "||",
    ";",
    "|",
    "(",
    "{",
    "case x in a) b;; esac",
    "# bulkhead: ignore[DF001] r\n",
    "# hadolint ignore=DL3008\n",
    "é",
    "\u{feff}",
    "\0",
    "root",
    "scratch",
    "22",
    "70000/UDP",
    "--checksum=sha256:0 ",
    "https://x/y",
    "/",
    ".npmrc",
];

fn assemble(parts: Vec<usize>) -> String {
    parts
        .into_iter()
        .map(|i| FRAGMENTS[i % FRAGMENTS.len()])
        .collect()
}

fn exercise(text: &str) {
    let settings = Settings {
        target: Some("0".into()),
        all_stages_user: true,
        allowed_registries: vec!["docker.io".into()],
        dockerignore: Some(vec!["*.md".into(), "!x".into()]),
        required_labels: vec!["a".into()],
    };
    for s in [&Settings::default(), &settings] {
        let out = check("Dockerfile", text, s);
        for f in &out.findings {
            if let Some(fix) = &f.fix {
                for e in &fix.edits {
                    assert!(e.start <= e.end && e.end <= text.len(), "{e:?} in {text:?}");
                    assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
                }
            }
        }
        let fixed = apply_fixes(text, out.findings.iter().filter_map(|f| f.fix.as_ref()));
        let _ = check("Dockerfile", &fixed.text, s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        exercise(&text);
    }

    #[test]
    fn dockerfile_shaped_text_never_panics(parts in prop::collection::vec(0usize..1000, 0..60)) {
        exercise(&assemble(parts));
    }

    #[test]
    fn arbitrary_bytes_lossy_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        exercise(&String::from_utf8_lossy(&bytes));
    }
}

/// `${a:-${a:-...}}` nested 20,000 deep in every instruction that expands variables: the
/// expansion stops nesting at `model::MAX_NESTING` levels (kept as written beyond), so time
/// and memory stay linear in the input; here it must simply finish, report the file, and
/// expand what is within the bound.
#[test]
fn deeply_nested_default_expansions_are_bounded() {
    let n = 20_000;
    let nest = format!("{}x{}", "${a:-".repeat(n), "}".repeat(n));
    for line in [
        format!("FROM {nest}"),
        format!("ENV A={nest}"),
        format!("ARG A={nest}"),
        format!("USER {nest}"),
        format!("WORKDIR {nest}"),
        format!("COPY {nest} /d/"),
        format!("LABEL a={nest}"),
        format!("EXPOSE {nest}"),
        format!("RUN echo {nest}"),
        format!("ONBUILD COPY {nest} /d/"),
    ] {
        let src = if line.starts_with("FROM") {
            format!("{line}\nUSER 1\n")
        } else {
            format!("FROM alpine:3.20\n{line}\nUSER 1\n")
        };
        let out = check("Dockerfile", &src, &Settings::default());
        // It was read: the base image's findings are there.
        assert!(
            !out.findings.is_empty() || !out.errors.is_empty(),
            "{}",
            &line[..20]
        );
    }
    // Within the bound, nesting expands as BuildKit does.
    let shallow = format!("{}x{}", "${a:-".repeat(5), "}".repeat(5));
    let e = bulkhead_dockerfile::model::expand(&shallow, '\\', &|_| None);
    assert_eq!(e.value, "x");
    let deep = format!(
        "{}x{}",
        "${a:-".repeat(bulkhead_dockerfile::model::MAX_NESTING + 1),
        "}".repeat(bulkhead_dockerfile::model::MAX_NESTING + 1)
    );
    let e = bulkhead_dockerfile::model::expand(&deep, '\\', &|_| None);
    assert_eq!(e.value, "${a:-x}");
}
