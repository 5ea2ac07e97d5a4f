//! The semantic model over a parsed Dockerfile: variable substitution as BuildKit does it
//! (`$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+d}`, `${X+d}`, escapes, quotes), global `ARG`s
//! before the first `FROM`, the stages (aliases, resolved base images, `COPY --from` edges),
//! which stage is final (or the `--target`), and image reference parsing.

use crate::parse::{Dockerfile, Instruction, Kind};

/// Build arguments BuildKit defines automatically.
pub const PREDEFINED_ARGS: &[&str] = &[
    "TARGETPLATFORM",
    "TARGETOS",
    "TARGETARCH",
    "TARGETVARIANT",
    "BUILDPLATFORM",
    "BUILDOS",
    "BUILDARCH",
    "BUILDVARIANT",
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
    "ALL_PROXY",
    "all_proxy",
    "BUILDKIT_SYNTAX",
    "BUILDKIT_INLINE_CACHE",
    "SOURCE_DATE_EPOCH",
];

/// Result of expanding a word.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Expanded {
    pub value: String,
    /// Variables referenced but not defined (and without a default).
    pub undefined: Vec<String>,
    /// Variables referenced at all.
    pub used: Vec<String>,
}

/// `${X:-${Y:-...}}` nested deeper than this is kept as written: real Dockerfiles nest two
/// or three levels, and the bound keeps hostile input linear in time and memory (each level
/// rescans its word once).
pub const MAX_NESTING: usize = 32;

/// Expand variables in `s` as BuildKit does for non-`RUN` instructions, removing quotes.
/// `lookup` returns `Some(value)` for a defined variable (possibly empty).
pub fn expand(s: &str, escape: char, lookup: &dyn Fn(&str) -> Option<String>) -> Expanded {
    expand_nested(s, escape, lookup, 0)
}

fn expand_nested(
    s: &str,
    escape: char,
    lookup: &dyn Fn(&str) -> Option<String>,
    depth: usize,
) -> Expanded {
    let mut out = Expanded::default();
    if !s.contains(['$', '\'', '"', escape]) {
        out.value = s.to_string();
        return out;
    }
    let b = s.as_bytes();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    while i < b.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if c == escape && quote != Some(b'\'') {
            match s[i + c.len_utf8()..].chars().next() {
                Some(n) => {
                    out.value.push(n);
                    i += c.len_utf8() + n.len_utf8();
                }
                None => i += c.len_utf8(),
            }
            continue;
        }
        match (c, quote) {
            ('\'', None) => quote = Some(b'\''),
            ('\'', Some(b'\'')) => quote = None,
            ('"', None) => quote = Some(b'"'),
            ('"', Some(b'"')) => quote = None,
            ('$', q) if q != Some(b'\'') => {
                i += 1;
                if b.get(i) == Some(&b'{') {
                    // ${...}
                    let mut level = 1;
                    let st = i + 1;
                    let mut j = st;
                    while j < b.len() {
                        if b[j] == b'{' {
                            level += 1;
                        } else if b[j] == b'}' {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        j += 1;
                    }
                    let inner = &s[st..j.min(b.len())];
                    i = j + 1;
                    let name_len = inner
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .unwrap_or(inner.len());
                    let name = &inner[..name_len];
                    let op = &inner[name_len..];
                    let val = lookup(name);
                    out.used.push(name.to_string());
                    let (colon, rest) = match op.strip_prefix(':') {
                        Some(r) => (true, r),
                        None => (false, op),
                    };
                    let set = match (&val, colon) {
                        (Some(v), true) => !v.is_empty(),
                        (Some(_), false) => true,
                        (None, _) => false,
                    };
                    // A word nested too deep is kept as written (see MAX_NESTING).
                    let word = |w: &str| {
                        if depth + 1 >= MAX_NESTING {
                            Expanded {
                                value: w.to_string(),
                                ..Expanded::default()
                            }
                        } else {
                            expand_nested(w, escape, lookup, depth + 1)
                        }
                    };
                    if let Some(w) = rest.strip_prefix('-') {
                        if set {
                            out.value.push_str(val.as_deref().unwrap_or(""));
                        } else {
                            let e = word(w);
                            out.value.push_str(&e.value);
                            out.undefined.extend(e.undefined);
                            out.used.extend(e.used);
                        }
                    } else if let Some(w) = rest.strip_prefix('+') {
                        if set {
                            let e = word(w);
                            out.value.push_str(&e.value);
                            out.used.extend(e.used);
                        }
                    } else {
                        // plain ${X}, ${X?msg}, or pattern operators (#, %, /) applied to X
                        match val {
                            Some(v) => out.value.push_str(&v),
                            None => out.undefined.push(name.to_string()),
                        }
                    }
                    continue;
                }
                let st = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                if i == st {
                    out.value.push('$');
                    continue;
                }
                let name = &s[st..i];
                match lookup(name) {
                    Some(v) => out.value.push_str(&v),
                    None => out.undefined.push(name.to_string()),
                }
                out.used.push(name.to_string());
                continue;
            }
            _ => out.value.push(c),
        }
        i += c.len_utf8();
    }
    out
}

