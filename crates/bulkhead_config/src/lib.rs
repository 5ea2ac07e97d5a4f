//! The user's configuration file, `bulkhead.toml` or `.bulkhead.toml`.
//!
//! Owns: discovery (walk up from the working directory), parsing with errors that point at the
//! line, validation into typed values (severities, PSS level and version, dates), and the JSON
//! schema of the file. It does not know the engines' internal settings types: the binary maps
//! these validated sections onto them.

pub mod admission;

use bulkhead_diagnostics::Severity;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// File names looked for in each directory, in order.
pub const CONFIG_NAMES: [&str; 2] = ["bulkhead.toml", ".bulkhead.toml"];

/// The whole file. Every table and key is optional; unknown keys are errors.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(
    title = "bulkhead.toml",
    description = "Configuration of the Bulkhead container-hardening tool"
)]
pub struct Config {
    /// Settings of `bulkhead check` that apply to every engine.
    #[serde(default)]
    pub check: CheckConfig,
    /// Dockerfile engine.
    #[serde(default)]
    pub dockerfile: DockerfileConfig,
    /// Kubernetes and Compose engine.
    #[serde(default)]
    pub kubernetes: KubernetesConfig,
    /// Vulnerability scans (`bulkhead image`, `bulkhead fs`).
    #[serde(default)]
    pub scan: ScanConfig,
    /// The admission webhook (`bulkhead admission serve|review`).
    #[serde(default)]
    pub admission: admission::AdmissionConfig,
}

/// `[check]`
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckConfig {
    /// Rule codes or prefixes to enable instead of the defaults (e.g. `["DF", "KS001"]`).
    pub select: Option<Vec<String>>,
    /// Rule codes or prefixes to add to the selection.
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// Rule codes or prefixes to disable.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Lowest severity that makes the exit status 1 (default: any finding).
    pub fail_on: Option<SeverityName>,
    /// Glob patterns (gitignore syntax) of paths never checked.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Honour .gitignore and .ignore files while walking (default true).
    pub respect_gitignore: Option<bool>,
}

/// `[dockerfile]`
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DockerfileConfig {
    /// Build target stage; rules about the final image (USER, HEALTHCHECK) look at it.
    pub target: Option<String>,
    /// Check the USER of every stage, not only the final one (hadolint's behaviour).
    pub all_stages_user: Option<bool>,
    /// Registries `FROM` may pull from; empty allows any.
    #[serde(default)]
    pub allowed_registries: Vec<String>,
    /// Labels every image must carry (e.g. `org.opencontainers.image.source`).
    #[serde(default)]
    pub required_labels: Vec<String>,
}

/// `[kubernetes]`
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct KubernetesConfig {
    /// Pod Security Standards level and version, e.g. `restricted@latest`, `baseline@v1.29`.
    pub pss: Option<PssSpec>,
    /// Extra custom resources whose pod spec to check.
    #[serde(default)]
    pub pod_spec_paths: Vec<PodSpecPath>,
    /// Registries images may come from; empty allows any.
    #[serde(default)]
    pub allowed_registries: Vec<String>,
}

/// A custom resource carrying a pod template, e.g. Argo Rollout at `/spec/template`.
#[derive(Debug, Clone, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PodSpecPath {
    /// `kind` of the resource, e.g. `Rollout`.
    pub kind: String,
    /// API group, e.g. `argoproj.io`; any group when absent.
    pub api_group: Option<String>,
    /// JSON pointer to the pod template (the object holding `metadata` and `spec`), e.g.
    /// `/spec/template`.
    pub template: String,
}

/// `[scan]`
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ScanConfig {
    /// Vulnerabilities to ignore, each with a reason and an optional expiry.
    #[serde(default)]
    pub ignore: Vec<ScanIgnore>,
    /// Lowest severity that fails the scan.
    pub fail_on: Option<SeverityName>,
    /// Hide vulnerabilities without a fixed version.
    pub ignore_unfixed: Option<bool>,
    /// Path of the advisory database.
    pub db: Option<PathBuf>,
}

/// One `[[scan.ignore]]` entry.
#[derive(Debug, Clone, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ScanIgnore {
    /// Advisory id or alias (CVE, GHSA, OSV id).
    pub id: String,
    /// Why it is ignored (shown in reports).
    pub reason: String,
    /// Last day the ignore applies (YYYY-MM-DD); it stops applying after.
    #[serde(default, deserialize_with = "optional_date")]
    #[schemars(with = "Option<DateSchema>")]
    pub until: Option<Date>,
}

