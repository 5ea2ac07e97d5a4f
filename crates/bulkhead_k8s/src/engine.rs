//! The per-file driver: for every object of a loaded file, find its pod spec, evaluate the Pod
//! Security Standards on it, run the per-container, per-pod and per-object hooks of the rules
//! ([`crate::rules`]), and parse the suppressions.
//!
//! Owns: turning pointers into findings with ranges, objects and container names
//! ([`Ctx::report`]), and the contexts the hooks receive ([`PodCtx`], [`ContainerCtx`]). Does
//! not own any rule logic.

use crate::loader::{Document, Loaded};
use crate::rules::{HOOKS, Hook};
use crate::workload::{self, Container, PodSpec};
use crate::{Settings, pss, suppress};
use bulkhead_diagnostics::{FileOutcome, Finding, K8sObject, RuleMeta};
use serde_json::{Map, Value};

/// Findings about one object.
pub(crate) struct Ctx<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub doc: &'a Document,
    /// The file's ServiceAccounts that set `automountServiceAccountToken: false`, found
    /// once per file (a pod asks for its account; scanning every object per pod made a
    /// `List` of N pods quadratic).
    pub sa_no_automount: &'a [&'a Document],
    pub object: Option<K8sObject>,
    pub settings: &'a Settings,
    pub out: &'a mut Vec<Finding>,
    /// The file's line ending (`\r\n` or `\n`), for fixes.
    pub nl: &'static str,
    /// The file is JSON (fixes quote keys and strings).
    pub json: bool,
}

impl Ctx<'_> {
    /// Report `rule` at `pointer` (relative to the object); returns the finding for
    /// decoration (fix, help).
    pub fn report(
        &mut self,
        rule: &'static RuleMeta,
        pointer: &str,
        container: Option<&str>,
        message: String,
    ) -> &mut Finding {
        let mut f = Finding::new(rule, self.path, self.doc.range_of(pointer), message);
        f.object = self.object.clone();
        if let Some(c) = container
            && !c.is_empty()
        {
            f.container = Some(c.to_string());
        }
        self.out.push(f);
        self.out.last_mut().unwrap()
    }
}

/// One pod spec of an object, as the pod and container hooks see it.
pub(crate) struct PodCtx<'a> {
    pub ps: &'a PodSpec<'a>,
    /// The pod-level `securityContext`.
    pub pod_sc: Option<&'a Map<String, Value>>,
    /// Its containers in Pod Security Admission order (init, regular, ephemeral).
    pub containers: Vec<ContainerCtx<'a>>,
}

/// One container of a pod spec, with its name and absolute pointers.
pub(crate) struct ContainerCtx<'a> {
    pub c: Container<'a>,
    /// `name`, or `""`.
    pub name: &'a str,
    /// Pointer of the container in the object (`/spec/template/spec/containers/0`).
    pub ptr: String,
    /// Pointer of its `securityContext`.
    pub sc_ptr: String,
}

impl<'a> PodCtx<'a> {
    fn new(ps: &'a PodSpec<'a>) -> Self {
        let containers = workload::containers(ps.spec)
            .into_iter()
            .map(|c| {
                let ptr = format!("{}{}", ps.spec_ptr, c.rel_ptr());
                ContainerCtx {
                    c,
                    name: c.name(),
                    sc_ptr: format!("{ptr}/securityContext"),
                    ptr,
                }
            })
            .collect();
        PodCtx {
            ps,
            pod_sc: workload::pod_sc(ps.spec),
            containers,
        }
    }
}

/// Check one already-loaded file.
pub fn check_loaded(path: &str, text: &str, loaded: &Loaded, settings: &Settings) -> FileOutcome {
    check_loaded_selected(path, text, loaded, settings, &|_| true)
}

/// [`check_loaded`] running only the hooks of the rules `run` accepts (the Pod Security
/// Standards only when it accepts one of them): a coarse filter to save work, not a
/// selection (narrowed copies of a rule and the loader's and suppressions' findings are not
/// filtered); the caller still selects the findings.
pub fn check_loaded_selected(
    path: &str,
    text: &str,
    loaded: &Loaded,
    settings: &Settings,
    run: &dyn Fn(&RuleMeta) -> bool,
) -> FileOutcome {
    let run_pss = crate::RULES
        .iter()
        .any(|r| r.code.starts_with("PSS") && run(r));
    let mut findings = Vec::new();
    let mut suppressions = Vec::new();
    let nl = if memchr::memmem::find(text.as_bytes(), b"\r\n").is_some() {
        "\r\n"
    } else {
        "\n"
    };
    let json = text.trim_start().starts_with('{');
    let sa_no_automount: Vec<&Document> = loaded
        .docs
        .iter()
        .filter(|d| {
            d.kind() == Some("ServiceAccount")
                && d.value
                    .get("automountServiceAccountToken")
                    .and_then(serde_json::Value::as_bool)
                    == Some(false)
        })
        .collect();
    for doc in &loaded.docs {
        let mut ctx = Ctx {
            path,
            text,
            doc,
            sa_no_automount: &sa_no_automount,
            object: doc.k8s_object(),
            settings,
            out: &mut findings,
            nl,
            json,
        };
        let ps = workload::pod_spec(&doc.value, &settings.pod_spec_paths);
        let pod = ps.as_ref().map(PodCtx::new);
        check_object(&mut ctx, pod.as_ref(), run_pss, run);
        suppress::from_annotations(path, doc, ps.as_ref(), &mut suppressions, ctx.out);
    }
    let mut errors = loaded.errors.clone();
    crate::rules::ks::ks071_duplicate_key::from_errors(
        &crate::rules::ks::ks071_duplicate_key::META,
        &loaded.docs,
        &mut errors,
        &mut findings,
    );
    suppress::from_comments(path, text, &mut suppressions, &mut findings);
    FileOutcome {
        findings,
        suppressions,
        errors,
    }
}

/// Every per-object rule on one object (and its pod spec, when it has one).
pub(crate) fn check_object(
    ctx: &mut Ctx<'_>,
    pod: Option<&PodCtx<'_>>,
    run_pss: bool,
    run: &dyn Fn(&RuleMeta) -> bool,
) {
    let hooks = || {
        HOOKS
            .iter()
            .zip(crate::RULES)
            .filter(|(_, r)| run(r))
            .map(|(h, _)| h)
    };
    if let Some(pod) = pod {
        if run_pss {
            check_pss(ctx, pod.ps);
        }
        for hook in hooks() {
            match hook {
                Hook::Pod(f) => f(ctx, pod),
                Hook::Container(f) => {
                    for cc in &pod.containers {
                        f(ctx, pod, cc);
                    }
                }
                _ => {}
            }
        }
    }
    for hook in hooks() {
        if let Hook::Object(f) = hook {
            f(ctx, pod);
        }
    }
}

/// The Pod Security Standards findings of one pod spec, with their fixes.
fn check_pss(ctx: &mut Ctx<'_>, ps: &PodSpec<'_>) {
    for v in pss::evaluate(ps.spec, ps.meta, ctx.settings.pss) {
        let ptr = match &v.at {
            pss::At::Spec(p) => format!("{}{p}", ps.spec_ptr),
            pss::At::Meta(p) => format!("{}{p}", ps.meta_ptr),
        };
        let fix = v.check.fix().and_then(|fix| fix(ctx, ps, &v));
        let rule = v.check.rule_for(v.also_fails);
        let f = ctx.report(rule, &ptr, v.container.as_deref(), v.message);
        f.pss_check = Some(v.check.id().to_string());
        f.fix = fix;
    }
}