/// Why Docker would refuse `s` as an image reference (the grammar of
/// `distribution/reference`: `[host[:port]/]path[:tag][@algorithm:hex]`, lowercase path
/// components joined by `.`, `_`, `__` or dashes, tags of at most 128 word characters, dots
/// and dashes), or `None` when it is valid. `image:sha256:<hex>` is not a reference: a tag
/// cannot hold a `:`.
pub fn reference_problem(s: &str) -> Option<&'static str> {
    let (name_tag, digest) = match s.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (s, None),
    };
    if let Some(d) = digest {
        let Some((alg, hex)) = d.split_once(':') else {
            return Some("a digest is `algorithm:hex`");
        };
        let alg_ok = !alg.is_empty()
            && alg.split(['+', '.', '_', '-']).all(|c| {
                c.starts_with(|ch: char| ch.is_ascii_alphabetic())
                    && c.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        if !alg_ok || hex.len() < 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Some("invalid digest");
        }
    }
    let last_slash = name_tag.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match name_tag[last_slash..].find(':') {
        Some(i) => (
            &name_tag[..last_slash + i],
            Some(&name_tag[last_slash + i + 1..]),
        ),
        None => (name_tag, None),
    };
    if let Some(t) = tag {
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let ok = !t.is_empty()
            && t.len() <= 128
            && word(t.as_bytes()[0])
            && t.bytes().all(|b| word(b) || b == b'.' || b == b'-');
        if !ok {
            return Some("invalid tag (a tag is up to 128 letters, digits, `_`, `.`, `-`)");
        }
    }
    if name.is_empty() || name.len() > 255 {
        return Some("the repository name is empty or longer than 255 characters");
    }
    let mut parts: Vec<&str> = name.split('/').collect();
    let first = parts[0];
    if parts.len() > 1
        && (first.contains(['.', ':'])
            || first == "localhost"
            || first.bytes().any(|b| b.is_ascii_uppercase()))
    {
        let (host, port) = match first.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (first, None),
        };
        let host_ok = !host.is_empty()
            && (host.starts_with('[')
                || host.split('.').all(|c| {
                    !c.is_empty()
                        && !c.starts_with('-')
                        && !c.ends_with('-')
                        && c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                }));
        if !host_ok || port.is_some_and(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Some("invalid registry host");
        }
        parts.remove(0);
    }
    for p in parts {
        if p.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some("repository name must be lowercase");
        }
        if !path_component_ok(p) {
            return Some("invalid repository name");
        }
    }
    None
}

/// `[a-z0-9]+` runs joined by `.`, `_`, `__` or one or more `-`.
fn path_component_ok(p: &str) -> bool {
    let b = p.as_bytes();
    if b.is_empty() || !b[0].is_ascii_alphanumeric() || !b[b.len() - 1].is_ascii_alphanumeric() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_lowercase() || b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let st = i;
        while i < b.len() && !(b[i].is_ascii_lowercase() || b[i].is_ascii_digit()) {
            i += 1;
        }
        let sep = &p[st..i];
        if !(sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|c| c == b'-')) {
            return false;
        }
    }
    true
}

