//! Suppression comments in Dockerfiles, ours and the peer tools' (so users can migrate):
//!
//! - `# bulkhead: ignore[DF012,DF040] reason` — the next instruction;
//! - `# bulkhead: ignore-stage[DF015] reason` — the stage the comment is in (or, before a
//!   `FROM`, the stage that `FROM` starts);
//! - `# bulkhead: ignore-file[DF001] reason` — the whole file;
//! - `# hadolint ignore=DL3008, DL3009` (next instruction), `# hadolint stage ignore=...`
//!   (the stage), `# hadolint global ignore=...` (file), parsed as strictly as hadolint
//!   parses them (a malformed list voids the pragma);
//! - `# trivy:ignore:DS002` / `# trivy:ignore:AVD-DS-0002` (next instruction);
//! - `# checkov:skip=CKV_DOCKER_3:reason` (file, as Checkov treats Dockerfiles as one
//!   resource for most checks).
//!
//! Matching against findings (and the unused report) is `bulkhead_diagnostics`' job.

use crate::rules::Ctx;
use bulkhead_diagnostics::rule::builtin::INVALID_SUPPRESSION;
use bulkhead_diagnostics::{Finding, Suppression, SuppressionScope};

/// A malformed `# bulkhead:` comment, reported as BH002.
pub fn invalid(ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in &ctx.df.comments {
        let t = c.text.trim();
        if let Some(rest) = t.strip_prefix("bulkhead:")
            && parse_ours(rest.trim()).is_none()
        {
            out.push(ctx.finding(
                &INVALID_SUPPRESSION,
                c.start,
                c.end,
                "Malformed suppression: use `# bulkhead: ignore[CODE] reason` (or ignore-stage / ignore-file)",
            ));
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Next,
    Stage,
    File,
}

fn parse_ours(rest: &str) -> Option<(Reach, Vec<String>, Option<String>)> {
    let (reach, rest) = if let Some(r) = rest.strip_prefix("ignore-file") {
        (Reach::File, r)
    } else if let Some(r) = rest.strip_prefix("ignore-stage") {
        (Reach::Stage, r)
    } else if let Some(r) = rest.strip_prefix("ignore") {
        (Reach::Next, r)
    } else {
        return None;
    };
    let rest = rest.trim_start().strip_prefix('[')?;
    let close = rest.find(']')?;
    let codes: Vec<String> = rest[..close]
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if codes.is_empty() {
        return None;
    }
    let reason = rest[close + 1..].trim();
    let reason = (!reason.is_empty()).then(|| reason.to_string());
    Some((reach, codes, reason))
}

/// A hadolint pragma, read exactly as hadolint reads it so that migrated files behave the
/// same: `hadolint [global |stage ]ignore=ID[, ID]...`, blanks allowed around `=` and `,`,
/// ids made of the letters `D L S C` and digits, nothing after them but a `# comment`.
/// Anything else (`ignore=crazy,DL3002`, `ignore=DL3008 because`) makes the whole pragma void,
/// as in hadolint. `stage` reaches the rest of the stage (hadolint 2.12+).
fn parse_hadolint(text: &str) -> Option<(Reach, Vec<String>)> {
    let blank = |c: char| c == ' ' || c == '\t';
    let rest = text.trim_start_matches(blank).strip_prefix("hadolint")?;
    let after = rest.trim_start_matches(blank);
    if after.len() == rest.len() {
        return None;
    }
    let (reach, rest) = if let Some(r) = after.strip_prefix("global") {
        (Reach::File, r)
    } else if let Some(r) = after.strip_prefix("stage") {
        (Reach::Stage, r)
    } else {
        (Reach::Next, after)
    };
    let rest = if reach == Reach::Next {
        rest
    } else {
        let r = rest.trim_start_matches(blank);
        if r.len() == rest.len() {
            return None;
        }
        r
    };
    let rest = rest.strip_prefix("ignore")?.trim_start_matches(blank);
    let mut rest = rest.strip_prefix('=')?.trim_start_matches(blank);
    let mut codes = Vec::new();
    loop {
        let n = rest
            .find(|c: char| !matches!(c, 'D' | 'L' | 'S' | 'C' | '0'..='9'))
            .unwrap_or(rest.len());
        if n == 0 {
            return None;
        }
        codes.push(rest[..n].to_string());
        rest = rest[n..].trim_start_matches(blank);
        match rest.strip_prefix(',') {
            Some(r) => rest = r.trim_start_matches(blank),
            None => break,
        }
    }
    (rest.is_empty() || rest.starts_with('#')).then_some((reach, codes))
}

/// Trivy ids appear as `DS002`, `DS-0002` or `AVD-DS-0002`; our aliases use `DS-0002`.
fn trivy_id(s: &str) -> String {
    let s = s.trim().trim_start_matches("AVD-");
    if let Some(n) = s.strip_prefix("DS-") {
        return format!("DS-{n:0>4}");
    }
    if let Some(n) = s.strip_prefix("DS")
        && n.chars().all(|c| c.is_ascii_digit())
        && !n.is_empty()
    {
        return format!("DS-{n:0>4}");
    }
    s.to_string()
}

/// Every suppression comment of the file.
pub fn collect(ctx: &Ctx) -> Vec<Suppression> {
    let mut out = Vec::new();
    for c in &ctx.df.comments {
        let t = c.text.trim();
        let range = ctx.range(c.start, c.end);
        let mut push = |codes: Vec<String>, reason: Option<String>, reach: Reach, origin: &str| {
            let scope = match reach {
                Reach::File => SuppressionScope::File,
                Reach::Next => match next_instruction(ctx, c.start) {
                    Some(i) => {
                        let ins = &ctx.df.instructions[i];
                        SuppressionScope::Lines {
                            first: ins.line,
                            last: ins.end_line,
                        }
                    }
                    None => SuppressionScope::Lines {
                        first: c.line,
                        last: c.line,
                    },
                },
                Reach::Stage => stage_scope(ctx, c.start).unwrap_or(SuppressionScope::Lines {
                    first: c.line,
                    last: c.line,
                }),
            };
            out.push(Suppression {
                codes,
                reason,
                scope,
                range,
                origin: origin.to_string(),
            });
        };
        if let Some(rest) = t.strip_prefix("bulkhead:") {
            if let Some((reach, codes, reason)) = parse_ours(rest.trim()) {
                push(codes, reason, reach, "bulkhead");
            }
        } else if let Some((reach, codes)) = parse_hadolint(&c.text) {
            push(codes, None, reach, "hadolint");
        } else if let Some(rest) = t.strip_prefix("trivy:ignore:") {
            let id = rest.split_whitespace().next().unwrap_or("");
            if !id.is_empty() {
                push(vec![trivy_id(id)], None, Reach::Next, "trivy");
            }
        } else if let Some(rest) = t.strip_prefix("checkov:skip=") {
            let mut parts = rest.splitn(2, ':');
            let id = parts.next().unwrap_or("").trim();
            let reason = parts
                .next()
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty());
            if !id.is_empty() {
                push(vec![id.to_string()], reason, Reach::File, "checkov");
            }
        }
    }
    out
}

fn next_instruction(ctx: &Ctx, offset: usize) -> Option<usize> {
    let i = ctx
        .df
        .instructions
        .partition_point(|ins| ins.start < offset);
    // A comment inside an instruction's continuation applies to that instruction.
    if i > 0 && ctx.df.instructions[i - 1].full_end > offset {
        return Some(i - 1);
    }
    (i < ctx.df.instructions.len()).then_some(i)
}

fn stage_scope(ctx: &Ctx, offset: usize) -> Option<SuppressionScope> {
    let next = next_instruction(ctx, offset);
    let stage = match next {
        Some(i) if ctx.df.instructions[i].kind == crate::parse::Kind::From => ctx.model.stage_of[i],
        Some(i) if i > 0 => ctx.model.stage_of[i - 1].or(ctx.model.stage_of[i]),
        Some(i) => ctx.model.stage_of[i],
        None => ctx.model.stages.len().checked_sub(1),
    }?;
    let st = &ctx.model.stages[stage];
    let first = ctx.df.instructions[st.from].line;
    let last = ctx.df.instructions[st.end - 1].end_line;
    Some(SuppressionScope::Lines { first, last })
}

#[cfg(test)]
mod tests {
    use crate::{Settings, check};
    use bulkhead_diagnostics::{SuppressionScope, apply_suppressions};

    fn run(src: &str) -> (Vec<(String, u32)>, Vec<String>) {
        let out = check("Dockerfile", src, &Settings::default());
        let (kept, hidden) =
            apply_suppressions("Dockerfile", out.findings, &out.suppressions, &|_| true);
        (
            kept.iter()
                .map(|f| (f.rule.code.to_string(), f.range.unwrap().start.line))
                .collect(),
            hidden.iter().map(|f| f.rule.code.to_string()).collect(),
        )
    }

    #[test]
    fn next_instruction_stage_and_file() {
        let src = "# bulkhead: ignore-file[DF002] we track latest on purpose\nFROM debian:latest AS build\n# bulkhead: ignore[DF017] legacy script\nRUN sudo make\nFROM alpine:3.20\n# bulkhead: ignore-stage[DF015,DF016] reason\nUSER root\n";
        let (kept, hidden) = run(src);
        assert!(hidden.contains(&"DF002".to_string()));
        assert!(hidden.contains(&"DF017".to_string()));
        assert!(hidden.contains(&"DF015".to_string()));
        assert!(
            !kept
                .iter()
                .any(|(c, _)| c == "DF015" || c == "DF017" || c == "DF002")
        );
        // DF016 (no USER) does not fire: the stage has a USER, so that code is unused.
        assert!(kept.contains(&("BH001".to_string(), 6)));
    }

    #[test]
    fn peer_tool_comments() {
        let src = "FROM debian:12\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n# trivy:ignore:DS002\nUSER root\n#checkov:skip=CKV_DOCKER_2:no healthcheck\n";
        let out = check("Dockerfile", src, &Settings::default());
        let s = &out.suppressions;
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].origin, "hadolint");
        assert_eq!(s[0].scope, SuppressionScope::Lines { first: 3, last: 3 });
        assert_eq!(s[1].codes, vec!["DS-0002".to_string()]);
        assert_eq!(s[2].scope, SuppressionScope::File);
        assert_eq!(s[2].reason.as_deref(), Some("no healthcheck"));
        let (kept, hidden) = run(src);
        assert!(hidden.contains(&"DF038".to_string()));
        assert!(hidden.contains(&"DF040".to_string()));
        assert!(hidden.contains(&"DF015".to_string()));
        assert!(
            !kept
                .iter()
                .any(|(c, _)| c == "DF038" || c == "DF040" || c == "DF015")
        );
    }

    #[test]
    fn hadolint_pragma_forms() {
        let codes = |t: &str| super::parse_hadolint(t).map(|(_, c)| c);
        assert_eq!(
            codes(" hadolint ignore=DL3023, DL3021"),
            Some(vec!["DL3023".to_string(), "DL3021".to_string()])
        );
        assert_eq!(
            codes(" hadolint ignore = DL3023 ,DL3021 # why"),
            Some(vec!["DL3023".to_string(), "DL3021".to_string()])
        );
        assert_eq!(codes(" hadolint ignore=crazy,DL3002"), None);
        assert_eq!(codes(" hadolint ignore=DL3008 because"), None);
        assert_eq!(codes(" hadolintignore=DL3008"), None);
        assert_eq!(codes(" hadolint ignore="), None);
        assert_eq!(
            super::parse_hadolint(" hadolint stage ignore=DL3002").map(|(r, _)| r),
            Some(super::Reach::Stage)
        );
        assert_eq!(
            super::parse_hadolint(" hadolint global ignore=DL3002").map(|(r, _)| r),
            Some(super::Reach::File)
        );
        // End to end: a void pragma hides nothing; a stage pragma covers its stage only.
        let (kept, _) = run("FROM debian:12\n# hadolint ignore=crazy,DL3002\nUSER root\n");
        assert!(kept.contains(&("DF015".to_string(), 3)));
        let (kept, hidden) = run(
            "# hadolint stage ignore=DL3007\nFROM debian:latest AS a\nRUN true\nFROM debian:latest\n",
        );
        assert_eq!(hidden, vec!["DF002".to_string()]);
        assert!(kept.contains(&("DF002".to_string(), 4)));
    }

    #[test]
    fn malformed_is_reported() {
        let out = check(
            "Dockerfile",
            "FROM a:1\n# bulkhead: ignore[] nothing\nUSER 1\n",
            &Settings::default(),
        );
        assert!(out.findings.iter().any(|f| f.rule.code == "BH002"));
    }
}
