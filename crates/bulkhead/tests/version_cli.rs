//! `bulkhead version compare|satisfies`: answers, exit statuses and error messages.

use std::process::{Command, Output};

fn bulkhead(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bulkhead"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run bulkhead")
}

fn ok(args: &[&str]) -> String {
    let out = bulkhead(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn compare_prints_the_ordering() {
    let cases: &[(&[&str], &str)] = &[
        (&["dpkg", "1.0~rc1-1", "1.0-1"], "<\n"),
        (&["dpkg", "1:0.9", "2.0"], ">\n"),
        (&["dpkg", "1.0", "0:1.0-0"], "=\n"),
        (&["rpm", "1.0^git1", "1.0"], ">\n"),
        (&["rpm", "1.0~rc1", "1.0"], "<\n"),
        (&["apk", "8.2.0", "8.2.001"], ">\n"),
        (&["apk3", "8.2.0", "8.2.001"], "<\n"),
        (&["apk3", "1.2_rc1-r0", "1.2-r0"], "<\n"),
        (&["pep440", "1.0.post1", "1.0"], ">\n"),
        (&["pep440", "1.0c1", "1.0rc1"], "=\n"),
        (&["semver", "1.2.3+a", "1.2.3+b"], "=\n"),
        (
            &["go", "v1.2.3", "v1.2.4-0.20191109021931-daa7c04131f5"],
            "<\n",
        ),
        (&["maven", "1.0-SNAPSHOT", "1.0"], "<\n"),
        (&["maven", "1.0.final", "1"], "=\n"),
        (&["gem", "1.0.a", "1.0"], "<\n"),
        (&["nuget", "1.0.0-Beta", "1.0.0-beta"], "=\n"),
    ];
    for (args, want) in cases {
        let mut full = vec!["version", "compare"];
        full.extend_from_slice(args);
        assert_eq!(ok(&full), *want, "{args:?}");
    }
}

#[test]
fn satisfies_prints_true_or_false() {
    let cases: &[(&[&str], &str)] = &[
        (&["npm-range", "1.8.1", "^1.2.3"], "true\n"),
        (&["npm-range", "1.2.4-beta", "^1.2.3"], "false\n"),
        (
            &["npm-range", "1.2.4-beta", "^1.2.3", "--include-prerelease"],
            "true\n",
        ),
        (&["npm-range", "1.2.3beta", "<1.2.3", "--loose"], "false\n"),
        (
            &["npm-range", "1.2.3beta", "<1.2.3-rc", "--loose"],
            "true\n",
        ),
        (&["pep440", "1.5", ">=1.0, !=1.5.*"], "false\n"),
        (&["pep440", "2.0b1", ">=1.0"], "false\n"),
        (
            &["pep440", "2.0b1", ">=1.0", "--include-prerelease"],
            "true\n",
        ),
        (&["maven", "2.0-SNAPSHOT", "[1.0,2.0)"], "true\n"),
        (&["nuget", "1.5.0", "[1.0,2.0)"], "true\n"),
        (&["gem", "2.9", "~> 2.2"], "true\n"),
        (&["dpkg", "2.36-9+deb12u3", "<< 2.36-9+deb12u4"], "true\n"),
        (&["apk3", "1.2.3-r4", ">=1.2.3-r5 || =1.2.3-r4"], "true\n"),
    ];
    for (args, want) in cases {
        let mut full = vec!["version", "satisfies"];
        full.extend_from_slice(args);
        assert_eq!(ok(&full), *want, "{args:?}");
    }
}

#[test]
fn invalid_input_exits_2_with_the_reason() {
    let out = bulkhead(&["version", "compare", "dpkg", "a1", "1.0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot compare\n  caused by: invalid dpkg version \"a1\": version number does not start with digit\n"
    );

    let out = bulkhead(&["version", "satisfies", "npm-range", "1.0.0", ">=foo"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot evaluate the range\n  caused by: invalid npm-range range \">=foo\": invalid comparator \">=foo\"\n"
    );

    let out = bulkhead(&["version", "compare", "cobol", "1", "2"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown version scheme \"cobol\""), "{err}");

    // Versions that look like flags are still versions (and here, invalid ones).
    let out = bulkhead(&["version", "compare", "semver", "-1.0.0", "1.0.0"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The repros of the native-tool differentials (rpm 4.18, apk-tools 2.14, packaging,
/// x/mod/semver, Maven, node-semver), end to end.
#[test]
fn answers_agree_with_the_native_tools() {
    let compare: &[(&[&str], &str)] = &[
        (&["rpm", "4-1", "4"], ">\n"),
        (&["rpm", "4", "4-2"], "<\n"),
        (&["rpm", "7-", "7"], ">\n"),
        (&["rpm", "1:", "0"], ">\n"),
        (&["rpm", " 1.0", "1.0"], "=\n"),
        (&["rpm", "99999999999999999999999:1", "1:1"], ">\n"),
        (&["apk", "1", "123456789012345678"], ">\n"),
        (&["pep440", "1.0a.", "1.0a0"], "=\n"),
        (&["pep440", "1.0.post.", "1.0.post0"], "=\n"),
        (
            &["pep440", "18446744073709551616", "18446744073709551615"],
            ">\n",
        ),
        (&["go", "v9007199254740992.0.0", "v1.0.0"], ">\n"),
        (&["maven", "1.abc", "1.abc.1"], ">\n"),
        (&["maven", "1.abc-", "1.abc"], "<\n"),
        (&["maven", "rc1", "0-rc1"], "<\n"),
        (&["maven", "6.2.7.jboss", "6.2.7.jboss.9"], ">\n"),
    ];
    for (args, want) in compare {
        let mut full = vec!["version", "compare"];
        full.extend_from_slice(args);
        assert_eq!(ok(&full), *want, "{args:?}");
    }
    assert_eq!(
        ok(&[
            "version",
            "satisfies",
            "npm-range",
            "1.0.0-rc.1",
            "* || >=1.0.0-0"
        ]),
        "false\n"
    );
    assert_eq!(
        ok(&["version", "satisfies", "rpm", "1.0", ">=1.0-5"]),
        "true\n"
    );
    for (scheme, version, range) in [
        ("npm-range", "1.5.2", ">==1.5.2"),
        ("npm-range", "1.0.0", "=0.3.5 - 2.3.5"),
        ("npm-range", "=0.1.0", "0.1.0"),
    ] {
        let out = bulkhead(&["version", "satisfies", scheme, version, range]);
        assert_eq!(out.status.code(), Some(2), "{version} {range}");
    }
    for bad in [" v1.2.3", "v1.2.3 "] {
        let out = bulkhead(&["version", "compare", "go", bad, "v1.2.3"]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    let out = bulkhead(&["version", "compare", "semver", "=1.2.3", "1.2.3"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn semver_comparator_lists_point_to_npm_range() {
    let out = bulkhead(&["version", "satisfies", "semver", "1.2.3", ">=1.0"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot evaluate the range\n  caused by: invalid comparator range \">=1.0\": invalid semver version \"1.0\": expected MAJOR.MINOR.PATCH; comparator lists of the semver scheme take full MAJOR.MINOR.PATCH versions: for partial versions and `^`, `~`, `x` ranges use the npm-range language\n"
    );
    assert_eq!(
        ok(&["version", "satisfies", "npm-range", "1.2.3", ">=1.0"]),
        "true\n"
    );
}
