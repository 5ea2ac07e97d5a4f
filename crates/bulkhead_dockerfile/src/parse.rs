//! The lossless Dockerfile parser: parser directives, comments, instructions with their
//! flags, line continuations (with comments and blank lines inside), heredocs, JSON and shell
//! forms, and `ONBUILD`.
//!
//! Every instruction keeps the byte spans of the original text and a map from its *logical*
//! text (continuations joined, interior comments removed, as BuildKit sees it) back to the
//! original bytes, so rules can report exact positions and fixes can edit the original text.
//! This module knows nothing of stages, variables or rules (see `model` and `rules`).

/// Instruction keywords BuildKit knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    From,
    Run,
    Cmd,
    Label,
    Maintainer,
    Expose,
    Env,
    Add,
    Copy,
    Entrypoint,
    Volume,
    User,
    Workdir,
    Arg,
    Onbuild,
    Stopsignal,
    Healthcheck,
    Shell,
}

impl Kind {
    /// The keyword for a word, case-insensitively, without allocating.
    pub fn from_word(word: &str) -> Option<Kind> {
        if word.len() > 11 || word.is_empty() {
            return None;
        }
        let mut buf = [0u8; 11];
        for (d, b) in buf.iter_mut().zip(word.bytes()) {
            *d = b.to_ascii_uppercase();
        }
        Kind::from_keyword(std::str::from_utf8(&buf[..word.len()]).ok()?)
    }

    /// The keyword for an upper-cased word.
    pub fn from_keyword(upper: &str) -> Option<Kind> {
        Some(match upper {
            "FROM" => Kind::From,
            "RUN" => Kind::Run,
            "CMD" => Kind::Cmd,
            "LABEL" => Kind::Label,
            "MAINTAINER" => Kind::Maintainer,
            "EXPOSE" => Kind::Expose,
            "ENV" => Kind::Env,
            "ADD" => Kind::Add,
            "COPY" => Kind::Copy,
            "ENTRYPOINT" => Kind::Entrypoint,
            "VOLUME" => Kind::Volume,
            "USER" => Kind::User,
            "WORKDIR" => Kind::Workdir,
            "ARG" => Kind::Arg,
            "ONBUILD" => Kind::Onbuild,
            "STOPSIGNAL" => Kind::Stopsignal,
            "HEALTHCHECK" => Kind::Healthcheck,
            "SHELL" => Kind::Shell,
            _ => return None,
        })
    }

    /// The canonical upper-case keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::From => "FROM",
            Kind::Run => "RUN",
            Kind::Cmd => "CMD",
            Kind::Label => "LABEL",
            Kind::Maintainer => "MAINTAINER",
            Kind::Expose => "EXPOSE",
            Kind::Env => "ENV",
            Kind::Add => "ADD",
            Kind::Copy => "COPY",
            Kind::Entrypoint => "ENTRYPOINT",
            Kind::Volume => "VOLUME",
            Kind::User => "USER",
            Kind::Workdir => "WORKDIR",
            Kind::Arg => "ARG",
            Kind::Onbuild => "ONBUILD",
            Kind::Stopsignal => "STOPSIGNAL",
            Kind::Healthcheck => "HEALTHCHECK",
            Kind::Shell => "SHELL",
        }
    }

    fn takes_flags(self) -> bool {
        matches!(
            self,
            Kind::From | Kind::Run | Kind::Copy | Kind::Add | Kind::Healthcheck
        )
    }

    fn takes_heredocs(self) -> bool {
        matches!(self, Kind::Run | Kind::Copy | Kind::Add)
    }
}

/// A parser directive at the top of the file (`# syntax=`, `# escape=`, `# check=`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// Lower-cased name.
    pub name: String,
    pub value: String,
    /// Byte span of the whole comment line.
    pub start: usize,
    pub end: usize,
}

/// A comment line (outside or inside an instruction's continuation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Text after the `#`, untrimmed.
    pub text: String,
    /// Byte span of the `#` to the end of the line.
    pub start: usize,
    pub end: usize,
    /// 1-based line.
    pub line: u32,
}

/// One `--name[=value]` flag of an instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// Lower-cased name without the dashes.
    pub name: String,
    pub value: Option<String>,
    /// Logical span of the whole flag.
    pub lstart: usize,
    pub lend: usize,
}

