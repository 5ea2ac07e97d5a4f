//! Reading Falco rules files into definitions: `list`, `macro`, `rule` (with `exceptions`),
//! `required_engine_version`, `required_plugin_versions`, and the ways later entries change
//! earlier ones (`override: {key: append|replace}`, the older `append: true`, a rule entry with
//! only `enabled`, and plain redefinition).
//!
//! Owns: the file format and its validation, with file, line and column in every error.
//! Does not own compiling conditions (`compile`) or the engine (`engine`).

use crate::output::Priority;
use crate::yaml::{self, Node, Value};
use std::collections::HashMap;

/// The engine version this implementation provides (`required_engine_version` is compared
/// with it).
pub const ENGINE_VERSION: (u64, u64, u64) = (0, 57, 0);

/// A problem in a rules file, with its position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{col}: {message}")]
pub struct LoadError {
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// What is wrong.
    pub message: String,
}

/// A non-fatal remark about a rules file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// What.
    pub message: String,
}

/// Where a definition was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file.
    pub path: String,
    /// 1-based line of the entry.
    pub line: u32,
}

/// A list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListDef {
    /// Items as written.
    pub items: Vec<String>,
    /// Where defined.
    pub origin: Origin,
}

/// A macro.
#[derive(Debug, Clone, PartialEq)]
pub struct MacroEntry {
    /// Condition text.
    pub condition: String,
    /// Line of the condition.
    pub condition_line: u32,
    /// Where defined.
    pub origin: Origin,
}

/// The fields of an exception: one field (values are a list for `in`) or a tuple.
#[derive(Debug, Clone, PartialEq)]
pub enum ExFields {
    /// One field.
    Single(String),
    /// Several fields; each value is a tuple.
    Tuple(Vec<String>),
}

/// One value of an exception: a scalar or a list (for list operators).
#[derive(Debug, Clone, PartialEq)]
pub enum ExValue {
    /// A scalar.
    Scalar(String),
    /// A list.
    List(Vec<String>),
}

/// An exception of a rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Exception {
    /// Name (unique within the rule).
    pub name: String,
    /// Fields.
    pub fields: ExFields,
    /// Comparison operators, one per field (defaults: `=` for tuples, `in` for one field).
    pub comps: Vec<String>,
    /// Values: one tuple per entry (for [`ExFields::Single`], each entry has one value).
    pub values: Vec<Vec<ExValue>>,
    /// Line of the exception.
    pub line: u32,
}

/// A rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleEntry {
    /// Name.
    pub name: String,
    /// Description.
    pub desc: String,
    /// Condition text.
    pub condition: String,
    /// Line of the condition.
    pub condition_line: u32,
    /// Output template.
    pub output: String,
    /// Priority.
    pub priority: Priority,
    /// Whether enabled.
    pub enabled: bool,
    /// Tags.
    pub tags: Vec<String>,
    /// Exceptions.
    pub exceptions: Vec<Exception>,
    /// Event source.
    pub source: String,
    /// Whether a condition without event-type restriction should be reported.
    pub warn_evttypes: bool,
    /// Whether unknown fields skip the rule silently (we list them either way).
    pub skip_if_unknown_filter: bool,
    /// Where defined.
    pub origin: Origin,
}

/// Every definition read so far, in definition order.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// Lists by name.
    pub lists: HashMap<String, ListDef>,
    /// Macros by name.
    pub macros: HashMap<String, MacroEntry>,
    /// Rules in definition order.
    pub rules: Vec<RuleEntry>,
    /// Plugins the files require (name, version).
    pub required_plugins: Vec<(String, String)>,
    /// Warnings.
    pub warnings: Vec<Warning>,
}

