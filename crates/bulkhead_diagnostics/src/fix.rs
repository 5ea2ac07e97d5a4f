//! Fixes: text edits on the original bytes, marked safe or unsafe (ruff's Applicability).

use serde::Serialize;

/// Whether a fix may be applied with plain `--fix` (safe) or needs `--unsafe-fixes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Behaviour-preserving or obviously intended; applied by `--fix`.
    Safe,
    /// May change behaviour (e.g. switching to exec form, adding `USER`); opt-in.
    Unsafe,
}

/// Replace bytes `start..end` of the original text with `content`. An insertion has
/// `start == end`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub content: String,
}

impl Edit {
    pub fn replace(start: usize, end: usize, content: impl Into<String>) -> Self {
        Edit {
            start,
            end,
            content: content.into(),
        }
    }
    pub fn insert(at: usize, content: impl Into<String>) -> Self {
        Edit::replace(at, at, content)
    }
    pub fn delete(start: usize, end: usize) -> Self {
        Edit::replace(start, end, "")
    }
}

/// A fix: one or more edits that must be applied together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does, e.g. "Add `--no-install-recommends`".
    pub message: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            message: message.into(),
            applicability: Applicability::Safe,
            edits,
        }
    }
    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            message: message.into(),
            applicability: Applicability::Unsafe,
            edits,
        }
    }
}

/// Result of applying fixes to one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixOutcome {
    pub text: String,
    /// Fixes applied.
    pub applied: usize,
    /// Fixes skipped because they overlapped an earlier one (apply again to pick them up).
    pub deferred: usize,
}

/// Apply whole fixes to `text`, earliest first. A fix whose edits overlap an already accepted
/// edit, or that is out of bounds or not on a character boundary, is deferred; callers loop
/// (re-check, re-fix) until nothing changes, as ruff does.
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> FixOutcome {
    let mut fixes: Vec<&Fix> = fixes.into_iter().collect();
    fixes.sort_by_key(|f| {
        f.edits
            .iter()
            .map(|e| (e.start, e.end))
            .min()
            .unwrap_or((usize::MAX, usize::MAX))
    });
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    let mut deferred = 0;
    'fixes: for fix in fixes {
        let mut edits: Vec<&Edit> = fix.edits.iter().collect();
        edits.sort();
        for (i, e) in edits.iter().enumerate() {
            let in_bounds = e.start <= e.end
                && e.end <= text.len()
                && text.is_char_boundary(e.start)
                && text.is_char_boundary(e.end);
            let self_overlap = i > 0 && overlaps(edits[i - 1], e);
            if !in_bounds || self_overlap || accepted.iter().any(|a| overlaps(a, e)) {
                deferred += 1;
                continue 'fixes;
            }
        }
        accepted.extend(edits);
        applied += 1;
    }
    accepted.sort();
    let mut out = String::with_capacity(text.len() + 64);
    let mut pos = 0;
    for e in accepted {
        out.push_str(&text[pos..e.start]);
        out.push_str(&e.content);
        pos = e.end;
    }
    out.push_str(&text[pos..]);
    FixOutcome {
        text: out,
        applied,
        deferred,
    }
}

/// What [`fix_until_stable`] did to one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixLoop {
    /// The text after the last round; `None` when no fix changed anything.
    pub fixed: Option<String>,
    /// Fixes applied over all rounds.
    pub applied: usize,
    /// Rounds that changed the text.
    pub rounds: usize,
    /// False when `max_rounds` was reached while fixes still changed the text (two fixes that
    /// keep rewriting each other).
    pub converged: bool,
}

