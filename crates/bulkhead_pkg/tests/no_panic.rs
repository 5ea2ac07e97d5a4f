//! Property tests: no parser panics on arbitrary input, and every ordering behaves like one
//! (reflexive, antisymmetric, transitive on valid versions).

use bulkhead_pkg::range::maven::MavenRange;
use bulkhead_pkg::range::npm::{NpmOptions, NpmRange};
use bulkhead_pkg::range::pep440::SpecifierSet;
use bulkhead_pkg::version::rpm::RpmVersion;
use bulkhead_pkg::{OsvAffected, Purl, RangeLanguage, Scheme, compare, satisfies, validate};
use proptest::prelude::*;
use std::cmp::Ordering;

/// Version-shaped text: digits, letters, separators and each scheme's special characters.
fn versionish() -> impl Strategy<Value = String> {
    prop::string::string_regex(r"[vV=]?[0-9]{1,3}([.\-_+~^:!]?[0-9a-zA-Z]{0,6}){0,6}").unwrap()
}

fn rangeish() -> impl Strategy<Value = String> {
    prop::string::string_regex(r"([<>=!~^]{0,2} ?[0-9xX*]{1,2}(\.[0-9xX*]{1,2}){0,2}(-[a-z0-9.]{1,5})?[ ,]?){0,3}( \|\| [<>=~^]{0,2}[0-9]\.[0-9x])?|[\[(][0-9.]{0,4},?[0-9.]{0,4}[\])]")
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn parsers_never_panic(a in any::<String>(), b in versionish()) {
        for s in Scheme::ALL {
            let _ = compare(s, &a, &b);
            let _ = compare(s, &b, &a);
            let _ = validate(s, &a);
            let _ = validate(s, &b);
            let _ = satisfies(RangeLanguage::Scheme(s), &b, &a);
            let _ = satisfies(RangeLanguage::Scheme(s), &a, &b);
        }
        let _ = satisfies(RangeLanguage::NpmRange, &b, &a);
        let _ = NpmRange::parse(&a, NpmOptions { loose: true, include_prerelease: true });
        let _ = SpecifierSet::parse(&a);
        let _ = MavenRange::parse(&a);
        let _ = a.parse::<Purl>();
        let _ = format!("pkg:{a}").parse::<Purl>().map(|p| p.to_string());
        let _ = serde_json::from_str::<OsvAffected>(&a);
    }

    #[test]
    fn ranges_never_panic(v in versionish(), r in rangeish()) {
        for lang in ["npm-range", "pep440", "maven", "nuget", "gem", "dpkg", "rpm", "apk", "apk3", "semver", "go"] {
            let _ = satisfies(lang.parse().unwrap(), &v, &r);
        }
        for loose in [false, true] {
            for include_prerelease in [false, true] {
                let _ = bulkhead_pkg::range::npm::npm_satisfies(&v, &r, NpmOptions { loose, include_prerelease });
            }
        }
    }

    #[test]
    fn orderings_are_orderings(a in versionish(), b in versionish(), c in versionish()) {
        for s in Scheme::ALL {
            if let (Ok(ab), Ok(ba)) = (compare(s, &a, &b), compare(s, &b, &a)) {
                prop_assert_eq!(ab, ba.reverse(), "{} {:?} {:?}", s, a, b);
                prop_assert_eq!(compare(s, &a, &a).unwrap(), Ordering::Equal);
            }
            // apk compares invalid text as apk does (not transitive, as in apk).
            if matches!(s, Scheme::Apk | Scheme::Apk3) {
                continue;
            }
            if let (Ok(ab), Ok(bc), Ok(ac)) = (compare(s, &a, &b), compare(s, &b, &c), compare(s, &a, &c))
                && ab != Ordering::Greater
                && bc != Ordering::Greater
            {
                prop_assert_ne!(ac, Ordering::Greater, "{} {:?} {:?} {:?}", s, a, b, c);
            }
        }
        if let (Ok(x), Ok(y), Ok(z)) = (a.parse::<RpmVersion>(), b.parse::<RpmVersion>(), c.parse::<RpmVersion>())
            && x <= y
            && y <= z
        {
            prop_assert!(x <= z);
        }
    }

    #[test]
    fn valid_apk_versions_order_transitively(a in r"[0-9]{1,2}(\.[0-9]{1,3}){0,3}[a-z]?(_(alpha|beta|pre|rc|p|git)[0-9]{0,2}){0,2}(-r[0-9]{1,2})?",
                                             b in r"[0-9]{1,2}(\.[0-9]{1,3}){0,3}[a-z]?(_(alpha|beta|pre|rc|p|git)[0-9]{0,2}){0,2}(-r[0-9]{1,2})?",
                                             c in r"[0-9]{1,2}(\.[0-9]{1,3}){0,3}[a-z]?(_(alpha|beta|pre|rc|p|git)[0-9]{0,2}){0,2}(-r[0-9]{1,2})?") {
        for s in [Scheme::Apk, Scheme::Apk3] {
            let (ab, bc, ac) = (compare(s, &a, &b).unwrap(), compare(s, &b, &c).unwrap(), compare(s, &a, &c).unwrap());
            prop_assert_eq!(ab, compare(s, &b, &a).unwrap().reverse());
            if ab != Ordering::Greater && bc != Ordering::Greater {
                prop_assert_ne!(ac, Ordering::Greater, "{} {:?} {:?} {:?}", s, a, b, c);
            }
        }
    }

    #[test]
    fn pep440_normal_form_round_trips(a in versionish()) {
        if let Ok(v) = bulkhead_pkg::version::pep440::Pep440Version::parse(&a) {
            let again = bulkhead_pkg::version::pep440::Pep440Version::parse(&v.to_string()).unwrap();
            prop_assert_eq!(again.to_string(), v.to_string());
            prop_assert_eq!(again, v);
        }
    }

    #[test]
    fn purls_round_trip(ty in "[a-z][a-z0-9]{0,5}", ns in "[a-zA-Z0-9.@%/ _-]{0,12}", name in "[a-zA-Z0-9.@%+ _-]{1,12}", ver in "[a-zA-Z0-9.:+~_ -]{0,10}") {
        let p = Purl::new(&ty, Some(&ns), &name, Some(&ver));
        let text = p.to_string();
        if let Ok(back) = text.parse::<Purl>() {
            prop_assert_eq!(back.to_string(), text);
        }
    }
}
