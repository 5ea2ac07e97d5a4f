//! The rule engine: rules files compiled for one sensor's capabilities, indexed by event type,
//! and evaluated against events into alerts.
//!
//! Owns: which rules run (enabled, source `syscall`, every field available), the load report
//! (rules skipped by name with the fields they miss, fields missing overall, warnings), the
//! per-event-type index, and turning matches into [`Alert`]s. Does not own the file format
//! (`load`), compilation (`compile`) or field semantics (`eval`).

use crate::compile::{self, ALL_TYPES, Defs, Expr, Gaps, MacroCache, MacroDef, TypeMask};
use crate::eval::{Cx, eval};
use crate::event::{Event, EventType};
use crate::fields::{self, Capabilities};
use crate::load::{ExFields, ExValue, LoadError, RuleEntry, RuleSet, Warning};
use crate::output::{Alert, Priority, Template};
use crate::parse::{self, Ast, Item, Op, Operand, Rhs};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// One rules file to load.
#[derive(Debug, Clone, Copy)]
pub struct RulesSource<'a> {
    /// Path, for messages.
    pub path: &'a str,
    /// Content.
    pub text: &'a str,
}

/// Why a rule does not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Its condition or exceptions read fields the engine does not know.
    UnknownFields(Vec<String>),
    /// Its condition reads fields this sensor does not fill.
    UnavailableFields(Vec<String>),
    /// Its source is not `syscall`.
    Source(String),
    /// It only matches event types this sensor does not produce (named here).
    EventTypes(Vec<String>),
}

/// A rule that is loaded but does not run, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Rule name.
    pub rule: String,
    /// Why.
    pub reason: SkipReason,
}

/// What loading found besides errors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Rules that run, in order.
    pub active: Vec<String>,
    /// Rules disabled by `enabled: false`.
    pub disabled: Vec<String>,
    /// Rules skipped, by name, with why.
    pub skipped: Vec<Skipped>,
    /// Fields, over all rules, that this sensor does not fill (reported once).
    pub unavailable_fields: BTreeSet<String>,
    /// Fields, over all rules, the engine does not know.
    pub unknown_fields: BTreeSet<String>,
    /// Output fields the engine does not know (rendered `<NA>`).
    pub unknown_output_fields: BTreeSet<String>,
    /// Warnings from the files.
    pub warnings: Vec<Warning>,
}

/// A compiled, runnable rule.
#[derive(Debug)]
pub struct CompiledRule {
    /// Name.
    pub name: Arc<str>,
    /// Priority.
    pub priority: Priority,
    /// Tags.
    pub tags: Vec<String>,
    /// Event types it can match.
    pub types: TypeMask,
    cond: Expr,
    output: Template,
}

impl CompiledRule {
    /// Whether the rule's condition holds for `ev`.
    pub fn matches(&self, ev: &Event, cx: &Cx) -> bool {
        self.types & (1u64 << ev.ty.index()) != 0 && eval(&self.cond, ev, cx)
    }
}

/// Loading failed: every error found, each with file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct LoadErrors(pub Vec<LoadError>);

/// The engine.
#[derive(Debug)]
pub struct Engine {
    rules: Vec<CompiledRule>,
    by_type: Vec<Vec<u32>>,
    cx: Cx,
    min_priority: Priority,
}

/// The text appended to every rule's output so alerts carry their container (as Falco's
/// container plugin configuration does).
pub const APPENDED_OUTPUT: &str = " container_id=%container.id container_name=%container.name";

