//! The secret scanner: a keyword prefilter (one Aho-Corasick pass over every byte for all the
//! rules' keywords), then each rule's regular expression only on the candidate windows around
//! its keywords' hits, merged so that no byte is matched twice by the same rule.
//!
//! Owns: the scanner, streaming in bounded chunks (a 1 GB one-line file costs one pass and a
//! few MiB), binary sniffing, the allow-list of test and example values, the entropy gate and
//! masking. Does not own: the rules (`rules`), where bytes come from (image walk, directory
//! walk, `check`), rendering.

pub mod check;
pub mod rules;

use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind, StartKind, dfa::DFA};
use bulkhead_diagnostics::RuleMeta;
use regex::bytes::Regex;
use std::io::{self, Read};
use std::sync::OnceLock;

pub use rules::{RULES, SECRET_RULES};

/// How far a candidate window reaches around a keyword hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The hit's line, at most this many bytes before and after the keyword.
    Line(usize),
    /// Across lines (PEM blocks), at most this many bytes after the keyword.
    Block(usize),
}

/// One secret rule: its metadata, the keywords that make a window a candidate, the pattern
/// (group `secret`, when present, is what is reported and masked), and its gates.
#[derive(Debug)]
pub struct SecretRule {
    pub meta: &'static RuleMeta,
    /// Keywords; one with an uppercase letter must match exactly, an all-lowercase one matches
    /// in any case.
    pub keywords: &'static [&'static str],
    pub pattern: &'static str,
    /// Minimum Shannon entropy (bits per character) of the secret; 0 disables the gate.
    pub entropy: f32,
    /// Whether the generic placeholder allow-list applies (`changeme`, `${VAR}`, `xxxx`...).
    pub placeholders: bool,
    pub reach: Reach,
    /// A line the rule must report (tests, docs).
    pub example: &'static str,
    /// A near-miss the rule must not report (tests).
    pub near_miss: &'static str,
}

/// One secret found, located in the scanned bytes.
#[derive(Debug, Clone)]
pub struct SecretMatch {
    pub rule: &'static RuleMeta,
    /// Byte offset of the secret in the whole input.
    pub offset: u64,
    /// 1-based line and column (bytes) of the secret's start.
    pub line: u64,
    pub column: u64,
    /// The secret with all but a short prefix masked: never the whole secret.
    pub masked: String,
    /// Byte span of the secret itself in the whole input (for masking it in place).
    pub secret_span: (u64, u64),
}

/// Limits of one scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this are not read (the caller reports a note).
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 << 20,
        }
    }
}

/// Why a file was not scanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    /// A NUL byte in its first 8 KiB.
    Binary,
    /// Larger than [`Limits::max_file_bytes`].
    TooLarge(u64),
}

/// The outcome of scanning one file.
#[derive(Debug, Clone, Default)]
pub struct FileScan {
    pub matches: Vec<SecretMatch>,
    pub skipped: Option<Skipped>,
    /// More than [`MAX_MATCHES_PER_FILE`] matches: the rest were not kept (hostile input keeps
    /// memory bounded; the caller notes it).
    pub truncated: bool,
}

/// The most matches kept for one file.
pub const MAX_MATCHES_PER_FILE: usize = 1000;

