//! Compiling a condition: macros expanded, lists (and lists in lists) resolved, fields looked up
//! in the catalogue, right-hand sides parsed once into their match form (sets for `in`, a
//! prefix tree for `pmatch`, compiled regexes, networks), `evt.type` tests turned into bit
//! masks, and the set of event types a rule can match computed for the engine's index.
//!
//! Owns: the compiled form [`Expr`] and its construction. Does not own evaluation (`eval`)
//! or where definitions come from (`load`).

use crate::event::EventType;
use crate::fields::{self, Capabilities, FieldArg, FieldError, FieldId, FieldRef, FieldType};
use crate::matchers::{Cidr, PathTrie, StrSet};
use crate::parse::{self, Ast, Item, Op, Operand, Rhs, Transformer};
use std::collections::{BTreeSet, HashMap};
use std::net::IpAddr;

/// A bit mask over [`EventType`]s.
pub type TypeMask = u64;
/// Every event type.
pub const ALL_TYPES: TypeMask = (1u64 << EventType::COUNT) - 1;

/// A compiled condition.
#[derive(Debug)]
pub enum Expr {
    /// A constant (a rule skipped for missing fields compiles its gaps to `false`).
    Const(bool),
    /// All of.
    And(Box<[Expr]>),
    /// Any of.
    Or(Box<[Expr]>),
    /// Negation.
    Not(Box<Expr>),
    /// `evt.type` is one of the mask.
    Types(TypeMask),
    /// A comparison.
    Cmp(Box<Cmp>),
}

/// A compiled comparison.
#[derive(Debug)]
pub struct Cmp {
    /// Left side.
    pub lhs: Lhs,
    /// Operator.
    pub op: Op,
    /// Right side in match form.
    pub rhs: CRhs,
}

/// A field with its transformers (applied innermost first).
#[derive(Debug, Clone)]
pub struct Lhs {
    /// The field.
    pub field: FieldRef,
    /// Transformers, innermost first.
    pub transforms: Box<[Transformer]>,
    /// Type after the transformers.
    pub ty: FieldType,
}

/// A right-hand side in match form.
#[derive(Debug)]
pub enum CRhs {
    /// None (`exists`).
    None,
    /// A string (lower-cased for `icontains`).
    Str(Box<str>),
    /// A number.
    Int(i64),
    /// A boolean.
    Bool(bool),
    /// An address.
    Ip(IpAddr),
    /// A network.
    Net(Cidr),
    /// Strings for `in` / `intersects`.
    StrSet(StrSet),
    /// Numbers for `in`.
    IntSet(Box<[i64]>),
    /// Addresses for `in`.
    IpSet(Box<[IpAddr]>),
    /// Networks for `in`.
    NetSet(Box<[Cidr]>),
    /// Paths for `pmatch`.
    Trie(PathTrie),
    /// A regular expression (whole-value match).
    Regex(regex::Regex),
    /// Another field's value (`val()`).
    Field(Lhs),
}

/// A macro definition for the compiler.
#[derive(Debug, Clone)]
pub struct MacroDef {
    /// Condition text.
    pub condition: String,
}

/// The definitions a condition is compiled against.
pub struct Defs<'a> {
    /// Lists by name: raw items as written in YAML.
    pub lists: &'a HashMap<String, Vec<String>>,
    /// Macros by name.
    pub macros: &'a HashMap<String, MacroDef>,
    /// Fields the sensor fills.
    pub caps: &'a Capabilities,
}

/// What compiling one condition found.
#[derive(Debug, Default)]
pub struct Gaps {
    /// Field names not in the catalogue.
    pub unknown_fields: BTreeSet<String>,
    /// Known fields the sensor does not fill.
    pub unavailable_fields: BTreeSet<String>,
}

/// A compile error: where (`in_macro` when inside a macro) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// The macro the error is in, if not the rule's own condition.
    pub in_macro: Option<String>,
    /// Byte offset in that condition.
    pub pos: usize,
    /// Message.
    pub message: String,
}

const MAX_MACRO_DEPTH: usize = 64;
const MAX_LIST_DEPTH: usize = 32;

/// Parsed-macro cache shared across the rules of one load.
#[derive(Default)]
pub struct MacroCache {
    parsed: HashMap<String, Result<Ast, parse::SyntaxError>>,
}

