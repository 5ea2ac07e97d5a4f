//! Python: `*.dist-info/METADATA`, `*.egg-info/PKG-INFO` and single-file `*.egg-info`
//! (core metadata: `Name`, `Version`, `License`, `License-Expression`, licence classifiers).

use super::{ParseError, rfc822_fields};
use bulkhead_pkg::{Ecosystem, Package};

/// One package from a core-metadata file (headers stop at the first blank line). Headers
/// without `Name` and `Version` are not core metadata: an error.
pub fn parse_metadata(text: &str) -> Result<Vec<Package>, ParseError> {
    let head = text.split("\n\n").next().unwrap_or("");
    let fields = rfc822_fields(head);
    let get = |k: &str| {
        fields
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.as_str())
    };
    let (Some(name), Some(version)) = (get("Name"), get("Version")) else {
        return Err(ParseError::new(
            1,
            "not Python core metadata: no Name and Version headers",
        ));
    };
    let mut p = Package::new(Ecosystem::Pypi, name, version);
    if let Some(e) = get("License-Expression").filter(|l| !l.is_empty()) {
        p.licenses.push(e.to_string());
    } else if let Some(l) = get("License").filter(|l| is_short_license(l)) {
        p.licenses.push(l.to_string());
    } else {
        for (k, v) in &fields {
            if k.eq_ignore_ascii_case("Classifier")
                && let Some(l) = v.strip_prefix("License :: OSI Approved :: ")
            {
                p.licenses.push(l.to_string());
            }
        }
    }
    Ok(vec![p])
}

/// Some projects put the whole licence text in `License:`; keep only names.
fn is_short_license(l: &str) -> bool {
    !l.is_empty() && l.len() <= 80 && !l.contains('\n') && l != "UNKNOWN"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_with_classifier() {
        let t = "Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\nClassifier: License :: OSI Approved :: Apache Software License\n\nbody Name: no\n";
        let p = parse_metadata(t).unwrap();
        assert_eq!(p[0].name, "requests");
        assert_eq!(p[0].licenses, vec!["Apache Software License"]);
    }

    #[test]
    fn headers_without_name_and_version_are_an_error() {
        let e = parse_metadata("\u{7f}ELF garbage\n").unwrap_err();
        assert_eq!(
            e,
            ParseError::new(1, "not Python core metadata: no Name and Version headers")
        );
    }
}