impl RuleSet {
    /// Read one rules file on top of the definitions so far. On error nothing of this file
    /// is kept.
    pub fn add_file(&mut self, path: &str, text: &str) -> Result<(), Vec<LoadError>> {
        let docs = yaml::parse(text).map_err(|e| {
            vec![LoadError {
                path: path.into(),
                line: e.line,
                col: e.col,
                message: format!("invalid YAML: {}", e.message),
            }]
        })?;
        let mut next = self.clone();
        let mut errors = Vec::new();
        for doc in &docs {
            if doc.is_null() {
                continue;
            }
            let Value::Seq(items) = &doc.value else {
                errors.push(err(path, doc, "a rules file is a sequence of items"));
                continue;
            };
            for item in items {
                if let Err(e) = next.item(path, item) {
                    errors.push(e);
                }
            }
        }
        if errors.is_empty() {
            *self = next;
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn item(&mut self, path: &str, item: &Node) -> Result<(), LoadError> {
        let Value::Map(entries) = &item.value else {
            return Err(err(path, item, "each item must be a mapping"));
        };
        let Some((k0, _)) = entries.first() else {
            return Err(err(path, item, "empty item"));
        };
        let kind = entries
            .iter()
            .map(|(k, _)| k.as_str().unwrap_or(""))
            .find(|k| {
                matches!(
                    *k,
                    "rule"
                        | "macro"
                        | "list"
                        | "required_engine_version"
                        | "required_plugin_versions"
                )
            });
        match kind {
            Some("required_engine_version") => self.engine_version(path, item),
            Some("required_plugin_versions") => self.plugins(path, item),
            Some("list") => self.list(path, item),
            Some("macro") => self.macro_(path, item),
            Some("rule") => self.rule(path, item),
            _ => Err(err(
                path,
                k0,
                format!(
                    "unknown item `{}` (expected rule, macro, list, required_engine_version or required_plugin_versions)",
                    k0.as_str().unwrap_or("?")
                ),
            )),
        }
    }

    fn engine_version(&mut self, path: &str, item: &Node) -> Result<(), LoadError> {
        let v = item.get("required_engine_version").unwrap();
        let Some(text) = v.as_str() else {
            return Err(err(path, v, "required_engine_version must be a version"));
        };
        let req = parse_version(text)
            .ok_or_else(|| err(path, v, format!("`{text}` is not a version")))?;
        if req > ENGINE_VERSION {
            let (a, b, c) = ENGINE_VERSION;
            return Err(err(
                path,
                v,
                format!("rules require engine version {text}, this engine is {a}.{b}.{c}"),
            ));
        }
        Ok(())
    }

    fn plugins(&mut self, path: &str, item: &Node) -> Result<(), LoadError> {
        let v = item.get("required_plugin_versions").unwrap();
        let Value::Seq(ps) = &v.value else {
            return Err(err(path, v, "required_plugin_versions must be a sequence"));
        };
        for p in ps {
            let name = p.get("name").and_then(Node::as_str);
            let version = p.get("version").and_then(Node::as_str);
            match (name, version) {
                (Some(n), Some(ver)) => {
                    if n != "container" {
                        self.warnings.push(Warning {
                            path: path.into(),
                            line: p.line,
                            message: format!(
                                "plugin `{n}` is not available: rules of its sources are skipped"
                            ),
                        });
                    }
                    self.required_plugins.push((n.into(), ver.into()));
                }
                _ => return Err(err(path, p, "a required plugin needs `name` and `version`")),
            }
        }
        Ok(())
    }

    fn list(&mut self, path: &str, item: &Node) -> Result<(), LoadError> {
        let name = name_of(path, item, "list")?;
        check_keys(
            path,
            item,
            &["list", "items", "append", "override"],
            &mut self.warnings,
        );
        let items_node = item
            .get("items")
            .ok_or_else(|| err(path, item, format!("list `{name}` has no `items`")))?;
        let items = string_seq(path, items_node, "items")?;
        let mode = mode(path, item, "items", &["items"], &["items"])?;
        let origin = Origin {
            path: path.into(),
            line: item.line,
        };
        match mode {
            Mode::Append => {
                let Some(l) = self.lists.get_mut(&name) else {
                    return Err(err(
                        path,
                        item,
                        format!("list `{name}` is appended to but not defined before"),
                    ));
                };
                l.items.extend(items);
            }
            Mode::Define | Mode::Replace => {
                if mode == Mode::Replace && !self.lists.contains_key(&name) {
                    return Err(err(
                        path,
                        item,
                        format!("list `{name}` is overridden but not defined before"),
                    ));
                }
                self.lists.insert(name, ListDef { items, origin });
            }
        }
        Ok(())
    }

    fn macro_(&mut self, path: &str, item: &Node) -> Result<(), LoadError> {
        let name = name_of(path, item, "macro")?;
        check_keys(
            path,
            item,
            &["macro", "condition", "append", "override"],
            &mut self.warnings,
        );
        let cond_node = item
            .get("condition")
            .ok_or_else(|| err(path, item, format!("macro `{name}` has no `condition`")))?;
        let condition = scalar(path, cond_node, "condition")?;
        let mode = mode(path, item, "condition", &["condition"], &["condition"])?;
        match mode {
            Mode::Append => {
                let Some(m) = self.macros.get_mut(&name) else {
                    return Err(err(
                        path,
                        item,
                        format!("macro `{name}` is appended to but not defined before"),
                    ));
                };
                m.condition = format!("{} {}", m.condition, condition);
            }
            Mode::Define | Mode::Replace => {
                if mode == Mode::Replace && !self.macros.contains_key(&name) {
                    return Err(err(
                        path,
                        item,
                        format!("macro `{name}` is overridden but not defined before"),
                    ));
                }
                self.macros.insert(
                    name,
                    MacroEntry {
                        condition,
                        condition_line: cond_node.line,
                        origin: Origin {
                            path: path.into(),
                            line: item.line,
                        },
                    },
                );
            }
        }
        Ok(())
    }

    fn rule(&mut self, path: &str, item: &Node) -> Result<(), LoadError> {
        let name = name_of(path, item, "rule")?;
        check_keys(
            path,
            item,
            &[
                "rule",
                "desc",
                "condition",
                "output",
                "priority",
                "enabled",
                "tags",
                "exceptions",
                "source",
                "append",
                "override",
                "warn_evttypes",
                "skip-if-unknown-filter",
                "capture",
                "capture_duration",
            ],
            &mut self.warnings,
        );
        let legacy_append = match item.get("append") {
            Some(a) => bool_of(path, a, "append")?,
            None => false,
        };
        let overrides = overrides(path, item)?;
        let existing = self.rules.iter().position(|r| r.name == name);

        if let Some(ov) = overrides {
            let Some(i) = existing else {
                return Err(err(
                    path,
                    item,
                    format!("rule `{name}` is overridden but not defined before"),
                ));
            };
            const APPENDABLE: [&str; 5] = ["condition", "output", "desc", "tags", "exceptions"];
            const REPLACEABLE: [&str; 9] = [
                "condition",
                "output",
                "desc",
                "priority",
                "tags",
                "exceptions",
                "enabled",
                "warn_evttypes",
                "skip-if-unknown-filter",
            ];
            for (key, how, node) in &ov {
                let allowed: &[&str] = if how == "append" {
                    &APPENDABLE
                } else {
                    &REPLACEABLE
                };
                if !allowed.contains(&key.as_str()) {
                    return Err(err(
                        path,
                        node,
                        format!("`{key}` cannot be overridden with `{how}`"),
                    ));
                }
                if item.get(key).is_none() {
                    return Err(err(
                        path,
                        node,
                        format!("override of `{key}` but the entry has no `{key}`"),
                    ));
                }
            }
            let mut r = self.rules[i].clone();
            for (key, how, _) in &ov {
                let v = item.get(key).unwrap();
                let append = how == "append";
                apply_rule_key(path, &mut r, key, v, append)?;
            }
            self.rules[i] = r;
            return Ok(());
        }

        if legacy_append {
            let Some(i) = existing else {
                return Err(err(
                    path,
                    item,
                    format!("rule `{name}` is appended to but not defined before"),
                ));
            };
            let mut r = self.rules[i].clone();
            for key in ["condition", "output", "desc", "tags", "exceptions"] {
                if let Some(v) = item.get(key) {
                    apply_rule_key(path, &mut r, key, v, true)?;
                }
            }
            self.rules[i] = r;
            return Ok(());
        }

        // `- rule: X` with only `enabled`: switch an existing rule on or off.
        let only_enabled = item.get("enabled").is_some()
            && item.get("condition").is_none()
            && item.get("output").is_none();
        if only_enabled {
            let Some(i) = existing else {
                return Err(err(
                    path,
                    item,
                    format!("rule `{name}` sets `enabled` but is not defined before"),
                ));
            };
            let v = item.get("enabled").unwrap();
            self.rules[i].enabled = bool_of(path, v, "enabled")?;
            return Ok(());
        }

        let need = |k: &str| -> Result<&Node, LoadError> {
            item.get(k)
                .ok_or_else(|| err(path, item, format!("rule `{name}` has no `{k}`")))
        };
        let cond_node = need("condition")?;
        let condition = scalar(path, cond_node, "condition")?;
        let output = scalar(path, need("output")?, "output")?;
        let desc = scalar(path, need("desc")?, "desc")?;
        let pnode = need("priority")?;
        let ptext = scalar(path, pnode, "priority")?;
        let priority = Priority::parse(&ptext)
            .ok_or_else(|| err(path, pnode, format!("invalid priority `{ptext}`")))?;
        let mut r = RuleEntry {
            name: name.clone(),
            desc,
            condition,
            condition_line: cond_node.line,
            output,
            priority,
            enabled: true,
            tags: Vec::new(),
            exceptions: Vec::new(),
            source: "syscall".into(),
            warn_evttypes: true,
            skip_if_unknown_filter: false,
            origin: Origin {
                path: path.into(),
                line: item.line,
            },
        };
        for key in [
            "enabled",
            "tags",
            "exceptions",
            "warn_evttypes",
            "skip-if-unknown-filter",
        ] {
            if let Some(v) = item.get(key) {
                apply_rule_key(path, &mut r, key, v, false)?;
            }
        }
        if let Some(v) = item.get("source") {
            r.source = scalar(path, v, "source")?;
        }
        match existing {
            Some(i) => self.rules[i] = r,
            None => self.rules.push(r),
        }
        Ok(())
    }
}

fn apply_rule_key(
    path: &str,
    r: &mut RuleEntry,
    key: &str,
    v: &Node,
    append: bool,
) -> Result<(), LoadError> {
    match key {
        "condition" => {
            let c = scalar(path, v, key)?;
            r.condition = if append {
                format!("{} {}", r.condition, c)
            } else {
                c
            };
        }
        "output" => {
            let c = scalar(path, v, key)?;
            r.output = if append {
                format!("{} {}", r.output, c)
            } else {
                c
            };
        }
        "desc" => {
            let c = scalar(path, v, key)?;
            r.desc = if append {
                format!("{} {}", r.desc, c)
            } else {
                c
            };
        }
        "priority" => {
            let t = scalar(path, v, key)?;
            r.priority = Priority::parse(&t)
                .ok_or_else(|| err(path, v, format!("invalid priority `{t}`")))?;
        }
        "enabled" => r.enabled = bool_of(path, v, key)?,
        "warn_evttypes" => r.warn_evttypes = bool_of(path, v, key)?,
        "skip-if-unknown-filter" => r.skip_if_unknown_filter = bool_of(path, v, key)?,
        "tags" => {
            let t = string_seq(path, v, key)?;
            if append {
                r.tags.extend(t);
            } else {
                r.tags = t;
            }
        }
        "exceptions" => {
            let exs = exceptions(path, v)?;
            if !append {
                r.exceptions = exs;
            } else {
                for e in exs {
                    match r.exceptions.iter_mut().find(|x| x.name == e.name) {
                        Some(x) => x.values.extend(e.values),
                        None => {
                            if matches!(&e.fields, ExFields::Tuple(f) if f.is_empty()) {
                                return Err(err(
                                    path,
                                    v,
                                    format!(
                                        "exception `{}` is appended to but not defined in the rule",
                                        e.name
                                    ),
                                ));
                            }
                            r.exceptions.push(e)
                        }
                    }
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn exceptions(path: &str, v: &Node) -> Result<Vec<Exception>, LoadError> {
    let Value::Seq(items) = &v.value else {
        return Err(err(path, v, "`exceptions` must be a sequence"));
    };
    let mut out: Vec<Exception> = Vec::new();
    for it in items {
        let name_node = it
            .get("name")
            .ok_or_else(|| err(path, it, "an exception needs a `name`"))?;
        let name = scalar(path, name_node, "name")?;
        if out.iter().any(|e| e.name == name) {
            return Err(err(
                path,
                name_node,
                format!("exception `{name}` defined twice"),
            ));
        }
        let fields = match it.get("fields") {
            None => ExFields::Tuple(Vec::new()),
            Some(f) => match &f.value {
                Value::Scalar { text, .. } => ExFields::Single(text.clone()),
                Value::Seq(_) => ExFields::Tuple(string_seq(path, f, "fields")?),
                Value::Map(_) => {
                    return Err(err(path, f, "`fields` must be a field or a list of fields"));
                }
            },
        };
        let nfields = match &fields {
            ExFields::Single(_) => 1,
            ExFields::Tuple(f) => f.len(),
        };
        let comps = match it.get("comps") {
            None => match &fields {
                ExFields::Single(_) => vec!["in".to_string()],
                ExFields::Tuple(f) => vec!["=".to_string(); f.len()],
            },
            Some(c) => match &c.value {
                Value::Scalar { text, .. } => vec![text.clone()],
                _ => string_seq(path, c, "comps")?,
            },
        };
        if comps.len() != nfields && nfields > 0 {
            return Err(err(
                path,
                it,
                format!(
                    "exception `{name}` has {nfields} fields but {} comps",
                    comps.len()
                ),
            ));
        }
        for c in &comps {
            if !VALID_COMPS.contains(&c.as_str()) {
                return Err(err(
                    path,
                    it,
                    format!("exception `{name}`: unknown comparison `{c}`"),
                ));
            }
        }
        let mut values = Vec::new();
        if let Some(vs) = it.get("values") {
            let Value::Seq(rows) = &vs.value else {
                return Err(err(path, vs, "`values` must be a sequence"));
            };
            match &fields {
                ExFields::Single(_) => {
                    // Values are the items of one list.
                    let mut row = Vec::new();
                    for r in rows {
                        row.push(ex_value(path, r)?);
                    }
                    if !row.is_empty() {
                        values.push(row);
                    }
                }
                ExFields::Tuple(_) => {
                    for r in rows {
                        let Value::Seq(cells) = &r.value else {
                            return Err(err(
                                path,
                                r,
                                "each exception value must be a tuple (a sequence)",
                            ));
                        };
                        if nfields > 0 && cells.len() != nfields {
                            return Err(err(
                                path,
                                r,
                                format!(
                                    "exception `{name}`: a value has {} items for {nfields} fields",
                                    cells.len()
                                ),
                            ));
                        }
                        values.push(
                            cells
                                .iter()
                                .map(|c| ex_value(path, c))
                                .collect::<Result<_, _>>()?,
                        );
                    }
                }
            }
        }
        out.push(Exception {
            name,
            fields,
            comps,
            values,
            line: it.line,
        });
    }
    Ok(out)
}

const VALID_COMPS: [&str; 18] = [
    "=",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "contains",
    "icontains",
    "bcontains",
    "startswith",
    "bstartswith",
    "endswith",
    "glob",
    "iglob",
    "pmatch",
    "in",
    "intersects",
    "regex",
];

fn ex_value(path: &str, n: &Node) -> Result<ExValue, LoadError> {
    match &n.value {
        Value::Scalar { text, .. } => Ok(ExValue::Scalar(text.clone())),
        Value::Seq(_) => Ok(ExValue::List(string_seq(path, n, "values")?)),
        Value::Map(_) => Err(err(
            path,
            n,
            "an exception value must be a scalar or a list",
        )),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Define,
    Append,
    Replace,
}

/// How a list or macro entry changes an existing one.
fn mode(
    path: &str,
    item: &Node,
    key: &str,
    appendable: &[&str],
    replaceable: &[&str],
) -> Result<Mode, LoadError> {
    let legacy = match item.get("append") {
        Some(a) => bool_of(path, a, "append")?,
        None => false,
    };
    let Some(ov) = overrides(path, item)? else {
        return Ok(if legacy { Mode::Append } else { Mode::Define });
    };
    if legacy {
        return Err(err(
            path,
            item,
            "`append` and `override` cannot be used together",
        ));
    }
    let mut m = Mode::Define;
    for (k, how, node) in ov {
        let ok = if how == "append" {
            appendable.contains(&k.as_str())
        } else {
            replaceable.contains(&k.as_str())
        };
        if !ok {
            return Err(err(
                path,
                &node,
                format!("`{k}` cannot be overridden with `{how}`"),
            ));
        }
        if k == key {
            m = if how == "append" {
                Mode::Append
            } else {
                Mode::Replace
            };
        }
    }
    Ok(m)
}

/// The `override` mapping: (key, "append"|"replace", node).
/// (key, `append` or `replace`, the node) of an `override` mapping.
type Overrides = Vec<(String, String, Node)>;

fn overrides(path: &str, item: &Node) -> Result<Option<Overrides>, LoadError> {
    let Some(ov) = item.get("override") else {
        return Ok(None);
    };
    let Value::Map(entries) = &ov.value else {
        return Err(err(
            path,
            ov,
            "`override` must be a mapping of key: append|replace",
        ));
    };
    let mut out = Vec::new();
    for (k, v) in entries {
        let key = k.as_str().unwrap_or("").to_string();
        let how = v.as_str().unwrap_or("");
        if how != "append" && how != "replace" {
            return Err(err(
                path,
                v,
                format!("override of `{key}` must be `append` or `replace`"),
            ));
        }
        out.push((key, how.to_string(), v.clone()));
    }
    Ok(Some(out))
}

fn check_keys(path: &str, item: &Node, known: &[&str], warnings: &mut Vec<Warning>) {
    if let Value::Map(entries) = &item.value {
        for (k, _) in entries {
            let key = k.as_str().unwrap_or("");
            if !known.contains(&key) {
                warnings.push(Warning {
                    path: path.into(),
                    line: k.line,
                    message: format!("unknown key `{key}` ignored"),
                });
            }
        }
    }
}

fn name_of(path: &str, item: &Node, key: &str) -> Result<String, LoadError> {
    let n = item.get(key).unwrap();
    match n.as_str() {
        Some(s) if !s.trim().is_empty() && !n.is_null() => Ok(s.to_string()),
        _ => Err(err(path, n, format!("`{key}` needs a name"))),
    }
}

fn scalar(path: &str, n: &Node, key: &str) -> Result<String, LoadError> {
    match &n.value {
        Value::Scalar { text, .. } => Ok(text.clone()),
        _ => Err(err(
            path,
            n,
            format!("`{key}` must be a string, not {}", n.kind()),
        )),
    }
}

fn bool_of(path: &str, n: &Node, key: &str) -> Result<bool, LoadError> {
    match n.as_str() {
        Some("true" | "True" | "TRUE") => Ok(true),
        Some("false" | "False" | "FALSE") => Ok(false),
        _ => Err(err(path, n, format!("`{key}` must be true or false"))),
    }
}

fn string_seq(path: &str, n: &Node, key: &str) -> Result<Vec<String>, LoadError> {
    if n.is_null() {
        return Ok(Vec::new());
    }
    let Value::Seq(items) = &n.value else {
        return Err(err(
            path,
            n,
            format!("`{key}` must be a sequence, not {}", n.kind()),
        ));
    };
    items
        .iter()
        .map(|i| match &i.value {
            // Quoted scalars that themselves contain quotes (`'"a b"'`) keep them; the
            // compiler strips one level, as Falco does.
            Value::Scalar { text, .. } => Ok(text.clone()),
            _ => Err(err(path, i, format!("items of `{key}` must be scalars"))),
        })
        .collect()
}

fn err(path: &str, n: &Node, message: impl Into<String>) -> LoadError {
    LoadError {
        path: path.into(),
        line: n.line,
        col: n.col,
        message: message.into(),
    }
}

/// `0.57.0`, `0.57`, or a bare number `N` (old style: `0.N.0`).
pub fn parse_version(s: &str) -> Option<(u64, u64, u64)> {
    let s = s.trim();
    if let Ok(n) = s.parse::<u64>() {
        return Some((0, n, 0));
    }
    let mut it = s.split('.');
    let a = it.next()?.parse().ok()?;
    let b = it.next().map_or(Some(0), |x| x.parse().ok())?;
    let c = it.next().map_or(Some(0), |x| x.parse().ok())?;
    if it.next().is_some() {
        return None;
    }
    Some((a, b, c))
}
