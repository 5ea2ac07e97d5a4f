//! `bulkhead rule CODE` and `bulkhead rules`: the rule registry as documentation.

use crate::cmd::registry;
use anyhow::Context;
use bulkhead_diagnostics::RuleMeta;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// Rule code (e.g. DF015), kebab-case name, or a peer tool's id (e.g. DL3002).
    code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// Aligned columns under a header.
    Table,
    /// `{"version": 1, "rules": [...]}`.
    Json,
    /// A Markdown table (what the README's rule tables are).
    Md,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
    /// Only rules these codes, prefixes, names or peer ids select (comma-separated,
    /// repeatable); rules that are off by default are listed too, marked `off`.
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    select: Vec<String>,
    /// Write the list to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<std::path::PathBuf>,
}

pub fn run_rule(args: RuleArgs) -> anyhow::Result<i32> {
    let matches: Vec<_> = registry::all()
        .into_iter()
        .filter(|r| r.matches_code(&args.code) || r.code.eq_ignore_ascii_case(&args.code))
        .collect();
    if matches.is_empty() {
        eprintln!("error: no rule `{}` (see `bulkhead rules`)", args.code);
        return Ok(2);
    }
    let mut out = std::io::stdout().lock();
    for (i, r) in matches.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "# {} {}", r.code, r.name)?;
        writeln!(out)?;
        writeln!(out, "{}", r.summary)?;
        writeln!(out)?;
        writeln!(
            out,
            "Severity: {}. Category: {}. Fix: {}. Enabled by default: {}.",
            r.severity,
            r.category.as_str(),
            match r.fix {
                bulkhead_diagnostics::FixKind::None => "none",
                bulkhead_diagnostics::FixKind::Safe => "safe",
                bulkhead_diagnostics::FixKind::Unsafe => "unsafe",
                bulkhead_diagnostics::FixKind::Sometimes => "sometimes safe",
            },
            if r.default_enabled { "yes" } else { "no" }
        )?;
        if !r.aliases.is_empty() {
            let a: Vec<String> = r
                .aliases
                .iter()
                .map(|a| format!("{} {}", a.tool, a.id))
                .collect();
            writeln!(out, "Equivalent to: {}.", a.join(", "))?;
        }
        writeln!(out)?;
        write!(out, "{}", r.docs)?;
        if !r.docs.ends_with('\n') {
            writeln!(out)?;
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(0)
}

pub fn run_rules(args: RulesArgs) -> anyhow::Result<i32> {
    let all = registry::all();
    crate::settings::check_selectors(&args.select, "--select", &all)?;
    let rules: Vec<&RuleMeta> = all
        .iter()
        .copied()
        .filter(|r| {
            args.select.is_empty()
                || args
                    .select
                    .iter()
                    .any(|s| s == "ALL" || r.matches_selector(s))
        })
        .collect();
    let mut buf = Vec::new();
    match args.format {
        ListFormat::Json => {
            let v = serde_json::json!({ "version": 1, "rules": rules });
            serde_json::to_writer_pretty(&mut buf, &v)?;
            writeln!(buf)?;
        }
        ListFormat::Table => write_table(&mut buf, &rules)?,
        ListFormat::Md => write_markdown(&mut buf, &rules)?,
    }
    match &args.output {
        Some(p) => crate::atomic::write_report(p, &buf)?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&buf)?;
            out.flush().context("writing to stdout")?;
        }
    }
    Ok(0)
}

fn fix_name(r: &RuleMeta) -> &'static str {
    match r.fix {
        bulkhead_diagnostics::FixKind::None => "-",
        bulkhead_diagnostics::FixKind::Safe => "safe",
        bulkhead_diagnostics::FixKind::Unsafe => "unsafe",
        bulkhead_diagnostics::FixKind::Sometimes => "sometimes",
    }
}

/// `CODE SEVERITY FIX DEFAULT NAME SUMMARY [ALIASES]`, columns aligned under a header.
fn write_table(out: &mut impl Write, rules: &[&RuleMeta]) -> std::io::Result<()> {
    let header = ["CODE", "SEVERITY", "FIX", "DEFAULT", "NAME"];
    let rows: Vec<[String; 5]> = rules
        .iter()
        .map(|r| {
            [
                r.code.to_string(),
                r.severity.to_string(),
                fix_name(r).to_string(),
                if r.default_enabled { "on" } else { "off" }.to_string(),
                r.name.to_string(),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.len());
        }
    }
    for (i, h) in header.iter().enumerate() {
        write!(out, "{h:<w$}  ", w = widths[i])?;
    }
    writeln!(out, "SUMMARY")?;
    for (r, row) in rules.iter().zip(&rows) {
        for (i, cell) in row.iter().enumerate() {
            write!(out, "{cell:<w$}  ", w = widths[i])?;
        }
        let aliases: Vec<&str> = r.aliases.iter().map(|a| a.id).collect();
        if aliases.is_empty() {
            writeln!(out, "{}", r.summary)?;
        } else {
            writeln!(out, "{} [{}]", r.summary, aliases.join(", "))?;
        }
    }
    let off = rules.iter().filter(|r| !r.default_enabled).count();
    writeln!(
        out,
        "{} rules; {off} off by default (enable with --select CODE or --extend-select CODE).",
        rules.len()
    )
}

/// A Markdown table: code, name, severity, fix, default, aliases (tool and id).
fn write_markdown(out: &mut impl Write, rules: &[&RuleMeta]) -> std::io::Result<()> {
    writeln!(out, "| code | name | severity | fix | default | aliases |")?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for r in rules {
        let aliases: Vec<String> = r
            .aliases
            .iter()
            .map(|a| format!("{} `{}`", a.tool, a.id))
            .collect();
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            r.code,
            r.name,
            r.severity,
            match r.fix {
                bulkhead_diagnostics::FixKind::None => "—",
                _ => fix_name(r),
            },
            if r.default_enabled { "on" } else { "off" },
            aliases.join(", ")
        )?;
    }
    Ok(())
}