impl Engine {
    /// Load `sources` in order (later files override earlier ones) and compile the rules for
    /// a sensor with `caps`.
    pub fn load(
        sources: &[RulesSource<'_>],
        caps: &Capabilities,
    ) -> Result<(Engine, LoadReport), LoadErrors> {
        let mut set = RuleSet::default();
        let mut errors = Vec::new();
        for s in sources {
            if let Err(e) = set.add_file(s.path, s.text) {
                errors.extend(e);
            }
        }
        if !errors.is_empty() {
            return Err(LoadErrors(errors));
        }
        Engine::compile(&set, caps)
    }

    /// Compile a rule set.
    pub fn compile(set: &RuleSet, caps: &Capabilities) -> Result<(Engine, LoadReport), LoadErrors> {
        let lists: HashMap<String, Vec<String>> = set
            .lists
            .iter()
            .map(|(k, v)| (k.clone(), v.items.clone()))
            .collect();
        let macros: HashMap<String, MacroDef> = set
            .macros
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    MacroDef {
                        condition: v.condition.clone(),
                    },
                )
            })
            .collect();
        let defs = Defs {
            lists: &lists,
            macros: &macros,
            caps,
        };
        let mut cache = MacroCache::default();
        let mut report = LoadReport {
            warnings: set.warnings.clone(),
            ..LoadReport::default()
        };
        let mut errors = Vec::new();
        let mut rules = Vec::new();
        for r in &set.rules {
            if !r.enabled {
                report.disabled.push(r.name.clone());
                continue;
            }
            if r.source != "syscall" {
                report.skipped.push(Skipped {
                    rule: r.name.clone(),
                    reason: SkipReason::Source(r.source.clone()),
                });
                continue;
            }
            match compile_rule(r, &defs, &mut cache, &set.macros) {
                Err(e) => errors.push(e),
                Ok((cond, gaps)) => {
                    if !gaps.unknown_fields.is_empty() {
                        report
                            .unknown_fields
                            .extend(gaps.unknown_fields.iter().cloned());
                        report.skipped.push(Skipped {
                            rule: r.name.clone(),
                            reason: SkipReason::UnknownFields(
                                gaps.unknown_fields.into_iter().collect(),
                            ),
                        });
                        continue;
                    }
                    if !gaps.unavailable_fields.is_empty() {
                        report
                            .unavailable_fields
                            .extend(gaps.unavailable_fields.iter().cloned());
                        report.skipped.push(Skipped {
                            rule: r.name.clone(),
                            reason: SkipReason::UnavailableFields(
                                gaps.unavailable_fields.into_iter().collect(),
                            ),
                        });
                        continue;
                    }
                    let all_types = compile::event_types(&cond);
                    let types = all_types & caps_mask(caps);
                    if types == 0 && all_types != 0 {
                        report.skipped.push(Skipped {
                            rule: r.name.clone(),
                            reason: SkipReason::EventTypes(
                                EventType::ALL
                                    .iter()
                                    .filter(|t| all_types & (1u64 << t.index()) != 0)
                                    .map(|t| t.name().to_string())
                                    .collect(),
                            ),
                        });
                        continue;
                    }
                    if r.warn_evttypes && compile::event_types(&cond) == ALL_TYPES {
                        report.warnings.push(Warning {
                            path: r.origin.path.clone(),
                            line: r.origin.line,
                            message: format!(
                                "rule `{}` does not restrict the event type: it is evaluated for every event",
                                r.name
                            ),
                        });
                    }
                    let (output, unknown) =
                        Template::compile(&format!("{}{}", r.output.trim_end(), APPENDED_OUTPUT));
                    report.unknown_output_fields.extend(unknown);
                    report.active.push(r.name.clone());
                    rules.push(CompiledRule {
                        name: r.name.as_str().into(),
                        priority: r.priority,
                        tags: r.tags.clone(),
                        types,
                        cond,
                        output,
                    });
                }
            }
        }
        if !errors.is_empty() {
            return Err(LoadErrors(errors));
        }
        let mut by_type = vec![Vec::new(); EventType::COUNT];
        for (i, r) in rules.iter().enumerate() {
            for t in EventType::ALL {
                if r.types & (1u64 << t.index()) != 0 {
                    by_type[t.index()].push(i as u32);
                }
            }
        }
        let mut names = Vec::new();
        for r in &rules {
            compile::sip_names(&r.cond, &mut names);
        }
        let cx = Cx {
            resolver: std::sync::Arc::new(crate::dns::Resolver::new(names)),
            ..Cx::default()
        };
        Ok((
            Engine {
                rules,
                by_type,
                cx,
                min_priority: Priority::Debug,
            },
            report,
        ))
    }

    /// The host names the rules compare `fd.sip.name` with, and their addresses: a sensor
    /// refreshes it in the background ([`crate::dns::Resolver::spawn`]).
    pub fn resolver(&self) -> &std::sync::Arc<crate::dns::Resolver> {
        &self.cx.resolver
    }

    /// Set `evt.hostname` and the alerts' host name.
    pub fn set_hostname(&mut self, h: &str) {
        self.cx.hostname = h.to_string();
    }

    /// Only alert for rules at or above `p`.
    pub fn set_min_priority(&mut self, p: Priority) {
        self.min_priority = p;
    }

    /// The runnable rules, in order.
    pub fn rules(&self) -> &[CompiledRule] {
        &self.rules
    }

    /// Event types some rule can match (what a sensor needs to produce).
    pub fn wanted_types(&self) -> TypeMask {
        self.rules.iter().fold(0, |a, r| a | r.types)
    }

    /// Call `f` with every rule matching `ev` (no allocation).
    pub fn for_each_match(&self, ev: &Event, mut f: impl FnMut(&CompiledRule)) {
        for &i in &self.by_type[ev.ty.index()] {
            let r = &self.rules[i as usize];
            if r.priority <= self.min_priority && eval(&r.cond, ev, &self.cx) {
                f(r);
            }
        }
    }

    /// Evaluate `ev` and push an alert for every matching rule.
    pub fn process(&self, ev: &Event, out: &mut Vec<Alert>) {
        self.for_each_match(ev, |r| out.push(self.alert(r, ev)));
    }

    /// The alert of rule `r` for `ev`.
    pub fn alert(&self, r: &CompiledRule, ev: &Event) -> Alert {
        let (message, mut fields) = r.output.render(ev, &self.cx);
        fields.push(("evt.time".into(), serde_json::Value::from(ev.ts)));
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        fields.dedup_by(|a, b| a.0 == b.0);
        Alert {
            time: ev.ts,
            rule: r.name.to_string(),
            priority: r.priority,
            source: "syscall".into(),
            tags: r.tags.clone(),
            message,
            output_fields: fields,
            hostname: self.cx.hostname.clone(),
        }
    }
}

