//! The image history rebuilt as a Dockerfile: each `created_by` (classic `/bin/sh -c #(nop)`,
//! classic `/bin/sh -c CMD`, BuildKit `RUN |N A=1 /bin/sh -c CMD # buildkit` and BuildKit's
//! other instructions) becomes one instruction, and the `DF` rules run on the result. Findings
//! point at the history entry and its layer; the base image's entries are marked as such, and
//! the earliest `ADD` (the base's root filesystem) is not a finding.
//!
//! Owns: the conversion, the base/user split, masking of secrets in the rebuilt text (code
//! frames never print a secret). Does not own: the DF rules (`bulkhead_dockerfile`).

use super::{AuditFinding, Ctx, HistoryRef, rules};
use bulkhead_diagnostics::Finding;
use bulkhead_dockerfile::rules::df021_secret_in_arg_env::looks_secret;
use bulkhead_image::ImageConfig;

/// DF rules that describe how a Dockerfile is written, not what the image holds; other rules
/// cover them for images (`IM001` user, `IM002` healthcheck, `IM007` shell form) or they
/// cannot be judged from history (stages, casing, consecutive `RUN`s are separate layers).
const NOT_FOR_HISTORY: &[&str] = &[
    "DF001", "DF002", "DF003", "DF004", "DF005", "DF006", "DF007", "DF008", "DF009", "DF010",
    "DF011", "DF012", "DF013", "DF014", "DF015", "DF016", "DF018", "DF032", "DF033", "DF034",
    "DF035", "DF036", "DF037", "DF062", "DF063", "DF064", "DF065", "DF066", "DF067", "DF068",
    "DF071", "DF072", "DF073", "DF074", "DF075", "DF078", "DF079", "DF081",
];

/// The outcome of the history check.
#[derive(Debug, Default)]
pub struct HistoryOutcome {
    pub findings: Vec<AuditFinding>,
    pub notes: Vec<String>,
    pub user_text: Option<String>,
    pub base_text: Option<String>,
}

/// The index of the base image's last history entry: going back from the last entry that
/// made a layer, the first empty `CMD` entry (a base image ends with its `CMD`).
pub fn base_end(cfg: &ImageConfig) -> Option<usize> {
    let h = &cfg.history;
    let mut seen_layer = false;
    for i in (0..h.len()).rev() {
        if !seen_layer {
            if h[i].empty_layer {
                continue;
            }
            seen_layer = true;
            continue;
        }
        if !h[i].empty_layer {
            continue;
        }
        let cb = h[i].created_by.as_deref().unwrap_or("");
        let inst = cb
            .trim()
            .strip_prefix("/bin/sh -c #(nop)")
            .map(str::trim_start)
            .unwrap_or(cb.trim());
        if inst.starts_with("CMD ") || inst.starts_with("CMD[") {
            return Some(i);
        }
    }
    None
}

/// A history line with every secret masked, and the values of secret-named `NAME=value`
/// pairs masked too (a code frame must never print a whole secret).
pub fn mask_line(line: &str) -> String {
    let masked = crate::secrets::mask_text(line);
    let mut out = String::with_capacity(masked.len());
    let mut rest = masked.as_str();
    // Mask `NAME=value` where NAME looks secret, value up to the next whitespace.
    while let Some(eq) = rest.find('=') {
        let (before, after) = rest.split_at(eq);
        let name_start = before
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
            .map(|i| i + 1)
            .unwrap_or(0);
        let name = &before[name_start..];
        let value_len = after[1..]
            .find(char::is_whitespace)
            .unwrap_or(after.len() - 1);
        out.push_str(before);
        out.push('=');
        let value = &after[1..1 + value_len];
        if !name.is_empty() && looks_secret(name) && !value.is_empty() && !value.contains('*') {
            out.push_str(&crate::secrets::mask(
                value.trim_matches(['"', '\'']).as_bytes(),
            ));
        } else {
            out.push_str(value);
        }
        rest = &after[1 + value_len..];
    }
    out.push_str(rest);
    out
}

