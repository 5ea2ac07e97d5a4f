//! File kinds and the engine for each: the one place where the binary knows which engine
//! checks what.

use crate::settings::ResolvedSettings;
use bulkhead_diagnostics::{FileOutcome, Finding, InputError};
use std::path::Path;

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dockerfile,
    Compose,
    Kubernetes,
    /// YAML or JSON whose kind is decided from its content once read.
    Sniff,
}

/// Kind from the file name alone, when the name is decisive.
pub fn detect_by_name(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    if lower == "dockerfile"
        || lower == "containerfile"
        || lower.starts_with("dockerfile.")
        || lower.starts_with("containerfile.")
        || lower.ends_with(".dockerfile")
        || lower.ends_with(".containerfile")
    {
        return Some(Kind::Dockerfile);
    }
    let yaml = lower.ends_with(".yml") || lower.ends_with(".yaml");
    if yaml
        && (lower.starts_with("docker-compose")
            || lower.starts_with("compose.")
            || lower.starts_with("compose-"))
    {
        return Some(Kind::Compose);
    }
    None
}

/// YAML or JSON files found while walking, whose content decides.
pub fn is_candidate_data_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("yml" | "yaml" | "json")
    )
}

/// Decide a sniffed file's kind from its text: Kubernetes objects have `apiVersion` and `kind`;
/// Compose files have a top-level `services`.
pub fn sniff(path: &str, text: &str) -> Option<Kind> {
    if bulkhead_k8s::looks_like_kubernetes(text) {
        Some(Kind::Kubernetes)
    } else if bulkhead_k8s::looks_like_compose(path, text) {
        Some(Kind::Compose)
    } else if !is_candidate_data_file(Path::new(path)) && looks_like_dockerfile(text) {
        Some(Kind::Dockerfile)
    } else {
        None
    }
}

/// A Dockerfile read from a pipe or an unusual name: its first instruction (after comments,
/// parser directives and blank lines) is `FROM` or `ARG`, as BuildKit requires.
pub fn looks_like_dockerfile(text: &str) -> bool {
    let first = text
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#'));
    first.is_some_and(|l| {
        let word: String = l
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        (word == "FROM" || word == "ARG") && l.len() > word.len()
    })
}

/// The `.dockerignore` of a Dockerfile's build context, taken to be its directory: BuildKit's
/// `<Dockerfile>.dockerignore` beside it first, then `.dockerignore`. Comments and blank lines
/// dropped.
fn read_dockerignore(dockerfile: &Path) -> Option<Vec<String>> {
    let dir = dockerfile.parent()?;
    let own = dockerfile
        .file_name()
        .map(|n| dir.join(format!("{}.dockerignore", n.to_string_lossy())));
    let text = own
        .and_then(|p| std::fs::read_to_string(p).ok())
        .or_else(|| std::fs::read_to_string(dir.join(".dockerignore")).ok())?;
    Some(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect(),
    )
}

/// What checking one text produced.
pub struct Checked {
    /// The kind the engine saw (sniffed kinds resolved).
    pub kind: Kind,
    pub outcome: FileOutcome,
    /// Kubernetes objects, kept for the cross-file pass so no file is parsed twice.
    pub loaded: Option<bulkhead_k8s::Loaded>,
}

/// Run the engine for `kind` on one text; returns the resolved kind with the outcome, or `None`
/// for a walked YAML/JSON file that is none of ours.
pub fn check_text(
    kind: Kind,
    path: &str,
    text: &str,
    settings: &ResolvedSettings,
    explicit: bool,
    fs_path: Option<&Path>,
) -> Option<Checked> {
    let kind = match kind {
        Kind::Sniff => match sniff(path, text) {
            Some(k) => k,
            None if explicit => {
                return Some(Checked {
                    kind: Kind::Sniff,
                    loaded: None,
                    outcome: FileOutcome {
                        errors: vec![InputError::new(
                            path,
                            None,
                            "not a Dockerfile, Kubernetes manifest or Compose file (name a Dockerfile `Dockerfile` or `*.dockerfile`; YAML/JSON must hold Kubernetes objects or Compose `services`)",
                        )],
                        ..FileOutcome::default()
                    },
                });
            }
            None => return None,
        },
        k => k,
    };
    let mut loaded = None;
    let mut outcome = match kind {
        Kind::Dockerfile => match fs_path.and_then(read_dockerignore) {
            Some(patterns) => {
                let s = bulkhead_dockerfile::Settings {
                    dockerignore: Some(patterns),
                    ..settings.dockerfile.clone()
                };
                bulkhead_dockerfile::check(path, text, &s)
            }
            None => bulkhead_dockerfile::check(path, text, &settings.dockerfile),
        },
        Kind::Kubernetes => {
            let l = bulkhead_k8s::load(path, text);
            let mut o = bulkhead_k8s::check_loaded(path, text, &l, &settings.k8s);
            // Secrets in Secret/ConfigMap data and env values (SC), before objects are slimmed.
            let paths = &settings.k8s.pod_spec_paths;
            let on = |r: &bulkhead_diagnostics::RuleMeta| settings.selection.is_enabled(r);
            let sc = bulkhead_audit::secrets::check::kubernetes(path, text, &l, paths, &on);
            o.findings.extend(sc);
            // The caller takes what the cross-file passes read ([`set_facts`]) and drops it.
            loaded = Some(l);
            o
        }
        Kind::Compose => {
            let l = bulkhead_k8s::load(path, text);
            let mut o = bulkhead_k8s::compose::check_compose_loaded(path, text, &l, &settings.k8s);
            // Secrets in `environment` values and `build.args` (SC); `env_file` is not read.
            let on = |r: &bulkhead_diagnostics::RuleMeta| settings.selection.is_enabled(r);
            o.findings
                .extend(bulkhead_audit::secrets::check::compose(path, text, &l, &on));
            o
        }
        Kind::Sniff => FileOutcome::default(),
    };
    if kind == Kind::Dockerfile {
        // Secrets in `ENV`/`ARG` values (SC); DF021 reports secret-looking names.
        let on = |r: &bulkhead_diagnostics::RuleMeta| settings.selection.is_enabled(r);
        let sc = bulkhead_audit::secrets::check::dockerfile(path, text, &on);
        outcome.findings.extend(sc);
    }
    Some(Checked {
        kind,
        outcome,
        loaded,
    })
}