/// A severity name, validated while parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[schemars(with = "SeverityEnum")]
pub struct SeverityName(pub Severity);

#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum SeverityEnum {
    Critical,
    High,
    Medium,
    Low,
    Info,
}

impl<'de> Deserialize<'de> for SeverityName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse::<Severity>()
            .map(SeverityName)
            .map_err(serde::de::Error::custom)
    }
}

/// A calendar date: jiff's civil date, the workspace's one date type (the advisory gate's
/// `Day` is the same type, so an ignore's expiry passes through unchanged).
pub type Date = jiff::civil::Date;

/// Parse `YYYY-MM-DD` strictly (four, two and two digits) into a real day.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let bad = || format!("invalid date `{s}` (expected YYYY-MM-DD)");
    let mut it = s.split('-');
    let (y, m, d) = (it.next(), it.next(), it.next());
    if it.next().is_some() {
        return Err(bad());
    }
    let digits = |p: Option<&str>, len: usize| -> Result<i16, String> {
        let p = p.ok_or_else(bad)?;
        if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse().map_err(|_| bad())
    };
    let (year, month, day) = (digits(y, 4)?, digits(m, 2)?, digits(d, 2)?);
    let (Ok(month), Ok(day)) = (i8::try_from(month), i8::try_from(day)) else {
        return Err(bad());
    };
    Date::new(year, month, day).map_err(|_| bad())
}

/// `until = "YYYY-MM-DD"` (serde `deserialize_with`).
fn optional_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|s| parse_date(&s).map_err(serde::de::Error::custom))
        .transpose()
}

/// The JSON schema of a [`Date`] (`#/$defs/Date`).
struct DateSchema;

/// Pod Security Standards level: the Kubernetes engine's own type.
pub use bulkhead_k8s::PssLevel;

/// `LEVEL[@VERSION]`: `restricted`, `baseline@v1.29`, `restricted@latest`, validated for a
/// user's setting: parsed by the Kubernetes engine's one parser ([`bulkhead_k8s::PssPolicy`]),
/// and a version newer than the newest policy Bulkhead knows is an error (a typo such as
/// `v1.299` must not silently mean "latest").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PssSpec {
    pub level: PssLevel,
    /// Minor version of v1.N; `None` means latest.
    pub minor: Option<u32>,
}

impl Default for PssSpec {
    fn default() -> Self {
        PssSpec {
            level: PssLevel::Restricted,
            minor: None,
        }
    }
}

impl FromStr for PssSpec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let policy = s
            .parse::<bulkhead_k8s::PssPolicy>()
            .map_err(|e| e.to_string())?;
        let minor = match policy.version {
            bulkhead_k8s::PssVersion::Latest => None,
            bulkhead_k8s::PssVersion::Minor(n) if n > bulkhead_k8s::pss::LATEST_MINOR => {
                return Err(format!(
                    "Pod Security Standards version `v1.{n}` is newer than the newest this bulkhead knows (v1.{}): use `latest` or a known version",
                    bulkhead_k8s::pss::LATEST_MINOR
                ));
            }
            bulkhead_k8s::PssVersion::Minor(n) => Some(n),
        };
        Ok(PssSpec {
            level: policy.level,
            minor,
        })
    }
}

impl From<PssSpec> for bulkhead_k8s::PssPolicy {
    fn from(spec: PssSpec) -> Self {
        bulkhead_k8s::PssPolicy {
            level: spec.level,
            version: match spec.minor {
                Some(n) => bulkhead_k8s::PssVersion::Minor(n),
                None => bulkhead_k8s::PssVersion::Latest,
            },
        }
    }
}

impl<'de> Deserialize<'de> for PssSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for DateSchema {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A calendar date, YYYY-MM-DD",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

impl JsonSchema for PssSpec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PssSpec".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Pod Security Standards LEVEL[@VERSION]",
            "pattern": "^(privileged|baseline|restricted)(@(latest|v1\\.[0-9]+))?$"
        })
    }
}

/// A config file that could not be read or is invalid.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Points at the offending line and column.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: PathBuf,
        line: u32,
        column: u32,
        message: String,
    },
}