/// One `created_by` as Dockerfile lines (`ARG` lines for BuildKit's `|N` build arguments,
/// then the instruction), or why it is not an instruction. `Ok(empty)` for an entry with no
/// `created_by`.
pub fn to_instructions(created_by: &str) -> Result<Vec<String>, String> {
    let mut s = created_by.trim();
    for suffix in ["# buildkit", "#buildkit"] {
        if let Some(r) = s.strip_suffix(suffix) {
            s = r.trim_end();
        }
    }
    if s.is_empty() {
        return Ok(Vec::new());
    }
    if let Some(rest) = s.strip_prefix("/bin/sh -c #(nop)") {
        return Ok(vec![instruction(rest.trim())?]);
    }
    if s.starts_with("/bin/sh -c ") || s.starts_with('|') {
        return run_form(s);
    }
    let word = s.split_whitespace().next().unwrap_or("");
    if word == "RUN" {
        return run_form(s[3..].trim_start());
    }
    if bulkhead_dockerfile::parse::Kind::from_keyword(word).is_some() {
        return Ok(vec![instruction(s)?]);
    }
    Err(format!(
        "`{}` is not a Dockerfile instruction",
        truncate(&mask_line(s), 80)
    ))
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let t: String = s.chars().take(n).collect();
        format!("{t}…")
    }
}

/// `|2 A=1 B=2 /bin/sh -c cmd`, `/bin/sh -c cmd`, or a plain command (exec form kept).
fn run_form(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut rest = s;
    if let Some(r) = rest.strip_prefix('|') {
        let (n, after) = r.split_once(' ').unwrap_or((r, ""));
        let n: usize = n
            .parse()
            .map_err(|_| format!("`|{n}` is not a BuildKit argument count"))?;
        let mut after = after;
        for _ in 0..n {
            let (arg, more) = after.split_once(' ').unwrap_or((after, ""));
            if !arg.contains('=') {
                return Err(format!(
                    "BuildKit argument `{}` has no value",
                    truncate(&mask_line(arg), 40)
                ));
            }
            out.push(format!("ARG {arg}"));
            after = more;
        }
        rest = after;
    }
    let cmd = rest
        .strip_prefix("/bin/sh -c ")
        .or_else(|| rest.strip_prefix("/bin/sh -c"))
        .unwrap_or(rest)
        .trim();
    if cmd.is_empty() {
        return Err("`RUN` without a command".into());
    }
    out.push(format!("RUN {}", continuation(cmd)));
    Ok(out)
}

/// Newlines inside one instruction become line continuations.
fn continuation(s: &str) -> String {
    s.replace('\n', " \\\n")
}

