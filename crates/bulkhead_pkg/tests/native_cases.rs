//! Cases where the orderings once disagreed with the native tools, each checked against the
//! tool itself: rpm 4.18 (`rpm.ver` of its Python bindings), apk-tools 2.14, `packaging`,
//! `golang.org/x/mod/semver`, node-semver 7 and Maven's `ComparableVersion`.

use bulkhead_pkg::range::npm::{NpmOptions, npm_satisfies};
use bulkhead_pkg::{RangeLanguage, Scheme, compare, satisfies, validate};
use std::cmp::Ordering::{self, Equal, Greater, Less};

fn check(scheme: Scheme, cases: &[(&str, &str, Ordering)]) {
    for (a, b, want) in cases {
        assert_eq!(
            compare(scheme, a, b).unwrap(),
            *want,
            "{scheme} {a:?} {b:?}"
        );
        assert_eq!(
            compare(scheme, b, a).unwrap(),
            want.reverse(),
            "{scheme} {b:?} {a:?}"
        );
    }
}

#[test]
fn rpm_release_on_one_side_orders_as_rpm() {
    check(
        Scheme::Rpm,
        &[
            ("4-1", "4", Greater),
            ("4", "4-2", Less),
            ("7-", "7", Greater),
            ("7-", "7-0", Less),
            ("1:", "0", Greater),
            ("1:", "1:0", Less),
            (" 1.0", "1.0", Equal),
            ("1.0 ", "1.0", Equal),
            (" 1:2", "0:2", Less),
            ("99999999999999999999999:1", "1:1", Greater),
            (
                "99999999999999999999999:1",
                "99999999999999999999998:1",
                Greater,
            ),
            ("007:1", "7:1", Equal),
            ("0:1", "1", Equal),
        ],
    );
    // Transitive now: 4 < 4-1 and 4-1 < 4-2 and 4 < 4-2.
    assert_eq!(compare(Scheme::Rpm, "4", "4-2").unwrap(), Less);
    assert!(compare(Scheme::Rpm, "", "1").is_err());
}

#[test]
fn apk_v2_long_numbers_are_invalid_tokens() {
    check(Scheme::Apk, &[("1", "123456789012345678", Greater)]);
    check(Scheme::Apk, &[("1", "12345678901234567", Less)]);
    check(Scheme::Apk3, &[("1", "123456789012345678", Less)]);
    assert!(validate(Scheme::Apk, "123456789012345678").is_err());
    assert!(validate(Scheme::Apk, "12345678901234567").is_ok());
}

#[test]
fn pep440_label_separators_and_big_numbers() {
    check(
        Scheme::Pep440,
        &[
            ("1.0a.", "1.0a0", Equal),
            ("1.0.post.", "1.0.post0", Equal),
            ("1.0.dev.", "1.0.dev0", Equal),
            ("1.0a.post.dev.", "1.0a0.post0.dev0", Equal),
            ("18446744073709551616", "18446744073709551615", Greater),
            ("1.18446744073709551616", "1.18446744073709551617", Less),
            ("18446744073709551616!1", "1", Greater),
            (
                "1.0+18446744073709551616",
                "1.0+18446744073709551615",
                Greater,
            ),
            (
                "1.0.post018446744073709551616",
                "1.0.post18446744073709551616",
                Equal,
            ),
        ],
    );
    for bad in ["1.0.", "1.0-", "1.0a..", "1.0.post..1"] {
        assert!(validate(Scheme::Pep440, bad).is_err(), "{bad:?}");
    }
}

#[test]
fn go_has_no_numeric_limit_and_refuses_whitespace() {
    check(
        Scheme::Go,
        &[
            ("v9007199254740992.0.0", "v9007199254740991.0.0", Greater),
            (
                "v1.0.0-18446744073709551616",
                "v1.0.0-18446744073709551615",
                Greater,
            ),
        ],
    );
    for bad in [" v1.2.3", "v1.2.3 ", "\tv1.2.3"] {
        assert!(validate(Scheme::Go, bad).is_err(), "{bad:?}");
    }
}

#[test]
fn semver_strict_refuses_an_equals_sign() {
    assert!(validate(Scheme::Semver, "=1.2.3").is_err());
    assert!(validate(Scheme::Semver, "v1.2.3").is_ok());
}

#[test]
fn maven_qualifier_lists_order_as_comparable_version() {
    check(
        Scheme::Maven,
        &[
            ("1.abc", "1.abc.1", Greater),
            ("1.abc", "1.abc-def", Greater),
            ("1.abc-", "1.abc", Less),
            ("rc1", "0-rc1", Less),
            ("abc", "0-rc1", Less),
            ("6.2.7.jboss", "6.2.7.jboss.9", Greater),
        ],
    );
}

#[test]
fn npm_ranges_as_node_semver() {
    let s = |v: &str, r: &str| npm_satisfies(v, r, NpmOptions::default()).unwrap_or(false);
    // A `*` alternative makes the whole range `*`, which lets no prerelease through.
    assert!(!s("1.0.0-rc.1", "* || >=1.0.0-0"));
    assert!(!s("1.0.0-rc.1", ">=1.0.0-0 || *"));
    assert!(s("1.0.0-rc.1", ">=1.0.0-0"));
    let inc = NpmOptions {
        include_prerelease: true,
        ..NpmOptions::default()
    };
    assert!(npm_satisfies("1.0.0-rc.1", "* || >=1.0.0-0", inc).unwrap());
    // A full version after the operator takes one `v` but no `=`.
    for bad in [
        ">==1.5.2",
        "==1.5.2",
        ">= =1.5.2",
        "=0.3.5 - 2.3.5",
        "1.2.3 - =2.3.4",
    ] {
        assert!(
            npm_satisfies("1.5.2", bad, NpmOptions::default()).is_err(),
            "{bad:?}"
        );
    }
    for good in [
        ">==1.5",
        ">=v1.5.2",
        "=v1.5.2",
        "= 1.5.2",
        "=1.2 - 2",
        "1.2.3 - =2",
    ] {
        assert!(s("1.5.2", good), "{good:?}");
    }
    let loose = NpmOptions {
        loose: true,
        ..NpmOptions::default()
    };
    assert!(npm_satisfies("1.5.2", ">==1.5.2", loose).unwrap());
    // The version itself is strict: `=0.1.0` is not one.
    assert!(npm_satisfies("=0.1.0", "0.1.0", NpmOptions::default()).is_err());
}

#[test]
fn semver_comparator_lists_name_npm_range_for_partial_versions() {
    let e = satisfies(RangeLanguage::Scheme(Scheme::Semver), "1.2.3", ">=1.0").unwrap_err();
    assert!(e.to_string().contains("npm-range"), "{e}");
    assert!(satisfies(RangeLanguage::NpmRange, "1.2.3", ">=1.0").unwrap());
}