/// Finds the range of a JSON pointer inside one object (what netpol's `ObjectRef` needs).
type Locator<'a> = Box<dyn Fn(&str) -> Option<bulkhead_diagnostics::Range> + 'a>;

/// Which passes over every Kubernetes file a run makes (each when one of its rules is on).
#[derive(Debug, Clone, Copy, Default)]
pub struct CrossPasses {
    /// The cross-object rules (KS016, KS036, KS048-KS050, KS063, KS064, KS070).
    pub objects: bool,
    /// The NetworkPolicy lints (NP).
    pub netpol: bool,
}

impl CrossPasses {
    /// The passes of the rules `enabled` accepts.
    pub fn of(enabled: &dyn Fn(&bulkhead_diagnostics::RuleMeta) -> bool) -> Self {
        CrossPasses {
            objects: bulkhead_k8s::set_rules().any(enabled),
            netpol: bulkhead_netpol::RULES.iter().any(|r| enabled(r)),
        }
    }

    /// Whether any pass runs (so files leave facts for them).
    pub fn any(self) -> bool {
        self.objects || self.netpol
    }
}

/// What the passes over every file keep of one Kubernetes file: the facts the cross-object
/// rules read and the file's part of the NetworkPolicy model, both taken from its objects
/// while it is checked, so its text and tree can be released at once.
#[derive(Debug, Default)]
pub struct SetFacts {
    pub objects: Option<bulkhead_k8s::crossobj::FileFacts>,
    /// Boxed: most files have none, and one of these is kept per Kubernetes file.
    pub netpol: Option<Box<bulkhead_netpol::Fragment>>,
}

/// The [`SetFacts`] of one loaded file for the `passes` that run.
pub fn set_facts(
    path: &str,
    loaded: &bulkhead_k8s::Loaded,
    settings: &ResolvedSettings,
    passes: CrossPasses,
) -> SetFacts {
    let objects = passes
        .objects
        .then(|| bulkhead_k8s::crossobj::FileFacts::of(path, loaded, &settings.k8s));
    let netpol = passes
        .netpol
        .then(|| {
            let closures: Vec<Locator<'_>> = loaded
                .docs
                .iter()
                .map(|d| Box::new(move |ptr: &str| d.range_of(ptr)) as Locator<'_>)
                .collect();
            let objects: Vec<bulkhead_netpol::ObjectRef<'_>> = loaded
                .docs
                .iter()
                .zip(&closures)
                .map(|(d, locate)| bulkhead_netpol::ObjectRef {
                    path,
                    value: &d.value,
                    locate: &**locate,
                })
                .collect();
            bulkhead_netpol::Fragment::of(&objects)
        })
        .filter(|f| !f.is_empty())
        .map(Box::new);
    SetFacts { objects, netpol }
}

/// Checks that need every Kubernetes input at once (cross-object references, NetworkPolicy
/// lints), over the facts each file left (in input order); only the rules `enabled` accepts
/// run (the NetworkPolicy lints when one of theirs does).
pub fn check_set(
    files: Vec<SetFacts>,
    settings: &ResolvedSettings,
    enabled: &(dyn Fn(&bulkhead_diagnostics::RuleMeta) -> bool + Sync),
) -> Vec<Finding> {
    if files.is_empty() {
        return Vec::new();
    }
    // The facts stay where they are (no second copy of them at the run's peak): the
    // cross-object pass reads them in place, the model takes the fragments one by one.
    let mut files = files;
    let fragments: Vec<Box<bulkhead_netpol::Fragment>> =
        files.iter_mut().filter_map(|f| f.netpol.take()).collect();
    let objects: Vec<&bulkhead_k8s::crossobj::FileFacts> =
        files.iter().filter_map(|f| f.objects.as_ref()).collect();
    // The two passes are independent and each takes a few tens of milliseconds on a large
    // tree, while nothing else runs: one per CPU.
    let (mut out, netpol) = rayon::join(
        || bulkhead_k8s::crossobj::check_facts(&objects, &settings.k8s, enabled),
        || {
            if bulkhead_netpol::RULES.iter().any(|r| enabled(r)) {
                let cluster = bulkhead_netpol::Cluster::join(fragments.into_iter().map(|f| *f));
                bulkhead_netpol::lints::lint_cluster(
                    &cluster,
                    &bulkhead_netpol::Settings::default(),
                )
            } else {
                Vec::new()
            }
        },
    );
    out.extend(netpol);
    out
}