fn caps_mask(caps: &Capabilities) -> TypeMask {
    caps.event_types
        .iter()
        .fold(0, |a, t| a | (1u64 << t.index()))
}

fn compile_rule(
    r: &RuleEntry,
    defs: &Defs<'_>,
    cache: &mut MacroCache,
    macros: &HashMap<String, crate::load::MacroEntry>,
) -> Result<(Expr, Gaps), LoadError> {
    let at = |line: u32, message: String| LoadError {
        path: r.origin.path.clone(),
        line,
        col: 1,
        message,
    };
    let ast = parse::parse_condition(&r.condition).map_err(|e| {
        at(
            r.condition_line,
            format!(
                "rule `{}`: condition syntax error at offset {}: {} (near `{}`)",
                r.name,
                e.pos,
                e.message,
                snippet(&r.condition, e.pos)
            ),
        )
    })?;
    let mut gaps = Gaps::default();
    let mut ast = ast;
    let mut excluded = Vec::new();
    for ex in &r.exceptions {
        if let Some(a) = exception_ast(ex).map_err(|m| {
            at(
                ex.line,
                format!("rule `{}`: exception `{}`: {m}", r.name, ex.name),
            )
        })? {
            excluded.push(a);
        }
    }
    if !excluded.is_empty() {
        let none = if excluded.len() == 1 {
            excluded.pop().unwrap()
        } else {
            Ast::Or(excluded)
        };
        ast = Ast::And(vec![ast, Ast::Not(Box::new(none))]);
    }
    let expr = compile::compile(&ast, defs, cache, &mut gaps).map_err(|e| match &e.in_macro {
        Some(m) => {
            let (path, line) = macros
                .get(m)
                .map(|d| (d.origin.path.clone(), d.condition_line))
                .unwrap_or((r.origin.path.clone(), r.origin.line));
            let cond = macros.get(m).map(|d| d.condition.as_str()).unwrap_or("");
            LoadError {
                path,
                line,
                col: 1,
                message: format!(
                    "macro `{m}` (used by rule `{}`): {} (near `{}`)",
                    r.name,
                    e.message,
                    snippet(cond, e.pos)
                ),
            }
        }
        None => at(
            r.condition_line,
            format!(
                "rule `{}`: {} (near `{}`)",
                r.name,
                e.message,
                snippet(&r.condition, e.pos)
            ),
        ),
    })?;
    // Fields named only in exceptions that are unknown also skip the rule: they were
    // recorded in `gaps` by the compiler.
    Ok((expr, gaps))
}