struct Compiled {
    /// Every keyword, ASCII case-insensitive, as one DFA run by [`hits`].
    dfa: DFA,
    /// Per pattern of `ac`: (exact-case bytes or None, rule indices).
    keywords: Vec<(Option<Vec<u8>>, Vec<usize>)>,
    regexes: Vec<OnceLock<Option<Regex>>>,
    rules: &'static [&'static SecretRule],
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let rules = SECRET_RULES;
        let mut words: Vec<String> = Vec::new();
        let mut keywords: Vec<(Option<Vec<u8>>, Vec<usize>)> = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            for k in r.keywords {
                let exact = k.bytes().any(|b| b.is_ascii_uppercase());
                let exact_bytes = exact.then(|| k.as_bytes().to_vec());
                match words.iter().position(|w| w.eq_ignore_ascii_case(k)) {
                    Some(p) if keywords[p].0 == exact_bytes => {
                        if !keywords[p].1.contains(&i) {
                            keywords[p].1.push(i);
                        }
                    }
                    _ => {
                        words.push(k.to_string());
                        keywords.push((exact_bytes, vec![i]));
                    }
                }
            }
        }
        // A full DFA: one table lookup per byte whatever the number of keywords (the
        // default picks an NFA for this many case-insensitive patterns, about half as fast),
        // unanchored only, without the crate's prefilter (it cannot help with ~400
        // case-insensitive keywords and would make the start state special).
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(&words)
            .expect("keywords are plain strings");
        Compiled {
            dfa,
            keywords,
            regexes: rules.iter().map(|_| OnceLock::new()).collect(),
            rules,
        }
    })
}

impl Compiled {
    /// Calls `f(pattern, start, end)` for every keyword occurrence in `buf`, overlapping ones
    /// included, in order of their ends; stops early when `f` returns false. The crate's own
    /// overlapping iterator keeps its position in a state struct and costs about three times
    /// the instructions per byte of this loop, which is all the prefilter does on text without
    /// candidates.
    #[inline]
    fn hits(&self, buf: &[u8], mut f: impl FnMut(usize, usize, usize) -> bool) {
        let dfa = &self.dfa;
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return;
        };
        let mut at = 0;
        while let Some((i, s)) = next_special(dfa, buf, at, sid) {
            sid = s;
            if !dfa.is_match(sid) {
                // Dead: impossible for an unanchored automaton; nothing more to find.
                return;
            }
            for k in 0..dfa.match_len(sid) {
                let pid = dfa.match_pattern(sid, k);
                let len = dfa.pattern_len(pid);
                if !f(pid.as_usize(), i + 1 - len, i + 1) {
                    return;
                }
            }
            at = i + 1;
        }
    }
}

/// From `sid` at `buf[at]`, the first offset whose byte leads to a special (match) state,
/// and that state. Kept apart so the loop holds nothing but the state and the offset in
/// registers (inside the caller, spills of the callback's state tripled its instructions).
#[inline(never)]
fn next_special(
    dfa: &DFA,
    buf: &[u8],
    at: usize,
    mut sid: aho_corasick::automaton::StateID,
) -> Option<(usize, aho_corasick::automaton::StateID)> {
    let rest = buf.get(at..)?;
    // Four bytes a round: one end-of-input test per four transitions.
    let mut chunks = rest.chunks_exact(4);
    let mut i = at;
    for c in &mut chunks {
        for (k, &b) in c.iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b);
            if dfa.is_special(sid) {
                return Some((i + k, sid));
            }
        }
        i += 4;
    }
    for &b in chunks.remainder() {
        sid = dfa.next_state(Anchored::No, sid, b);
        if dfa.is_special(sid) {
            return Some((i, sid));
        }
        i += 1;
    }
    None
}

impl Compiled {
    fn regex(&self, i: usize) -> Option<&Regex> {
        self.regexes[i]
            .get_or_init(|| {
                regex::bytes::RegexBuilder::new(self.rules[i].pattern)
                    .unicode(false)
                    .size_limit(32 << 20)
                    .build()
                    .ok()
            })
            .as_ref()
    }
}

/// Patterns that do not compile (a test asserts there are none).
pub fn broken_patterns() -> Vec<(&'static str, String)> {
    SECRET_RULES
        .iter()
        .filter_map(|r| {
            regex::bytes::RegexBuilder::new(r.pattern)
                .unicode(false)
                .build()
                .err()
                .map(|e| (r.meta.code, e.to_string()))
        })
        .collect()
}

