//! Kubernetes manifests and Docker Compose files: the exact-line YAML loader, pod-spec
//! extraction for every workload kind, the Pod Security Standards (PSS*), hardening checks
//! (KS*), Compose checks (DC*), suppressions and fixes.
//!
//! # API for the binary
//! - [`loader::load`] turns one file's text into objects ([`loader::Document`]: a
//!   `serde_json::Value` plus a JSON-pointer -> line/column index) and input errors.
//! - [`check`] runs every per-object rule on one file and returns a [`FileOutcome`] (findings
//!   unfiltered and unsuppressed, the suppressions parsed from annotations and comments, input
//!   errors with their lines). [`check_loaded`] does the same on an already [`load`]ed file.
//! - [`check_set`] runs the cross-object rules (KS016 ServiceAccount referenced but not
//!   defined, KS036 Service selecting nothing, KS048 no PodDisruptionBudget, KS049 Ingress
//!   backend not defined, KS050 autoscaler target not defined, KS063 NetworkPolicy selecting
//!   nothing, KS064 workload no NetworkPolicy selects, KS070 binding granting exec) over every
//!   loaded file of a run. The binary:
//!   `load` each Kubernetes file, `check_loaded` it, keep the `Loaded`s, call `check_set` once
//!   with all `(path, &Loaded)` pairs, and merge each returned finding into the outcome of
//!   the file it names (its `path`) before applying that file's suppressions.
//! - The `--pss LEVEL[@VERSION]` flag maps onto [`Settings::pss`] (`"restricted@v1.30"
//!   .parse::<PssPolicy>()`); PSS findings carry `pss_check` (the upstream check id).
//! - [`check_files`] does both for a whole set of files, loading each file once (in
//!   parallel), and returns the outcomes with the cross-object findings merged in, plus the
//!   loaded objects for other engines: prefer it to `check` + a second `load` for `check_set`.
//! - [`compose::check_compose`] checks one Compose file (rules DC*).
//! - [`check_value`] checks one object held as a `serde_json::Value` (an admission webhook's)
//!   without a YAML parse ([`value::load_value`] builds the loaded model straight from the
//!   value), and [`pss::evaluate_object`] gives its Pod Security Standards violations alone.
//!
//! Every rule is one file under `src/rules/{pss,ks,dc}/` (its metadata, hook, fix and tests);
//! the modules here only load, walk and dispatch. Objects are `serde_json::Value`s, not
//! k8s-openapi types: manifests are often partial (kustomize patches, Helm fragments),
//! mis-typed, of custom kinds, or of API versions k8s-openapi no longer models, and must
//! still be checked field by field with exact positions; typed decoding would reject or
//! silently drop exactly the input a linter has to report on.
//! - [`looks_like_kubernetes`] and [`looks_like_compose`] are cheap sniffers for kind detection.
//!
//! Everything here is synchronous and allocation-light; nothing prints.

pub mod compose;
pub mod crossobj;
pub mod engine;
mod fix;
pub mod loader;
pub mod pss;
mod rules;
pub mod selector;
mod suppress;
pub mod value;
pub mod workload;

use bulkhead_diagnostics::{FileOutcome, Finding};
use serde::{Deserialize, Serialize};

pub use engine::{check_loaded, check_loaded_selected};
pub use loader::{Document, Loaded, load};
pub use pss::{PssLevel, PssPolicy, PssVersion};

pub use rules::RULES;

/// What the binary (or the config file) can tune.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Pod Security Standards level and version (`--pss restricted@v1.30`); default
    /// `restricted@latest`.
    pub pss: PssPolicy,
    /// Where custom resources keep their pod template (Argo Rollout, Knative Service and
    /// OpenShift DeploymentConfig are known by default).
    pub pod_spec_paths: Vec<workload::PodSpecPath>,
    /// Registries images may come from (KS023); empty = any.
    pub allowed_registries: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            pss: PssPolicy::default(),
            pod_spec_paths: workload::default_pod_spec_paths(),
            allowed_registries: Vec::new(),
        }
    }
}

