//! Falco's condition language, parsed into a syntax tree.
//!
//! Owns: the grammar (`and`/`or`/`not`, parentheses, comparisons, unary `exists`, list
//! values, transformers `tolower`/`toupper`/`b64`/`basename`/`len`, `val()` on the right,
//! bracketed field arguments, bare macro references) and quoting (single and double quotes
//! with backslash escapes; bare words end at blanks, parentheses, commas, `=`, `<`, `>`, `!`
//! and quotes). Does not own what names mean: fields, macros and lists are resolved in
//! `compile`.

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
    IContains,
    BContains,
    StartsWith,
    BStartsWith,
    EndsWith,
    Glob,
    IGlob,
    PMatch,
    In,
    Intersects,
    Regex,
    Exists,
}

impl Op {
    /// The operator as written.
    pub fn text(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Contains => "contains",
            Op::IContains => "icontains",
            Op::BContains => "bcontains",
            Op::StartsWith => "startswith",
            Op::BStartsWith => "bstartswith",
            Op::EndsWith => "endswith",
            Op::Glob => "glob",
            Op::IGlob => "iglob",
            Op::PMatch => "pmatch",
            Op::In => "in",
            Op::Intersects => "intersects",
            Op::Regex => "regex",
            Op::Exists => "exists",
        }
    }

    fn from_word(w: &str) -> Option<Op> {
        Some(match w {
            "contains" => Op::Contains,
            "icontains" => Op::IContains,
            "bcontains" => Op::BContains,
            "startswith" => Op::StartsWith,
            "bstartswith" => Op::BStartsWith,
            "endswith" => Op::EndsWith,
            "glob" => Op::Glob,
            "iglob" => Op::IGlob,
            "pmatch" => Op::PMatch,
            "in" => Op::In,
            "intersects" => Op::Intersects,
            "regex" => Op::Regex,
            "exists" => Op::Exists,
            _ => return None,
        })
    }

    /// Whether the right-hand side is a list.
    pub fn takes_list(self) -> bool {
        matches!(self, Op::In | Op::Intersects | Op::PMatch)
    }
}

/// A field transformer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Transformer {
    ToLower,
    ToUpper,
    B64,
    Basename,
    Len,
}

impl Transformer {
    fn from_word(w: &str) -> Option<Transformer> {
        Some(match w {
            "tolower" => Transformer::ToLower,
            "toupper" => Transformer::ToUpper,
            "b64" => Transformer::B64,
            "basename" => Transformer::Basename,
            "len" => Transformer::Len,
            _ => return None,
        })
    }
}

/// The left side of a comparison (or the inside of `val()`).
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// A field, with its bracket argument if any.
    Field {
        name: String,
        arg: Option<String>,
        pos: usize,
    },
    /// A transformer applied to an operand.
    Transform(Transformer, Box<Operand>),
}

impl Operand {
    /// Offset of the field name in the condition.
    pub fn pos(&self) -> usize {
        match self {
            Operand::Field { pos, .. } => *pos,
            Operand::Transform(_, o) => o.pos(),
        }
    }
}

/// One item of a list value (or a single value).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The text, unquoted.
    pub text: String,
    /// Whether it was quoted (a quoted word never names a list).
    pub quoted: bool,
}

/// The right side of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Rhs {
    /// None (unary `exists`).
    None,
    /// One value.
    Value(Item),
    /// A parenthesised list (items may name lists) or a bare list name.
    List(Vec<Item>),
    /// `val(field)`: another field's value.
    Field(Operand),
}

/// A condition's syntax tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Ast {
    /// All of.
    And(Vec<Ast>),
    /// Any of.
    Or(Vec<Ast>),
    /// Negation.
    Not(Box<Ast>),
    /// A bare name: a macro reference.
    Macro { name: String, pos: usize },
    /// A comparison.
    Cmp {
        lhs: Operand,
        op: Op,
        rhs: Rhs,
        pos: usize,
    },
}

/// A syntax error at a byte offset of the condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset.
    pub pos: usize,
    /// What was expected.
    pub message: String,
}

/// Parse a condition.
pub fn parse_condition(text: &str) -> Result<Ast, SyntaxError> {
    let mut p = P {
        s: text.as_bytes(),
        text,
        i: 0,
        depth: 0,
    };
    let ast = p.or_expr()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err("unexpected text after the end of the condition"));
    }
    Ok(ast)
}

/// Parse an output-less list of values as written in an exception's `values` entry or a
/// list's items. (Kept here so quoting rules are the same everywhere.)
pub fn unquote_item(raw: &str) -> Item {
    let t = raw.trim();
    let b = t.as_bytes();
    if b.len() >= 2 && (b[0] == b'"' || b[0] == b'\'') && b[b.len() - 1] == b[0] {
        let mut p = P {
            s: b,
            text: t,
            i: 0,
            depth: 0,
        };
        if let Ok(s) = p.quoted()
            && p.i == b.len()
        {
            return Item {
                text: s,
                quoted: true,
            };
        }
    }
    Item {
        text: t.to_string(),
        quoted: false,
    }
}

