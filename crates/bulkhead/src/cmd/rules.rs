//! `bulkhead rule CODE` and `bulkhead rules`: the rule registry as documentation.

use crate::cmd::registry;
use anyhow::Context;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// Rule code (e.g. DF015), kebab-case name, or a peer tool's id (e.g. DL3002).
    code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
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
    let rules = registry::all();
    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Json => {
            let v = serde_json::json!({ "version": 1, "rules": rules });
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            for r in rules {
                let aliases: Vec<&str> = r.aliases.iter().map(|a| a.id).collect();
                writeln!(
                    out,
                    "{:<8} {:<8} {:<40} {}{}",
                    r.code,
                    r.severity,
                    r.name,
                    r.summary,
                    if aliases.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", aliases.join(", "))
                    }
                )?;
            }
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(0)
}
