//! Ignore rules: `[scan] ignore` entries of bulkhead.toml and `.trivyignore` lines, each an
//! advisory id or alias with a reason and an optional last day. Expired rules stop applying;
//! rules that matched nothing are reported as unused.

use crate::matcher::Finding;
use serde::Serialize;
use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// Parse `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Day> {
        let mut it = s.trim().splitn(3, '-');
        let d = Day {
            year: it.next()?.parse().ok()?,
            month: it.next()?.parse().ok()?,
            day: it.next()?.parse().ok()?,
        };
        ((1..=12).contains(&d.month) && (1..=31).contains(&d.day)).then_some(d)
    }

    /// The UTC day of a Unix time (days-to-civil, Howard Hinnant's algorithm).
    pub fn from_unix(secs: u64) -> Day {
        let z = (secs / 86_400) as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    /// Today, UTC.
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Day::from_unix(secs)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
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
/// `exp:YYYY-MM-DD`. Returns the rules and the lines that could not be read.
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
        for p in parts {
            match p.strip_prefix("exp:").map(Day::parse) {
                Some(Some(d)) => until = Some(d),
                _ => bad.push(format!("{origin}:{}: cannot read `{p}`", i + 1)),
            }
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
        assert_eq!(Day::from_unix(0).to_string(), "1970-01-01");
        assert_eq!(Day::from_unix(1_709_251_200).to_string(), "2024-03-01");
        assert!(Day::parse("2024-02-30").is_some());
        assert!(Day::parse("2024-13-01").is_none());
    }

    #[test]
    fn trivyignore_lines() {
        let (rules, bad) = parse_trivyignore(
            "# accepted\nCVE-2023-1\nCVE-2023-2 exp:2024-01-31 # waiting for upstream\nGHSA-x exp:soon\n",
            ".trivyignore",
        );
        assert_eq!(rules.len(), 3);
        assert_eq!(rules[1].until, Day::parse("2024-01-31"));
        assert_eq!(rules[1].reason, "waiting for upstream");
        assert_eq!(rules[1].origin, ".trivyignore:3");
        assert_eq!(bad, [".trivyignore:4: cannot read `exp:soon`"]);
    }
}
