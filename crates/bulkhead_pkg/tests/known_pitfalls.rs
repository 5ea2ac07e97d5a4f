//! The orderings scanners have got wrong (apk `_rc` and `_p`, Ubuntu rebuilds and security
//! revisions, Maven qualifiers, npm prereleases, rpm `~`/`^`, PEP 440 post/dev), held here so
//! they stay covered without ../shared.

use bulkhead_pkg::{RangeLanguage, Scheme, compare, satisfies};
use std::cmp::Ordering::{self, Equal, Greater, Less};

fn check(scheme: Scheme, cases: &[(&str, &str, Ordering)]) {
    for (a, b, want) in cases {
        assert_eq!(compare(scheme, a, b).unwrap(), *want, "{scheme} {a} {b}");
        assert_eq!(
            compare(scheme, b, a).unwrap(),
            want.reverse(),
            "{scheme} {b} {a}"
        );
    }
}

#[test]
fn apk_suffixes() {
    for s in [Scheme::Apk, Scheme::Apk3] {
        check(
            s,
            &[
                ("1.2.3_rc1-r0", "1.2.3-r0", Less),
                ("1.2.3_rc1-r9", "1.2.3_rc2-r0", Less),
                ("1.2.3_alpha-r0", "1.2.3_beta-r0", Less),
                ("1.2.3_pre1-r0", "1.2.3_rc1-r0", Less),
                ("1.2.3_p1-r0", "1.2.3-r5", Greater),
                ("1.2.3_git20240101-r0", "1.2.3-r1", Greater),
                ("1.2.3a-r0", "1.2.3-r0", Greater),
                ("1.2.3-r10", "1.2.3-r9", Greater),
                ("1.2.10-r0", "1.2.9-r0", Greater),
                ("3.1.4-r6", "3.1.4-r6", Equal),
            ],
        );
    }
}

#[test]
fn debian_and_ubuntu_revisions() {
    check(
        Scheme::Dpkg,
        &[
            ("1.2-3build1", "1.2-3", Greater),
            ("1.2-3ubuntu0.1", "1.2-3ubuntu1", Less),
            ("2.35-0ubuntu3.1", "2.35-0ubuntu3.1build1", Less),
            ("2.36-9+deb12u4", "2.36-9+deb12u10", Less),
            ("3.0.11-1~deb12u2", "3.0.11-1", Less),
            ("1:1.0-1", "2.0-1", Greater),
            ("1.0+dfsg-1", "1.0-1", Greater),
            ("1.0~beta1-1", "1.0-1", Less),
            ("7.88.1-10+deb12u5", "7.88.1-10+deb12u5", Equal),
        ],
    );
}

#[test]
fn rpm_tilde_caret_and_epochs() {
    check(
        Scheme::Rpm,
        &[
            ("1.0~rc1-1.el9", "1.0-1.el9", Less),
            ("1.0^git1-1.fc40", "1.0-1.fc40", Greater),
            ("1:1.0-1", "2.0-1", Greater),
            ("3.0.7-27.el9", "3.0.7-27.el9_4", Less),
            ("3.0.7-27.el9_4.1", "3.0.7-27.el9_4", Greater),
            ("2.34-100.el9_4.2", "2.34-100.el9_4.10", Less),
            // A missing release sorts first (rpm's EVR order, transitive)...
            ("1.0", "1.0-5", Less),
        ],
    );
    // ...while range evaluation keeps rpm's dependency rule: no release matches any release.
    let rpm = RangeLanguage::Scheme(Scheme::Rpm);
    assert!(satisfies(rpm, "1.0", "=1.0-5").unwrap());
    assert!(satisfies(rpm, "1.0-5", ">=1.0").unwrap());
    assert!(!satisfies(rpm, "1.0-5", ">1.0").unwrap());
}

#[test]
fn maven_qualifiers() {
    check(
        Scheme::Maven,
        &[
            ("2.0.0-M1", "2.0.0-RC1", Less),
            ("2.0.0-RC1", "2.0.0", Less),
            ("2.0.0.RELEASE", "2.0.0", Equal),
            ("2.0.0.Final", "2.0.0", Equal),
            ("2.0.0-SNAPSHOT", "2.0.0-RC1", Greater),
            ("2.0.0-SNAPSHOT", "2.0.0", Less),
            ("2.0.0-sp1", "2.0.0", Greater),
            ("31.1-jre", "31.1", Greater),
            ("9.4.51.v20230217", "9.4.51", Greater),
            ("1.10", "1.9", Greater),
        ],
    );
}

#[test]
fn pep440_releases() {
    check(
        Scheme::Pep440,
        &[
            ("2.0.0rc1", "2.0.0", Less),
            ("2.0.0.post1", "2.0.0", Greater),
            ("2.0.0.dev1", "2.0.0a1", Less),
            ("2.0", "2.0.0", Equal),
            ("1!0.1", "2.0", Greater),
            ("2.0+ubuntu1", "2.0", Greater),
        ],
    );
}

#[test]
fn npm_prereleases_and_ranges() {
    let sat = |v, r| satisfies(RangeLanguage::NpmRange, v, r).unwrap();
    assert!(!sat("2.0.0-rc.1", "^1.2.3"));
    assert!(!sat("1.3.0-beta", "^1.2.3"));
    assert!(sat("1.2.4-beta", ">=1.2.4-alpha <1.3.0"));
    assert!(sat("4.17.20", "<4.17.21"));
    assert!(!sat("4.17.21", "<4.17.21"));
    assert!(sat("0.2.5", "^0.2.3"));
    assert!(!sat("0.3.0", "^0.2.3"));
    assert!(sat("1.0.0", "1.0.0 - 1.2.0 || >=3"));
}
