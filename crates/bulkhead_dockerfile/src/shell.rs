//! A POSIX shell word parser for `RUN` (and `CMD`/`ENTRYPOINT`/`HEALTHCHECK` in shell form).
//!
//! It splits a script into simple commands (words with quotes and escapes resolved, leading
//! `VAR=value` assignments and redirections set apart), knowing `&&`, `||`, `;`, `&`, pipes,
//! newlines, subshells `( )`, groups `{ }`, the reserved words of `if`/`for`/`while`/`case`,
//! command substitution `$( )` and backquotes (parsed recursively), shell heredocs, and
//! `sh -c '...'` (the script argument is parsed recursively). It does not evaluate anything.
//! Offsets are byte offsets into the parsed source; commands found inside a nested script
//! (`sh -c`) carry the span of the enclosing word instead and are marked `nested`.

/// One shell word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word with quotes removed and escapes resolved (`$VAR` and `$(...)` kept as text).
    pub value: String,
    /// Byte span of the word as written.
    pub start: usize,
    pub end: usize,
    /// Some part of the word was quoted.
    pub quoted: bool,
}

/// One simple command.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Command {
    /// Leading `NAME=value` assignments.
    pub assigns: Vec<Word>,
    /// The command name and its arguments (redirections removed).
    pub words: Vec<Word>,
    /// Redirection targets (`> file`, `2>/dev/null`...): (operator, target).
    pub redirects: Vec<(String, Word)>,
    /// The command's output is piped into the next command.
    pub pipe_out: bool,
    /// The command reads the previous command's output from a pipe.
    pub pipe_in: bool,
    /// Found inside a nested script (`sh -c`, `$(...)`): spans are approximate.
    pub nested: bool,
    /// Byte span of the command.
    pub start: usize,
    pub end: usize,
    /// Index in `words` of the effective command name (after `sudo`, `env`...).
    pub eff: usize,
    /// Basename of the effective command name.
    pub prog: String,
    /// What ended the command: `;`, newline, `&` (for `&&`), `|` (for `||`), `p` (a pipe),
    /// `a` (background `&`), `(` (a subshell boundary), or 0 (end of script).
    pub sep_after: u8,
}

impl Command {
    /// The words after stripping wrappers such as `sudo`, `env`, `exec`, `nohup`, `time`,
    /// `command` and their options.
    pub fn effective(&self) -> &[Word] {
        &self.words[self.eff.min(self.words.len())..]
    }

    /// Compute [`Command::eff`] and [`Command::prog`]; called once per command.
    pub fn finalize(&mut self) {
        let n = self.words.len() - self.compute_effective().len();
        self.eff = n;
        self.prog = self
            .words
            .get(n)
            .map(|w| basename(&w.value).to_string())
            .unwrap_or_default();
    }

    fn compute_effective(&self) -> &[Word] {
        let mut w = &self.words[..];
        loop {
            let Some(first) = w.first() else { return w };
            let name = basename(&first.value);
            match name {
                "sudo" | "doas" => {
                    let mut i = 1;
                    while i < w.len() && w[i].value.starts_with('-') {
                        // options with an argument
                        let takes = matches!(
                            w[i].value.as_str(),
                            "-u" | "-g" | "-h" | "-p" | "-C" | "-D" | "-r" | "-t" | "-U"
                        );
                        i += if takes { 2 } else { 1 };
                    }
                    w = &w[i.min(w.len())..];
                }
                "env" => {
                    let mut i = 1;
                    while i < w.len() && (w[i].value.starts_with('-') || is_assignment(&w[i].value))
                    {
                        i += 1;
                    }
                    w = &w[i.min(w.len())..];
                }
                "exec" | "nohup" | "time" | "command" | "nice" | "stdbuf" | "chroot" => {
                    let mut i = 1;
                    while i < w.len() && w[i].value.starts_with('-') {
                        i += 1;
                    }
                    w = &w[i.min(w.len())..];
                }
                _ => return w,
            }
        }
    }

    /// The basename of the effective command name, or "".
    pub fn name(&self) -> &str {
        &self.prog
    }

    /// The effective arguments after the command name.
    pub fn args(&self) -> &[Word] {
        let e = self.effective();
        if e.is_empty() { e } else { &e[1..] }
    }

