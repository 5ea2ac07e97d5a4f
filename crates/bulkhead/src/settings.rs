//! Command-line settings shared by the checking commands, merged with `bulkhead.toml` into one
//! validated [`ResolvedSettings`] (parse once, never re-check).

use anyhow::Context;
use bulkhead_config::{Config, PssSpec};
use bulkhead_diagnostics::{RuleMeta, Severity};
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

/// Which rules run.
#[derive(Debug, Clone)]
pub struct Selection {
    select: Option<Vec<String>>,
    extend: Vec<String>,
    ignore: Vec<String>,
}

impl Selection {
    /// Whether `rule` is enabled. A selector enables a rule that is off by default only when it
    /// names that rule exactly (code, name or alias) or is `ALL`; prefixes enable the default
    /// rules under them. `--ignore` wins over everything.
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

/// Everything a check run needs, validated once.
#[derive(Debug, Clone)]
pub struct ResolvedSettings {
    pub selection: Selection,
    pub fail_on: Severity,
    pub exclude: Vec<String>,
    pub respect_gitignore: bool,
    /// Settings handed to the Dockerfile engine.
    pub dockerfile: bulkhead_dockerfile::Settings,
    /// Settings handed to the Kubernetes and Compose engine.
    pub k8s: bulkhead_k8s::Settings,
}

impl ResolvedSettings {
    pub fn resolve(args: &SettingsArgs, cwd: &Path) -> anyhow::Result<Self> {
        let config_path = if args.isolated {
            None
        } else if let Some(p) = &args.config {
            Some(p.clone())
        } else {
            bulkhead_config::discover(cwd)
        };
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
        let fail_on = args
            .fail_on
            .or(config.check.fail_on.map(|s| s.0))
            .unwrap_or(crate::cmd::check::DEFAULT_FAIL_ON);
        let pss = args.pss.or(config.kubernetes.pss).unwrap_or_default();
        let dockerfile = bulkhead_dockerfile::Settings {
            target: args.target.clone().or(config.dockerfile.target.clone()),
            all_stages_user: config.dockerfile.all_stages_user.unwrap_or(false),
            allowed_registries: config.dockerfile.allowed_registries.clone(),
            required_labels: config.dockerfile.required_labels.clone(),
            ..bulkhead_dockerfile::Settings::default()
        };
        let mut k8s = bulkhead_k8s::Settings {
            pss: pss_policy(pss),
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
            selection: Selection {
                select,
                extend,
                ignore,
            },
            fail_on,
            exclude,
            respect_gitignore: !args.no_respect_gitignore
                && config.check.respect_gitignore.unwrap_or(true),
            dockerfile,
            k8s,
        })
    }
}

/// The validated `LEVEL[@VERSION]` as the Kubernetes engine's policy type.
fn pss_policy(spec: PssSpec) -> bulkhead_k8s::PssPolicy {
    use bulkhead_config::PssLevel as L;
    bulkhead_k8s::PssPolicy {
        level: match spec.level {
            L::Privileged => bulkhead_k8s::PssLevel::Privileged,
            L::Baseline => bulkhead_k8s::PssLevel::Baseline,
            L::Restricted => bulkhead_k8s::PssLevel::Restricted,
        },
        version: match spec.minor {
            Some(n) => bulkhead_k8s::PssVersion::Minor(n),
            None => bulkhead_k8s::PssVersion::Latest,
        },
    }
}