/// Compile `ast` (the condition of a rule).
pub fn compile(
    ast: &Ast,
    defs: &Defs<'_>,
    cache: &mut MacroCache,
    gaps: &mut Gaps,
) -> Result<Expr, CompileError> {
    let mut c = Compiler {
        defs,
        cache,
        gaps,
        stack: Vec::new(),
    };
    c.expr(ast).map(cheapest_first)
}

/// The operands of every `and`/`or` in the order that costs least to evaluate: conditions are
/// pure, so `and` stops at the first false operand and `or` at the first true one whatever
/// the order, and the result is the same; putting an event-type mask or a number before a
/// walk over the ancestors or a regex means most events are decided by the cheap tests
/// (Falco's rules often start with a process-name list and end with the event type).
pub fn cheapest_first(e: Expr) -> Expr {
    match e {
        Expr::And(xs) => Expr::And(sorted(xs)),
        Expr::Or(xs) => Expr::Or(sorted(xs)),
        Expr::Not(x) => Expr::Not(Box::new(cheapest_first(*x))),
        e => e,
    }
}

fn sorted(xs: Box<[Expr]>) -> Box<[Expr]> {
    let mut v: Vec<(u32, Expr)> = xs
        .into_vec()
        .into_iter()
        .map(|x| {
            let x = cheapest_first(x);
            (cost(&x), x)
        })
        .collect();
    // Stable: operands of equal cost keep the rule's order.
    v.sort_by_key(|(c, _)| *c);
    v.into_iter().map(|(_, x)| x).collect()
}

/// The host names `e` compares `fd.sip.name` with (`=` and `in`, no transformer): Falco
/// resolves these and names a server address with them.
pub fn sip_names(e: &Expr, out: &mut Vec<String>) {
    match e {
        Expr::And(xs) | Expr::Or(xs) => xs.iter().for_each(|x| sip_names(x, out)),
        Expr::Not(x) => sip_names(x, out),
        Expr::Cmp(c) if c.lhs.field.id == FieldId::FdSipName && c.lhs.transforms.is_empty() => {
            match (&c.rhs, c.op) {
                (CRhs::Str(s), Op::Eq) => out.push(s.to_string()),
                (CRhs::StrSet(set), Op::In) => out.extend(set.iter().map(|s| s.to_string())),
                _ => {}
            }
        }
        _ => {}
    }
}

/// A rough cost of evaluating `e` once (units of a mask test), used to order operands.
pub fn cost(e: &Expr) -> u32 {
    match e {
        Expr::Const(_) => 0,
        Expr::Types(_) => 1,
        Expr::Not(x) => cost(x),
        Expr::And(xs) | Expr::Or(xs) => xs.iter().map(cost).fold(0u32, u32::saturating_add),
        Expr::Cmp(c) => cmp_cost(c),
    }
}

fn cmp_cost(c: &Cmp) -> u32 {
    let field = match (c.lhs.field.id, &c.lhs.field.arg) {
        (
            FieldId::ProcAname | FieldId::ProcAexe | FieldId::ProcAexepath | FieldId::ProcApid,
            FieldArg::None,
        ) => 16,
        (FieldId::EvtArgs | FieldId::EvtTime, _) => 30,
        (FieldId::EvtArg, _) => 4,
        _ => 2,
    };
    let transforms = 8 * c.lhs.transforms.len() as u32;
    let test = match (&c.rhs, c.op) {
        (CRhs::Regex(_), _) => 12,
        (_, Op::Glob | Op::IGlob) => 8,
        (CRhs::Trie(_), _) => 6,
        (_, Op::Contains | Op::IContains | Op::BContains) => 5,
        (CRhs::StrSet(_), _) => 3,
        (CRhs::Field(_), _) => 4,
        (CRhs::Str(_), _) => 2,
        _ => 1,
    };
    field + transforms + test
}

struct Compiler<'a, 'b> {
    defs: &'a Defs<'b>,
    cache: &'a mut MacroCache,
    gaps: &'a mut Gaps,
    stack: Vec<String>,
}

impl Compiler<'_, '_> {
    fn err(&self, pos: usize, message: impl Into<String>) -> CompileError {
        CompileError {
            in_macro: self.stack.last().cloned(),
            pos,
            message: message.into(),
        }
    }