/// A heredoc attached to an instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heredoc {
    /// The delimiter word (without quotes).
    pub name: String,
    /// `<<-`: leading tabs are stripped from body lines.
    pub strip_tabs: bool,
    /// The delimiter was quoted, so the body is not expanded.
    pub quoted: bool,
    /// The body (tabs stripped for `<<-`), ending with a newline unless empty.
    pub body: String,
    /// Original byte span of the body lines (not including the terminator line).
    pub body_start: usize,
    pub body_end: usize,
    /// Logical span of the `<<EOF` marker in the instruction.
    pub marker_lstart: usize,
    pub marker_lend: usize,
}

/// A word of a whitespace-separated argument list, with its logical span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    pub text: &'a str,
    pub lstart: usize,
    pub lend: usize,
}

/// One instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    pub kind: Kind,
    /// The keyword as written (case preserved).
    pub keyword: String,
    /// Original byte span of the keyword.
    pub keyword_start: usize,
    pub keyword_end: usize,
    /// Original byte span from the keyword to the end of the last continuation line (not
    /// including heredoc bodies or the newline).
    pub start: usize,
    pub end: usize,
    /// End of the whole instruction including heredoc bodies and their terminators.
    pub full_end: usize,
    /// 1-based first line, and the last line including heredocs.
    pub line: u32,
    pub end_line: u32,
    /// The logical text after the keyword: continuations joined, interior comments removed.
    pub logical: String,
    /// (logical offset, original offset, length) of each contiguous piece of `logical`.
    pub segments: Vec<(usize, usize, usize)>,
    pub flags: Vec<Flag>,
    /// Logical offset where the arguments after the flags start.
    pub args_start: usize,
    /// The arguments as a JSON array of strings (exec form), when they are one.
    pub json: Option<Vec<String>>,
    pub heredocs: Vec<Heredoc>,
    /// For `ONBUILD`, the trigger instruction.
    pub onbuild: Option<Box<Instruction>>,
    /// Lines of blank lines found inside the continuation.
    pub empty_continuation_lines: Vec<u32>,
    /// For `ENV`, `LABEL` and `ARG`: the key/value pairs.
    pub kvs: Vec<KeyValue>,
}

impl Instruction {
    /// The arguments after the flags, trimmed.
    pub fn args(&self) -> &str {
        self.logical[self.args_start..].trim()
    }

    /// Logical offset of the trimmed [`Instruction::args`].
    pub fn args_lstart(&self) -> usize {
        let rest = &self.logical[self.args_start..];
        self.args_start + (rest.len() - rest.trim_start().len())
    }

    /// Original offset of logical offset `l`, biased to the start of the following piece.
    pub fn orig(&self, l: usize) -> usize {
        let i = self.segments.partition_point(|s| s.0 <= l);
        if i == 0 {
            return self.start;
        }
        let (ls, os, len) = self.segments[i - 1];
        os + (l - ls).min(len)
    }

    /// Original offset of logical offset `l`, biased to the end of the preceding piece (for
    /// insertions after a word that ends a physical line).
    pub fn orig_end(&self, l: usize) -> usize {
        let i = self.segments.partition_point(|s| s.0 < l);
        if i == 0 {
            return self.orig(l);
        }
        let (ls, os, len) = self.segments[i - 1];
        os + (l - ls).min(len)
    }

    /// The flag named `name`, if given.
    pub fn flag(&self, name: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.name == name)
    }

    /// Whitespace-separated fields of the arguments (BuildKit's parsing of FROM, COPY, ADD,
    /// EXPOSE, USER...), with logical spans.
    pub fn fields(&self) -> Vec<Field<'_>> {
        let mut out = Vec::new();
        let s = &self.logical;
        let bytes = s.as_bytes();
        let mut i = self.args_start;
        while i < bytes.len() {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let st = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i > st {
                out.push(Field {
                    text: &s[st..i],
                    lstart: st,
                    lend: i,
                });
            }
        }
        out
    }

    /// Whether the arguments are in exec (JSON) form.
    pub fn is_exec_form(&self) -> bool {
        self.json.is_some()
    }

    /// The sources and destination of a `COPY`/`ADD`, as BuildKit reads them: the JSON form's
    /// strings, or the whitespace-separated fields with their quotes and escapes removed
    /// (`COPY a "b/"` has the destination `b/`). Variables are kept as
    /// written. With heredocs the sources are the heredocs (`sources` is empty). `escape` is
    /// the file's escape character ([`Dockerfile::escape`]).
    pub fn copy_operands(&self, escape: char) -> CopyOperands {
        let fields = self.fields();
        let op = |text: String, lstart: usize, lend: usize| Operand { text, lstart, lend };
        match &self.json {
            Some(j) if j.len() >= 2 => {
                let (s, e) = (
                    fields.first().map_or(0, |f| f.lstart),
                    fields.last().map_or(0, |f| f.lend),
                );
                CopyOperands {
                    sources: j[..j.len() - 1]
                        .iter()
                        .map(|x| op(x.clone(), s, e))
                        .collect(),
                    dest: j.last().map(|x| op(x.clone(), s, e)),
                }
            }
            _ => {
                let unq = |f: &Field<'_>| op(unquote_operand(f.text, escape), f.lstart, f.lend);
                let dest = fields.last().map(unq);
                let sources = if fields.len() >= 2 && self.heredocs.is_empty() {
                    fields[..fields.len() - 1].iter().map(unq).collect()
                } else {
                    Vec::new()
                };
                CopyOperands { sources, dest }
            }
        }
    }
}

