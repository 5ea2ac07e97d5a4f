//! Command-line settings shared by the checking commands, merged with `bulkhead.toml` into one
//! validated [`ResolvedSettings`] (parse once, never re-check).

use crate::cmd::walk::WalkOptions;
use anyhow::Context;
use bulkhead_config::{Config, PssSpec};
use bulkhead_diagnostics::{RuleMeta, Selection, Severity};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, clap::Args)]
pub struct SettingsArgs {
    /// Rule codes or prefixes to enable instead of the defaults (comma-separated, repeatable).
    /// `ALL` enables every rule, including those off by default.
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub select: Vec<String>,

    /// Rule codes or prefixes to add to the selection.
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub extend_select: Vec<String>,

    /// Rule codes or prefixes to disable.
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub ignore: Vec<String>,

    /// Lowest severity that makes the exit status 1 [default: any finding].
    #[arg(long, value_name = "SEVERITY")]
    pub fail_on: Option<Severity>,

    /// Paths to exclude (gitignore glob syntax, repeatable), added to the config's.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Do not honour .gitignore / .ignore files while walking directories.
    #[arg(long)]
    pub no_respect_gitignore: bool,

    /// Use this config file instead of discovering bulkhead.toml / .bulkhead.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore every config file.
    #[arg(long)]
    pub isolated: bool,

    /// Pod Security Standards level and version: `LEVEL[@VERSION]`, e.g. `baseline@v1.29`
    /// [default: restricted@latest].
    #[arg(long, value_name = "LEVEL[@VERSION]")]
    pub pss: Option<PssSpec>,

    /// Dockerfile build target stage (rules about the final image look at it).
    #[arg(long, value_name = "STAGE")]
    pub target: Option<String>,
}

/// Everything a check run needs, validated once.
#[derive(Debug, Clone)]
pub struct ResolvedSettings {
    /// The config file these settings come from.
    pub config_path: Option<PathBuf>,
    pub selection: Selection,
    pub fail_on: Severity,
    /// How directories are walked (gitignore, excludes).
    pub walk: WalkOptions,
    /// Settings handed to the Dockerfile engine.
    pub dockerfile: bulkhead_dockerfile::Settings,
    /// Settings handed to the Kubernetes and Compose engine.
    pub k8s: bulkhead_k8s::Settings,
}

impl ResolvedSettings {
    /// The settings of a run from the working directory: `--config`, else the nearest config
    /// walking up from `cwd`, none with `--isolated`.
    pub fn resolve(args: &SettingsArgs, cwd: &Path) -> anyhow::Result<Self> {
        let config_path = if args.isolated {
            None
        } else if let Some(p) = &args.config {
            Some(p.clone())
        } else {
            bulkhead_config::discover(cwd)
        };
        Self::resolve_with(args, config_path.as_deref())
    }

    /// Whether configs are looked up per checked file (neither `--config` nor `--isolated`).
    pub fn per_file_config(args: &SettingsArgs) -> bool {
        !args.isolated && args.config.is_none()
    }

