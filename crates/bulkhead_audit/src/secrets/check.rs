//! The `check` hook of the secret scanner: `SC` findings for the values `bulkhead check` sees
//! in Dockerfiles (`ENV`/`ARG` values) and Kubernetes manifests (`Secret` `data`, base64-decoded,
//! and `stringData`; `ConfigMap` `data` and `binaryData`; container `env[].value`), each at the
//! exact line and column of the secret in the file, masked.
//!
//! Owns: which values are scanned, mapping a secret found in a value back to its place in the
//! file, what is left to the `DF`/`KS` rules (see [`kubernetes`]), and the masking of the source
//! a report shows around these findings ([`mask_source`]). Does not own: the rules and the
//! scanner (the parent module), selection and suppressions (the binary).

use super::{SECRET_RULES, SecretMatch, scan_bytes};
use base64::Engine as _;
use bulkhead_diagnostics::{Finding, LineIndex, Position, Range, RuleMeta};
use bulkhead_k8s::loader::{Node, Style};
use bulkhead_k8s::workload::{PodSpecPath, containers, pod_spec};

/// Whether any `SC` rule is enabled: the hooks do nothing otherwise.
fn any_enabled(enabled: &dyn Fn(&RuleMeta) -> bool) -> bool {
    SECRET_RULES.iter().any(|r| enabled(r.meta))
}

/// The rule's title (its summary without where it is looked for).
fn title(rule: &RuleMeta) -> &str {
    rule.summary
        .split_once(" in a file")
        .map_or(rule.summary, |(t, _)| t)
}

fn finding(
    rule: &'static RuleMeta,
    path: &str,
    range: Range,
    what: &str,
    m: &SecretMatch,
) -> Finding {
    Finding::new(
        rule,
        path,
        Some(range),
        format!("{} in {what}: `{}`", title(rule), m.masked),
    )
}

/// `SC` findings for the `ENV` and `ARG` values of a Dockerfile (`ONBUILD` triggers included).
///
/// DF021 reports a variable whose *name* looks secret (with or without a value); these
/// findings are about the *value*: a credential of a known format (or an embedded
/// `password=...`, a connection string with a password), whatever the variable is called. The
/// two say different things, so both are reported when both hold.
pub fn dockerfile(path: &str, text: &str, enabled: &dyn Fn(&RuleMeta) -> bool) -> Vec<Finding> {
    use bulkhead_dockerfile::parse::{Instruction, Kind};
    if !any_enabled(enabled) || !super::may_hold_secret(text.as_bytes()) {
        return Vec::new();
    }
    let df = bulkhead_dockerfile::parse::parse(text);
    let index = LineIndex::new(text);
    let mut out = Vec::new();
    let mut visit = |ins: &Instruction| {
        if !matches!(ins.kind, Kind::Env | Kind::Arg) {
            return;
        }
        for kv in &ins.kvs {
            if kv.value.is_empty() {
                continue;
            }
            let vs = kv.lend.saturating_sub(kv.value.len());
            let exact = ins.logical.get(vs..kv.lend) == Some(kv.value.as_str());
            let what = format!("`{} {}`", ins.kind.as_str(), kv.key);
            for m in scan_bytes(kv.value.as_bytes()) {
                if !enabled(m.rule) {
                    continue;
                }
                let range = if exact {
                    let (s, e) = (m.offset as usize, m.secret_span.1 as usize);
                    let start = ins.orig(vs + s);
                    let end = ins.orig_end(vs + e).max(start);
                    index.range(text, start, end)
                } else {
                    let p = index.position(text, ins.orig(kv.lstart));
                    Range::new(p, p)
                };
                out.push(finding(m.rule, path, one_line(range), &what, &m));
            }
        }
    };
    for ins in &df.instructions {
        visit(ins);
        if let Some(t) = &ins.onbuild {
            visit(t);
        }
    }
    out
}

/// A range kept to its first line (a multi-line secret is shown at its start).
fn one_line(r: Range) -> Range {
    if r.end.line == r.start.line && r.end.column > r.start.column {
        r
    } else {
        Range::new(r.start, Position::new(r.start.line, r.start.column + 1))
    }
}

/// Where one value sits and how it is written.
struct Scanned<'a> {
    pointer: String,
    text: std::borrow::Cow<'a, str>,
    base64: bool,
    what: String,
    /// KS026/KS046 already report a private key or an AWS access key id in this value.
    ks_content: Option<&'static str>,
}