/// One source or the destination of a `COPY`/`ADD` ([`Instruction::copy_operands`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operand {
    /// The path or URL, quotes and escapes removed, variables as written.
    pub text: String,
    /// Logical span of the field (of the whole JSON array in the exec form).
    pub lstart: usize,
    pub lend: usize,
}

/// The operands of a `COPY`/`ADD`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CopyOperands {
    /// Every source (empty when heredocs are the sources).
    pub sources: Vec<Operand>,
    /// The destination (the last operand).
    pub dest: Option<Operand>,
}

/// A word without its quotes and escapes, as BuildKit's word lexer reads `COPY`/`ADD`
/// operands: `'...'` literal, `"..."` with the escape character escaping `"`, `$` and
/// itself, the escape character elsewhere taking the next character literally. `$` is kept.
pub fn unquote_operand(word: &str, escape: char) -> String {
    if !word.contains(['\'', '"', escape]) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut quote: Option<char> = None;
    let mut it = word.chars().peekable();
    while let Some(c) = it.next() {
        match (quote, c) {
            (Some('\''), '\'') | (Some('"'), '"') => quote = None,
            (Some('\''), _) => out.push(c),
            (None, '\'' | '"') => quote = Some(c),
            (q, e) if e == escape => match it.peek().copied() {
                Some(n) if q.is_none() || n == '"' || n == '$' || n == escape => {
                    // An escaped `$` stays escaped, so that it is not read as a variable.
                    if n == '$' {
                        out.push(escape);
                    }
                    out.push(n);
                    it.next();
                }
                _ => out.push(c),
            },
            _ => out.push(c),
        }
    }
    out
}

/// A problem that makes the file invalid for BuildKit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
    pub end: usize,
    pub message: String,
}

/// A parsed Dockerfile.
#[derive(Debug, Clone, Default)]
pub struct Dockerfile {
    pub directives: Vec<Directive>,
    /// The escape character (`\` or `` ` ``).
    pub escape: char,
    pub instructions: Vec<Instruction>,
    /// Every comment that is not a parser directive, in order.
    pub comments: Vec<Comment>,
    pub errors: Vec<ParseError>,
}