/// A parsed image reference.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImageRef {
    /// Registry host when one is given (`ghcr.io`, `localhost:5000`).
    pub registry: Option<String>,
    /// Repository path without registry.
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl ImageRef {
    /// Parse `[registry/]repo[:tag][@digest]`.
    pub fn parse(s: &str) -> ImageRef {
        let (name, digest) = match s.split_once('@') {
            Some((n, d)) => (n, Some(d.to_string())),
            None => (s, None),
        };
        let last_slash = name.rfind('/').map(|i| i + 1).unwrap_or(0);
        let (name, tag) = match name[last_slash..].rfind(':') {
            Some(i) => (
                &name[..last_slash + i],
                Some(name[last_slash + i + 1..].to_string()),
            ),
            None => (name, None),
        };
        let (registry, repository) = match name.split_once('/') {
            Some((first, rest))
                if first.contains('.') || first.contains(':') || first == "localhost" =>
            {
                (Some(first.to_string()), rest.to_string())
            }
            _ => (None, name.to_string()),
        };
        ImageRef {
            registry,
            repository,
            tag,
            digest,
        }
    }

    /// The registry, defaulting to Docker Hub.
    pub fn registry_or_default(&self) -> &str {
        self.registry.as_deref().unwrap_or("docker.io")
    }
}

/// One build stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub index: usize,
    /// Index of its `FROM` instruction.
    pub from: usize,
    /// One past its last instruction.
    pub end: usize,
    /// The base image as written.
    pub image_raw: String,
    /// Logical span of the image word in the `FROM`.
    pub image_lspan: (usize, usize),
    /// The base image with ARGs resolved (`None` when some ARG is undefined).
    pub image: Option<String>,
    /// Undefined variables in the image.
    pub undefined: Vec<String>,
    /// The image came from a variable (`FROM ${BASE}`).
    pub image_from_arg: bool,
    /// Alias as written, and its logical span.
    pub alias: Option<String>,
    pub alias_lspan: (usize, usize),
    /// The `AS` keyword as written and its logical span.
    pub as_keyword: Option<(String, usize, usize)>,
    /// A previous stage this one builds on.
    pub parent: Option<usize>,
}

impl Stage {
    /// The image to read a tag or digest from: the resolved image, or, when a variable is
    /// unresolved, the image as written if its last path component is literal
    /// (`${REGISTRY}/ubuntu` has no tag whatever the registry).
    pub fn tag_view(&self) -> Option<&str> {
        match &self.image {
            Some(i) => Some(i),
            None => {
                let tail = self.image_raw.rsplit('/').next().unwrap_or(&self.image_raw);
                (self.image_raw.contains('/') && !tail.contains('$')).then_some(&self.image_raw)
            }
        }
    }

    /// Whether the base is `scratch`.
    pub fn is_scratch(&self) -> bool {
        self.image
            .as_deref()
            .is_some_and(|i| i.eq_ignore_ascii_case("scratch"))
    }

    /// Whether the base is an external image (not scratch, not a previous stage).
    pub fn is_external(&self) -> bool {
        self.parent.is_none() && !self.is_scratch()
    }
}

/// Stages and variables of one Dockerfile.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// `ARG`s before the first `FROM`: (name, default).
    pub global_args: Vec<(String, Option<String>)>,
    pub stages: Vec<Stage>,
    /// Per instruction, its stage (`None` before the first `FROM`).
    pub stage_of: Vec<Option<usize>>,
    /// The stage that is built: `--target` or the last one.
    pub final_stage: Option<usize>,
    /// `--target` named a stage that does not exist.
    pub unknown_target: bool,
}

/// Split `NAME=value` or bare `NAME` of an ARG.
pub fn arg_decl(s: &str) -> (&str, Option<&str>) {
    match s.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (s, None),
    }
}

/// Strip one pair of surrounding quotes.
pub fn unquote(s: &str) -> &str {
    let b = s.as_bytes();
    if b.len() >= 2 && (b[0] == b'"' || b[0] == b'\'') && b[b.len() - 1] == b[0] {
        &s[1..s.len() - 1]
    } else {
        s
    }
}