/// Check one Kubernetes manifest file (YAML or JSON, any number of documents). Equivalent to
/// [`load`] then [`check_loaded`]; use those two when the loaded files are also needed for
/// [`check_set`].
pub fn check(path: &str, text: &str, settings: &Settings) -> FileOutcome {
    let loaded = loader::load(path, text);
    check_loaded(path, text, &loaded, settings)
}

/// Check one object held as a value rather than a file (an admission webhook's
/// `AdmissionReview.request.object`): every per-object rule, the Pod Security Standards at
/// `settings.pss` included, as [`check`] does on the object written out as JSON. Finding
/// ranges point into that JSON text (`serde_json::to_string_pretty`); `name` is the path the
/// findings carry. The object is not parsed back ([`value::load_value`]). For the Pod Security
/// Standards verdict alone, see [`pss::evaluate_object`].
pub fn check_value(name: &str, object: &serde_json::Value, settings: &Settings) -> FileOutcome {
    check_value_selected(name, object.clone(), settings, &|_| true)
}

/// [`check_value`] on an object the caller gives away, running only the hooks of the rules
/// `run` accepts (see [`check_loaded_selected`]: the caller still selects the findings).
pub fn check_value_selected(
    name: &str,
    object: serde_json::Value,
    settings: &Settings,
    run: &dyn Fn(&bulkhead_diagnostics::RuleMeta) -> bool,
) -> FileOutcome {
    let (text, loaded) = value::load_value(name, object);
    check_loaded_selected(name, &text, &loaded, settings, run)
}

/// Cross-object checks over every Kubernetes file of a run (see [`crossobj`]). The findings
/// carry their file's path: merge them into that file's outcome before applying its
/// suppressions.
pub fn check_set(files: &[(&str, &Loaded)], settings: &Settings) -> Vec<Finding> {
    crossobj::check_set(files, settings)
}

/// [`check_set`] running only the rules `enabled` accepts.
pub fn check_set_selected(
    files: &[(&str, &Loaded)],
    settings: &Settings,
    enabled: &dyn Fn(&bulkhead_diagnostics::RuleMeta) -> bool,
) -> Vec<Finding> {
    crossobj::check_set_selected(files, settings, enabled)
}

/// The rules [`check_set`] reports (the cross-object ones): a caller that enables none of them
/// need not keep any file's objects for the pass.
pub fn set_rules() -> impl Iterator<Item = &'static bulkhead_diagnostics::RuleMeta> {
    rules::RULES
        .iter()
        .zip(rules::HOOKS.iter())
        .filter(|(_, h)| matches!(h, rules::Hook::Set(_)))
        .map(|(r, _)| *r)
}

/// What [`check_files`] returns: one outcome per input file (in input order, cross-object
/// findings merged into the file they name) and the loaded objects, for other engines that
/// need them (the NetworkPolicy lints).
#[derive(Debug, Default)]
pub struct SetOutcome {
    pub outcomes: Vec<FileOutcome>,
    pub loaded: Vec<Loaded>,
}

/// Check a set of Kubernetes files at once, loading each file once, in parallel: the
/// per-file rules ([`check_loaded`]) and the cross-object rules ([`check_set`]), whose findings
/// are merged into the outcome of the file they name. Equivalent to calling `check` on each
/// file and `check_set` on them all, at half the parsing cost.
pub fn check_files(files: &[(&str, &str)], settings: &Settings) -> SetOutcome {
    use rayon::prelude::*;
    let loaded: Vec<Loaded> = files.par_iter().map(|(p, t)| load(p, t)).collect();
    let mut outcomes: Vec<FileOutcome> = files
        .par_iter()
        .zip(loaded.par_iter())
        .map(|((p, t), l)| check_loaded(p, t, l, settings))
        .collect();
    let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(loaded.iter()).collect();
    let index: std::collections::HashMap<&str, usize> = files
        .iter()
        .enumerate()
        .map(|(i, (p, _))| (*p, i))
        .collect();
    for f in check_set(&pairs, settings) {
        if let Some(&i) = index.get(f.path.as_str()) {
            outcomes[i].findings.push(f);
        }
    }
    SetOutcome { outcomes, loaded }
}