struct Line {
    start: usize,
    /// End without the line terminator.
    end: usize,
    number: u32,
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(text.len() / 30 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut number = 1;
    while start < bytes.len() {
        let nl = text[start..].find('\n').map(|i| start + i);
        let (end, next) = match nl {
            Some(i) => (i, i + 1),
            None => (bytes.len(), bytes.len()),
        };
        let end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        out.push(Line { start, end, number });
        number += 1;
        start = next;
    }
    out
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// Parse a directive line `# name=value`.
fn directive(line: &str) -> Option<(String, String)> {
    let rest = line.trim_start().strip_prefix('#')?;
    let eq = rest.find('=')?;
    let name = rest[..eq].trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let name = name.to_ascii_lowercase();
    if !matches!(name.as_str(), "syntax" | "escape" | "check") {
        return None;
    }
    Some((name, rest[eq + 1..].trim().to_string()))
}

/// If `content` ends with the escape character (optionally followed by blanks), the length of
/// the content before it.
fn continuation(content: &str, escape: char) -> Option<usize> {
    let t = content.trim_end_matches([' ', '\t']);
    let body = t.strip_suffix(escape)?;
    Some(body.len())
}

/// Parse a Dockerfile. Never panics; problems are collected in [`Dockerfile::errors`].
pub fn parse(text: &str) -> Dockerfile {
    let mut df = Dockerfile {
        escape: '\\',
        ..Default::default()
    };
    let lines = split_lines(text);
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let line_str = |l: &Line| -> &str {
        let s = if l.start == 0 {
            bom.min(l.end)
        } else {
            l.start
        };
        &text[s..l.end]
    };
    let mut i = 0;
    // Parser directives: only at the very top, before any other line.
    while i < lines.len() {
        let s = line_str(&lines[i]);
        match directive(s) {
            Some((name, value)) => {
                if df.directives.iter().any(|d| d.name == name) {
                    break;
                }
                if name == "escape" {
                    match value.as_str() {
                        "`" => df.escape = '`',
                        "\\" => df.escape = '\\',
                        _ => df.errors.push(ParseError {
                            offset: lines[i].start,
                            end: lines[i].end,
                            message: format!("invalid escape token `{value}`: use \\ or `"),
                        }),
                    }
                }
                df.directives.push(Directive {
                    name,
                    value,
                    start: lines[i].start,
                    end: lines[i].end,
                });
                i += 1;
            }
            None => break,
        }
    }
    let escape = df.escape;
    while i < lines.len() {
        let l = &lines[i];
        let s = line_str(l);
        let t = s.trim_start();
        if t.is_empty() {
            i += 1;
            continue;
        }
        if let Some(body) = t.strip_prefix('#') {
            let hash = l.end - t.len();
            df.comments.push(Comment {
                text: body.to_string(),
                start: hash,
                end: l.end,
                line: l.number,
            });
            i += 1;
            continue;
        }
        // An instruction: gather its physical lines.
        let first = i;
        let kw_start = l.end - t.len();
        let kw_len = t
            .find(|c: char| c.is_whitespace() || c == escape)
            .unwrap_or(t.len());
        let keyword = &t[..kw_len];
        let mut logical = String::new();
        let mut segments = Vec::new();
        let mut empty_lines = Vec::new();
        let mut piece_start = kw_start + kw_len;
        let mut cur = i;
        let mut last_line;
        loop {
            let ln = &lines[cur];
            let seg_start = piece_start.max(ln.start);
            let content = &text[seg_start..ln.end];
            last_line = cur;
            match continuation(content, escape) {
                Some(n) => {
                    segments.push((logical.len(), seg_start, n));
                    logical.push_str(&content[..n]);
                    cur += 1;
                    // Skip comment and blank lines inside the continuation.
                    while cur < lines.len() {
                        let s2 = line_str(&lines[cur]);
                        if s2.trim().is_empty() {
                            empty_lines.push(lines[cur].number);
                            cur += 1;
                        } else if is_comment(s2) {
                            let t2 = s2.trim_start();
                            df.comments.push(Comment {
                                text: t2[1..].to_string(),
                                start: lines[cur].end - t2.len(),
                                end: lines[cur].end,
                                line: lines[cur].number,
                            });
                            cur += 1;
                        } else {
                            break;
                        }
                    }
                    if cur >= lines.len() {
                        break;
                    }
                    piece_start = lines[cur].start;
                }
                None => {
                    segments.push((logical.len(), seg_start, content.len()));
                    logical.push_str(content);
                    cur += 1;
                    break;
                }
            }
        }
        // Empty lines at the very end of a continuation are not "inside" it.
        let last_number = lines[last_line].number;
        empty_lines.retain(|&n| n < last_number);
        let end = lines[last_line].end;
        let Some(kind) = Kind::from_word(keyword) else {
            df.errors.push(ParseError {
                offset: kw_start,
                end: kw_start + kw_len,
                message: format!("unknown instruction: {keyword}"),
            });
            i = cur;
            continue;
        };
        let mut ins = build_instruction(
            kind,
            keyword.to_string(),
            kw_start,
            end,
            lines[first].number,
            logical,
            segments,
            &mut df.errors,
        );
        ins.empty_continuation_lines = empty_lines;
        ins.end_line = lines[last_line].number;
        ins.full_end = end;
        // Heredocs: read their bodies from the following lines.
        let heredoc_kind = match (&ins.onbuild, kind) {
            (Some(inner), Kind::Onbuild) => inner.kind,
            _ => kind,
        };
        if heredoc_kind.takes_heredocs() && ins.json.is_none() {
            let markers = heredoc_markers(&ins.logical, ins.args_start);
            for (name, strip, quoted, ms, me) in markers {
                let body_start = lines.get(cur).map(|l| l.start).unwrap_or(text.len());
                let mut body = String::new();
                let mut terminated = false;
                while cur < lines.len() {
                    let s2 = line_str(&lines[cur]);
                    let cmp = if strip {
                        s2.trim_start_matches('\t')
                    } else {
                        s2
                    };
                    if cmp == name {
                        terminated = true;
                        break;
                    }
                    body.push_str(cmp);
                    body.push('\n');
                    cur += 1;
                }
                let body_end = if cur < lines.len() {
                    lines[cur].start
                } else {
                    text.len()
                };
                if terminated {
                    ins.full_end = lines[cur].end;
                    ins.end_line = lines[cur].number;
                    cur += 1;
                } else {
                    df.errors.push(ParseError {
                        offset: ins.orig(ms),
                        end: ins.orig_end(me),
                        message: format!("unterminated heredoc `{name}`"),
                    });
                    ins.full_end = text.len();
                    ins.end_line = lines.last().map(|l| l.number).unwrap_or(1);
                }
                ins.heredocs.push(Heredoc {
                    name,
                    strip_tabs: strip,
                    quoted,
                    body,
                    body_start,
                    body_end,
                    marker_lstart: ms,
                    marker_lend: me,
                });
            }
            if let Some(inner) = ins.onbuild.as_mut() {
                inner.heredocs = ins.heredocs.clone();
            }
        }
        df.instructions.push(ins);
        i = cur;
    }
    if df.instructions.is_empty() && df.errors.is_empty() {
        df.errors.push(ParseError {
            offset: 0,
            end: 0,
            message: "the Dockerfile has no instructions".into(),
        });
    }
    df
}

#[allow(clippy::too_many_arguments)]
fn build_instruction(
    kind: Kind,
    keyword: String,
    kw_start: usize,
    end: usize,
    line: u32,
    logical: String,
    segments: Vec<(usize, usize, usize)>,
    errors: &mut Vec<ParseError>,
) -> Instruction {
    let kw_end = kw_start + keyword.len();
    let mut ins = Instruction {
        kind,
        keyword,
        keyword_start: kw_start,
        keyword_end: kw_end,
        start: kw_start,
        end,
        full_end: end,
        line,
        end_line: line,
        logical,
        segments,
        flags: Vec::new(),
        args_start: 0,
        json: None,
        heredocs: Vec::new(),
        onbuild: None,
        empty_continuation_lines: Vec::new(),
        kvs: Vec::new(),
    };
    if kind.takes_flags() {
        parse_flags(&mut ins);
        // BuildKit refuses a flag that takes a value written without one (`COPY --from
        // build src dst`, where `build` would otherwise be read as a source).
        for f in &ins.flags {
            if f.value.is_none() && STRING_FLAGS.contains(&f.name.as_str()) {
                errors.push(ParseError {
                    offset: ins.orig(f.lstart),
                    end: ins.orig_end(f.lend),
                    message: format!(
                        "missing a value on flag `--{}`: write `--{}=<value>`",
                        f.name, f.name
                    ),
                });
            }
        }
    }
    if matches!(kind, Kind::Env | Kind::Label | Kind::Arg) {
        ins.kvs = parse_key_values(&ins);
    }
    let args = ins.args().to_string();
    let args = args.as_str();
    if matches!(
        kind,
        Kind::Run
            | Kind::Cmd
            | Kind::Entrypoint
            | Kind::Shell
            | Kind::Copy
            | Kind::Add
            | Kind::Volume
            | Kind::Healthcheck
    ) {
        let json_src = if kind == Kind::Healthcheck {
            let up = args.get(..3).map(|s| s.to_ascii_uppercase());
            if up.as_deref() == Some("CMD") {
                args[3..].trim_start()
            } else {
                ""
            }
        } else {
            args
        };
        if json_src.starts_with('[') && json_src.ends_with(']') {
            ins.json = serde_json::from_str::<Vec<String>>(json_src).ok();
        }
    }
    let missing = args.is_empty()
        && !matches!(kind, Kind::Run | Kind::Copy | Kind::Add)
        && !(kind == Kind::Cmd || kind == Kind::Entrypoint);
    if missing {
        errors.push(ParseError {
            offset: kw_start,
            end: kw_end,
            message: format!("{} requires at least one argument", kind.as_str()),
        });
    }
    if kind == Kind::Shell && ins.json.is_none() && !args.is_empty() {
        errors.push(ParseError {
            offset: kw_start,
            end: kw_end,
            message: "SHELL requires the arguments to be in JSON form".into(),
        });
    }
    if kind == Kind::Onbuild && !args.is_empty() {
        let ls = ins.args_lstart();
        let sub = &ins.logical[ls..];
        let kw_len = sub.find(|c: char| c.is_whitespace()).unwrap_or(sub.len());
        let kw = &sub[..kw_len];
        match Kind::from_keyword(&kw.to_ascii_uppercase()) {
            Some(inner_kind) => {
                let inner_logical = sub[kw_len..].to_string();
                let base = ls + kw_len;
                // Re-base the segments on the inner logical text.
                let mut segs = Vec::new();
                for &(l, o, n) in &ins.segments {
                    let (s, e) = (l, l + n);
                    if e <= base {
                        continue;
                    }
                    let cut = base.saturating_sub(s);
                    segs.push((s + cut - base, o + cut, n - cut));
                }
                let inner_start = ins.orig(ls);
                let inner = build_instruction(
                    inner_kind,
                    kw.to_string(),
                    inner_start,
                    end,
                    line,
                    inner_logical,
                    segs,
                    errors,
                );
                ins.onbuild = Some(Box::new(inner));
            }
            None => errors.push(ParseError {
                offset: ins.orig(ls),
                end: ins.orig_end(ls + kw_len),
                message: format!("unknown instruction in ONBUILD: {kw}"),
            }),
        }
    }
    ins
}

/// Flags whose value BuildKit requires (`--from=x`); boolean flags (`--link`, `--parents`,
/// `--keep-git-dir`) may stand alone.
const STRING_FLAGS: &[&str] = &[
    "from",
    "chown",
    "chmod",
    "checksum",
    "exclude",
    "platform",
    "mount",
    "network",
    "security",
    "interval",
    "timeout",
    "start-period",
    "start-interval",
    "retries",
];

fn parse_flags(ins: &mut Instruction) {
    let s = ins.logical.as_bytes();
    let mut i = 0;
    loop {
        while i < s.len() && s[i].is_ascii_whitespace() {
            i += 1;
        }
        if !(i + 2 < s.len() && s[i] == b'-' && s[i + 1] == b'-' && s[i + 2].is_ascii_alphabetic())
        {
            break;
        }
        let st = i;
        let mut quote = 0u8;
        while i < s.len() {
            let c = s[i];
            if quote != 0 {
                if c == quote {
                    quote = 0;
                }
            } else if c == b'"' || c == b'\'' {
                quote = c;
            } else if c.is_ascii_whitespace() {
                break;
            }
            i += 1;
        }
        let tok = &ins.logical[st + 2..i];
        let (name, value) = match tok.find('=') {
            Some(eq) => (&tok[..eq], Some(unquote(&tok[eq + 1..]))),
            None => (tok, None),
        };
        ins.flags.push(Flag {
            name: name.to_ascii_lowercase(),
            value,
            lstart: st,
            lend: i,
        });
    }
    ins.args_start = i.min(s.len());
}

fn unquote(s: &str) -> String {
    let b = s.as_bytes();
    if b.len() >= 2 && (b[0] == b'"' || b[0] == b'\'') && b[b.len() - 1] == b[0] {
        s[1..s.len() - 1].to_string()
    } else {
        s.to_string()
    }
}

/// Heredoc markers (`<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`) in a logical line, outside
/// quotes: (name, strip_tabs, quoted, logical start, logical end).
fn heredoc_markers(s: &str, from: usize) -> Vec<(String, bool, bool, usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    let mut quote = 0u8;
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            } else if c == b'\\' && quote == b'"' {
                i += 1;
            }
            i += 1;
            continue;
        }
        match c {
            b'\\' => {
                i += 2;
                continue;
            }
            b'\'' | b'"' => quote = c,
            b'<' if b.get(i + 1) == Some(&b'<') && b.get(i + 2) != Some(&b'<') => {
                let st = i;
                let mut j = i + 2;
                let strip = b.get(j) == Some(&b'-');
                if strip {
                    j += 1;
                }
                let q = match b.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        j += 1;
                        q
                    }
                    _ => 0,
                };
                let ns = j;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] == b'-')
                {
                    j += 1;
                }
                let name = &s[ns..j];
                let mut ok = !name.is_empty();
                if q != 0 {
                    if b.get(j) == Some(&q) {
                        j += 1;
                    } else {
                        ok = false;
                    }
                }
                if ok {
                    out.push((name.to_string(), strip, q != 0, st, j));
                    i = j;
                    continue;
                }
                i += 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// One `key=value` (or legacy `key value`) of `ENV`, `LABEL` or `ARG`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyValue {
    pub key: String,
    /// The value as written (quotes kept).
    pub value: String,
    /// Legacy `ENV key value` form.
    pub legacy: bool,
    /// Logical span of the pair and of the key.
    pub lstart: usize,
    pub lend: usize,
    pub key_lend: usize,
}