const MAX_DEPTH: usize = 200;

struct P<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    depth: usize,
}

fn is_blank(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x08)
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-' | b'/' | b':')
}

fn ends_bare(c: u8) -> bool {
    is_blank(c)
        || matches!(
            c,
            b'(' | b')' | b',' | b'=' | b'<' | b'>' | b'!' | b'"' | b'\''
        )
}

impl<'a> P<'a> {
    fn err(&self, m: impl Into<String>) -> SyntaxError {
        SyntaxError {
            pos: self.i.min(self.s.len()),
            message: m.into(),
        }
    }

    fn ws(&mut self) {
        while self.i < self.s.len() && is_blank(self.s[self.i]) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// Whether the keyword `kw` is next (followed by a blank, `(` or the end).
    fn at_kw(&self, kw: &str) -> bool {
        let k = kw.as_bytes();
        if self.s.len() < self.i + k.len() || &self.s[self.i..self.i + k.len()] != k {
            return false;
        }
        match self.s.get(self.i + k.len()) {
            None => true,
            Some(&c) => is_blank(c) || c == b'(',
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("condition nested too deeply"));
        }
        Ok(())
    }

    fn or_expr(&mut self) -> Result<Ast, SyntaxError> {
        self.enter()?;
        let mut parts = vec![self.and_expr()?];
        loop {
            self.ws();
            if self.at_kw("or") {
                self.i += 2;
                parts.push(self.and_expr()?);
            } else {
                break;
            }
        }
        self.depth -= 1;
        Ok(if parts.len() == 1 {
            parts.pop().unwrap()
        } else {
            Ast::Or(parts)
        })
    }