/// Whether `text` looks like a Kubernetes manifest: a top-level `apiVersion:` and `kind:` (or
/// their JSON spellings) in the first few kilobytes.
pub fn looks_like_kubernetes(text: &str) -> bool {
    let head = head(text, 16 * 1024);
    let has = |k: &str| {
        head.lines().any(|l| {
            let l = l.trim_start_matches(['-', ' ']);
            l.starts_with(k) && l[k.len()..].trim_start().starts_with(':')
        }) || head
            .match_indices(&format!("\"{k}\""))
            .any(|(i, m)| head[i + m.len()..].trim_start().starts_with(':'))
    };
    has("apiVersion") && has("kind")
}

/// Whether `path`/`text` look like a Docker Compose file: a conventional name
/// (`docker-compose*.yml`, `compose*.yaml`) or a top-level `services:` with no `apiVersion`.
pub fn looks_like_compose(path: &str, text: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let yaml = name.ends_with(".yml") || name.ends_with(".yaml");
    if yaml && (name.starts_with("docker-compose") || name.starts_with("compose")) {
        return true;
    }
    let head = head(text, 16 * 1024);
    yaml && head.lines().any(|l| l.starts_with("services:")) && !looks_like_kubernetes(text)
}

fn head(text: &str, n: usize) -> &str {
    if text.len() <= n {
        return text;
    }
    let mut end = n;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_files_equals_check_plus_check_set() {
        let a = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: x}\n";
        let b = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: y}\nspec:\n  containers:\n  - name: c\n    image: i:1\n";
        let s = Settings::default();
        let files = [("d/a.yaml", a), ("d/b.yaml", b)];
        let set = check_files(&files, &s);
        assert_eq!(set.outcomes.len(), 2);
        assert_eq!(set.loaded.len(), 2);
        let codes: Vec<_> = set.outcomes[0]
            .findings
            .iter()
            .map(|f| f.rule.code)
            .collect();
        assert_eq!(codes, ["KS036"]);
        // The pod gets its per-file findings plus KS064 (no NetworkPolicy selects it).
        assert_eq!(
            set.outcomes[1].findings.len(),
            check("d/b.yaml", b, &s).findings.len() + 1
        );
        assert_eq!(set.outcomes[1].findings.last().unwrap().rule.code, "KS064");
    }

    #[test]
    fn objects_are_checked_as_values() {
        let pod = serde_json::json!({
            "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
            "spec": {"hostPID": true, "containers": [{"name": "c", "image": "i:1"}]}
        });
        let out = check_value("admission", &pod, &Settings::default());
        assert!(out.errors.is_empty());
        let f = out
            .findings
            .iter()
            .find(|f| f.rule.code == "PSS001")
            .unwrap();
        assert_eq!(f.pss_check.as_deref(), Some("hostNamespaces"));
        // The range points into the object written out as JSON.
        let text = serde_json::to_string_pretty(&pod).unwrap();
        let line = text
            .lines()
            .nth(f.range.unwrap().start.line as usize - 1)
            .unwrap();
        assert!(line.contains("\"hostPID\": true"), "{line}");
        let v = pss::evaluate_object(&pod, "baseline".parse().unwrap(), &[]).unwrap();
        assert_eq!(v.len(), 1);
        assert!(
            pss::evaluate_object(
                &serde_json::json!({"kind": "ConfigMap"}),
                PssPolicy::default(),
                &[]
            )
            .is_none()
        );
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_kubernetes("apiVersion: v1\nkind: Pod\n"));
        assert!(looks_like_kubernetes(
            "{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}"
        ));
        assert!(!looks_like_kubernetes("services:\n  web:\n    image: x\n"));
        assert!(looks_like_compose("docker-compose.yml", ""));
        assert!(looks_like_compose(
            "stack.yaml",
            "services:\n  web:\n    image: x\n"
        ));
        assert!(!looks_like_compose(
            "pod.yaml",
            "apiVersion: v1\nkind: Pod\n"
        ));
    }
}
