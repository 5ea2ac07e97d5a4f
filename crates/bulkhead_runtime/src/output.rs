//! Alerts: output templates (`%field`, `%proc.aname[2]`, `%evt.arg.flags`), priorities, and
//! Falco's alert formats (the text line and the JSON object).
//!
//! Owns: rendering. The JSON shape is Falco's (`hostname`, `output`, `output_fields`,
//! `priority`, `rule`, `source`, `tags`, `time`); `output` starts with the event time and the
//! priority as Falco's does; missing values render as `<NA>` (text) and `null` (JSON).

use crate::eval::{Cx, Val, extract};
use crate::event::Event;
use crate::fields::{self, FieldRef};
use serde_json::{Map, Value};
use std::fmt::Write as _;

/// Alert priority, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    Emergency,
    Alert,
    Critical,
    Error,
    Warning,
    Notice,
    Informational,
    Debug,
}

impl Priority {
    /// Parse a priority as Falco does (case-insensitive; `info` for informational).
    pub fn parse(s: &str) -> Option<Priority> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "emergency" => Priority::Emergency,
            "alert" => Priority::Alert,
            "critical" => Priority::Critical,
            "error" => Priority::Error,
            "warning" => Priority::Warning,
            "notice" => Priority::Notice,
            "informational" | "info" => Priority::Informational,
            "debug" => Priority::Debug,
            _ => return None,
        })
    }

    /// As Falco prints it.
    pub fn name(self) -> &'static str {
        match self {
            Priority::Emergency => "Emergency",
            Priority::Alert => "Alert",
            Priority::Critical => "Critical",
            Priority::Error => "Error",
            Priority::Warning => "Warning",
            Priority::Notice => "Notice",
            Priority::Informational => "Informational",
            Priority::Debug => "Debug",
        }
    }
}

/// A compiled output template.
#[derive(Debug, Clone)]
pub struct Template {
    segs: Vec<Seg>,
}

#[derive(Debug, Clone)]
enum Seg {
    Lit(String),
    Field { f: FieldRef, text: String },
    Unknown(String),
}

impl Template {
    /// Compile `text`; returns the template and the unknown field names it mentions (they
    /// render as `<NA>`).
    pub fn compile(text: &str) -> (Template, Vec<String>) {
        let mut segs = Vec::new();
        let mut unknown = Vec::new();
        let b = text.as_bytes();
        let mut lit = String::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' {
                // `%%` is a literal percent.
                if b.get(i + 1) == Some(&b'%') {
                    lit.push('%');
                    i += 2;
                    continue;
                }
                let paren = b.get(i + 1) == Some(&b'(');
                let mut j = i + 1 + usize::from(paren);
                let start = j;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'_' | b'.')) {
                    j += 1;
                }
                let mut name = &text[start..j];
                // A trailing dot is punctuation, not part of the field.
                while name.ends_with('.') {
                    name = &name[..name.len() - 1];
                    j -= 1;
                }
                if name.is_empty() {
                    lit.push('%');
                    i += 1;
                    continue;
                }
                let mut bracket = None;
                if b.get(j) == Some(&b'[')
                    && let Some(k) = text[j..].find(']')
                {
                    bracket = Some(&text[j + 1..j + k]);
                    j += k + 1;
                }
                if paren && b.get(j) == Some(&b')') {
                    j += 1;
                }
                if !lit.is_empty() {
                    segs.push(Seg::Lit(std::mem::take(&mut lit)));
                }
                let full = match bracket {
                    Some(a) => format!("{name}[{a}]"),
                    None => name.to_string(),
                };
                match fields::resolve(name, bracket) {
                    Ok(f) => segs.push(Seg::Field { f, text: full }),
                    Err(_) => {
                        unknown.push(full.clone());
                        segs.push(Seg::Unknown(full));
                    }
                }
                i = j;
                continue;
            }
            let ch_len = text[i..].chars().next().map_or(1, char::len_utf8);
            lit.push_str(&text[i..i + ch_len]);
            i += ch_len;
        }
        if !lit.is_empty() {
            segs.push(Seg::Lit(lit));
        }
        (Template { segs }, unknown)
    }

    /// Render against an event: the text and the fields (name -> JSON value), in template
    /// order.
    pub fn render(&self, ev: &Event, cx: &Cx) -> (String, Vec<(String, Value)>) {
        let mut out = String::new();
        let mut fields = Vec::new();
        for s in &self.segs {
            match s {
                Seg::Lit(l) => out.push_str(l),
                Seg::Field { f, text } => {
                    let v = extract(f.id, &f.arg, ev, cx);
                    let json = match &v {
                        None => Value::Null,
                        Some(Val::S(s)) => Value::String(s.to_string()),
                        Some(Val::I(i)) => Value::from(*i),
                        Some(Val::B(b)) => Value::Bool(*b),
                        Some(Val::Ip(ip)) => Value::String(ip.to_string()),
                    };
                    match &v {
                        None => out.push_str("<NA>"),
                        Some(Val::S(s)) => out.push_str(s),
                        Some(Val::I(i)) => {
                            let _ = write!(out, "{i}");
                        }
                        Some(Val::B(b)) => out.push_str(if *b { "true" } else { "false" }),
                        Some(Val::Ip(ip)) => {
                            let _ = write!(out, "{ip}");
                        }
                    }
                    fields.push((text.clone(), json));
                }
                Seg::Unknown(name) => {
                    out.push_str("<NA>");
                    fields.push((name.clone(), Value::Null));
                }
            }
        }
        (out, fields)
    }
}