/// `SC` findings for the secrets in a file's Kubernetes objects.
///
/// What the `KS` rules already say is not repeated: KS026 (container env values) and KS046
/// (ConfigMap `data`) report a PEM private key and an `AKIA` access key id in the value
/// whatever its name, so SC059 and SC001 on those values are left to them while they run.
/// Their name-based halves (a variable or key *named* like a secret) say something else and
/// stay beside the `SC` findings, as DF021 does for Dockerfiles.
pub fn kubernetes(
    path: &str,
    text: &str,
    loaded: &bulkhead_k8s::Loaded,
    pod_spec_paths: &[PodSpecPath],
    enabled: &dyn Fn(&RuleMeta) -> bool,
) -> Vec<Finding> {
    if !any_enabled(enabled) {
        return Vec::new();
    }
    let ks_on = |code: &str| {
        bulkhead_k8s::RULES
            .iter()
            .find(|r| r.code == code)
            .is_some_and(|r| enabled(r))
    };
    let (ks026, ks046) = (ks_on("KS026"), ks_on("KS046"));
    let index = LineIndex::new(text);
    let mut out = Vec::new();
    for doc in &loaded.docs {
        let mut values: Vec<Scanned<'_>> = Vec::new();
        let kind = doc.kind().unwrap_or("");
        match kind {
            "Secret" => {
                map_values(doc, "data", true, false, &mut values);
                map_values(doc, "stringData", false, false, &mut values);
            }
            "ConfigMap" => {
                map_values(doc, "data", false, ks046, &mut values);
                map_values(doc, "binaryData", true, false, &mut values);
            }
            _ => {}
        }
        if let Some(ps) = pod_spec(&doc.value, pod_spec_paths) {
            for c in containers(ps.spec) {
                let Some(serde_json::Value::Array(env)) = c.c.get("env") else {
                    continue;
                };
                for (i, e) in env.iter().enumerate() {
                    let Some(v) = e.get("value").and_then(serde_json::Value::as_str) else {
                        continue;
                    };
                    let ename = e
                        .get("name")
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or("");
                    values.push(Scanned {
                        pointer: format!("{}{}/env/{i}/value", ps.spec_ptr, c.rel_ptr()),
                        text: std::borrow::Cow::Borrowed(v),
                        base64: false,
                        what: format!("container `{}` env `{ename}`", c.name()),
                        ks_content: if ks026 { ks_content(v) } else { None },
                    });
                }
            }
        }
        for v in values {
            let matches = scan_bytes(v.text.as_bytes());
            if matches.is_empty() {
                continue;
            }
            let node = doc.node(&v.pointer);
            let mut cursor = 0usize;
            for m in matches {
                if !enabled(m.rule) || left_to_ks(&v, &m) {
                    continue;
                }
                let range = match node {
                    Some(n) if !v.base64 => locate(text, &index, n, &v.text, &m, &mut cursor),
                    Some(n) => n.value_range(),
                    None => match doc.range_of(&v.pointer) {
                        Some(r) => r,
                        None => continue,
                    },
                };
                out.push(finding(m.rule, path, one_line(range), &v.what, &m));
            }
        }
    }
    out
}