    /// Whether the first argument that is not an option equals `sub` (e.g. `install`).
    pub fn subcommand(&self) -> Option<&Word> {
        self.args().iter().find(|w| !w.value.starts_with('-'))
    }

    /// Whether the command was written with `sudo` (or `doas`).
    pub fn uses_sudo(&self) -> bool {
        let skipped = self.words.len() - self.effective().len();
        self.words[..skipped]
            .iter()
            .any(|w| matches!(basename(&w.value), "sudo" | "doas"))
    }

    /// Whether an option is present: `short` letters match inside combined short options
    /// (`-qy`), `long` names match `--name` and `--name=value`.
    pub fn has_opt(&self, short: &[char], long: &[&str]) -> bool {
        self.find_opt(short, long).is_some()
    }

    /// The first word carrying one of the options (see [`Command::has_opt`]).
    pub fn find_opt(&self, short: &[char], long: &[&str]) -> Option<&Word> {
        for w in self.args() {
            let v = w.value.as_str();
            if v == "--" {
                break;
            }
            if let Some(l) = v.strip_prefix("--") {
                let name = l.split('=').next().unwrap_or("");
                if long.contains(&name) {
                    return Some(w);
                }
            } else if let Some(s) = v.strip_prefix('-')
                && s.starts_with(|c: char| c.is_ascii_alphanumeric())
                && s.chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .any(|c| short.contains(&c))
            {
                return Some(w);
            }
        }
        None
    }
}

/// The last path component of a command name (`/usr/bin/apt-get` -> `apt-get`).
pub fn basename(s: &str) -> &str {
    s.rsplit('/').next().unwrap_or(s)
}

/// `NAME=value` with a valid shell name.
pub fn is_assignment(s: &str) -> bool {
    match s.find('=') {
        Some(0) | None => false,
        Some(i) => {
            let n = &s[..i];
            let n = n.strip_suffix('+').unwrap_or(n);
            n.chars()
                .enumerate()
                .all(|(k, c)| c == '_' || c.is_ascii_alphabetic() || (k > 0 && c.is_ascii_digit()))
                && !n.is_empty()
        }
    }
}

/// Parse a script. `base` is added to every offset.
pub fn parse_script(src: &str, base: usize) -> Vec<Command> {
    let mut p = Parser {
        s: src.as_bytes(),
        src,
        i: 0,
        base,
        out: Vec::new(),
        nested: Vec::new(),
        depth: 0,
    };
    p.run();
    let mut out = p.out;
    // Recurse into `sh -c 'script'`.
    let mut extra = Vec::new();
    for c in &out {
        if let Some((script, w)) = sh_c_script(c) {
            for mut n in parse_script_depth(script, 0, 1) {
                n.nested = true;
                fix_spans(&mut n, w.start, w.end);
                extra.push(n);
            }
        }
    }
    out.extend(p.nested);
    out.extend(extra);
    out.sort_by_key(|c| c.start);
    out
}

fn parse_script_depth(src: &str, base: usize, depth: u32) -> Vec<Command> {
    if depth > 8 {
        return Vec::new();
    }
    let mut p = Parser {
        s: src.as_bytes(),
        src,
        i: 0,
        base,
        out: Vec::new(),
        nested: Vec::new(),
        depth,
    };
    p.run();
    let mut out = p.out;
    out.extend(p.nested);
    out
}

fn fix_spans(c: &mut Command, start: usize, end: usize) {
    c.start = start;
    c.end = end;
    for w in c
        .words
        .iter_mut()
        .chain(c.assigns.iter_mut())
        .chain(c.redirects.iter_mut().map(|r| &mut r.1))
    {
        w.start = start;
        w.end = end;
    }
}

/// For `sh -c SCRIPT` / `bash -ec SCRIPT`: the script word.
fn sh_c_script(c: &Command) -> Option<(&str, &Word)> {
    if !matches!(c.name(), "sh" | "bash" | "ash" | "dash" | "zsh" | "ksh") {
        return None;
    }
    let args = c.args();
    let mut saw_c = false;
    for w in args {
        let v = w.value.as_str();
        if v.starts_with('-') && !v.starts_with("--") {
            if v.contains('c') {
                saw_c = true;
            }
            continue;
        }
        if v.starts_with("--") || v.starts_with('+') {
            continue;
        }
        return if saw_c { Some((v, w)) } else { None };
    }
    None
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
    base: usize,
    out: Vec<Command>,
    nested: Vec<Command>,
    depth: u32,
}