/// A classic `#(nop)` or BuildKit metadata instruction in Dockerfile syntax.
fn instruction(s: &str) -> Result<String, String> {
    let (word, rest) = s.split_once(char::is_whitespace).unwrap_or((s, ""));
    let rest = rest.trim();
    let kind = bulkhead_dockerfile::parse::Kind::from_keyword(word).ok_or_else(|| {
        format!(
            "`{}` is not a Dockerfile instruction",
            truncate(&mask_line(s), 80)
        )
    })?;
    use bulkhead_dockerfile::parse::Kind as K;
    Ok(match kind {
        K::Run => return run_form(rest).map(|v| v.join("\n")),
        // `ADD file:0a1b… in /` (classic) and `ADD x y # buildkit`.
        K::Add | K::Copy => {
            let parts: Vec<&str> = rest.split_whitespace().collect();
            match parts.as_slice() {
                [src, "in", dest] => format!("{word} {src} {dest}"),
                _ => format!("{word} {}", continuation(rest)),
            }
        }
        // Docker prints `EXPOSE map[80/tcp:{} 443/tcp:{}]` and `EXPOSE 80/tcp`.
        K::Expose => {
            let ports: Vec<&str> = rest
                .trim_start_matches("map[")
                .trim_end_matches(']')
                .split_whitespace()
                .map(|p| p.trim_end_matches(":{}"))
                .collect();
            format!("EXPOSE {}", ports.join(" "))
        }
        // Docker prints arrays without commas: `CMD ["/bin/sh" "-c" "x"]`.
        K::Cmd | K::Entrypoint | K::Shell | K::Volume if rest.starts_with('[') => {
            format!("{word} {}", rest.replace("\" \"", "\", \""))
        }
        // `HEALTHCHECK &{["CMD-SHELL" "curl -f x"] "30s" …}`: only its presence and test matter.
        K::Healthcheck if rest.starts_with("&{") => {
            if rest.contains("[\"NONE\"]") {
                "HEALTHCHECK NONE".into()
            } else {
                let inner = rest
                    .split('[')
                    .nth(1)
                    .and_then(|r| r.split(']').next())
                    .unwrap_or("");
                let parts: Vec<&str> = inner.split('"').filter(|p| !p.trim().is_empty()).collect();
                match parts.as_slice() {
                    ["CMD-SHELL", cmd, ..] => format!("HEALTHCHECK CMD {cmd}"),
                    ["CMD", args @ ..] => format!(
                        "HEALTHCHECK CMD [{}]",
                        args.iter()
                            .map(|a| format!("\"{a}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    _ => "HEALTHCHECK CMD true".into(),
                }
            }
        }
        _ => format!("{word} {}", continuation(rest)),
    })
}

/// Rebuilds the Dockerfile and runs the DF rules on it.
pub fn check(ctx: &Ctx) -> HistoryOutcome {
    let mut out = HistoryOutcome::default();
    let Some(cfg) = ctx.config else {
        return out;
    };
    if cfg.history.is_empty() {
        return out;
    }
    let base_end = base_end(cfg);
    let user_path = format!("{} (history)", ctx.reference);
    let base_path = format!("{} (base image history)", ctx.reference);
    let path_of = |i: usize| {
        if base_end.is_some_and(|b| i <= b) {
            base_path.clone()
        } else {
            user_path.clone()
        }
    };
    // Line 1 is `FROM scratch`; `line_entry[k]` is the entry of line k+1.
    let mut text = String::from("FROM scratch\n");
    let mut line_entry: Vec<Option<usize>> = vec![None];
    let mut layer_of: Vec<Option<usize>> = Vec::with_capacity(cfg.history.len());
    let mut first_add: Option<usize> = None;
    let mut layer = 0usize;
    for (i, h) in cfg.history.iter().enumerate() {
        layer_of.push((!h.empty_layer).then_some(layer));
        if !h.empty_layer {
            layer += 1;
        }
        let Some(cb) = h.created_by.as_deref() else {
            continue;
        };
        match to_instructions(cb) {
            Ok(lines) => {
                for l in lines {
                    let l = mask_line(&l);
                    if first_add.is_none() && l.starts_with("ADD ") {
                        first_add = Some(i);
                    }
                    for sub in l.split('\n') {
                        text.push_str(sub);
                        text.push('\n');
                        line_entry.push(Some(i));
                    }
                }
            }
            Err(why) => {
                text.push_str(&format!("# history entry {}: not an instruction\n", i + 1));
                line_entry.push(Some(i));
                let mut f = AuditFinding::new(Finding::new(
                    &rules::im014_history_unparsable::META,
                    path_of(i),
                    Some(bulkhead_diagnostics::Range::line(
                        line_entry.len() as u32,
                        1,
                    )),
                    format!("history entry {} does not parse: {why}", i + 1),
                ));
                f.history = Some(HistoryRef {
                    index: i,
                    created_by: mask_line(cb),
                });
                f.layer = layer_of[i].and_then(|l| ctx.layer_refs.get(l).cloned());
                f.base = base_end.is_some_and(|b| i <= b);
                out.findings.push(f);
            }
        }
    }
    let outcome =
        bulkhead_dockerfile::check(&user_path, &text, &bulkhead_dockerfile::Settings::default());
    let entry_of_line = |line: u32| line_entry.get(line as usize - 1).copied().flatten();
    for e in outcome.errors {
        let Some(i) = e.range.and_then(|r| entry_of_line(r.start.line)) else {
            out.notes.push(format!("history: {}", e.message));
            continue;
        };
        let mut f = AuditFinding::new(Finding::new(
            &rules::im014_history_unparsable::META,
            path_of(i),
            e.range,
            format!("history entry {} does not parse: {}", i + 1, e.message),
        ));
        f.history = cfg.history[i].created_by.as_deref().map(|cb| HistoryRef {
            index: i,
            created_by: mask_line(cb),
        });
        f.layer = layer_of[i].and_then(|l| ctx.layer_refs.get(l).cloned());
        f.base = base_end.is_some_and(|b| i <= b);
        out.findings.push(f);
    }
    for mut finding in outcome.findings {
        if NOT_FOR_HISTORY.contains(&finding.rule.code) || finding.rule.code.starts_with("BH") {
            continue;
        }
        let Some(i) = finding.range.and_then(|r| entry_of_line(r.start.line)) else {
            continue;
        };
        // The earliest ADD is the base image's root filesystem.
        if finding.rule.code == "DF030" && first_add == Some(i) {
            continue;
        }
        finding.path = path_of(i);
        let mut f = AuditFinding::new(finding);
        f.history = cfg.history[i].created_by.as_deref().map(|cb| HistoryRef {
            index: i,
            created_by: mask_line(cb),
        });
        f.layer = layer_of[i].and_then(|l| ctx.layer_refs.get(l).cloned());
        f.base = base_end.is_some_and(|b| i <= b);
        out.findings.push(f);
    }
    out.user_text = Some(text.clone());
    out.base_text = base_end.map(|_| text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_and_buildkit_forms() {
        assert_eq!(
            to_instructions("/bin/sh -c #(nop) ADD file:3c4f in / ").unwrap(),
            ["ADD file:3c4f /"]
        );
        assert_eq!(
            to_instructions("/bin/sh -c #(nop)  CMD [\"/bin/sh\" \"-c\" \"x\"]").unwrap(),
            ["CMD [\"/bin/sh\", \"-c\", \"x\"]"]
        );
        assert_eq!(
            to_instructions("/bin/sh -c apt-get update").unwrap(),
            ["RUN apt-get update"]
        );
        assert_eq!(
            to_instructions("RUN |2 A=1 B=two /bin/sh -c make # buildkit").unwrap(),
            ["ARG A=1", "ARG B=two", "RUN make"]
        );
        assert_eq!(
            to_instructions("|1 V=3 /bin/sh -c echo $V").unwrap(),
            ["ARG V=3", "RUN echo $V"]
        );
        assert_eq!(
            to_instructions("EXPOSE map[22/tcp:{} 80/tcp:{}]").unwrap(),
            ["EXPOSE 22/tcp 80/tcp"]
        );
        assert_eq!(
            to_instructions("HEALTHCHECK &{[\"CMD-SHELL\" \"curl -f http://l/\"] \"30s\" \"3s\" \"0s\" \"0s\" '\\x03'}").unwrap(),
            ["HEALTHCHECK CMD curl -f http://l/"]
        );
        assert_eq!(
            to_instructions("COPY app /app # buildkit").unwrap(),
            ["COPY app /app"]
        );
        assert_eq!(to_instructions("").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn near_misses_are_reported_not_guessed() {
        assert!(to_instructions("umoci config").is_err());
        assert!(to_instructions("RUN |x A=1 /bin/sh -c make").is_err());
        assert!(to_instructions("RUN |2 A=1 /bin/sh -c make").is_err());
    }

    #[test]
    fn masking_of_history_lines() {
        assert_eq!(
            mask_line("ENV DB_PASSWORD=hunter2hunter2 HOME=/root"),
            "ENV DB_PASSWORD=hu************ HOME=/root"
        );
        assert_eq!(mask_line("ENV GPG_KEY=ABCDEF"), "ENV GPG_KEY=ABCDEF");
    }
}