/// The one fix loop (ruff's): check the current text, apply the fixes the check offers,
/// repeat until a round offers none or changes nothing, at most `max_rounds` times. `round`
/// checks one text and returns the fixes to apply (already filtered: selected rules, wanted
/// applicability, suppressed findings left out); it is called once more on the final text,
/// so a caller can keep that last check's findings.
pub fn fix_until_stable(
    text: &str,
    max_rounds: usize,
    mut round: impl FnMut(&str) -> Vec<Fix>,
) -> FixLoop {
    let mut out = FixLoop {
        fixed: None,
        applied: 0,
        rounds: 0,
        converged: true,
    };
    loop {
        let current = out.fixed.as_deref().unwrap_or(text);
        let fixes = round(current);
        if fixes.is_empty() {
            return out;
        }
        if out.rounds >= max_rounds {
            out.converged = false;
            return out;
        }
        let next = apply_fixes(current, &fixes);
        if next.applied == 0 || next.text == current {
            return out;
        }
        out.applied += next.applied;
        out.rounds += 1;
        out.fixed = Some(next.text);
    }
}

/// Two edits conflict when their ranges intersect, or when both insert at the same point
/// (their order would be ambiguous).
fn overlaps(a: &Edit, b: &Edit) -> bool {
    if a.start == a.end && b.start == b.end {
        return a.start == b.start;
    }
    a.start < b.end && b.start < a.end
        || (a.start == a.end && a.start > b.start && a.start < b.end)
        || (b.start == b.end && b.start > a.start && b.start < a.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_non_overlapping_and_defers_overlaps() {
        let text = "RUN apt-get install curl\n";
        let f1 = Fix::safe("y", vec![Edit::insert(19, " -y")]);
        let f2 = Fix::safe("nir", vec![Edit::insert(19, " --no-install-recommends")]);
        let f3 = Fix::safe("cmd", vec![Edit::replace(0, 3, "RUN")]);
        let out = apply_fixes(text, [&f1, &f2, &f3]);
        assert_eq!(out.text, "RUN apt-get install -y curl\n");
        assert_eq!(out.applied, 2);
        assert_eq!(out.deferred, 1);
    }

    #[test]
    fn fix_loop_repeats_until_stable_and_checks_the_final_text() {
        // Each round offers one insertion until the text holds three `!`.
        let mut seen = Vec::new();
        let out = fix_until_stable("a", 10, |t| {
            seen.push(t.to_string());
            if t.len() < 4 {
                vec![Fix::safe("bang", vec![Edit::insert(t.len(), "!")])]
            } else {
                Vec::new()
            }
        });
        assert_eq!(out.fixed.as_deref(), Some("a!!!"));
        assert_eq!((out.applied, out.rounds, out.converged), (3, 3, true));
        assert_eq!(seen, ["a", "a!", "a!!", "a!!!"]);
        // Two fixes that undo each other stop at the bound and say so.
        let out = fix_until_stable("x", 4, |t| {
            let to = if t == "x" { "y" } else { "x" };
            vec![Fix::safe("flip", vec![Edit::replace(0, 1, to)])]
        });
        assert_eq!((out.rounds, out.converged), (4, false));
        // Nothing to fix: no text.
        let out = fix_until_stable("x", 4, |_| Vec::new());
        assert_eq!(out.fixed, None);
    }

    #[test]
    fn rejects_out_of_bounds() {
        let f = Fix::safe("x", vec![Edit::replace(5, 50, "")]);
        let out = apply_fixes("abc", [&f]);
        assert_eq!(out.text, "abc");
        assert_eq!(out.deferred, 1);
    }

    #[test]
    fn multi_edit_fix_is_atomic() {
        let text = "abcdef";
        let a = Fix::safe("a", vec![Edit::replace(1, 3, "X")]);
        let b = Fix::safe("b", vec![Edit::insert(0, "<"), Edit::replace(2, 4, "Y")]);
        let out = apply_fixes(text, [&a, &b]);
        // b starts first (offset 0) and is accepted; a overlaps it and is deferred whole.
        assert_eq!(out.text, "<abYef");
        assert_eq!((out.applied, out.deferred), (1, 1));
    }
}