    fn expr(&mut self, ast: &Ast) -> Result<Expr, CompileError> {
        Ok(match ast {
            Ast::And(xs) => Expr::And(
                xs.iter()
                    .map(|x| self.expr(x))
                    .collect::<Result<Vec<_>, _>>()?
                    .into(),
            ),
            Ast::Or(xs) => Expr::Or(
                xs.iter()
                    .map(|x| self.expr(x))
                    .collect::<Result<Vec<_>, _>>()?
                    .into(),
            ),
            Ast::Not(x) => Expr::Not(Box::new(self.expr(x)?)),
            Ast::Macro { name, pos } => self.macro_ref(name, *pos)?,
            Ast::Cmp { lhs, op, rhs, pos } => self.cmp(lhs, *op, rhs, *pos)?,
        })
    }

    fn macro_ref(&mut self, name: &str, pos: usize) -> Result<Expr, CompileError> {
        let Some(def) = self.defs.macros.get(name) else {
            return Err(self.err(pos, format!("undefined macro `{name}`")));
        };
        if self.stack.iter().any(|m| m == name) {
            return Err(self.err(pos, format!("macro `{name}` refers to itself")));
        }
        if self.stack.len() >= MAX_MACRO_DEPTH {
            return Err(self.err(pos, "macros nested too deeply"));
        }
        let parsed = self
            .cache
            .parsed
            .entry(name.to_string())
            .or_insert_with(|| parse::parse_condition(&def.condition))
            .clone();
        self.stack.push(name.to_string());
        let r = match parsed {
            Ok(ast) => self.expr(&ast),
            Err(e) => Err(self.err(e.pos, format!("syntax error: {}", e.message))),
        };
        self.stack.pop();
        r
    }

    /// Resolve a field; `None` when unknown or unavailable (recorded in gaps).
    fn field(&mut self, op: &Operand) -> Result<Option<Lhs>, CompileError> {
        match op {
            Operand::Field { name, arg, pos } => match fields::resolve(name, arg.as_deref()) {
                Ok(f) => {
                    let ty = f.def().ty;
                    if !self.defs.caps.has(f.id) {
                        self.gaps.unavailable_fields.insert(f.text());
                        return Ok(None);
                    }
                    Ok(Some(Lhs {
                        field: f,
                        transforms: Box::new([]),
                        ty,
                    }))
                }
                Err(FieldError::Unknown) => {
                    let mut t = name.clone();
                    if let Some(a) = arg {
                        t.push_str(&format!("[{a}]"));
                    }
                    self.gaps.unknown_fields.insert(t);
                    Ok(None)
                }
                Err(FieldError::BadArg(m)) => Err(self.err(*pos, m)),
            },
            Operand::Transform(t, inner) => {
                let Some(mut l) = self.field(inner)? else {
                    return Ok(None);
                };
                if l.ty != FieldType::Str {
                    return Err(self.err(
                        inner.pos(),
                        format!("transformer {t:?} needs a string field"),
                    ));
                }
                let mut v = l.transforms.into_vec();
                v.push(*t);
                l.transforms = v.into();
                if *t == Transformer::Len {
                    l.ty = FieldType::Int;
                }
                Ok(Some(l))
            }
        }
    }

    /// Expand list items: unquoted names of lists are replaced by their items, recursively.
    fn expand(&self, items: &[Item], out: &mut Vec<String>, depth: usize) -> Result<(), String> {
        if depth > MAX_LIST_DEPTH {
            return Err("lists nested too deeply (or a list contains itself)".into());
        }
        for it in items {
            if !it.quoted
                && let Some(list) = self.defs.lists.get(&it.text)
            {
                let sub: Vec<Item> = list.iter().map(|s| parse::unquote_item(s)).collect();
                self.expand(&sub, out, depth + 1)?;
                continue;
            }
            out.push(it.text.clone());
        }
        Ok(())
    }