/// `SC` findings for the `environment` values and `build.args` of every service of a Compose
/// file, map (`KEY: value`) and list (`- KEY=value`) forms alike.
///
/// Each entry is scanned as the assignment `KEY=value` (how the container sees it, and how an
/// image's `Env` is scanned), so the generic `*_PASSWORD=...` rule applies to a high-entropy
/// value under a secret-looking name; an interpolated value (`${DB_PASSWORD}`, `$TOKEN`) is a
/// reference, not a secret. `env_file` is not followed: the files it names are not read.
pub fn compose(
    path: &str,
    text: &str,
    loaded: &bulkhead_k8s::Loaded,
    enabled: &dyn Fn(&RuleMeta) -> bool,
) -> Vec<Finding> {
    use serde_json::Value;
    if !any_enabled(enabled) || !super::may_hold_secret(text.as_bytes()) {
        return Vec::new();
    }
    let index = LineIndex::new(text);
    let mut out = Vec::new();
    for doc in &loaded.docs {
        let Some(Value::Object(services)) = doc.value.get("services") else {
            continue;
        };
        for (name, svc) in services {
            let base = format!("/services/{}", bulkhead_k8s::loader::escape_segment(name));
            let mut entries: Vec<Assignment> = Vec::new();
            let build_args = svc.get("build").and_then(|b| b.get("args"));
            for (field, kind, v) in [
                ("/environment", "environment", svc.get("environment")),
                ("/build/args", "build arg", build_args),
            ] {
                assignments(&format!("{base}{field}"), kind, v, &mut entries);
            }
            for Assignment {
                pointer,
                what,
                line,
                shift,
            } in entries
            {
                let matches = scan_bytes(line.as_bytes());
                if matches.is_empty() {
                    continue;
                }
                let node = doc.node(&pointer);
                let mut cursor = 0usize;
                for m in matches {
                    if !enabled(m.rule) {
                        continue;
                    }
                    let value = &line[shift..];
                    let range = match node {
                        Some(n) if m.secret_span.0 as usize >= shift => {
                            let mut v = m.clone();
                            v.offset = v.offset.saturating_sub(shift as u64);
                            v.secret_span.0 -= shift as u64;
                            v.secret_span.1 = v.secret_span.1.saturating_sub(shift as u64);
                            locate(text, &index, n, value, &v, &mut cursor)
                        }
                        Some(n) => n.value_range(),
                        None => match doc.range_of(&pointer) {
                            Some(r) => r,
                            None => continue,
                        },
                    };
                    let mut f = finding(
                        m.rule,
                        path,
                        one_line(range),
                        &format!("service `{name}` {what}"),
                        &m,
                    );
                    f.container = Some(name.clone());
                    out.push(f);
                }
            }
        }
    }
    out
}

/// One Compose `KEY=value` assignment as it is scanned.
struct Assignment {
    /// Pointer of the node holding the value (the whole `KEY=value` string in the list form).
    pointer: String,
    what: String,
    /// `KEY=value`.
    line: String,
    /// Where the node's text starts in `line`: after `KEY=` in the map form, 0 in the list form.
    shift: usize,
}

/// The assignments of a Compose `environment`/`build.args` value at `pointer`. A map entry
/// without a value (`KEY:`), a list entry without `=`, and values that are not scalars hold
/// nothing.
fn assignments(
    pointer: &str,
    what: &str,
    v: Option<&serde_json::Value>,
    out: &mut Vec<Assignment>,
) {
    use serde_json::Value;
    let scalar = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    match v {
        Some(Value::Object(m)) => {
            for (k, v) in m {
                if let Some(s) = scalar(v) {
                    out.push(Assignment {
                        pointer: format!("{pointer}/{}", bulkhead_k8s::loader::escape_segment(k)),
                        what: format!("{what} `{k}`"),
                        line: format!("{k}={s}"),
                        shift: k.len() + 1,
                    });
                }
            }
        }
        Some(Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                if let Some(s) = v.as_str()
                    && let Some((k, _)) = s.split_once('=')
                {
                    out.push(Assignment {
                        pointer: format!("{pointer}/{i}"),
                        what: format!("{what} `{k}`"),
                        line: s.to_string(),
                        shift: 0,
                    });
                }
            }
        }
        _ => {}
    }
}

/// The string values of the mapping `field` of an object: `base64` ones decoded (scanned as
/// written when they are not base64); `ks` when KS046 reads them.
fn map_values<'d>(
    doc: &'d bulkhead_k8s::Document,
    field: &str,
    base64: bool,
    ks: bool,
    values: &mut Vec<Scanned<'d>>,
) {
    let Some(serde_json::Value::Object(m)) = doc.value.get(field) else {
        return;
    };
    let kind = doc.kind().unwrap_or("");
    let name = doc.name().unwrap_or("");
    for (k, v) in m {
        let Some(s) = v.as_str() else { continue };
        let (text, b64) = match base64.then(|| decode_base64(s)).flatten() {
            Some(d) => (std::borrow::Cow::Owned(d), true),
            None => (std::borrow::Cow::Borrowed(s), false),
        };
        values.push(Scanned {
            pointer: format!("/{field}/{}", bulkhead_k8s::loader::escape_segment(k)),
            what: format!(
                "{kind} `{name}` {field} key `{k}`{}",
                if b64 { " (base64-decoded)" } else { "" }
            ),
            ks_content: if ks { ks_content(s) } else { None },
            text,
            base64: b64,
        });
    }
}

/// What KS026/KS046 report in a value whatever its name (their `secret_content`): a PEM
/// private key header, or an `AKIA` access key id.
fn ks_content(v: &str) -> Option<&'static str> {
    if let Some(i) = v.find("-----BEGIN ")
        && v[i..]
            .lines()
            .next()
            .is_some_and(|l| l.contains("PRIVATE KEY-----"))
    {
        return Some("SC059");
    }
    v.contains("AKIA").then_some("SC001")
}