/// One alert.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    /// Event time, ns since the epoch.
    pub time: u64,
    /// Rule name.
    pub rule: String,
    /// Priority.
    pub priority: Priority,
    /// Event source (`syscall`).
    pub source: String,
    /// Rule tags.
    pub tags: Vec<String>,
    /// Rendered output (without the time/priority prefix).
    pub message: String,
    /// Output fields, sorted by name.
    pub output_fields: Vec<(String, Value)>,
    /// Host name.
    pub hostname: String,
}

impl Alert {
    /// Falco's text line: `HH:MM:SS.nnnnnnnnn: Priority message`.
    pub fn to_text(&self) -> String {
        format!(
            "{}: {} {}",
            format_time(self.time),
            self.priority.name(),
            self.message
        )
    }

    /// Falco's JSON object (one line).
    pub fn to_json(&self) -> String {
        let mut fields = Map::new();
        for (k, v) in &self.output_fields {
            fields.insert(k.clone(), v.clone());
        }
        let mut tags = self.tags.clone();
        tags.sort();
        tags.dedup();
        let mut m = Map::new();
        m.insert("hostname".into(), Value::String(self.hostname.clone()));
        m.insert("output".into(), Value::String(self.to_text()));
        m.insert("output_fields".into(), Value::Object(fields));
        m.insert(
            "priority".into(),
            Value::String(self.priority.name().into()),
        );
        m.insert("rule".into(), Value::String(self.rule.clone()));
        m.insert("source".into(), Value::String(self.source.clone()));
        m.insert(
            "tags".into(),
            Value::Array(tags.into_iter().map(Value::String).collect()),
        );
        m.insert("time".into(), Value::String(format_iso(self.time)));
        Value::Object(m).to_string()
    }
}

/// `HH:MM:SS.nnnnnnnnn` (UTC) of a time in ns since the epoch.
pub fn format_time(ns: u64) -> String {
    let secs = ns / 1_000_000_000;
    let frac = ns % 1_000_000_000;
    let day = secs % 86_400;
    format!(
        "{:02}:{:02}:{:02}.{:09}",
        day / 3600,
        (day / 60) % 60,
        day % 60,
        frac
    )
}

/// RFC 3339 UTC with nanoseconds.
pub fn format_iso(ns: u64) -> String {
    let secs = i64::try_from(ns / 1_000_000_000).unwrap_or(i64::MAX);
    let date = jiff::Timestamp::from_second(secs)
        .unwrap_or(jiff::Timestamp::MAX)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    format!(
        "{:04}-{:02}-{:02}T{}Z",
        date.year(),
        date.month(),
        date.day(),
        format_time(ns)
    )
}

/// `evt.args`: every argument as `name=value`, space separated.
pub fn render_args(ev: &Event) -> String {
    let mut s = String::new();
    for a in &ev.args {
        if !s.is_empty() {
            s.push(' ');
        }
        match &a.value {
            crate::event::ArgValue::Str(v) => {
                let _ = write!(s, "{}={}", a.name, v);
            }
            crate::event::ArgValue::Int(v) => {
                let _ = write!(s, "{}={}", a.name, v);
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(format_iso(0), "1970-01-01T00:00:00.000000000Z");
        assert_eq!(
            format_iso(1_796_455_085_123_456_789),
            "2026-12-05T07:18:05.123456789Z"
        );
    }

    #[test]
    fn template_fields() {
        let (t, unknown) =
            Template::compile("a %proc.name b=%proc.aname[2] %(user.name). %nope.x 100%%");
        assert_eq!(unknown, vec!["nope.x".to_string()]);
        let texts: Vec<String> = t
            .segs
            .iter()
            .map(|s| match s {
                Seg::Lit(l) => format!("L{l}"),
                Seg::Field { text, .. } => format!("F{text}"),
                Seg::Unknown(u) => format!("U{u}"),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "La ",
                "Fproc.name",
                "L b=",
                "Fproc.aname[2]",
                "L ",
                "Fuser.name",
                "L. ",
                "Unope.x",
                "L 100%"
            ]
        );
    }
}