/// Find the nearest config file walking up from `start`.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        for name in CONFIG_NAMES {
            let p = d.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
        dir = d.parent();
    }
    None
}

/// A configuration as a command uses it: the file (`--config`, else the nearest one walking up
/// from the working directory, else none) and its validated contents. The one way every
/// command but `check` (which may use one config per checked directory) reads bulkhead.toml.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The file read; `None` when there is none (the defaults apply).
    pub path: Option<PathBuf>,
    pub config: Config,
}

impl Loaded {
    /// `explicit` when given (it must exist), else the nearest config walking up from `cwd`,
    /// else the defaults. An unreadable or invalid file is an error, never the defaults.
    pub fn find(explicit: Option<&Path>, cwd: &Path) -> Result<Loaded, ConfigError> {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => discover(cwd),
        };
        let config = match &path {
            Some(p) => load(p)?,
            None => Config::default(),
        };
        Ok(Loaded { path, config })
    }

    /// A path written in the config: relative paths are relative to the config file's
    /// directory.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        match self.path.as_deref().and_then(Path::parent) {
            Some(dir) if p.is_relative() => dir.join(p),
            _ => p.to_path_buf(),
        }
    }

    /// `[scan]` as the vulnerability gate (`image`, `fs`) and `db` use it.
    pub fn scan(&self) -> ScanSettings {
        let s = &self.config.scan;
        ScanSettings {
            db: s.db.as_deref().map(|d| self.resolve(d)),
            fail_on: s.fail_on.map(|f| f.0),
            ignore_unfixed: s.ignore_unfixed.unwrap_or(false),
            ignores: s.ignore.clone(),
            origin: self
                .path
                .as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        }
    }
}

/// `[scan]`, validated, its paths resolved against the config file's directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScanSettings {
    /// The advisory database.
    pub db: Option<PathBuf>,
    /// Lowest severity that fails the gate.
    pub fail_on: Option<Severity>,
    /// Hide vulnerabilities without a fixed version.
    pub ignore_unfixed: bool,
    /// Vulnerabilities to ignore.
    pub ignores: Vec<ScanIgnore>,
    /// Where the ignores were written (the config file), for reports; empty without one.
    pub origin: String,
}

/// Read and validate a config file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(path, &text)
}

/// Parse and validate config text; `path` is only used in errors.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    toml::from_str::<Config>(text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        let idx = bulkhead_diagnostics::LineIndex::new(text);
        let pos = idx.position(text, offset);
        ConfigError::Invalid {
            path: path.to_path_buf(),
            line: pos.line,
            column: pos.column,
            message: e.message().trim().to_string(),
        }
    })
}