    fn and_expr(&mut self) -> Result<Ast, SyntaxError> {
        let mut parts = vec![self.not_expr()?];
        loop {
            self.ws();
            if self.at_kw("and") {
                self.i += 3;
                parts.push(self.not_expr()?);
            } else {
                break;
            }
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap()
        } else {
            Ast::And(parts)
        })
    }

    fn not_expr(&mut self) -> Result<Ast, SyntaxError> {
        self.ws();
        if self.at_kw("not") {
            self.i += 3;
            self.enter()?;
            let inner = self.not_expr()?;
            self.depth -= 1;
            return Ok(Ast::Not(Box::new(inner)));
        }
        self.check()
    }

    fn check(&mut self) -> Result<Ast, SyntaxError> {
        self.ws();
        match self.peek() {
            None => return Err(self.err("expected a condition, found the end")),
            Some(b'(') => {
                self.i += 1;
                let inner = self.or_expr()?;
                self.ws();
                if self.peek() != Some(b')') {
                    return Err(self.err("expected `)`"));
                }
                self.i += 1;
                return Ok(inner);
            }
            _ => {}
        }
        let start = self.i;
        let name = self.ident();
        if name.is_empty() {
            return Err(self.err("expected a field, a macro name or `(`"));
        }
        if matches!(name, "and" | "or") {
            self.i = start;
            return Err(self.err(format!("unexpected `{name}`")));
        }
        // A transformer: `tolower(...)`.
        if self.peek() == Some(b'(') {
            if let Some(t) = Transformer::from_word(name) {
                self.i += 1;
                let inner = self.operand_after_paren()?;
                let lhs = Operand::Transform(t, Box::new(inner));
                return self.condition(lhs, start);
            }
            self.i = start;
            return Err(self.err(format!("unknown transformer `{name}`")));
        }
        let mut arg = None;
        if self.peek() == Some(b'[') {
            arg = Some(self.bracket()?);
        }
        // Field or macro? A field is followed by an operator.
        let save = self.i;
        self.ws();
        let is_op = self.at_operator();
        self.i = save;
        if !is_op {
            if arg.is_some() {
                return Err(self.err("expected an operator after the field"));
            }
            return Ok(Ast::Macro {
                name: name.to_string(),
                pos: start,
            });
        }
        let lhs = Operand::Field {
            name: name.to_string(),
            arg,
            pos: start,
        };
        self.condition(lhs, start)
    }

    /// An operand inside a transformer or `val(`; consumes the closing `)`.
    fn operand_after_paren(&mut self) -> Result<Operand, SyntaxError> {
        self.ws();
        let start = self.i;
        let name = self.ident();
        if name.is_empty() {
            return Err(self.err("expected a field"));
        }
        let op = if self.peek() == Some(b'(') {
            let Some(t) = Transformer::from_word(name) else {
                self.i = start;
                return Err(self.err(format!("unknown transformer `{name}`")));
            };
            self.i += 1;
            Operand::Transform(t, Box::new(self.operand_after_paren()?))
        } else {
            let mut arg = None;
            if self.peek() == Some(b'[') {
                arg = Some(self.bracket()?);
            }
            Operand::Field {
                name: name.to_string(),
                arg,
                pos: start,
            }
        };
        self.ws();
        if self.peek() != Some(b')') {
            return Err(self.err("expected `)`"));
        }
        self.i += 1;
        Ok(op)
    }

    fn at_operator(&self) -> bool {
        match self.peek() {
            Some(b'=' | b'<' | b'>') => true,
            Some(b'!') => self.s.get(self.i + 1) == Some(&b'='),
            _ => {
                let j = self.i;
                let mut k = j;
                while k < self.s.len() && self.s[k].is_ascii_alphabetic() {
                    k += 1;
                }
                Op::from_word(&self.text[j..k]).is_some()
                    && self
                        .s
                        .get(k)
                        .is_none_or(|&c| is_blank(c) || c == b'(' || c == b')')
            }
        }
    }

    fn condition(&mut self, lhs: Operand, pos: usize) -> Result<Ast, SyntaxError> {
        self.ws();
        let op = match (self.peek(), self.s.get(self.i + 1).copied()) {
            (Some(b'='), Some(b'=')) => {
                self.i += 2;
                Op::Eq
            }
            (Some(b'='), _) => {
                self.i += 1;
                Op::Eq
            }
            (Some(b'!'), Some(b'=')) => {
                self.i += 2;
                Op::Ne
            }
            (Some(b'<'), Some(b'=')) => {
                self.i += 2;
                Op::Le
            }
            (Some(b'<'), _) => {
                self.i += 1;
                Op::Lt
            }
            (Some(b'>'), Some(b'=')) => {
                self.i += 2;
                Op::Ge
            }
            (Some(b'>'), _) => {
                self.i += 1;
                Op::Gt
            }
            _ => {
                let j = self.i;
                while self.i < self.s.len() && self.s[self.i].is_ascii_alphabetic() {
                    self.i += 1;
                }
                match Op::from_word(&self.text[j..self.i]) {
                    Some(op) => op,
                    None => {
                        self.i = j;
                        return Err(self.err("expected an operator"));
                    }
                }
            }
        };
        if op == Op::Exists {
            return Ok(Ast::Cmp {
                lhs,
                op,
                rhs: Rhs::None,
                pos,
            });
        }
        self.ws();
        let rhs = if op.takes_list() {
            if self.peek() == Some(b'(') {
                self.i += 1;
                Rhs::List(self.list_items()?)
            } else {
                // A bare list name, or one value.
                let v = self.value()?;
                Rhs::List(vec![v])
            }
        } else if self.at_val() {
            self.i += 4;
            Rhs::Field(self.operand_after_paren()?)
        } else {
            Rhs::Value(self.value()?)
        };
        Ok(Ast::Cmp { lhs, op, rhs, pos })
    }

    fn at_val(&self) -> bool {
        self.s[self.i..].starts_with(b"val(")
    }

    fn list_items(&mut self) -> Result<Vec<Item>, SyntaxError> {
        let mut items = Vec::new();
        loop {
            self.ws();
            match self.peek() {
                Some(b')') => {
                    self.i += 1;
                    return Ok(items);
                }
                None => return Err(self.err("expected `)` closing the list")),
                _ => {}
            }
            items.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b')') => {}
                None => return Err(self.err("expected `)` closing the list")),
                Some(_) => return Err(self.err("expected `,` or `)` in the list")),
            }
        }
    }

    fn value(&mut self) -> Result<Item, SyntaxError> {
        self.ws();
        match self.peek() {
            Some(b'"' | b'\'') => Ok(Item {
                text: self.quoted()?,
                quoted: true,
            }),
            None => Err(self.err("expected a value, found the end")),
            Some(_) => {
                let j = self.i;
                // Bare words may contain brackets (`runc:[0:PARENT]`).
                while self.i < self.s.len() && !ends_bare(self.s[self.i]) {
                    self.i += 1;
                }
                if self.i == j {
                    return Err(self.err("expected a value"));
                }
                Ok(Item {
                    text: self.text[j..self.i].to_string(),
                    quoted: false,
                })
            }
        }
    }

    fn quoted(&mut self) -> Result<String, SyntaxError> {
        let q = self.s[self.i];
        let start = self.i;
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        while self.i < self.s.len() {
            let c = self.s[self.i];
            if c == b'\\' && self.i + 1 < self.s.len() {
                let n = self.s[self.i + 1];
                match n {
                    b'"' | b'\'' | b'\\' => out.push(n),
                    b'n' => out.push(b'\n'),
                    b't' => out.push(b'\t'),
                    b'r' => out.push(b'\r'),
                    _ => {
                        out.push(b'\\');
                        out.push(n);
                    }
                }
                self.i += 2;
                continue;
            }
            if c == q {
                self.i += 1;
                return Ok(String::from_utf8_lossy(&out).into_owned());
            }
            out.push(c);
            self.i += 1;
        }
        self.i = start;
        Err(self.err("unterminated quoted string"))
    }

    fn ident(&mut self) -> &'a str {
        let j = self.i;
        while self.i < self.s.len() && is_ident(self.s[self.i]) {
            self.i += 1;
        }
        &self.text[j..self.i]
    }

    fn bracket(&mut self) -> Result<String, SyntaxError> {
        self.i += 1;
        self.ws();
        if matches!(self.peek(), Some(b'"' | b'\'')) {
            let s = self.quoted()?;
            self.ws();
            if self.peek() != Some(b']') {
                return Err(self.err("expected `]`"));
            }
            self.i += 1;
            return Ok(s);
        }
        let j = self.i;
        while self.i < self.s.len() && self.s[self.i] != b']' {
            self.i += 1;
        }
        if self.i >= self.s.len() {
            self.i = j;
            return Err(self.err("expected `]`"));
        }
        let s = self.text[j..self.i].to_string();
        self.i += 1;
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(name: &str) -> Operand {
        Operand::Field {
            name: name.into(),
            arg: None,
            pos: 0,
        }
    }

    #[test]
    fn precedence_and_lists() {
        let a = parse_condition("a or b and not c").unwrap();
        assert_eq!(
            a,
            Ast::Or(vec![
                Ast::Macro {
                    name: "a".into(),
                    pos: 0
                },
                Ast::And(vec![
                    Ast::Macro {
                        name: "b".into(),
                        pos: 5
                    },
                    Ast::Not(Box::new(Ast::Macro {
                        name: "c".into(),
                        pos: 15
                    }))
                ])
            ])
        );
        let a = parse_condition("proc.name in (bash, 'a b', runc:[0:PARENT])").unwrap();
        let Ast::Cmp {
            rhs: Rhs::List(items),
            ..
        } = a
        else {
            panic!()
        };
        let texts: Vec<_> = items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["bash", "a b", "runc:[0:PARENT]"]);
    }

    #[test]
    fn fields_with_arguments_transformers_and_val() {
        let a = parse_condition("proc.aname[2]=sshd").unwrap();
        assert!(
            matches!(a, Ast::Cmp { lhs: Operand::Field { ref arg, .. }, op: Op::Eq, .. } if arg.as_deref() == Some("2"))
        );
        let a = parse_condition("tolower(proc.name) = val(proc.pname)").unwrap();
        assert_eq!(
            a,
            Ast::Cmp {
                lhs: Operand::Transform(
                    Transformer::ToLower,
                    Box::new(Operand::Field {
                        name: "proc.name".into(),
                        arg: None,
                        pos: 8
                    })
                ),
                op: Op::Eq,
                rhs: Rhs::Field(Operand::Field {
                    name: "proc.pname".into(),
                    arg: None,
                    pos: 25
                }),
                pos: 0
            }
        );
        let a = parse_condition("not(proc.pname exists)").unwrap();
        assert_eq!(
            a,
            Ast::Not(Box::new(Ast::Cmp {
                lhs: Operand::Field {
                    name: "proc.pname".into(),
                    arg: None,
                    pos: 4
                },
                op: Op::Exists,
                rhs: Rhs::None,
                pos: 4
            }))
        );
        let _ = f("x");
    }

    #[test]
    fn quoting() {
        let a = parse_condition(r#"proc.cmdline = "sh -c \"x\" 'y'""#).unwrap();
        let Ast::Cmp {
            rhs: Rhs::Value(v), ..
        } = a
        else {
            panic!()
        };
        assert_eq!(v.text, r#"sh -c "x" 'y'"#);
        assert_eq!(unquote_item("\"(systemd)\"").text, "(systemd)");
        assert!(!unquote_item("abc").quoted);
    }

    #[test]
    fn errors_have_offsets() {
        let e = parse_condition("proc.name = bash and (").unwrap_err();
        assert_eq!(e.pos, 22);
        let e = parse_condition("proc.name in (a, b").unwrap_err();
        assert_eq!(e.pos, 18);
        assert!(parse_condition("a and").is_err());
        assert!(parse_condition("").is_err());
        assert!(parse_condition("x ) y").is_err());
        assert!(parse_condition(&"(".repeat(10_000)).is_err());
    }
}