/// Chunk size of streaming scans and the overlap kept between chunks (the longest secret that
/// is still found whole across a chunk boundary).
const CHUNK: usize = 1 << 20;
const OVERLAP: usize = 16 << 10;
/// Bytes sniffed for NUL to call a file binary.
const SNIFF: usize = 8 << 10;

/// Whether any rule's keyword occurs in `data` (one prefilter pass, no regular expression):
/// when not, no rule can match it.
pub fn may_hold_secret(data: &[u8]) -> bool {
    let mut any = false;
    compiled().hits(data, |_, _, _| {
        any = true;
        false
    });
    any
}

/// Scans a whole in-memory text (a file, an `ENV` value, a history line). Binary content is
/// not skipped here: callers that read files use [`scan_reader`].
pub fn scan_bytes(data: &[u8]) -> Vec<SecretMatch> {
    let mut out = Vec::new();
    let mut state = LineState::default();
    scan_window(data, 0, 0, data.len(), &mut state, &mut out);
    out
}

/// Scans a file's bytes from a reader in bounded chunks. `size`, when known, is checked
/// against the limit before anything is read.
pub fn scan_reader(mut r: impl Read, size: Option<u64>, limits: &Limits) -> io::Result<FileScan> {
    if let Some(s) = size
        && s > limits.max_file_bytes
    {
        return Ok(FileScan {
            matches: Vec::new(),
            skipped: Some(Skipped::TooLarge(s)),
            truncated: false,
        });
    }
    let mut s = StreamScanner::new();
    let mut buf = vec![0u8; 256 << 10];
    let mut total = 0u64;
    loop {
        let n = match r.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        total += n as u64;
        if total > limits.max_file_bytes {
            return Ok(FileScan {
                matches: Vec::new(),
                skipped: Some(Skipped::TooLarge(total)),
                truncated: false,
            });
        }
        if !s.push(&buf[..n]) {
            break;
        }
    }
    Ok(s.finish())
}

/// Push-style streaming scanner (the image walk hands it chunks as the tar stream yields them).
pub struct StreamScanner {
    buf: Vec<u8>,
    /// Absolute offset of `buf[0]`.
    base: u64,
    /// Matches starting before this absolute offset were already reported.
    floor: u64,
    lines: LineState,
    sniffed: bool,
    binary: bool,
    truncated: bool,
    out: Vec<SecretMatch>,
}

#[derive(Clone, Copy)]
struct LineState {
    /// Absolute offset up to which newlines are counted, and the 1-based line there.
    pos: u64,
    line: u64,
    line_start: u64,
}

impl Default for LineState {
    fn default() -> Self {
        LineState {
            pos: 0,
            line: 1,
            line_start: 0,
        }
    }
}

impl Default for StreamScanner {
    fn default() -> Self {
        Self::new()
    }
}

impl StreamScanner {
    pub fn new() -> Self {
        StreamScanner {
            buf: Vec::new(),
            base: 0,
            floor: 0,
            lines: LineState::default(),
            sniffed: false,
            binary: false,
            truncated: false,
            out: Vec::new(),
        }
    }

    /// Adds bytes; returns false when the rest of the file is not wanted (binary).
    pub fn push(&mut self, data: &[u8]) -> bool {
        if self.binary {
            return false;
        }
        if !self.sniffed {
            let have = self.buf.len() as u64 + self.base;
            if have < SNIFF as u64 {
                let want = SNIFF - have as usize;
                if memchr::memchr(0, &data[..data.len().min(want)]).is_some() {
                    self.binary = true;
                    self.buf.clear();
                    return false;
                }
                if have + data.len() as u64 >= SNIFF as u64 {
                    self.sniffed = true;
                }
            } else {
                self.sniffed = true;
            }
        }
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK + OVERLAP {
            self.scan(false);
        }
        true
    }

