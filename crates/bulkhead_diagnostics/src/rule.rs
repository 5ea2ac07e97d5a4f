//! Rule metadata: what every rule of every engine declares once, in its own file.
//!
//! The binary assembles one ordered registry from the engines' `RULES` slices; `bulkhead rule
//! CODE`, the SARIF `rules` array and the generated docs all print the same [`RuleMeta::docs`].

use crate::Severity;
use serde::Serialize;
use std::fmt;

/// A peer tool whose rule ids we list as aliases, so users can map findings and migrate their
/// suppressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tool {
    Hadolint,
    Trivy,
    Checkov,
    Buildkit,
    Shellcheck,
    KubeScore,
    KubeLinter,
    Polaris,
    Kubesec,
    Dockle,
    /// gitleaks' default configuration rule ids (`aws-access-token`, `generic-api-key`, ...).
    Gitleaks,
    /// Pod Security Standards check id (`runAsNonRoot`, `hostNamespaces`, ...).
    Pss,
}

impl Tool {
    pub fn as_str(self) -> &'static str {
        match self {
            Tool::Hadolint => "hadolint",
            Tool::Trivy => "trivy",
            Tool::Checkov => "checkov",
            Tool::Buildkit => "buildkit",
            Tool::Shellcheck => "shellcheck",
            Tool::KubeScore => "kube-score",
            Tool::KubeLinter => "kube-linter",
            Tool::Polaris => "polaris",
            Tool::Kubesec => "kubesec",
            Tool::Dockle => "dockle",
            Tool::Gitleaks => "gitleaks",
            Tool::Pss => "pss",
        }
    }
}

impl fmt::Display for Tool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One equivalent id in a peer tool, e.g. `Alias::new(Tool::Hadolint, "DL3008")`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Alias {
    pub tool: Tool,
    pub id: &'static str,
}

impl Alias {
    pub const fn new(tool: Tool, id: &'static str) -> Self {
        Alias { tool, id }
    }
}

/// What a rule is about; used for grouping in `bulkhead rules` and SARIF tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Security,
    SupplyChain,
    Secrets,
    Reliability,
    Size,
    Style,
    Network,
    Suppression,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Security => "security",
            Category::SupplyChain => "supply-chain",
            Category::Secrets => "secrets",
            Category::Reliability => "reliability",
            Category::Size => "size",
            Category::Style => "style",
            Category::Network => "network",
            Category::Suppression => "suppression",
        }
    }
}

/// Whether a rule can fix what it finds, and how safely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    None,
    /// Every fix it offers is safe (`--fix`).
    Safe,
    /// Its fixes need `--unsafe-fixes`.
    Unsafe,
    /// Some findings get a safe fix and others an unsafe one.
    Sometimes,
}

/// The sections every rule's documentation must have, in this order.
pub const DOC_SECTIONS: [&str; 4] = [
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Fix safety",
];

/// Static description of one rule.
#[derive(Debug, Serialize)]
pub struct RuleMeta {
    /// Stable code, e.g. `DF012`. Uppercase letters then digits.
    pub code: &'static str,
    /// kebab-case name, e.g. `apt-get-no-install-recommends`.
    pub name: &'static str,
    /// One line, shown in listings and as SARIF `shortDescription`.
    pub summary: &'static str,
    pub severity: Severity,
    pub category: Category,
    pub aliases: &'static [Alias],
    pub fix: FixKind,
    /// Off unless selected (noisy or opinionated rules).
    pub default_enabled: bool,
    /// Markdown with the [`DOC_SECTIONS`].
    pub docs: &'static str,
}

impl RuleMeta {
    /// The documentation sections this rule is missing (empty when complete and ordered).
    pub fn missing_doc_sections(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        let mut last = 0usize;
        for section in DOC_SECTIONS {
            match self.docs[last..].find(section) {
                Some(i) => last += i + section.len(),
                None => missing.push(section),
            }
        }
        missing
    }

