//! Small readers of JSON values shared by the rule files: strings, numbers, string lists,
//! image references, host paths, secret-looking names and values.

use serde_json::Value;

/// The string at `v`, or `""`.
pub(crate) fn str_of(v: Option<&Value>) -> &str {
    v.and_then(Value::as_str).unwrap_or("")
}

/// The number at `v`.
pub(crate) fn num(v: Option<&Value>) -> Option<f64> {
    v.and_then(Value::as_f64)
}

/// `v` as `true`.
pub(crate) fn is_true(v: Option<&Value>) -> bool {
    v.and_then(Value::as_bool) == Some(true)
}

/// The string items of a list with their indexes.
pub(crate) fn strings(v: Option<&Value>) -> impl Iterator<Item = (usize, &str)> {
    v.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, x)| Some((i, x.as_str()?)))
}

/// A scalar as the user wrote it (strings unquoted).
pub(crate) fn display(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Whether a value is a placeholder of a templating tool (`$X`, `${X}`, `<x>`, `{{ x }}`).
pub(crate) fn templated(s: &str) -> bool {
    s.contains(['$', '<', '{'])
}

/// A capability name without `CAP_`, upper-cased (`cap_sys_admin` -> `SYS_ADMIN`).
pub(crate) fn norm_cap(s: &str) -> String {
    s.trim_start_matches("CAP_").to_ascii_uppercase()
}

/// (registry, tag, has digest) of an image reference.
pub(crate) fn split_image(image: &str) -> (&str, Option<&str>, bool) {
    let (name, digest) = match image.split_once('@') {
        Some((n, _)) => (n, true),
        None => (image, false),
    };
    let last_slash = name.rfind('/');
    let tag = match name.rfind(':') {
        Some(i) if last_slash.is_none_or(|s| i > s) => Some(&name[i + 1..]),
        _ => None,
    };
    let registry = match name.split_once('/') {
        Some((first, _)) if first.contains(['.', ':']) || first == "localhost" => first,
        _ => "docker.io",
    };
    (registry, tag, digest)
}

/// The last path segment of an image's repository, without tag or digest
/// (`registry.k8s.io/git-sync/git-sync:v4` -> `git-sync`).
pub(crate) fn image_basename(image: &str) -> &str {
    let name = image.split('@').next().unwrap_or(image);
    let last = name.rsplit('/').next().unwrap_or(name);
    last.split(':').next().unwrap_or(last)
}

/// Whether an environment variable name holds a secret: a secret word (`PASSWORD`, `TOKEN`,
/// `SECRET`, `API_KEY`...) and no word that makes it a setting about one (`MAX_TOKENS`,
/// `ALLOW_EMPTY_PASSWORD`, `PASSWORD_FILE`, `TOKEN_TTL`...).
pub(crate) fn looks_secret(name: &str) -> bool {
    let up = name.to_ascii_uppercase();
    let words: Vec<&str> = up
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    let secret = [
        "PASSWORD",
        "PASSWD",
        "SECRET",
        "TOKEN",
        "APIKEY",
        "CREDENTIALS",
    ]
    .iter()
    .any(|w| has(w))
        || pair("API", "KEY")
        || pair("PRIVATE", "KEY")
        || pair("ACCESS", "KEY")
        || pair("AUTH", "KEY");
    let setting = [
        "ALLOW",
        "EMPTY",
        "RANDOM",
        "FILE",
        "PATH",
        "NAME",
        "DIR",
        "LENGTH",
        "LEN",
        "TTL",
        "EXPIRY",
        "EXPIRATION",
        "TIMEOUT",
        "MAX",
        "MIN",
        "COUNT",
        "SIZE",
        "ENABLED",
        "ENABLE",
        "DISABLE",
        "DISABLED",
        "URL",
        "URI",
        "ENDPOINT",
        "TYPE",
        "REF",
        "HEADER",
        "FIELD",
        "REQUIRED",
        "MODE",
        "POLICY",
        "AUDIENCE",
        "LIFETIME",
        "SECONDS",
        "DURATION",
        "PERIOD",
        "HOST",
        "PORT",
        "VERSION",
        "TOKENS",
        "LIMIT",
        "KEY_ID",
    ]
    .iter()
    .any(|w| has(w));
    secret && !setting
}

/// Whether a literal value could be a secret (not a flag, a number, a path or a reference).
pub(crate) fn secret_value(v: &str) -> bool {
    !(v.is_empty()
        || v.starts_with("$(")
        || v.starts_with('/')
        || v.parse::<f64>().is_ok()
        || matches!(
            v.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no"
        ))
}

/// The kinds whose objects carry a pod template (or are pods).
pub(crate) const WORKLOADS: [&str; 9] = [
    "Pod",
    "PodTemplate",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "StatefulSet",
    "DaemonSet",
    "Job",
    "CronJob",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images() {
        assert_eq!(split_image("nginx"), ("docker.io", None, false));
        assert_eq!(split_image("nginx:1.2"), ("docker.io", Some("1.2"), false));
        assert_eq!(
            split_image("localhost:5000/a/b"),
            ("localhost:5000", None, false)
        );
        assert_eq!(
            split_image("gcr.io/x/y:latest@sha256:abc"),
            ("gcr.io", Some("latest"), true)
        );
        assert_eq!(image_basename("ghcr.io/helm/tiller@sha256:abc"), "tiller");
    }

    #[test]
    fn secret_names() {
        for n in [
            "DB_PASSWORD",
            "HF_TOKEN",
            "NGC_API_KEY",
            "aws_secret_access_key",
            "APIKEY",
        ] {
            assert!(looks_secret(n), "{n}");
        }
        for n in [
            "MAX_INPUT_TOKENS",
            "MYSQL_ALLOW_EMPTY_PASSWORD",
            "PASSWORD_FILE",
            "TOKEN_TTL",
            "SECRET_NAME",
            "PASSENGER",
        ] {
            assert!(!looks_secret(n), "{n}");
        }
        assert!(!secret_value("8"));
        assert!(secret_value("hunter2"));
    }
}