impl Model {
    /// Build the model. `target` selects the final stage by alias or index.
    pub fn build(df: &Dockerfile, target: Option<&str>) -> Model {
        let mut m = Model {
            stage_of: vec![None; df.instructions.len()],
            ..Default::default()
        };
        let escape = df.escape;
        for (idx, ins) in df.instructions.iter().enumerate() {
            match ins.kind {
                Kind::Arg if m.stages.is_empty() => {
                    for f in ins.fields() {
                        let (n, v) = arg_decl(f.text);
                        let lookup = |k: &str| m.global_lookup(k);
                        let v = v.map(|v| expand(v, escape, &lookup).value);
                        m.global_args.push((n.to_string(), v));
                    }
                }
                Kind::From => {
                    if let Some(last) = m.stages.last_mut() {
                        last.end = idx;
                    }
                    let st = m.stage_from(ins, idx, escape);
                    m.stages.push(st);
                }
                _ => {}
            }
            if !m.stages.is_empty() {
                m.stage_of[idx] = Some(m.stages.len() - 1);
            }
        }
        if let Some(last) = m.stages.last_mut() {
            last.end = df.instructions.len();
        }
        m.final_stage = match target {
            Some(t) => {
                let found = m
                    .stages
                    .iter()
                    .position(|s| {
                        s.alias
                            .as_deref()
                            .is_some_and(|a| a.eq_ignore_ascii_case(t))
                    })
                    .or_else(|| t.parse::<usize>().ok().filter(|&i| i < m.stages.len()));
                if found.is_none() {
                    m.unknown_target = true;
                }
                found.or(m.stages.len().checked_sub(1))
            }
            None => m.stages.len().checked_sub(1),
        };
        m
    }

    /// Value of a global ARG (or a predefined one, as an unknown but defined value).
    pub fn global_lookup(&self, name: &str) -> Option<String> {
        if let Some((_, v)) = self.global_args.iter().rev().find(|(n, _)| n == name) {
            return Some(v.clone().unwrap_or_default());
        }
        if PREDEFINED_ARGS.contains(&name) {
            return Some(String::new());
        }
        None
    }

    /// Whether a global ARG is declared (with or without default), or predefined.
    pub fn global_declared(&self, name: &str) -> bool {
        self.global_args.iter().any(|(n, _)| n == name) || PREDEFINED_ARGS.contains(&name)
    }

