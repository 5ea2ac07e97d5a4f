//! npm: `node_modules/**/package.json` of installed packages and `package-lock.json`
//! (lockfile versions 1, 2 and 3) of projects.

use super::ParseError;
use bulkhead_pkg::{Ecosystem, Package};
use serde_json::Value;

/// `…/node_modules/NAME/package.json` or `…/node_modules/@scope/NAME/package.json`.
pub fn is_node_modules_package(path: &str) -> bool {
    let Some(idx) = path.rfind("node_modules/") else {
        return false;
    };
    let rest = &path[idx + "node_modules/".len()..];
    let parts: Vec<&str> = rest.split('/').collect();
    match parts.as_slice() {
        [name, "package.json"] => !name.starts_with('.'),
        [scope, _, "package.json"] => scope.starts_with('@'),
        _ => false,
    }
}

fn license_of(v: &Value) -> Vec<String> {
    match v.get("license") {
        Some(Value::String(s)) if !s.is_empty() => vec![s.clone()],
        Some(Value::Object(o)) => o
            .get("type")
            .and_then(Value::as_str)
            .map(|s| vec![s.to_string()])
            .unwrap_or_default(),
        _ => match v.get("licenses") {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|l| l.get("type").and_then(Value::as_str).map(str::to_string))
                .collect(),
            _ => Vec::new(),
        },
    }
}

/// One installed package.
/// Not JSON is an error at its line; a manifest without name or version (a private package)
/// is none.
pub fn parse_package_json(data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let v = json(data)?;
    let (Some(name), Some(version)) = (
        v.get("name").and_then(Value::as_str),
        v.get("version").and_then(Value::as_str),
    ) else {
        return Ok(Vec::new());
    };
    let mut p = Package::new(Ecosystem::Npm, name, version);
    p.licenses = license_of(&v);
    Ok(vec![p])
}

fn json(data: &[u8]) -> Result<Value, ParseError> {
    serde_json::from_slice::<Value>(data)
        .map_err(|e| ParseError::new(e.line(), format!("not valid JSON: {e}")))
}

/// Every locked package (dev dependencies included, as they are installed by `npm ci`).
/// Not JSON, or JSON that is not an object, is an error at its line.
pub fn parse_lock(data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let v = json(data)?;
    if !v.is_object() {
        return Err(ParseError::new(
            1,
            "not a package-lock.json: not a JSON object",
        ));
    }
    let mut out = Vec::new();
    if let Some(pkgs) = v.get("packages").and_then(Value::as_object) {
        for (key, p) in pkgs {
            let Some(idx) = key.rfind("node_modules/") else {
                continue; // "" is the root project
            };
            if p.get("link").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            let name = p
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or(&key[idx + "node_modules/".len()..]);
            if let Some(ver) = p.get("version").and_then(Value::as_str) {
                let mut pkg = Package::new(Ecosystem::Npm, name, ver);
                pkg.licenses = license_of(p);
                // What it requires, by name, for the SBOM graph.
                for field in ["dependencies", "optionalDependencies", "peerDependencies"] {
                    if let Some(d) = p.get(field).and_then(Value::as_object) {
                        pkg.depends.extend(d.keys().cloned());
                    }
                }
                out.push(pkg);
            }
        }
    } else if let Some(deps) = v.get("dependencies").and_then(Value::as_object) {
        fn walk(deps: &serde_json::Map<String, Value>, out: &mut Vec<Package>, depth: usize) {
            if depth > 64 {
                return;
            }
            for (name, d) in deps {
                if let Some(ver) = d.get("version").and_then(Value::as_str) {
                    out.push(Package::new(Ecosystem::Npm, name.clone(), ver));
                }
                if let Some(sub) = d.get("dependencies").and_then(Value::as_object) {
                    walk(sub, out, depth + 1);
                }
            }
        }
        walk(deps, &mut out, 0);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_modules_paths() {
        assert!(is_node_modules_package(
            "app/node_modules/lodash/package.json"
        ));
        assert!(is_node_modules_package(
            "node_modules/@types/node/package.json"
        ));
        assert!(!is_node_modules_package(
            "node_modules/lodash/test/package.json"
        ));
        assert!(!is_node_modules_package("app/package.json"));
    }

    #[test]
    fn lock_v3() {
        let l = br#"{"lockfileVersion":3,"packages":{"":{"name":"app"},"node_modules/a":{"version":"1.0.0","license":"MIT","dependencies":{"b":"^2"}},"node_modules/a/node_modules/b":{"version":"2.0.0"}}}"#;
        let p = parse_lock(l).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].licenses, vec!["MIT"]);
        assert_eq!(p[0].depends, vec!["b"]);
        assert_eq!(p[1].name, "b");
    }

    #[test]
    fn garbage_is_an_error_at_its_line() {
        assert_eq!(
            parse_lock(b"{\n  \"packages\": {\n  oops\n")
                .unwrap_err()
                .line,
            3
        );
        assert_eq!(parse_lock(b"[1, 2]").unwrap_err().line, 1);
        assert_eq!(parse_package_json(b"\n\nnot json").unwrap_err().line, 3);
        // A private package without a version is none, not an error.
        assert!(parse_package_json(br#"{"name":"x"}"#).unwrap().is_empty());
    }
}