/// Whether a match is what the KS rule reports on this value already.
fn left_to_ks(v: &Scanned<'_>, m: &SecretMatch) -> bool {
    match (v.ks_content, m.rule.code) {
        (Some(_), "SC059") => v.text.contains("PRIVATE KEY-----"),
        (Some(_), "SC001") => {
            let (s, e) = (m.secret_span.0 as usize, m.secret_span.1 as usize);
            v.text.get(s..e).is_some_and(|s| s.starts_with("AKIA"))
        }
        _ => false,
    }
}

/// The range of a secret found in a (decoded) scalar value, in the file: the match's first
/// line is looked up in the scalar's source (plain, quoted and block scalars keep it verbatim
/// unless an escape or folding sits inside it); where it is not found, the scalar's start.
fn locate(
    text: &str,
    index: &LineIndex,
    node: &Node,
    value: &str,
    m: &SecretMatch,
    cursor: &mut usize,
) -> Range {
    let (ns, ne) = (node.start.byte as usize, node.end.byte as usize);
    let fallback = node.value_range();
    let Some(raw) = text.get(ns..ne.max(ns)) else {
        return fallback;
    };
    let loc = m.offset as usize;
    let end = if matches!(reach_of(m.rule), Some(super::Reach::Block(_))) {
        // Located at the header: its line.
        value[loc..].find('\n').map_or(value.len(), |i| loc + i)
    } else {
        m.secret_span.1 as usize
    };
    let Some(frag) = value.get(loc..end) else {
        return fallback;
    };
    let frag = frag.split('\n').next().unwrap_or("");
    if frag.is_empty() || matches!(node.style, Style::Alias) {
        return fallback;
    }
    match raw.get(*cursor..).and_then(|r| r.find(frag)) {
        Some(i) => {
            let at = *cursor + i;
            *cursor = at + frag.len();
            index.range(text, ns + at, ns + at + frag.len())
        }
        None => fallback,
    }
}

/// The scanner reach of a rule.
fn reach_of(rule: &RuleMeta) -> Option<super::Reach> {
    SECRET_RULES
        .iter()
        .find(|r| std::ptr::eq(r.meta, rule))
        .map(|r| r.reach)
}

/// Standard or URL-safe base64, padded or not, line breaks ignored; `None` when the value is
/// not base64 or not text.
fn decode_base64(s: &str) -> Option<String> {
    let clean: String = s.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&clean)
        .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(&clean))
        .or_else(|_| base64::engine::general_purpose::URL_SAFE.decode(&clean))
        .ok()?;
    String::from_utf8(bytes).ok()
}