/// Parse the pairs of `ENV`/`LABEL`/`ARG`, quote-aware.
pub fn parse_key_values(ins: &Instruction) -> Vec<KeyValue> {
    let s = &ins.logical;
    let b = s.as_bytes();
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = ins.args_start;
    while i < b.len() {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let st = i;
        let mut q = 0u8;
        while i < b.len() {
            let c = b[i];
            if q != 0 {
                if c == b'\\' && q == b'"' {
                    i += 1;
                } else if c == q {
                    q = 0;
                }
            } else if c == b'\\' {
                i += 1;
            } else if c == b'"' || c == b'\'' {
                q = c;
            } else if c.is_ascii_whitespace() {
                break;
            }
            i += 1;
        }
        i = i.min(b.len());
        words.push((st, i));
    }
    let Some(&(fs, fe)) = words.first() else {
        return Vec::new();
    };
    if !s[fs..fe].contains('=') && ins.kind != Kind::Arg {
        // legacy: ENV key value...
        let rest_start = words.get(1).map(|w| w.0).unwrap_or(fe);
        let end = words.last().map(|w| w.1).unwrap_or(fe);
        return vec![KeyValue {
            key: s[fs..fe].to_string(),
            value: s[rest_start..end.max(rest_start)].to_string(),
            legacy: ins.kind != Kind::Arg,
            lstart: fs,
            lend: end,
            key_lend: fe,
        }];
    }
    words
        .into_iter()
        .map(|(st, en)| {
            let w = &s[st..en];
            let (k, v) = w.split_once('=').unwrap_or((w, ""));
            KeyValue {
                key: crate::model::unquote(k).to_string(),
                value: v.to_string(),
                legacy: false,
                lstart: st,
                lend: en,
                key_lend: st + k.len(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Instruction {
        let df = parse(text);
        assert!(df.errors.is_empty(), "{:?}", df.errors);
        df.instructions.into_iter().next().unwrap()
    }

    #[test]
    fn directives_and_escape() {
        let df = parse(
            "# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\nFROM x\nRUN a `\n  b\n",
        );
        assert_eq!(df.directives.len(), 3);
        assert_eq!(df.escape, '`');
        assert_eq!(df.instructions[1].logical, " a   b");
        assert_eq!(df.instructions[1].end_line, 6);
    }

    #[test]
    fn directive_after_comment_is_comment() {
        let df = parse("# hello\n# escape=`\nFROM x\n");
        assert!(df.directives.is_empty());
        assert_eq!(df.escape, '\\');
        assert_eq!(df.comments.len(), 2);
    }

    #[test]
    fn continuation_with_comments_and_blank_lines() {
        let text =
            "RUN apt-get update \\\n  # a comment\n\n  && apt-get install -y curl\nUSER 1000\n";
        let df = parse(text);
        let r = &df.instructions[0];
        assert_eq!(r.logical, " apt-get update   && apt-get install -y curl");
        assert_eq!((r.line, r.end_line), (1, 4));
        assert_eq!(r.empty_continuation_lines, vec![3]);
        assert_eq!(df.comments[0].line, 2);
        // logical -> original offsets
        let l = r.logical.find("&&").unwrap();
        assert_eq!(&text[r.orig(l)..r.orig(l) + 2], "&&");
        assert_eq!(df.instructions[1].line, 5);
    }

    #[test]
    fn trailing_whitespace_after_escape() {
        let r = one("RUN a \\  \n b\n");
        assert_eq!(r.logical, " a  b");
    }

    #[test]
    fn flags_and_exec_form() {
        let r = one(
            "RUN --mount=type=cache,target=/root/.cache --network=none [\"pip\", \"install\"]\n",
        );
        assert_eq!(r.flags.len(), 2);
        assert_eq!(r.flags[0].name, "mount");
        assert_eq!(
            r.flags[0].value.as_deref(),
            Some("type=cache,target=/root/.cache")
        );
        assert_eq!(r.json, Some(vec!["pip".into(), "install".into()]));
        let c = one(
            "COPY --from=build --chown=1000:1000 --chmod=755 --link --parents --exclude=*.md a b /d/\n",
        );
        let names: Vec<_> = c.flags.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["from", "chown", "chmod", "link", "parents", "exclude"]
        );
        assert_eq!(c.args(), "a b /d/");
        let f: Vec<_> = c.fields().iter().map(|f| f.text).collect();
        assert_eq!(f, ["a", "b", "/d/"]);
    }

    #[test]
    fn every_flag_kind() {
        let r = one(
            "RUN --security=insecure --network=host --mount=type=secret,id=a,target=/run/a make\n",
        );
        let names: Vec<_> = r.flags.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["security", "network", "mount"]);
        assert_eq!(r.args(), "make");
        let a =
            one("ADD --checksum=sha256:00 --keep-git-dir=true --chmod=644 https://x/y.git /src\n");
        assert_eq!(
            a.flag("keep-git-dir").unwrap().value.as_deref(),
            Some("true")
        );
        assert_eq!(a.fields().len(), 2);
        let f = one("FROM --platform=\"linux/arm64\" alpine:3.20 AS Build\n");
        assert_eq!(
            f.flag("platform").unwrap().value.as_deref(),
            Some("linux/arm64")
        );
        let h = one(
            "HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=1s --retries=3 CMD curl -f http://x/\n",
        );
        assert_eq!(h.flags.len(), 5);
        assert!(h.json.is_none());
        // CMD does not take flags: `--help` is an argument
        let c = one("CMD --help\n");
        assert!(c.flags.is_empty());
        assert_eq!(c.args(), "--help");
    }

    #[test]
    fn heredocs() {
        let text = "FROM x\nRUN <<EOF bash\nset -e\necho hi\nEOF\nCOPY <<-\"A\" /a <<B /b\n\tone\n\tA\ntwo\nB\nUSER 1\n";
        let df = parse(text);
        assert!(df.errors.is_empty(), "{:?}", df.errors);
        let r = &df.instructions[1];
        assert_eq!(r.heredocs.len(), 1);
        assert_eq!(r.heredocs[0].body, "set -e\necho hi\n");
        assert_eq!(r.end_line, 5);
        let c = &df.instructions[2];
        assert_eq!(c.heredocs.len(), 2);
        assert!(c.heredocs[0].strip_tabs && c.heredocs[0].quoted);
        assert_eq!(c.heredocs[0].body, "one\n");
        assert_eq!(c.heredocs[1].body, "two\n");
        assert_eq!(df.instructions[3].line, 11);
    }

    #[test]
    fn heredoc_not_in_quotes_or_herestring() {
        let df = parse("RUN echo '<<EOF' && cat <<< x\n");
        assert!(df.instructions[0].heredocs.is_empty());
    }

    #[test]
    fn unterminated_heredoc_is_an_error() {
        let df = parse("FROM x\nRUN <<EOF\necho\n");
        assert_eq!(df.errors.len(), 1);
        assert!(df.errors[0].message.contains("unterminated"));
    }

    #[test]
    fn onbuild_and_healthcheck() {
        let r = one("ONBUILD RUN --mount=type=cache,target=/x make\n");
        let inner = r.onbuild.as_ref().unwrap();
        assert_eq!(inner.kind, Kind::Run);
        assert_eq!(inner.args(), "make");
        let h =
            one("HEALTHCHECK --interval=30s --timeout=3s CMD [\"curl\", \"-f\", \"http://x/\"]\n");
        assert_eq!(h.flags.len(), 2);
        assert_eq!(h.json.as_ref().unwrap()[0], "curl");
    }

    #[test]
    fn unknown_instruction_and_empty() {
        let df = parse("FROM x\nRUNN foo\n");
        assert_eq!(df.errors[0].message, "unknown instruction: RUNN");
        assert_eq!(df.errors[0].offset, 7);
        assert!(!parse("\n# only a comment\n").errors.is_empty());
    }

    #[test]
    fn crlf_and_bom() {
        let df = parse("\u{feff}FROM x\r\nRUN a \\\r\n b\r\n");
        assert!(df.errors.is_empty());
        assert_eq!(df.instructions[0].keyword, "FROM");
        assert_eq!(df.instructions[1].logical, " a  b");
    }
}
