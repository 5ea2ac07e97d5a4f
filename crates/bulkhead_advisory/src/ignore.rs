//! Ignore rules: `[scan] ignore` entries of bulkhead.toml and `.trivyignore` lines, each an
//! advisory id or alias with a reason and an optional last day. Expired rules stop applying;
//! rules that matched nothing are reported as unused.

use crate::matcher::Finding;
use serde::Serialize;

/// A calendar day: jiff's civil date, the one date type of the workspace (bulkhead.toml's
/// `until` is one too). Serialises as `YYYY-MM-DD`.
pub type Day = jiff::civil::Date;

/// Parse `YYYY-MM-DD` (`.trivyignore`'s `exp:`; unpadded month and day accepted, as Trivy
/// reads them); `None` unless it names a real day (`2024-02-30` is none).
pub fn parse_day(s: &str) -> Option<Day> {
    let mut it = s.trim().splitn(3, '-');
    let year: i16 = it.next()?.parse().ok()?;
    let month: i8 = it.next()?.parse().ok()?;
    let day: i8 = it.next()?.parse().ok()?;
    Day::new(year, month, day).ok()
}

/// The UTC day of a time.
pub fn day_of(t: jiff::Timestamp) -> Day {
    jiff::tz::Offset::UTC.to_datetime(t).date()
}

/// Today, UTC.
pub fn today() -> Day {
    day_of(jiff::Timestamp::now())
}

/// One ignore rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IgnoreRule {
    /// Advisory id or any alias.
    pub id: String,
    pub reason: String,
    /// Last day the rule applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Day>,
    /// Where the rule was written (`bulkhead.toml`, `.trivyignore:3`).
    pub origin: String,
}

/// Rules from a `.trivyignore` file: one id per line, `#` comments, an optional
/// `exp:YYYY-MM-DD`. Returns the rules and the lines that could not be read (which are not
/// rules: an ignore whose expiry is unreadable would never expire).
pub fn parse_trivyignore(text: &str, origin: &str) -> (Vec<IgnoreRule>, Vec<String>) {
    let mut rules = Vec::new();
    let mut bad = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let (line, comment) = match raw.split_once('#') {
            Some((l, c)) => (l.trim(), c.trim()),
            None => (raw.trim(), ""),
        };
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace();
        let id = parts.next().unwrap_or_default().to_string();
        let mut until = None;
        let mut readable = true;
        for p in parts {
            match p.strip_prefix("exp:").map(parse_day) {
                Some(Some(d)) => until = Some(d),
                _ => {
                    bad.push(format!("{origin}:{}: cannot read `{p}`", i + 1));
                    readable = false;
                }
            }
        }
        // Fail closed: a line whose expiry cannot be read ignores nothing (it would otherwise
        // never expire).
        if !readable {
            continue;
        }
        rules.push(IgnoreRule {
            id,
            reason: if comment.is_empty() {
                "listed in .trivyignore".to_string()
            } else {
                comment.to_string()
            },
            until,
            origin: format!("{origin}:{}", i + 1),
        });
    }
    (rules, bad)
}

/// A finding taken out of the report, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Suppressed {
    #[serde(flatten)]
    pub finding: Finding,
    /// `ignore` or `vex`.
    pub by: &'static str,
    /// The rule's origin, or the VEX document.
    pub origin: String,
    /// The ignore reason, or the VEX status and justification.
    pub reason: String,
}

/// The result of applying ignore rules.
#[derive(Debug, Default)]
pub struct Applied {
    pub kept: Vec<Finding>,
    pub suppressed: Vec<Suppressed>,
    /// Rules in force that matched no finding.
    pub unused: Vec<IgnoreRule>,
    /// Rules past their last day (they no longer apply).
    pub expired: Vec<IgnoreRule>,
}

/// Apply `rules` on `today`.
pub fn apply_ignores(findings: Vec<Finding>, rules: &[IgnoreRule], today: Day) -> Applied {
    let mut out = Applied::default();
    let (live, expired): (Vec<&IgnoreRule>, Vec<&IgnoreRule>) = rules
        .iter()
        .partition(|r| r.until.is_none_or(|u| today <= u));
    out.expired = expired.into_iter().cloned().collect();
    let mut used = vec![false; live.len()];
    for f in findings {
        let hit = live
            .iter()
            .position(|r| f.all_ids().any(|id| id.eq_ignore_ascii_case(&r.id)));
        match hit {
            Some(i) => {
                used[i] = true;
                out.suppressed.push(Suppressed {
                    finding: f,
                    by: "ignore",
                    origin: live[i].origin.clone(),
                    reason: live[i].reason.clone(),
                });
            }
            None => out.kept.push(f),
        }
    }
    out.unused = live
        .into_iter()
        .zip(used)
        .filter(|(_, u)| !u)
        .map(|(r, _)| r.clone())
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        let at = |s: i64| day_of(jiff::Timestamp::from_second(s).unwrap()).to_string();
        assert_eq!(at(0), "1970-01-01");
        assert_eq!(at(1_709_251_200), "2024-03-01");
        assert_eq!(at(1_709_251_199), "2024-02-29");
        assert_eq!(parse_day("2024-2-9").unwrap().to_string(), "2024-02-09");
        assert!(parse_day("2024-02-29").is_some());
        // Not a day: refused (it was accepted, any day up to 31 in any month).
        assert!(parse_day("2023-02-29").is_none());
        assert!(parse_day("2024-02-30").is_none());
        assert!(parse_day("2024-13-01").is_none());
        assert!(parse_day("2024-01").is_none());
        assert_eq!(
            serde_json::to_value(parse_day("2024-01-31")).unwrap(),
            "2024-01-31"
        );
    }

    #[test]
    fn trivyignore_lines() {
        let (rules, bad) = parse_trivyignore(
            "# accepted\nCVE-2023-1\nCVE-2023-2 exp:2024-01-31 # waiting for upstream\nGHSA-x exp:soon\n",
            ".trivyignore",
        );
        // The line whose expiry cannot be read is not an ignore.
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[1].until, parse_day("2024-01-31"));
        assert_eq!(rules[1].reason, "waiting for upstream");
        assert_eq!(rules[1].origin, ".trivyignore:3");
        assert_eq!(bad, [".trivyignore:4: cannot read `exp:soon`"]);
    }
}