/// The JSON schema of `bulkhead.toml`, pretty-printed with a trailing newline.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Config);
    let mut s = serde_json::to_string_pretty(&schema).expect("schema serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("bulkhead.toml")
    }

    #[test]
    fn parses_a_full_file() {
        let c = parse(
            p(),
            r#"
[check]
select = ["DF", "KS"]
ignore = ["DF052"]
fail-on = "high"
exclude = ["vendor/"]

[dockerfile]
target = "runtime"
allowed-registries = ["docker.io"]

[kubernetes]
pss = "baseline@v1.29"
pod-spec-paths = [{ kind = "Rollout", api-group = "argoproj.io", template = "/spec/template" }]

[[scan.ignore]]
id = "CVE-2024-0001"
reason = "not reachable"
until = "2027-01-31"
"#,
        )
        .unwrap();
        assert_eq!(c.check.fail_on, Some(SeverityName(Severity::High)));
        assert_eq!(
            c.kubernetes.pss,
            Some(PssSpec {
                level: PssLevel::Baseline,
                minor: Some(29)
            })
        );
        assert_eq!(c.scan.ignore[0].until.unwrap().to_string(), "2027-01-31");
    }

    #[test]
    fn unknown_key_points_at_its_line() {
        let e = parse(p(), "[check]\nselect = [\"DF\"]\nselet = 1\n").unwrap_err();
        let s = e.to_string();
        assert!(
            s.starts_with("bulkhead.toml:3:1: unknown field `selet`"),
            "{s}"
        );
    }

    #[test]
    fn bad_values_point_at_their_line() {
        let e = parse(p(), "[check]\nfail-on = \"urgent\"\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("bulkhead.toml:2:11: unknown severity `urgent`"),
            "{e}"
        );
        let e = parse(p(), "[kubernetes]\npss = \"strict\"\n").unwrap_err();
        assert!(e.to_string().contains("bulkhead.toml:2:"), "{e}");
        let e = parse(
            p(),
            "[[scan.ignore]]\nid = \"x\"\nreason = \"r\"\nuntil = \"2026-02-30\"\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("invalid date `2026-02-30`"), "{e}");
    }

    #[test]
    fn pss_spec_forms() {
        assert_eq!("restricted".parse::<PssSpec>().unwrap(), PssSpec::default());
        assert_eq!(
            "privileged@latest".parse::<PssSpec>().unwrap().level,
            PssLevel::Privileged
        );
        assert_eq!(
            "restricted@1.29".parse::<PssSpec>().unwrap().minor,
            Some(29)
        );
        assert!("restricted@v2.0".parse::<PssSpec>().is_err());
        assert!("strict".parse::<PssSpec>().is_err());
        let newest = bulkhead_k8s::pss::LATEST_MINOR;
        assert_eq!(
            format!("restricted@v1.{newest}")
                .parse::<PssSpec>()
                .unwrap()
                .minor,
            Some(newest)
        );
        let e = format!("restricted@v1.{}", newest + 1)
            .parse::<PssSpec>()
            .unwrap_err();
        assert!(e.contains("is newer than the newest"), "{e}");
    }

    #[test]
    fn discovery_walks_up() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(discover(&sub), None);
        std::fs::write(dir.path().join(".bulkhead.toml"), "").unwrap();
        assert_eq!(discover(&sub), Some(dir.path().join(".bulkhead.toml")));
    }

    #[test]
    fn loaded_scan_settings() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a");
        std::fs::create_dir_all(&sub).unwrap();
        // No file: the defaults.
        let none = Loaded::find(None, &sub).unwrap();
        assert_eq!(none.path, None);
        assert_eq!(none.scan(), ScanSettings::default());
        let file = dir.path().join("bulkhead.toml");
        std::fs::write(
            &file,
            "[scan]\ndb = \"data/adv.db\"\nfail-on = \"HIGH\"\nignore-unfixed = true\n\
             [[scan.ignore]]\nid = \"CVE-1\"\nreason = \"r\"\nuntil = \"2024-02-29\"\n",
        )
        .unwrap();
        let found = Loaded::find(None, &sub).unwrap();
        assert_eq!(found.path.as_deref(), Some(file.as_path()));
        let scan = found.scan();
        assert_eq!(scan.db, Some(dir.path().join("data/adv.db")));
        assert_eq!(scan.fail_on, Some(Severity::High));
        assert!(scan.ignore_unfixed);
        assert_eq!(scan.ignores[0].until, Some(jiff::civil::date(2024, 2, 29)));
        assert_eq!(scan.origin, file.display().to_string());
        // Absolute paths stay.
        assert_eq!(found.resolve(Path::new("/x/y")), Path::new("/x/y"));
        // An explicit file that is missing, or invalid, is an error (never the defaults).
        assert!(Loaded::find(Some(&dir.path().join("nope.toml")), &sub).is_err());
        std::fs::write(&file, "[scan]\nfail-on = 3\n").unwrap();
        assert!(Loaded::find(None, &sub).is_err());
    }

    #[test]
    fn dates_are_strict() {
        assert_eq!(parse_date("2024-02-29"), Ok(jiff::civil::date(2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "2024-2-29",
            "24-02-29",
            "2024-02-29-1",
            "2024-13-01",
            "+2024-01-01",
        ] {
            assert_eq!(
                parse_date(bad),
                Err(format!("invalid date `{bad}` (expected YYYY-MM-DD)"))
            );
        }
    }

    /// The committed schema must match the structs (regenerate with
    /// `BULKHEAD_UPDATE_SCHEMA=1 cargo test -p bulkhead_config`).
    #[test]
    fn committed_schema_has_not_drifted() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../docs/schema/bulkhead.toml.schema.json");
        let fresh = json_schema();
        if std::env::var_os("BULKHEAD_UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "docs/schema/bulkhead.toml.schema.json is stale: run BULKHEAD_UPDATE_SCHEMA=1 cargo test -p bulkhead_config"
        );
    }
}