    fn cmp(&mut self, lhs: &Operand, op: Op, rhs: &Rhs, pos: usize) -> Result<Expr, CompileError> {
        let Some(l) = self.field(lhs)? else {
            // Unknown or unavailable: the rule is skipped by the loader; keep compiling so
            // every gap of the rule is reported at once.
            if let Rhs::Field(o) = rhs {
                self.field(o)?;
            }
            return Ok(Expr::Const(false));
        };
        // Values.
        let values: Vec<String> = match rhs {
            Rhs::None => Vec::new(),
            Rhs::Value(v) => {
                if op.takes_list() {
                    let mut out = Vec::new();
                    self.expand(std::slice::from_ref(v), &mut out, 0)
                        .map_err(|m| self.err(pos, m))?;
                    out
                } else {
                    vec![v.text.clone()]
                }
            }
            Rhs::List(items) => {
                let mut out = Vec::new();
                self.expand(items, &mut out, 0)
                    .map_err(|m| self.err(pos, m))?;
                out
            }
            Rhs::Field(o) => {
                let Some(r) = self.field(o)? else {
                    return Ok(Expr::Const(false));
                };
                if r.ty != l.ty {
                    return Err(self.err(pos, "val() compares fields of different types"));
                }
                return Ok(Expr::Cmp(Box::new(Cmp {
                    lhs: l,
                    op,
                    rhs: CRhs::Field(r),
                })));
            }
        };
        if op == Op::Exists {
            return Ok(Expr::Cmp(Box::new(Cmp {
                lhs: l,
                op,
                rhs: CRhs::None,
            })));
        }
        // evt.type fast path.
        if l.field.id == FieldId::EvtType && l.transforms.is_empty() {
            let mut mask = 0;
            for v in &values {
                if let Some(t) = EventType::from_name(v) {
                    mask |= 1u64 << t.index();
                }
            }
            match op {
                Op::Eq | Op::In | Op::Intersects => return Ok(Expr::Types(mask)),
                Op::Ne => return Ok(Expr::Not(Box::new(Expr::Types(mask)))),
                _ => {}
            }
        }
        let one = || values.first().cloned().unwrap_or_default();
        let rhs = match l.ty {
            FieldType::Str => match op {
                Op::In | Op::Intersects => {
                    CRhs::StrSet(values.iter().map(|s| s.as_str().into()).collect())
                }
                Op::PMatch => {
                    let mut t = PathTrie::default();
                    for v in &values {
                        t.insert(v);
                    }
                    CRhs::Trie(t)
                }
                Op::Regex => match regex::Regex::new(&format!("^(?:{})$", one())) {
                    Ok(r) => CRhs::Regex(r),
                    Err(e) => return Err(self.err(pos, format!("invalid regex: {e}"))),
                },
                Op::IContains => CRhs::Str(one().to_ascii_lowercase().into()),
                _ => CRhs::Str(one().into()),
            },
            FieldType::Int => {
                let parse = |s: &str| -> Result<i64, CompileError> {
                    s.trim()
                        .parse::<i64>()
                        .map_err(|_| self.err(pos, format!("`{s}` is not a number")))
                };
                match op {
                    Op::Eq | Op::Ne | Op::Lt | Op::Le | Op::Gt | Op::Ge => {
                        CRhs::Int(parse(&one())?)
                    }
                    Op::In | Op::Intersects => CRhs::IntSet(
                        values
                            .iter()
                            .map(|v| parse(v))
                            .collect::<Result<Vec<_>, _>>()?
                            .into(),
                    ),
                    _ => {
                        return Err(self.err(
                            pos,
                            format!("operator `{}` does not apply to a numeric field", op.text()),
                        ));
                    }
                }
            }
            FieldType::Bool => match (op, one().as_str()) {
                (Op::Eq | Op::Ne, "true") => CRhs::Bool(true),
                (Op::Eq | Op::Ne, "false") => CRhs::Bool(false),
                (Op::Eq | Op::Ne, v) => {
                    return Err(self.err(pos, format!("`{v}` is not true or false")));
                }
                _ => {
                    return Err(self.err(
                        pos,
                        format!("operator `{}` does not apply to a boolean field", op.text()),
                    ));
                }
            },
            FieldType::Ip => {
                let parse = |s: &str| -> Result<IpAddr, CompileError> {
                    s.trim()
                        .parse::<IpAddr>()
                        .map_err(|_| self.err(pos, format!("`{s}` is not an IP address")))
                };
                match op {
                    Op::Eq | Op::Ne => CRhs::Ip(parse(&one())?),
                    Op::In | Op::Intersects => CRhs::IpSet(
                        values
                            .iter()
                            .map(|v| parse(v))
                            .collect::<Result<Vec<_>, _>>()?
                            .into(),
                    ),
                    _ => {
                        return Err(self.err(
                            pos,
                            format!(
                                "operator `{}` does not apply to an address field",
                                op.text()
                            ),
                        ));
                    }
                }
            }
            FieldType::Net => {
                let parse = |s: &str| -> Result<Cidr, CompileError> {
                    Cidr::parse(s).ok_or_else(|| self.err(pos, format!("`{s}` is not a network")))
                };
                match op {
                    Op::Eq | Op::Ne => CRhs::Net(parse(&one())?),
                    Op::In | Op::Intersects => CRhs::NetSet(
                        values
                            .iter()
                            .map(|v| parse(v))
                            .collect::<Result<Vec<_>, _>>()?
                            .into(),
                    ),
                    _ => {
                        return Err(self.err(
                            pos,
                            format!("operator `{}` does not apply to a network field", op.text()),
                        ));
                    }
                }
            }
        };
        Ok(Expr::Cmp(Box::new(Cmp { lhs: l, op, rhs })))
    }
}