const RESERVED_SKIP: &[&str] = &[
    "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "{", "}", "!", "esac",
];

impl Parser<'_> {
    fn run(&mut self) {
        let mut cur = Command::default();
        let mut cur_started = false;
        let mut skip_until_sep = false;
        let mut case_pattern = false;
        let mut pending_heredocs: Vec<(String, bool)> = Vec::new();
        let mut pipe_in_next = false;
        let finish = |cur: &mut Command,
                      out: &mut Vec<Command>,
                      pipe_out: bool,
                      pipe_in_next: &mut bool,
                      started: &mut bool,
                      skip: &mut bool| {
            let mut c = std::mem::take(cur);
            if !c.words.is_empty() || !c.assigns.is_empty() {
                c.pipe_out = pipe_out;
                c.pipe_in = *pipe_in_next;
                *pipe_in_next = pipe_out;
                if !*skip {
                    c.finalize();
                    out.push(c);
                }
            } else if pipe_out {
                *pipe_in_next = true;
            }
            *started = false;
            *skip = false;
        };
        while self.i < self.s.len() {
            let c = self.s[self.i];
            match c {
                b' ' | b'\t' | b'\r' => {
                    self.i += 1;
                }
                b'\\' if self.s.get(self.i + 1) == Some(&b'\n') => {
                    self.i += 2;
                }
                b'#' if !cur_started || self.prev_is_blank() => {
                    while self.i < self.s.len() && self.s[self.i] != b'\n' {
                        self.i += 1;
                    }
                }
                b'\n' => {
                    self.i += 1;
                    cur.sep_after = b'\n';
                    finish(
                        &mut cur,
                        &mut self.out,
                        false,
                        &mut pipe_in_next,
                        &mut cur_started,
                        &mut skip_until_sep,
                    );
                    pipe_in_next = false;
                    // Skip shell heredoc bodies.
                    for (delim, strip) in std::mem::take(&mut pending_heredocs) {
                        while self.i < self.s.len() {
                            let ls = self.i;
                            while self.i < self.s.len() && self.s[self.i] != b'\n' {
                                self.i += 1;
                            }
                            let line = &self.src[ls..self.i];
                            if self.i < self.s.len() {
                                self.i += 1;
                            }
                            let l = if strip {
                                line.trim_start_matches('\t')
                            } else {
                                line
                            };
                            if l.trim_end_matches('\r') == delim {
                                break;
                            }
                        }
                    }
                }
                b';' | b'&' | b'|' | b'(' | b')' => {
                    let two = self.s.get(self.i + 1).copied();
                    let (len, pipe) = match (c, two) {
                        (b';', Some(b';')) => {
                            case_pattern = true;
                            (2, false)
                        }
                        (b'&', Some(b'&')) | (b'|', Some(b'|')) => (2, false),
                        (b'&', Some(b'>')) => {
                            // &> redirection
                            self.redirect(&mut cur);
                            continue;
                        }
                        (b'|', Some(b'&')) => (2, true),
                        (b'|', _) => (1, true),
                        _ => (1, false),
                    };
                    if c == b')' && case_pattern {
                        case_pattern = false;
                        skip_until_sep = false;
                        cur = Command::default();
                        cur_started = false;
                        self.i += 1;
                        continue;
                    }
                    self.i += len;
                    cur.sep_after = match (c, len, pipe) {
                        (_, _, true) => b'p',
                        (b'&', 2, _) => b'&',
                        (b'|', 2, _) => b'|',
                        (b';', _, _) => b';',
                        (b'&', 1, _) => b'a',
                        _ => b'(',
                    };
                    finish(
                        &mut cur,
                        &mut self.out,
                        pipe,
                        &mut pipe_in_next,
                        &mut cur_started,
                        &mut skip_until_sep,
                    );
                    if case_pattern && c == b';' {
                        skip_until_sep = true;
                        cur_started = true;
                    }
                }
                b'>' | b'<' => {
                    if c == b'<' && self.s.get(self.i + 1) == Some(&b'<') {
                        if let Some(h) = self.heredoc_op(&mut cur) {
                            pending_heredocs.push(h);
                        }
                        continue;
                    }
                    self.redirect(&mut cur);
                }
                b'0'..=b'9'
                    if {
                        let mut j = self.i;
                        while j < self.s.len() && self.s[j].is_ascii_digit() {
                            j += 1;
                        }
                        matches!(self.s.get(j), Some(b'>') | Some(b'<'))
                    } =>
                {
                    while self.s[self.i].is_ascii_digit() {
                        self.i += 1;
                    }
                    self.redirect(&mut cur);
                }
                _ => {
                    let w = self.word();
                    if !cur_started {
                        cur.start = w.start;
                        cur_started = true;
                    }
                    cur.end = w.end;
                    if !w.quoted && w.value == "esac" && (case_pattern || cur.words.is_empty()) {
                        // the end of a case statement
                        case_pattern = false;
                        skip_until_sep = false;
                        cur = Command::default();
                        cur_started = false;
                        continue;
                    }
                    if cur.words.is_empty() && !skip_until_sep {
                        let v = w.value.as_str();
                        if !w.quoted && RESERVED_SKIP.contains(&v) {
                            cur_started = false;
                            continue;
                        }
                        if !w.quoted && (v == "for" || v == "select") {
                            skip_until_sep = true;
                            continue;
                        }
                        if !w.quoted && v == "case" {
                            skip_until_sep = true;
                            case_pattern = true;
                            continue;
                        }
                        if is_assignment(v) && !raw_name_quoted(self.src, &w, self.base) {
                            cur.assigns.push(w);
                            continue;
                        }
                    }
                    if case_pattern && skip_until_sep {
                        continue;
                    }
                    cur.words.push(w);
                }
            }
        }
        finish(
            &mut cur,
            &mut self.out,
            false,
            &mut pipe_in_next,
            &mut cur_started,
            &mut skip_until_sep,
        );
    }

    fn prev_is_blank(&self) -> bool {
        self.i == 0
            || matches!(
                self.s[self.i - 1],
                b' ' | b'\t' | b'\n' | b';' | b'&' | b'|'
            )
    }

    /// `<<[-]WORD` inside the script: returns the delimiter.
    fn heredoc_op(&mut self, cur: &mut Command) -> Option<(String, bool)> {
        self.i += 2;
        if self.s.get(self.i) == Some(&b'<') {
            // here-string <<<
            self.i += 1;
            self.skip_blanks();
            if self.i < self.s.len() {
                let w = self.word();
                cur.redirects.push(("<<<".into(), w));
            }
            return None;
        }
        let strip = self.s.get(self.i) == Some(&b'-');
        if strip {
            self.i += 1;
        }
        self.skip_blanks();
        if self.i >= self.s.len() {
            return None;
        }
        let w = self.word();
        let d = w.value.clone();
        cur.redirects.push(("<<".into(), w));
        Some((d, strip))
    }

    fn skip_blanks(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t') {
            self.i += 1;
        }
    }

    fn redirect(&mut self, cur: &mut Command) {
        let st = self.i;
        while self.i < self.s.len() && matches!(self.s[self.i], b'>' | b'<' | b'&' | b'|') {
            self.i += 1;
        }
        let op = self.src[st..self.i].to_string();
        self.skip_blanks();
        if self.i < self.s.len() && !matches!(self.s[self.i], b'\n' | b';') {
            let w = self.word();
            cur.redirects.push((op, w));
        }
    }

    /// Read one word starting at `self.i`.
    fn word(&mut self) -> Word {
        let st = self.i;
        let mut quoted = false;
        let s = self.s;
        // Fast path: a plain word (no quotes, escapes or expansions) is copied in one go.
        let mut j = st;
        while j < s.len()
            && !matches!(
                s[j],
                b' ' | b'\t'
                    | b'\n'
                    | b'\r'
                    | b';'
                    | b'&'
                    | b'|'
                    | b'('
                    | b')'
                    | b'<'
                    | b'>'
                    | b'\\'
                    | b'\''
                    | b'"'
                    | b'$'
                    | b'`'
            )
        {
            j += 1;
        }
        let mut value = String::with_capacity(j - st + 8);
        if j > st {
            value.push_str(&self.src[st..j]);
            self.i = j;
        }
        while self.i < s.len() {
            let c = s[self.i];
            match c {
                b' ' | b'\t' | b'\n' | b'\r' | b';' | b'&' | b'|' | b'(' | b')' | b'<' | b'>' => {
                    if self.i == st {
                        // never return an empty word that does not advance
                        value.push(c as char);
                        self.i += 1;
                    }
                    break;
                }
                b'\\' => {
                    match s.get(self.i + 1) {
                        Some(b'\n') => {}
                        Some(_) => {
                            let ch = self.src[self.i + 1..].chars().next().unwrap_or(' ');
                            value.push(ch);
                            quoted = true;
                            self.i += ch.len_utf8();
                        }
                        None => {}
                    }
                    self.i += 2;
                    self.i = self.i.min(s.len());
                }
                b'\'' => {
                    quoted = true;
                    let e = memfind(s, self.i + 1, b'\'').unwrap_or(s.len());
                    value.push_str(&self.src[self.i + 1..e]);
                    self.i = (e + 1).min(s.len());
                }
                b'"' => {
                    quoted = true;
                    self.i += 1;
                    while self.i < s.len() && s[self.i] != b'"' {
                        match s[self.i] {
                            b'\\' if self.i + 1 < s.len() => {
                                let n = s[self.i + 1];
                                if matches!(n, b'$' | b'`' | b'"' | b'\\') {
                                    value.push(n as char);
                                } else if n != b'\n' {
                                    value.push('\\');
                                    let ch = self.src[self.i + 1..].chars().next().unwrap_or(' ');
                                    value.push(ch);
                                    self.i += ch.len_utf8() - 1;
                                }
                                self.i += 2;
                            }
                            b'$' if s.get(self.i + 1) == Some(&b'(') => {
                                let e = self.subst(self.i + 2);
                                value.push_str(&self.src[self.i..e]);
                                self.i = e;
                            }
                            b'`' => {
                                let e = self.backquote(self.i + 1);
                                value.push_str(&self.src[self.i..e]);
                                self.i = e;
                            }
                            _ => {
                                let ch = self.src[self.i..].chars().next().unwrap_or(' ');
                                value.push(ch);
                                self.i += ch.len_utf8();
                            }
                        }
                    }
                    self.i = (self.i + 1).min(s.len());
                }
                b'$' if s.get(self.i + 1) == Some(&b'(') => {
                    let e = self.subst(self.i + 2);
                    value.push_str(&self.src[self.i..e]);
                    self.i = e;
                }
                b'$' if s.get(self.i + 1) == Some(&b'{') => {
                    let e = memfind(s, self.i + 2, b'}')
                        .map(|e| e + 1)
                        .unwrap_or(s.len());
                    value.push_str(&self.src[self.i..e]);
                    self.i = e;
                }
                b'`' => {
                    let e = self.backquote(self.i + 1);
                    value.push_str(&self.src[self.i..e]);
                    self.i = e;
                }
                _ => {
                    let ch = self.src[self.i..].chars().next().unwrap_or(' ');
                    value.push(ch);
                    self.i += ch.len_utf8();
                }
            }
        }
        Word {
            value,
            start: self.base + st,
            end: self.base + self.i,
            quoted,
        }
    }

    /// `$(` at `from - 2`: find the matching `)`, parse the inside, return the end offset.
    fn subst(&mut self, from: usize) -> usize {
        let s = self.s;
        let mut depth = 1;
        let mut j = from;
        let mut quote = 0u8;
        while j < s.len() {
            let c = s[j];
            if quote != 0 {
                if c == b'\\' && quote == b'"' {
                    j += 1;
                } else if c == quote {
                    quote = 0;
                }
            } else {
                match c {
                    b'\\' => j += 1,
                    b'\'' | b'"' => quote = c,
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
            j += 1;
        }
        let end = j.min(s.len());
        if let Some(inner) = self.src.get(from..end) {
            let mut cmds = parse_script_depth(inner, self.base + from, self.depth + 1);
            for c in &mut cmds {
                c.nested = true;
            }
            self.nested.extend(cmds);
        }
        (j + 1).min(s.len())
    }

    fn backquote(&mut self, from: usize) -> usize {
        let e = memfind(self.s, from, b'`').unwrap_or(self.s.len());
        if let Some(inner) = self.src.get(from..e) {
            let mut cmds = parse_script_depth(inner, self.base + from, self.depth + 1);
            for c in &mut cmds {
                c.nested = true;
            }
            self.nested.extend(cmds);
        }
        (e + 1).min(self.s.len())
    }
}

fn raw_name_quoted(src: &str, w: &Word, base: usize) -> bool {
    let raw = src.get(w.start - base..w.end - base).unwrap_or("");
    let eq = raw.find('=').unwrap_or(raw.len());
    raw[..eq].contains(['"', '\'', '\\', '$'])
}

fn memfind(s: &[u8], from: usize, b: u8) -> Option<usize> {
    s.get(from..)?
        .iter()
        .position(|&c| c == b)
        .map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(src: &str) -> Vec<String> {
        parse_script(src, 0)
            .iter()
            .map(|c| {
                c.words
                    .iter()
                    .map(|w| w.value.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn operators_and_quotes() {
        assert_eq!(
            names(
                "apt-get update && apt-get install -y 'a b' \"c\\\"d\" || true; echo x | tee y &"
            ),
            [
                "apt-get update",
                "apt-get install -y a b c\"d",
                "true",
                "echo x",
                "tee y"
            ]
        );
    }

    #[test]
    fn pipes_and_spans() {
        let cmds = parse_script("curl -fsSL https://x | sh", 10);
        assert!(cmds[0].pipe_out && !cmds[0].pipe_in);
        assert!(cmds[1].pipe_in);
        assert_eq!(cmds[0].words[1].start, 15);
        assert_eq!(cmds[1].name(), "sh");
    }

    #[test]
    fn assignments_redirects_and_wrappers() {
        let cmds = parse_script(
            "DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -qy curl >/dev/null 2>&1",
            0,
        );
        let c = &cmds[0];
        assert_eq!(c.assigns.len(), 1);
        assert_eq!(c.name(), "apt-get");
        assert!(c.uses_sudo());
        assert!(c.has_opt(&['y'], &["yes"]));
        assert_eq!(c.redirects.len(), 2);
        assert_eq!(c.subcommand().unwrap().value, "install");
    }

    #[test]
    fn control_flow_and_substitution() {
        assert_eq!(
            names(
                "if [ -f a ]; then cd /x; else echo $(uname -m); fi\nfor i in 1 2; do echo $i; done"
            ),
            [
                "[ -f a ]",
                "cd /x",
                "echo $(uname -m)",
                "uname -m",
                "echo $i"
            ]
        );
        assert_eq!(
            names("case \"$a\" in amd64) A=x ;; arm64) echo arm ;; esac"),
            ["", "echo arm"]
        );
    }

    #[test]
    fn commands_after_esac_are_seen() {
        assert_eq!(
            names(
                "case \"$a\" in \n amd64) export X=1 ;; \n *) echo no; exit 1 ;; \n esac; \n wget -O f u"
            ),
            ["export X=1", "echo no", "exit 1", "wget -O f u"]
        );
    }

    #[test]
    fn sh_c_and_subshell() {
        let cmds = parse_script(
            "sh -c 'apt-get update && apt-get install -y x' && (cd /a && make)",
            0,
        );
        let n: Vec<_> = cmds.iter().map(|c| c.name().to_string()).collect();
        assert_eq!(n, ["sh", "apt-get", "apt-get", "cd", "make"]);
        assert!(cmds[1].nested);
        assert_eq!(cmds[1].start, 6);
    }

    #[test]
    fn shell_heredoc_body_skipped() {
        assert_eq!(
            names("cat > /a <<EOF\napt-get install x\nEOF\necho done"),
            ["cat", "echo done"]
        );
    }

    #[test]
    fn comments_and_continuations() {
        assert_eq!(names("echo a#b # c\nls \\\n -l"), ["echo a#b", "ls -l"]);
    }
}