    fn scan(&mut self, last: bool) {
        let len = self.buf.len();
        let accept_end = if last { len } else { len - OVERLAP };
        let from = (self.floor - self.base) as usize;
        let mut found = Vec::new();
        scan_window(
            &self.buf,
            self.base,
            from,
            accept_end,
            &mut self.lines,
            &mut found,
        );
        self.out.extend(found);
        if self.out.len() > MAX_MATCHES_PER_FILE {
            self.out.truncate(MAX_MATCHES_PER_FILE);
            self.truncated = true;
        }
        self.floor = self.base + accept_end as u64;
        if !last {
            // Keep the overlap: the next round sees it again but reports nothing from it.
            let keep_from = len - OVERLAP;
            self.buf.drain(..keep_from);
            self.base += keep_from as u64;
        }
    }

    /// Ends the file: scans what is buffered and returns every match, or why it was skipped.
    pub fn finish(mut self) -> FileScan {
        if self.binary {
            return FileScan {
                matches: Vec::new(),
                skipped: Some(Skipped::Binary),
                truncated: false,
            };
        }
        self.scan(true);
        FileScan {
            matches: self.out,
            skipped: None,
            truncated: self.truncated,
        }
    }
}

/// Runs the prefilter over `buf` and the rules over merged candidate windows; reports matches
/// whose secret starts in `[from, accept_end)`. `base` is the absolute offset of `buf[0]`.
fn scan_window(
    buf: &[u8],
    base: u64,
    from: usize,
    accept_end: usize,
    lines: &mut LineState,
    out: &mut Vec<SecretMatch>,
) {
    let c = compiled();
    // Per rule: merged windows, in order.
    // Allocated at the first keyword hit: most files of an image have none.
    let mut windows: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut any = false;
    c.hits(buf, |pid, ms, me| {
        let (kw_exact, rule_ids) = &c.keywords[pid];
        if let Some(exact) = kw_exact
            && &buf[ms..me] != exact.as_slice()
        {
            return true;
        }
        if windows.is_empty() {
            windows.resize(c.rules.len(), Vec::new());
        }
        for &ri in rule_ids {
            let (ws, we) = window(buf, ms, me, c.rules[ri].reach);
            let w = &mut windows[ri];
            match w.last_mut() {
                Some(last) if ws <= last.1 => last.1 = last.1.max(we),
                _ => w.push((ws, we)),
            }
            any = true;
        }
        true
    });
    if !any {
        return;
    }
    let mut found: Vec<(usize, usize, usize, usize)> = Vec::new(); // (at, start, end, rule)
    for (ri, ws) in windows.iter().enumerate() {
        if ws.is_empty() {
            continue;
        }
        let Some(re) = c.regex(ri) else { continue };
        let rule = c.rules[ri];
        let secret_group = re.capture_names().position(|n| n == Some("secret"));
        for &(s, e) in ws {
            let hay = &buf[s..e];
            for caps in re.captures_iter(hay) {
                let m = match secret_group.and_then(|g| caps.get(g)) {
                    Some(m) => m,
                    None => match caps.get(0) {
                        Some(m) => m,
                        None => continue,
                    },
                };
                let (ms, me) = (s + m.start(), s + m.end());
                // Block rules (PEM) are located at their header, others at the secret.
                let loc = match (rule.reach, caps.get(0)) {
                    (Reach::Block(_), Some(whole)) => s + whole.start(),
                    _ => ms,
                };
                if loc < from || loc >= accept_end {
                    continue;
                }
                let secret = &buf[ms..me];
                if allowed(rule, secret) {
                    continue;
                }
                found.push((loc, ms, me, ri));
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    // A generic rule (placeholder-gated) is dropped where a specific rule found the same secret.
    let specific: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| !c.rules[f.3].placeholders)
        .map(|f| (f.1, f.2))
        .collect();
    found.retain(|f| {
        !c.rules[f.3].placeholders || !specific.iter().any(|&(s, e)| s < f.2 && f.1 < e)
    });
    for (loc, ms, me, ri) in found {
        let abs = base + loc as u64;
        // Advance the line counter to `abs` (matches are in order; the counter never goes back).
        if abs > lines.pos {
            let rel_from = (lines.pos.max(base) - base) as usize;
            let seg = &buf[rel_from..loc];
            let n = memchr::memchr_iter(b'\n', seg).count() as u64;
            if n > 0 {
                let last_nl = memchr::memrchr(b'\n', seg).unwrap_or(0);
                lines.line_start = base + (rel_from + last_nl + 1) as u64;
            }
            lines.line += n;
            lines.pos = abs;
        }
        out.push(SecretMatch {
            rule: c.rules[ri].meta,
            offset: abs,
            line: lines.line,
            column: abs - lines.line_start + 1,
            masked: mask(&buf[ms..me]),
            secret_span: (base + ms as u64, base + me as u64),
        });
    }
    // Count the rest of the accepted region so the next round starts from its end.
    let end_abs = base + accept_end as u64;
    if end_abs > lines.pos {
        let rel_from = (lines.pos.max(base) - base) as usize;
        let seg = &buf[rel_from..accept_end];
        let n = memchr::memchr_iter(b'\n', seg).count() as u64;
        if n > 0 {
            let last_nl = memchr::memrchr(b'\n', seg).unwrap_or(0);
            lines.line_start = base + (rel_from + last_nl + 1) as u64;
        }
        lines.line += n;
        lines.pos = end_abs;
    }
}

fn window(buf: &[u8], s: usize, e: usize, reach: Reach) -> (usize, usize) {
    match reach {
        Reach::Line(n) => {
            let lo = s.saturating_sub(n);
            let ws = match memchr::memrchr(b'\n', &buf[lo..s]) {
                Some(i) => lo + i + 1,
                None => lo,
            };
            let hi = (e + n).min(buf.len());
            let we = match memchr::memchr(b'\n', &buf[e..hi]) {
                Some(i) => e + i,
                None => hi,
            };
            (ws, we)
        }
        Reach::Block(n) => {
            let lo = s.saturating_sub(64);
            let ws = match memchr::memrchr(b'\n', &buf[lo..s]) {
                Some(i) => lo + i + 1,
                None => lo,
            };
            (ws, (e + n).min(buf.len()))
        }
    }
}

/// Known test and example values (cloud documentation, SDK fixtures): never reported.
const KNOWN_EXAMPLES: &[&str] = &[
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "ASIAIOSFODNN7EXAMPLE",
    "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
];

/// Whether a matched secret is a test, example or placeholder value.
pub fn allowed(rule: &SecretRule, secret: &[u8]) -> bool {
    let s = String::from_utf8_lossy(secret);
    if KNOWN_EXAMPLES.iter().any(|k| s.contains(k)) {
        return true;
    }
    let upper = s.to_ascii_uppercase();
    if upper.contains("EXAMPLE") {
        return true;
    }
    // One character repeated (`xxxxxxxx`, `00000000`, `********`) is a placeholder.
    let body: Vec<u8> = secret
        .iter()
        .copied()
        .filter(|b| b.is_ascii_alphanumeric())
        .collect();
    if body.len() >= 8 {
        let distinct = {
            let mut seen = [false; 256];
            let mut n = 0;
            for &b in &body {
                let b = b.to_ascii_lowercase();
                if !seen[b as usize] {
                    seen[b as usize] = true;
                    n += 1;
                }
            }
            n
        };
        if distinct <= 2 {
            return true;
        }
    }
    if rule.placeholders {
        let lower = s.to_ascii_lowercase();
        const WORDS: &[&str] = &[
            "changeme",
            "change_me",
            "change-me",
            "password",
            "passwd",
            "placeholder",
            "your_",
            "your-",
            "yourpass",
            "dummy",
            "redacted",
            "secret",
            "example",
            "sample",
            "fake",
            "test123",
            "xxxx",
            "****",
            "....",
            "notreal",
            "not-a-real",
            "replace",
            "todo",
            "insert",
            "123456",
            "qwerty",
            "abcdef",
        ];
        if WORDS.iter().any(|w| lower.contains(w)) {
            return true;
        }
        // A path or a plain URL is where a secret is, not the secret (a URL with a password
        // in it is SC063's).
        if s.starts_with('/')
            || s.starts_with("./")
            || lower.starts_with("http://")
            || lower.starts_with("https://")
        {
            return true;
        }
        // Variable references and templates.
        if s.contains("${")
            || s.starts_with('$')
            || s.contains("{{")
            || s.starts_with('<')
            || s.starts_with('%')
            || s.contains("#{")
        {
            return true;
        }
    }
    if rule.entropy > 0.0 && entropy(secret) < rule.entropy {
        return true;
    }
    false
}

/// Shannon entropy in bits per byte.
pub fn entropy(s: &[u8]) -> f32 {
    if s.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in s {
        counts[b as usize] += 1;
    }
    let n = s.len() as f32;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f32 / n;
            -p * p.log2()
        })
        .sum()
}