fn snippet(text: &str, pos: usize) -> String {
    let mut start = pos.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let s: String = text[start..].chars().take(30).collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An exception as a condition: `(f1 c1 v1 and f2 c2 v2) or (...)`; `None` without values.
fn exception_ast(ex: &crate::load::Exception) -> Result<Option<Ast>, String> {
    let fields: Vec<&str> = match &ex.fields {
        ExFields::Single(f) => vec![f.as_str()],
        ExFields::Tuple(f) => f.iter().map(String::as_str).collect(),
    };
    if fields.is_empty() {
        return if ex.values.is_empty() {
            Ok(None)
        } else {
            Err("has values but no fields".into())
        };
    }
    let mut alts = Vec::new();
    for row in &ex.values {
        let mut conj = Vec::new();
        if let ExFields::Single(f) = &ex.fields {
            // One field: every value is an item of the right-hand list.
            let op = op_of(&ex.comps[0])?;
            let mut items = Vec::new();
            for v in row {
                match v {
                    ExValue::Scalar(s) => items.push(Item {
                        text: s.clone(),
                        quoted: false,
                    }),
                    ExValue::List(l) => items.extend(l.iter().map(|s| Item {
                        text: s.clone(),
                        quoted: false,
                    })),
                }
            }
            let rhs = if op.takes_list() {
                Rhs::List(items)
            } else {
                // A non-list operator on one field: any of the values.
                let ors = items
                    .into_iter()
                    .map(|i| cmp_ast(f, op, Rhs::Value(Item { quoted: true, ..i })))
                    .collect::<Result<Vec<_>, _>>()?;
                alts.push(Ast::Or(ors));
                continue;
            };
            alts.push(cmp_ast(f, op, rhs)?);
            continue;
        }
        for ((f, c), v) in fields.iter().zip(&ex.comps).zip(row) {
            let op = op_of(c)?;
            let rhs = match v {
                ExValue::Scalar(s) if op.takes_list() => Rhs::List(vec![Item {
                    text: s.clone(),
                    quoted: false,
                }]),
                ExValue::Scalar(s) => Rhs::Value(Item {
                    text: s.clone(),
                    quoted: true,
                }),
                ExValue::List(l) => Rhs::List(
                    l.iter()
                        .map(|s| Item {
                            text: s.clone(),
                            quoted: false,
                        })
                        .collect(),
                ),
            };
            conj.push(cmp_ast(f, op, rhs)?);
        }
        alts.push(Ast::And(conj));
    }
    Ok(match alts.len() {
        0 => None,
        1 => alts.pop(),
        _ => Some(Ast::Or(alts)),
    })
}

fn op_of(c: &str) -> Result<Op, String> {
    let ast = parse::parse_condition(&format!("x.y {c} z"))
        .map_err(|_| format!("unknown comparison `{c}`"))?;
    match ast {
        Ast::Cmp { op, .. } => Ok(op),
        _ => Err(format!("unknown comparison `{c}`")),
    }
}

fn cmp_ast(field: &str, op: Op, rhs: Rhs) -> Result<Ast, String> {
    let (name, arg) = match field.find('[') {
        Some(i) if field.ends_with(']') => {
            (&field[..i], Some(field[i + 1..field.len() - 1].to_string()))
        }
        _ => (field, None),
    };
    if name.is_empty() {
        return Err("empty field name".into());
    }
    // Surface malformed field names now; unknown ones are reported by the compiler.
    let _ = fields::resolve(name, arg.as_deref());
    Ok(Ast::Cmp {
        lhs: Operand::Field {
            name: name.to_string(),
            arg,
            pos: 0,
        },
        op,
        rhs,
        pos: 0,
    })
}