/// The source text a report shows around findings with every secret masked in place, or
/// `None` when it holds none: each secret the scanner finds in the text, and each of `ranges`
/// (those of `SC` findings: a base64 value is a secret the text scan cannot see), keeps its
/// first characters as [`super::mask`] does and has the rest replaced by `*`, one per
/// character, so lines and columns stay where the findings point.
pub fn mask_source(text: &str, ranges: &[Range]) -> Option<String> {
    let mut spans: Vec<(usize, usize)> = scan_bytes(text.as_bytes())
        .iter()
        .map(|m| (m.secret_span.0 as usize, m.secret_span.1 as usize))
        .collect();
    if !ranges.is_empty() {
        let index = LineIndex::new(text);
        for r in ranges {
            if let (Some(s), Some(e)) = (
                offset_of(text, &index, r.start),
                offset_of(text, &index, r.end),
            ) {
                spans.push((s, e.max(s)));
            }
        }
    }
    if spans.is_empty() {
        return None;
    }
    let mut masked = vec![false; text.len()];
    for (s, e) in spans {
        let (s, e) = (s.min(text.len()), e.min(text.len()));
        let secret = &text.as_bytes()[s..e];
        let n = secret.iter().filter(|b| !b.is_ascii_whitespace()).count();
        let keep = match n {
            n if n >= 16 => 4,
            n if n >= 8 => 2,
            _ => 0,
        };
        let mut seen = 0;
        for (i, b) in secret.iter().enumerate() {
            if b.is_ascii_whitespace() {
                continue;
            }
            if seen >= keep {
                masked[s + i] = true;
            }
            seen += 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        out.push(if masked[i] { '*' } else { c });
    }
    Some(out)
}

/// Byte offset of a 1-based line and column (characters).
fn offset_of(text: &str, index: &LineIndex, p: Position) -> Option<usize> {
    let start = index.line_start(p.line)?;
    let line = index.line_text(text, p.line)?;
    let col = p.column.saturating_sub(1) as usize;
    Some(start + line.char_indices().nth(col).map_or(line.len(), |(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens made at run time: this source holds none.
    fn gh() -> String {
        format!("gh{}_{}", "p", "Zq4Wm8Rt2Yu6Io0Pa3Sd7Fg1Hj5Kl9Zx2Cv6Bn0")
    }
    fn aws() -> String {
        format!("{}{}", "AK", "IAQ7M2ZK4XW9TLP3VN")
    }
    fn all(_: &RuleMeta) -> bool {
        true
    }
    fn got(fs: &[Finding]) -> Vec<String> {
        fs.iter()
            .map(|f| {
                let r = f.range.unwrap();
                format!(
                    "{} {}:{}-{}:{} {}",
                    f.rule.code, r.start.line, r.start.column, r.end.line, r.end.column, f.message
                )
            })
            .collect()
    }

    #[test]
    fn dockerfile_values_at_their_place() {
        let text = format!(
            "FROM a:1\nENV GITHUB_TOKEN={} \\\n    URL=\"db://u:Sup3rS3cretPw@db/x\"\nARG KEY={}\nONBUILD ENV K={}\nENV PLAIN=hello TOKEN=changeme12345\n",
            gh(),
            aws(),
            aws()
        );
        assert_eq!(
            got(&dockerfile("Dockerfile", &text, &all)),
            [
                "SC039 2:18-2:58 GitHub personal access token in `ENV GITHUB_TOKEN`: `ghp_************************`",
                "SC063 3:17-3:30 Password in a connection URL in `ENV URL`: `Su***********`",
                "SC001 4:9-4:29 AWS access key ID in `ARG KEY`: `AKIA****************`",
                "SC001 5:15-5:35 AWS access key ID in `ENV K`: `AKIA****************`",
            ]
        );
    }

    #[test]
    fn dockerfile_near_misses_and_selection() {
        // Names alone (DF021's), placeholders, variables, the documented example key.
        let text = "FROM a:1\nARG GITHUB_TOKEN\nENV DB_PASSWORD=changeme AWS=${AWS_KEY} ID=AKIAIOSFODNN7EXAMPLE\n";
        assert!(dockerfile("Dockerfile", text, &all).is_empty());
        let text = format!("FROM a:1\nARG KEY={}\n", aws());
        assert!(dockerfile("Dockerfile", &text, &|r| r.code != "SC001").is_empty());
        assert!(dockerfile("Dockerfile", &text, &|r| !r.code.starts_with("SC")).is_empty());
    }

    fn k8s(text: &str, enabled: &dyn Fn(&RuleMeta) -> bool) -> Vec<String> {
        let l = bulkhead_k8s::load("k.yaml", text);
        let paths = bulkhead_k8s::workload::default_pod_spec_paths();
        got(&kubernetes("k.yaml", text, &l, &paths, enabled))
    }

    fn manifest() -> String {
        let b64 = base64::engine::general_purpose::STANDARD.encode(format!("token: {}\n", gh()));
        format!(
            "apiVersion: v1\nkind: Secret\nmetadata: {{name: s}}\ndata:\n  creds: {b64}\nstringData:\n  url: \"postgres://admin:Sup3rS3cretPw@db:5432/app\"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c}}\ndata:\n  app.ini: |\n    [aws]\n    id = {aws}\n    gh = {gh}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: d}}\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        env:\n        - {{name: GH, value: \"{gh}\"}}\n        - name: ID\n          value: {aws}\n        - {{name: LOG, value: debug}}\n",
            aws = aws(),
            gh = gh()
        )
    }

    #[test]
    fn kubernetes_values_at_their_place() {
        assert_eq!(
            k8s(&manifest(), &all),
            [
                "SC039 5:10-5:78 GitHub personal access token in Secret `s` data key `creds` (base64-decoded): `ghp_************************`",
                "SC063 7:26-7:39 Password in a connection URL in Secret `s` stringData key `url`: `Su***********`",
                // The AKIA key on line 15 is KS046's; the one on line 29 KS026's.
                "SC039 16:10-16:50 GitHub personal access token in ConfigMap `c` data key `app.ini`: `ghp_************************`",
                "SC039 27:30-27:70 GitHub personal access token in container `a` env `GH`: `ghp_************************`",
            ]
        );
    }

    #[test]
    fn kubernetes_reports_what_ks_rules_do_not_run_for() {
        let no_ks = |r: &RuleMeta| !r.code.starts_with("KS");
        let g = k8s(&manifest(), &no_ks);
        assert_eq!(g.len(), 6, "{g:#?}");
        assert!(g[2].starts_with("SC001 15:10-15:30 AWS access key ID in ConfigMap `c`"));
        assert!(g[5].starts_with("SC001 29:18-29:38 AWS access key ID in container `a` env `ID`"));
    }

    #[test]
    fn kubernetes_near_misses() {
        // A certificate, references, a non-secret Secret value, a value that is not base64.
        let text = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  ca.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\n  bad: \"%%%\"\nstringData:\n  user: admin\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    env:\n    - {name: TOKEN, value: \"$(OTHER)\"}\n    - name: K\n      valueFrom: {secretKeyRef: {name: s, key: k}}\n";
        assert_eq!(k8s(text, &all), Vec::<String>::new());
    }

    fn compose_got(text: &str, enabled: &dyn Fn(&RuleMeta) -> bool) -> Vec<String> {
        let l = bulkhead_k8s::load("docker-compose.yml", text);
        got(&compose("docker-compose.yml", text, &l, enabled))
    }

    /// A high-entropy password made at run time.
    fn pw() -> String {
        format!("{}{}", "6WFq6K5N", "BttfCRopAPOz")
    }

    #[test]
    fn compose_environment_and_build_args() {
        let text = format!(
            "services:\n  web:\n    image: app:1\n    environment:\n      DB_PASSWORD: {pw}\n      GH: \"{gh}\"\n      LOG: debug\n    build:\n      context: .\n      args:\n        - NPM_TOKEN={pw}\n        - PLAIN=hello\n  worker:\n    environment:\n      - API_KEY={pw}\n      - URL=postgres://app:Sup3rS3cretPw@db/x\n",
            pw = pw(),
            gh = gh()
        );
        let g = compose_got(&text, &all);
        assert_eq!(
            g,
            [
                "SC065 5:20-5:40 Secret in an environment variable assignment in service `web` environment `DB_PASSWORD`: `6WFq****************`",
                "SC039 6:12-6:52 GitHub personal access token in service `web` environment `GH`: `ghp_************************`",
                "SC065 11:21-11:41 Secret in an environment variable assignment in service `web` build arg `NPM_TOKEN`: `6WFq****************`",
                "SC065 15:17-15:37 Secret in an environment variable assignment in service `worker` environment `API_KEY`: `6WFq****************`",
                "SC063 16:28-16:41 Password in a connection URL in service `worker` environment `URL`: `Su***********`",
            ]
        );
        let l = bulkhead_k8s::load("docker-compose.yml", &text);
        let fs = compose("docker-compose.yml", &text, &l, &all);
        assert_eq!(fs[0].container.as_deref(), Some("web"));
        assert!(
            fs.iter()
                .all(|f| !f.message.contains(&pw()) && !f.message.contains(&gh()))
        );
        assert!(compose_got(&text, &|r| !r.code.starts_with("SC")).is_empty());
    }

    #[test]
    fn compose_near_misses() {
        // Interpolation (braced, bare, with an empty default), a `_FILE` path, a name alone,
        // a value under a plain name, the documented example key, env_file (not followed).
        let text = "services:\n  db:\n    env_file: [.env]\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n      API_TOKEN: $API_TOKEN\n      SECRET_KEY: \"${SECRET_KEY:-}\"\n      PGPASSWORD_FILE: /run/secrets/db_password\n      AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n      MODE: production-eu-west-1\n    build:\n      args: [GITHUB_TOKEN, \"NPM_TOKEN=${NPM_TOKEN}\"]\n";
        assert_eq!(compose_got(text, &all), Vec::<String>::new());
    }

    #[test]
    fn sources_are_masked_in_place() {
        let text = format!("a: 1\nb: {}\nc: aGVsbG8gd29ybGQ=\n", gh());
        let r = Range::new(Position::new(3, 4), Position::new(3, 20));
        let m = mask_source(&text, &[r]).unwrap();
        assert_eq!(
            m,
            format!("a: 1\nb: ghp_{}Bn0\nc: aGVs************\n", "*".repeat(36))
        );
        assert_eq!(mask_source("a: 1\n", &[]), None);
    }
}