/// `SC` findings for a value that sits in a file at 1-based (`line`, `column`): a Dockerfile
/// `ENV`/`ARG` value, a Kubernetes `Secret`/`ConfigMap` data value or container env value. The
/// hook `check` calls next to DF021/KS025-style name checks; messages carry the masked secret.
pub fn findings_in_value(
    path: &str,
    value: &str,
    line: u32,
    column: u32,
) -> Vec<bulkhead_diagnostics::Finding> {
    use bulkhead_diagnostics::{Finding, Position, Range};
    scan_bytes(value.as_bytes())
        .iter()
        .map(|m| {
            let l = u32::try_from(m.line).unwrap_or(u32::MAX);
            let c = u32::try_from(m.column).unwrap_or(u32::MAX);
            let (line, col) = if l == 1 {
                (line, column.saturating_add(c - 1))
            } else {
                (line.saturating_add(l - 1), c)
            };
            let title = m
                .rule
                .summary
                .split_once(" in a file")
                .map(|(t, _)| t)
                .unwrap_or(m.rule.summary);
            Finding::new(
                m.rule,
                path,
                Some(Range::new(
                    Position::new(line, col),
                    Position::new(line, col.saturating_add(1)),
                )),
                format!("{title}: `{}`", m.masked),
            )
        })
        .collect()
}

