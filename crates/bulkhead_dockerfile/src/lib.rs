//! Dockerfile analysis for Bulkhead: a lossless, BuildKit-grade parser ([`parse`]), a POSIX
//! shell-word parser for `RUN` ([`shell`]), the semantic model of stages and variables
//! ([`model`]), the `DF` rules with their safe and unsafe fixes ([`rules`]) and the
//! suppression comments ([`suppress`]).
//!
//! The binary calls [`check`] once per file (and again after applying fixes); it filters the
//! findings by selection, applies the returned suppressions and renders. This crate prints
//! nothing and reads no file.

pub mod model;
pub mod parse;
pub mod rules;
pub mod shell;
pub mod suppress;

use bulkhead_diagnostics::{FileOutcome, InputError, LineIndex, RuleMeta};

pub use rules::RULES;

/// What the Dockerfile rules can be told.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    /// The stage that is built (`--target`), by alias or index; default: the last stage.
    pub target: Option<String>,
    /// Check `USER` in every stage, not only the final one (hadolint's behaviour).
    pub all_stages_user: bool,
    /// Registries `FROM` may use (DF004); empty means the rule has nothing to enforce.
    pub allowed_registries: Vec<String>,
    /// `.dockerignore` patterns of the build context, when the caller read them (DF034).
    pub dockerignore: Option<Vec<String>>,
    /// Labels every image must carry (DF081, label schema); empty disables the check.
    pub required_labels: Vec<String>,
}

/// Check one Dockerfile: parse it, run every rule (the caller filters by selection) and
/// collect the suppression comments. Syntax errors are returned as input errors with their
/// line and column; the rules still run on what parsed.
pub fn check(path: &str, text: &str, settings: &Settings) -> FileOutcome {
    let df = parse::parse(text);
    let index = LineIndex::new(text);
    let mut out = FileOutcome::default();
    for e in &df.errors {
        out.errors.push(InputError::new(
            path,
            Some(index.range(text, e.offset, e.end)),
            e.message.clone(),
        ));
    }
    let model = model::Model::build(&df, settings.target.as_deref());
    if model.unknown_target {
        out.errors.push(InputError::new(
            path,
            None,
            format!(
                "target stage `{}` not found",
                settings.target.as_deref().unwrap_or("")
            ),
        ));
    }
    // References Docker refuses to pull: BuildKit stops on them ("invalid reference format").
    for st in &model.stages {
        let Some(img) = st.image.as_deref() else {
            continue;
        };
        if st.parent.is_some() || st.is_scratch() || img.is_empty() {
            continue;
        }
        if let Some(why) = model::reference_problem(img) {
            let ins = &df.instructions[st.from];
            let img = match img.char_indices().nth(80) {
                Some((k, _)) => format!("{}...", &img[..k]),
                None => img.to_string(),
            };
            let (s, e) = st.image_lspan;
            out.errors.push(InputError::new(
                path,
                Some(index.range(text, ins.orig(s), ins.orig_end(e))),
                format!("`FROM {img}`: invalid reference format: {why}"),
            ));
        }
    }
    let ctx = rules::Ctx::new(path, text, &df, &model, settings, index);
    out.findings = rules::run_all(&ctx);
    out.findings.extend(suppress::invalid(&ctx));
    out.suppressions = suppress::collect(&ctx);
    out
}

/// The rule with this code, name or alias.
pub fn rule(code: &str) -> Option<&'static RuleMeta> {
    RULES.iter().copied().find(|r| r.matches_code(code))
}