    /// The settings from one config file (or none), with the command line's flags on top.
    pub fn resolve_with(args: &SettingsArgs, config_path: Option<&Path>) -> anyhow::Result<Self> {
        let config_path = config_path.map(Path::to_path_buf);
        let config = match &config_path {
            Some(p) => bulkhead_config::load(p).context("invalid configuration")?,
            None => Config::default(),
        };
        let select = if !args.select.is_empty() {
            Some(args.select.clone())
        } else {
            config.check.select.clone()
        };
        let mut extend = config.check.extend_select.clone();
        extend.extend(args.extend_select.iter().cloned());
        let mut ignore = config.check.ignore.clone();
        ignore.extend(args.ignore.iter().cloned());
        let mut exclude = config.check.exclude.clone();
        exclude.extend(args.exclude.iter().cloned());
        // A selector that names no rule is an error, never a silent no-op: a typo in `ignore`
        // would otherwise keep a rule on, and one in `select` would turn every rule off.
        let rules = crate::cmd::registry::all();
        let from_config = |key: &str| match &config_path {
            Some(p) => format!("`{key}` in {}", p.display()),
            None => format!("`{key}`"),
        };
        check_selectors(&args.select, "--select", &rules)?;
        check_selectors(&args.extend_select, "--extend-select", &rules)?;
        check_selectors(&args.ignore, "--ignore", &rules)?;
        if let Some(sel) = &config.check.select {
            check_selectors(sel, &from_config("select"), &rules)?;
        }
        check_selectors(
            &config.check.extend_select,
            &from_config("extend-select"),
            &rules,
        )?;
        check_selectors(&config.check.ignore, &from_config("ignore"), &rules)?;
        let fail_on = args
            .fail_on
            .or(config.check.fail_on.map(|s| s.0))
            .unwrap_or(DEFAULT_FAIL_ON);
        let pss = args.pss.or(config.kubernetes.pss).unwrap_or_default();
        let dockerfile = bulkhead_dockerfile::Settings {
            target: args.target.clone().or(config.dockerfile.target.clone()),
            all_stages_user: config.dockerfile.all_stages_user.unwrap_or(false),
            allowed_registries: config.dockerfile.allowed_registries.clone(),
            required_labels: config.dockerfile.required_labels.clone(),
            ..bulkhead_dockerfile::Settings::default()
        };
        let mut k8s = bulkhead_k8s::Settings {
            pss: pss.into(),
            allowed_registries: config.kubernetes.allowed_registries.clone(),
            ..bulkhead_k8s::Settings::default()
        };
        k8s.pod_spec_paths
            .extend(config.kubernetes.pod_spec_paths.iter().map(|p| {
                bulkhead_k8s::workload::PodSpecPath {
                    kind: p.kind.clone(),
                    api_group: p.api_group.clone().unwrap_or_default(),
                    template: p.template.clone(),
                }
            }));
        Ok(ResolvedSettings {
            config_path,
            selection: Selection {
                select,
                extend,
                ignore,
            },
            fail_on,
            walk: WalkOptions {
                exclude,
                respect_gitignore: !args.no_respect_gitignore
                    && config.check.respect_gitignore.unwrap_or(true),
            },
            dockerfile,
            k8s,
        })
    }
}

/// The severity that makes `check` exit 1 when none is configured: any finding.
pub const DEFAULT_FAIL_ON: Severity = Severity::Info;

/// Every selector of `list` must name a rule: `ALL`, a code prefix (`DF`, `KS0`, `PSS014`), a
/// rule's kebab-case name or a peer tool's id that one of our rules is equivalent to. The error
/// says where the selector came from and suggests the nearest real one.
pub fn check_selectors(list: &[String], source: &str, rules: &[&RuleMeta]) -> anyhow::Result<()> {
    for sel in list {
        if sel == "ALL" || (!sel.is_empty() && rules.iter().any(|r| r.matches_selector(sel))) {
            continue;
        }
        let mut msg = format!("{source}: `{sel}` selects no rule");
        if let Some(tool) = peer_tool_of(sel, rules) {
            msg.push_str(&format!(
                " (it looks like a {tool} id, but no Bulkhead rule is equivalent to it)"
            ));
        } else if let Some(best) = did_you_mean(sel, rules) {
            msg.push_str(&format!(" (did you mean `{best}`?)"));
        }
        msg.push_str("; `bulkhead rules` lists every code");
        anyhow::bail!(msg);
    }
    Ok(())
}

/// The peer tool whose id scheme `sel` follows (`DL3099` is hadolint's letters and digits),
/// when it is no alias of ours.
fn peer_tool_of(sel: &str, rules: &[&RuleMeta]) -> Option<&'static str> {
    let stem = |id: &str| id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let n = stem(sel);
    if n == sel.len() || n == 0 {
        return None;
    }
    rules
        .iter()
        .flat_map(|r| r.aliases.iter())
        .find(|a| stem(a.id) == n && a.id.len() > n && a.id[..n] == sel[..n])
        .map(|a| a.tool.as_str())
}

/// The closest code, code prefix, name or alias to a mistyped selector, if one is close.
fn did_you_mean(sel: &str, rules: &[&RuleMeta]) -> Option<String> {
    let mut candidates: Vec<&str> = Vec::new();
    for r in rules {
        candidates.push(r.code);
        candidates.push(r.name);
        let letters = r.code.trim_end_matches(|c: char| c.is_ascii_digit());
        candidates.push(letters);
        candidates.extend(r.aliases.iter().map(|a| a.id));
    }
    candidates.sort_unstable();
    candidates.dedup();
    let upper = sel.to_ascii_uppercase();
    if let Some(c) = candidates.iter().find(|c| **c == upper) {
        return Some(c.to_string());
    }
    let max = (sel.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (edit_distance(&upper, &c.to_ascii_uppercase()), *c))
        .filter(|(d, _)| *d <= max)
        .min()
        .map(|(_, c)| c.to_string())
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
