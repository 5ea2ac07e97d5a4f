//! The per-file check driver: load, find pod specs, run the Pod Security Standards and the
//! hardening rules on every object, attach fixes, parse suppressions.
//!
//! Owns: turning pointers into findings with ranges, objects and container names
//! ([`Ctx::report`]). Does not own any rule logic (see [`crate::pss`], [`crate::hardening`]).

use crate::loader::{Document, Loaded};
use crate::workload::{self, PodSpec};
use crate::{Settings, fix, hardening, pss, suppress};
use bulkhead_diagnostics::{FileOutcome, Finding, K8sObject, RuleMeta};

/// Findings about one object.
pub(crate) struct Ctx<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub doc: &'a Document,
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

/// Check one already-loaded file.
pub fn check_loaded(path: &str, text: &str, loaded: &Loaded, settings: &Settings) -> FileOutcome {
    let mut findings = Vec::new();
    let mut suppressions = Vec::new();
    let nl = if memchr::memmem::find(text.as_bytes(), b"\r\n").is_some() {
        "\r\n"
    } else {
        "\n"
    };
    let json = text.trim_start().starts_with('{');
    for doc in &loaded.docs {
        let mut ctx = Ctx {
            path,
            text,
            doc,
            object: doc.k8s_object(),
            settings,
            out: &mut findings,
            nl,
            json,
        };
        let pod = workload::pod_spec(&doc.value, &settings.pod_spec_paths);
        if let Some(ps) = &pod {
            check_pss(&mut ctx, ps);
            hardening::check_pod(&mut ctx, ps);
        }
        hardening::check_object(&mut ctx);
        suppress::from_annotations(path, doc, pod.as_ref(), &mut suppressions, ctx.out);
    }
    suppress::from_comments(path, text, &mut suppressions, &mut findings);
    FileOutcome {
        findings,
        suppressions,
        errors: loaded.errors.clone(),
    }
}

fn check_pss(ctx: &mut Ctx<'_>, ps: &PodSpec<'_>) {
    let violations = pss::evaluate(ps.spec, ps.meta, ctx.settings.pss);
    for v in violations {
        let ptr = match &v.at {
            pss::At::Spec(p) => format!("{}{p}", ps.spec_ptr),
            pss::At::Meta(p) => format!("{}{p}", ps.meta_ptr),
        };
        let fix = fix::for_pss(ctx, ps, &v);
        let f = ctx.report(v.check.rule(), &ptr, v.container.as_deref(), v.message);
        f.pss_check = Some(v.check.id().to_string());
        f.fix = fix;
    }
}