    fn stage_from(&self, ins: &Instruction, idx: usize, escape: char) -> Stage {
        let fields = ins.fields();
        let (image_raw, image_lspan) = fields
            .first()
            .map(|f| (f.text.to_string(), (f.lstart, f.lend)))
            .unwrap_or_default();
        let (as_keyword, alias, alias_lspan) =
            if fields.len() >= 3 && fields[1].text.eq_ignore_ascii_case("as") {
                (
                    Some((fields[1].text.to_string(), fields[1].lstart, fields[1].lend)),
                    Some(fields[2].text.to_string()),
                    (fields[2].lstart, fields[2].lend),
                )
            } else {
                (None, None, (0, 0))
            };
        // Only global ARGs with a value (or predefined ones) resolve in FROM.
        let lookup = |k: &str| -> Option<String> {
            match self.global_args.iter().rev().find(|(n, _)| n == k) {
                Some((_, Some(v))) => Some(v.clone()),
                Some((_, None)) => None,
                None if PREDEFINED_ARGS.contains(&k) => Some(String::new()),
                None => None,
            }
        };
        let e = expand(&image_raw, escape, &lookup);
        let image = if e.undefined.is_empty() {
            Some(e.value)
        } else {
            None
        };
        let parent = image.as_deref().and_then(|img| {
            self.stages.iter().rposition(|s| {
                s.alias
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(img))
            })
        });
        Stage {
            index: self.stages.len(),
            from: idx,
            end: idx + 1,
            image_from_arg: image_raw.contains('$'),
            image_raw,
            image_lspan,
            image,
            undefined: e.undefined,
            alias,
            alias_lspan,
            as_keyword,
            parent,
        }
    }

    /// The stage a `COPY --from=` value designates (alias or index) as seen from `stage`.
    pub fn resolve_from(&self, from: &str, before: usize) -> Option<usize> {
        if let Ok(i) = from.parse::<usize>() {
            return (i < self.stages.len()).then_some(i);
        }
        self.stages[..before.min(self.stages.len())]
            .iter()
            .rposition(|s| {
                s.alias
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(from))
            })
    }

    /// The stages whose `USER` matters: the final one, or all with `all_stages`.
    pub fn user_stages(&self, all_stages: bool) -> Vec<usize> {
        if all_stages {
            (0..self.stages.len()).collect()
        } else {
            self.final_stage.into_iter().collect()
        }
    }

    /// `stage` and the stages it builds on (`FROM <stage>`), `stage` first.
    pub fn final_chain_of(&self, stage: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = Some(stage);
        while let Some(i) = cur {
            if out.contains(&i) {
                break;
            }
            out.push(i);
            cur = self.stages[i].parent;
        }
        out
    }

    /// The final stage and the stages it builds on (`FROM <stage>`), final first.
    pub fn final_chain(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = self.final_stage;
        while let Some(i) = cur {
            if out.contains(&i) {
                break;
            }
            out.push(i);
            cur = self.stages[i].parent;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn env(k: &str) -> Option<String> {
        match k {
            "A" => Some("a".into()),
            "E" => Some(String::new()),
            _ => None,
        }
    }

    #[test]
    fn substitution_forms() {
        let e = |s: &str| expand(s, '\\', &env);
        assert_eq!(e("$A-${A}").value, "a-a");
        assert_eq!(e("${B:-x}").value, "x");
        assert_eq!(e("${E:-x}").value, "x");
        assert_eq!(e("${E-x}").value, "");
        assert_eq!(e("${A:+y}").value, "y");
        assert_eq!(e("${B:+y}").value, "");
        assert_eq!(e("\\$A '$A' \"$A\"").value, "$A $A a");
        assert_eq!(e("$B").undefined, vec!["B".to_string()]);
        assert!(e("${B:-d}").undefined.is_empty());
        assert_eq!(expand("`$A", '`', &env).value, "$A");
    }

    #[test]
    fn image_refs() {
        let r = ImageRef::parse("ghcr.io/org/app:1.2@sha256:abc");
        assert_eq!(r.registry.as_deref(), Some("ghcr.io"));
        assert_eq!(r.repository, "org/app");
        assert_eq!(r.tag.as_deref(), Some("1.2"));
        assert_eq!(r.digest.as_deref(), Some("sha256:abc"));
        let r = ImageRef::parse("localhost:5000/app");
        assert_eq!(r.registry.as_deref(), Some("localhost:5000"));
        assert_eq!(r.tag, None);
        assert_eq!(ImageRef::parse("library/debian").registry, None);
    }

    #[test]
    fn stages_global_args_and_target() {
        let df = parse(
            "ARG BASE=debian:12\nARG NOVAL\nFROM ${BASE} AS build\nRUN make\nFROM build AS test\nFROM $NOVAL\nFROM scratch\n",
        );
        let m = Model::build(&df, None);
        assert_eq!(m.stages.len(), 4);
        assert_eq!(m.stages[0].image.as_deref(), Some("debian:12"));
        assert!(m.stages[0].image_from_arg);
        assert_eq!(m.stages[1].parent, Some(0));
        assert_eq!(m.stages[2].image, None);
        assert_eq!(m.stages[2].undefined, vec!["NOVAL".to_string()]);
        assert!(m.stages[3].is_scratch());
        assert_eq!(m.final_stage, Some(3));
        assert_eq!(
            m.stage_of,
            vec![None, None, Some(0), Some(0), Some(1), Some(2), Some(3)]
        );
        let m = Model::build(&df, Some("test"));
        assert_eq!(m.final_stage, Some(1));
        assert_eq!(m.final_chain(), vec![1, 0]);
        assert_eq!(m.resolve_from("build", 2), Some(0));
        assert_eq!(m.resolve_from("1", 0), Some(1));
    }
}