    /// Whether `selector` (a code, a code prefix such as `DF` or `DF01`, a kebab-case name,
    /// or an alias id such as `DL3008`) designates this rule.
    pub fn matches_selector(&self, selector: &str) -> bool {
        self.code.starts_with(selector)
            || self.name == selector
            || self.aliases.iter().any(|a| a.id == selector)
    }

    /// Whether a suppression naming `code` covers this rule: exact code, kebab name, or an
    /// alias id (so `# hadolint ignore=DL3008` works).
    pub fn matches_code(&self, code: &str) -> bool {
        self.code == code || self.name == code || self.aliases.iter().any(|a| a.id == code)
    }
}

/// Declare one rule's [`RuleMeta`] with its documentation built from the four
/// [`DOC_SECTIONS`], so no rule can forget one and every rule file reads the same way:
///
/// ```
/// bulkhead_diagnostics::declare_rule! {
///     /// Rule X001: one line for readers of the source.
///     pub static META = {
///         code: "X001",
///         name: "example-rule",
///         summary: "One line, shown in listings",
///         severity: Low,
///         category: Style,
///         aliases: [Hadolint: "DL0000"],
///         fix: None,
///         default_enabled: true,
///         what: "Reports an example. Long texts are wrapped with `\\` line \
///                continuations, which keep the string's bytes.",
///         why: "Examples are bad.",
///         example: "```yaml\nkey: value\n```",
///         fix_safety: "No automatic fix.",
///     }
/// }
/// assert!(META.docs.starts_with("## What it does\nReports an example."));
/// assert!(META.missing_doc_sections().is_empty());
/// ```
///
/// `severity`, `category`, `fix` and the alias tools are the variant names of [`crate::Severity`],
/// [`Category`], [`FixKind`] and [`Tool`]. Registries are plain slices
/// (`&[&a::META, &b::META]`): nothing to count by hand.
///
/// `const` instead of `static` declares the rule as a constant, from which a rule that knows,
/// finding by finding, which of its aliases apply builds narrowed copies with the same code
/// (`static LIMIT: RuleMeta = RuleMeta { aliases: &[..], ..BASE };`) and reports each finding
/// under the copy that matches it: renderers and suppressions then see only those aliases.
/// Registries list the full rule.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[$attr:meta])*
        $vis:vis const $ident:ident = { $($body:tt)* }
    ) => {
        $crate::declare_rule!(@item [$(#[$attr])*] [$vis] [const] $ident { $($body)* });
    };
    (
        $(#[$attr:meta])*
        $vis:vis static $ident:ident = { $($body:tt)* }
    ) => {
        $crate::declare_rule!(@item [$(#[$attr])*] [$vis] [static] $ident { $($body)* });
    };
    (
        @item [$($attr:tt)*] [$vis:vis] [$kw:tt] $ident:ident {
            code: $code:literal,
            name: $name:literal,
            summary: $summary:literal,
            severity: $sev:ident,
            category: $cat:ident,
            aliases: [$($tool:ident : $alias:literal),* $(,)?],
            fix: $fix:ident,
            default_enabled: $on:literal,
            what: $what:literal,
            why: $why:literal,
            example: $example:literal,
            fix_safety: $safety:literal $(,)?
        }
    ) => {
        $($attr)*
        $vis $kw $ident: $crate::RuleMeta = $crate::RuleMeta {
            code: $code,
            name: $name,
            summary: $summary,
            severity: $crate::Severity::$sev,
            category: $crate::Category::$cat,
            aliases: &[$($crate::Alias::new($crate::Tool::$tool, $alias)),*],
            fix: $crate::FixKind::$fix,
            default_enabled: $on,
            docs: concat!(
                "## What it does\n", $what, "\n\n",
                "## Why is this bad?\n", $why, "\n\n",
                "## Example\n", $example, "\n\n",
                "## Fix safety\n", $safety, "\n"
            ),
        };
    };
}

/// Which rules run, with one meaning everywhere (`check --select/--extend-select/--ignore`,
/// `[check]` of bulkhead.toml, `[admission.hardening]`): a selector enables a rule that is off
/// by default only when it names that rule exactly (code, name or alias) or is `ALL`; prefixes
/// enable the default rules under them; `ignore` wins over everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Replaces the default set when given.
    pub select: Option<Vec<String>>,
    /// Adds to the default (or selected) set.
    pub extend: Vec<String>,
    /// Removes from the result.
    pub ignore: Vec<String>,
}

impl Selection {
    /// Whether `rule` is enabled.
    pub fn is_enabled(&self, rule: &RuleMeta) -> bool {
        let hits = |sel: &str| -> bool {
            if sel == "ALL" {
                return true;
            }
            if rule.default_enabled {
                rule.matches_selector(sel)
            } else {
                rule.matches_code(sel)
            }
        };
        if self
            .ignore
            .iter()
            .any(|s| s == "ALL" || rule.matches_selector(s))
        {
            return false;
        }
        let base = match &self.select {
            Some(sel) => sel.iter().any(|s| hits(s)),
            None => rule.default_enabled,
        };
        base || self.extend.iter().any(|s| hits(s))
    }
}

/// Checks shared by every engine's registry tests: codes well-formed and unique, names
/// kebab-case and unique, docs complete. Returns a list of problems (empty = fine).
pub fn registry_problems(rules: &[&RuleMeta]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut codes = std::collections::HashSet::new();
    let mut names = std::collections::HashSet::new();
    for r in rules {
        let letters = r
            .code
            .chars()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        let digits = r.code[letters..].chars().all(|c| c.is_ascii_digit());
        if letters == 0 || letters == r.code.len() || !digits {
            problems.push(format!(
                "{}: code must be uppercase letters then digits",
                r.code
            ));
        }
        if !codes.insert(r.code) {
            problems.push(format!("{}: duplicate code", r.code));
        }
        if !names.insert(r.name) {
            problems.push(format!("{}: duplicate name {}", r.code, r.name));
        }
        let kebab = !r.name.is_empty()
            && r.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !r.name.starts_with('-')
            && !r.name.ends_with('-');
        if !kebab {
            problems.push(format!("{}: name `{}` is not kebab-case", r.code, r.name));
        }
        if r.summary.trim().is_empty() {
            problems.push(format!("{}: empty summary", r.code));
        }
        for s in r.missing_doc_sections() {
            problems.push(format!("{}: docs missing section `{s}`", r.code));
        }
    }
    problems
}

/// Rules that belong to no engine: the suppression framework's own.
pub mod builtin {
    use super::*;

    pub static UNUSED_SUPPRESSION: RuleMeta = RuleMeta {
        code: "BH001",
        name: "unused-suppression",
        summary: "A suppression comment or annotation matched no finding",
        severity: Severity::Low,
        category: Category::Suppression,
        aliases: &[],
        fix: FixKind::None,
        default_enabled: true,
        docs: "## What it does\n\
Reports a suppression (`# bulkhead: ignore[CODE] reason`, `# hadolint ignore=...`, a \
`bulkhead.dev/ignore` annotation, ...) that did not suppress any finding.\n\n\
## Why is this bad?\n\
A stale suppression hides nothing today but will silently hide a real problem if the code \
comes back. It also misleads readers about what is wrong with the file.\n\n\
## Example\n\
```dockerfile\n\
# bulkhead: ignore[DF015] runs as root on purpose\n\
FROM alpine:3.20\n\
USER 1000\n\
```\n\
The `USER` is no longer root, so the suppression is unused: delete it.\n\n\
## Fix safety\n\
No automatic fix: removing a comment is easy, deciding it is stale is the reviewer's call.\n",
    };

    pub static INVALID_SUPPRESSION: RuleMeta = RuleMeta {
        code: "BH002",
        name: "invalid-suppression",
        summary: "A suppression comment could not be understood",
        severity: Severity::Low,
        category: Category::Suppression,
        aliases: &[],
        fix: FixKind::None,
        default_enabled: true,
        docs: "## What it does\n\
Reports a suppression comment or annotation that names no code, names an unknown code, or \
is otherwise malformed.\n\n\
## Why is this bad?\n\
A suppression that cannot be read suppresses nothing, while its author believes it does.\n\n\
## Example\n\
```dockerfile\n\
# bulkhead: ignore[] no code given\n\
```\n\
Use `# bulkhead: ignore[DF015] reason`.\n\n\
## Fix safety\n\
No automatic fix.\n",
    };

    /// The built-in rules, in registry order.
    pub static RULES: [&RuleMeta; 2] = [&UNUSED_SUPPRESSION, &INVALID_SUPPRESSION];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_are_well_formed() {
        assert_eq!(registry_problems(&builtin::RULES), Vec::<String>::new());
    }

    #[test]
    fn detects_missing_sections_and_duplicates() {
        static BAD: RuleMeta = RuleMeta {
            code: "X1",
            name: "Bad_Name",
            summary: "s",
            severity: Severity::Low,
            category: Category::Style,
            aliases: &[],
            fix: FixKind::None,
            default_enabled: true,
            docs: "## What it does\nx\n## Example\n",
        };
        let p = registry_problems(&[&BAD, &BAD]);
        assert!(p.iter().any(|s| s.contains("duplicate code")));
        assert!(p.iter().any(|s| s.contains("not kebab-case")));
        assert!(p.iter().any(|s| s.contains("## Why is this bad?")));
        assert!(p.iter().any(|s| s.contains("## Fix safety")));
    }

    crate::declare_rule! {
        static DECLARED = {
            code: "X002",
            name: "declared",
            summary: "s",
            severity: Medium,
            category: Security,
            aliases: [Trivy: "KSV-0001", Pss: "privileged"],
            fix: Safe,
            default_enabled: false,
            what: "W.",
            why: "Y.",
            example: "E",
            fix_safety: "F.",
        }
    }

    crate::declare_rule! {
        const BASE = {
            code: "X003",
            name: "narrowed",
            summary: "s",
            severity: Low,
            category: Reliability,
            aliases: [Trivy: "KSV-0016", Trivy: "KSV-0018"],
            fix: None,
            default_enabled: true,
            what: "W.",
            why: "Y.",
            example: "E",
            fix_safety: "F.",
        }
    }
    static FULL: RuleMeta = BASE;
    static HALF: RuleMeta = RuleMeta {
        aliases: &[Alias::new(Tool::Trivy, "KSV-0018")],
        ..BASE
    };

    #[test]
    fn a_const_rule_yields_narrowed_copies() {
        assert_eq!(FULL.aliases.len(), 2);
        assert_eq!((HALF.code, HALF.docs), (FULL.code, FULL.docs));
        assert!(HALF.matches_code("KSV-0018") && !HALF.matches_code("KSV-0016"));
    }

    #[test]
    fn declared_rules_have_every_section() {
        assert_eq!(
            DECLARED.docs,
            "## What it does\nW.\n\n## Why is this bad?\nY.\n\n## Example\nE\n\n## Fix safety\nF.\n"
        );
        assert_eq!(registry_problems(&[&DECLARED]), Vec::<String>::new());
        assert_eq!(DECLARED.aliases[1], Alias::new(Tool::Pss, "privileged"));
        assert_eq!(DECLARED.severity, Severity::Medium);
        assert!(!DECLARED.default_enabled);
    }

    #[test]
    fn selectors() {
        static R: RuleMeta = RuleMeta {
            code: "DF012",
            name: "apt-no-recommends",
            summary: "s",
            severity: Severity::Low,
            category: Category::Size,
            aliases: &[Alias::new(Tool::Hadolint, "DL3015")],
            fix: FixKind::Safe,
            default_enabled: true,
            docs: "",
        };
        assert!(R.matches_selector("DF"));
        assert!(R.matches_selector("DF01"));
        assert!(R.matches_selector("DL3015"));
        assert!(!R.matches_selector("K8S"));
        assert!(R.matches_code("DL3015"));
        assert!(!R.matches_code("DF"));
    }
}