/// `text` with every secret the rules find replaced by its mask.
pub fn mask_text(text: &str) -> String {
    let matches = scan_bytes(text.as_bytes());
    if matches.is_empty() {
        return text.to_string();
    }
    let mut spans: Vec<(usize, usize, &str)> = matches
        .iter()
        .map(|m| {
            (
                m.secret_span.0 as usize,
                m.secret_span.1 as usize,
                m.masked.as_str(),
            )
        })
        .collect();
    spans.sort();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (s, e, masked) in spans {
        if s < pos || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&text[pos..s]);
        out.push_str(masked);
        pos = e;
    }
    out.push_str(&text[pos..]);
    out
}

/// Masks a secret: at most the first 4 characters of a secret of 16 or more (2 of 8 or more,
/// none below) are kept; every other character becomes `*` (at most 24 of them), and line
/// breaks of multi-line secrets are never shown.
pub fn mask(secret: &[u8]) -> String {
    let s = String::from_utf8_lossy(secret);
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let keep = match chars.len() {
        n if n >= 16 => 4,
        n if n >= 8 => 2,
        _ => 0,
    };
    let mut out: String = chars[..keep].iter().collect();
    let stars = (chars.len() - keep).clamp(1, 24);
    out.extend(std::iter::repeat_n('*', stars));
    out
}

#[cfg(test)]
mod tests;