/// The event types `e` can match (for the engine's per-type index).
pub fn event_types(e: &Expr) -> TypeMask {
    types(e, false)
}

fn types(e: &Expr, neg: bool) -> TypeMask {
    match e {
        Expr::Const(b) => {
            if *b != neg {
                ALL_TYPES
            } else {
                0
            }
        }
        Expr::Types(m) => {
            if neg {
                ALL_TYPES & !m
            } else {
                *m
            }
        }
        Expr::Not(x) => types(x, !neg),
        Expr::And(xs) => {
            if neg {
                xs.iter().fold(0, |a, x| a | types(x, true))
            } else {
                xs.iter().fold(ALL_TYPES, |a, x| a & types(x, false))
            }
        }
        Expr::Or(xs) => {
            if neg {
                xs.iter().fold(ALL_TYPES, |a, x| a & types(x, true))
            } else {
                xs.iter().fold(0, |a, x| a | types(x, false))
            }
        }
        Expr::Cmp(_) => ALL_TYPES,
    }
}

/// Every field a compiled condition reads (for reports).
pub fn fields_of(e: &Expr, out: &mut BTreeSet<String>) {
    match e {
        Expr::Const(_) => {}
        Expr::Types(_) => {
            out.insert("evt.type".into());
        }
        Expr::Not(x) => fields_of(x, out),
        Expr::And(xs) | Expr::Or(xs) => xs.iter().for_each(|x| fields_of(x, out)),
        Expr::Cmp(c) => {
            out.insert(c.lhs.field.text());
            if let CRhs::Field(r) = &c.rhs {
                out.insert(r.field.text());
            }
        }
    }
}

/// Whether a field argument is an ancestor index (used by eval).
pub fn ancestor_index(a: &FieldArg) -> Option<u32> {
    match a {
        FieldArg::Index(i) => Some(*i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(e: &Expr) -> String {
        match e {
            Expr::Const(b) => b.to_string(),
            Expr::Types(m) => format!("types{m}"),
            Expr::Not(x) => format!("not {}", shape(x)),
            Expr::And(xs) => format!(
                "({})",
                xs.iter().map(shape).collect::<Vec<_>>().join(" and ")
            ),
            Expr::Or(xs) => format!(
                "({})",
                xs.iter().map(shape).collect::<Vec<_>>().join(" or ")
            ),
            Expr::Cmp(_) => "cmp".into(),
        }
    }

    #[test]
    fn operands_are_ordered_cheapest_first_and_stably() {
        let e = Expr::And(Box::new([
            Expr::Not(Box::new(Expr::Or(Box::new([
                Expr::Types(4),
                Expr::Types(2),
                Expr::Const(false),
            ])))),
            Expr::Types(1),
            Expr::Types(8),
            Expr::Const(true),
        ]));
        assert_eq!(
            shape(&cheapest_first(e)),
            "(true and types1 and types8 and not (false or types4 or types2))"
        );
    }
}
