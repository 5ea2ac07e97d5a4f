//! KS056 `job-ttl-seconds-after-finished`: standalone Job without `ttlSecondsAfterFinished`, or
//! CronJob job template with one.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS056",
        name: "job-ttl-seconds-after-finished",
        summary: "Standalone Job without `ttlSecondsAfterFinished`, or CronJob job template with \
            one",
        severity: Low,
        category: Reliability,
        aliases: [KubeLinter: "job-ttl-seconds-after-finished"],
        fix: None,
        default_enabled: false,
        what: "Follows kube-linter's check of the same name. Reports a Job (`batch/*`) whose \
            `spec.ttlSecondsAfterFinished` is not set, and a CronJob whose \
            `spec.jobTemplate.spec.ttlSecondsAfterFinished` is set: the Jobs a CronJob creates \
            are already pruned by its `successfulJobsHistoryLimit` and `failedJobsHistoryLimit` \
            (3 and 1 when unset), and a TTL on top of them means whichever is stricter wins, so \
            failed runs can vanish before anyone reads their logs. Unlike kube-linter, a Job that \
            something else deletes is not reported: one with `metadata.ownerReferences` (created \
            by a CronJob or an operator), or with a Helm or Argo CD `hook-delete-policy` \
            annotation. Off by default, as in kube-linter: keeping finished Jobs is a \
            housekeeping choice.",
        why: "Finished Jobs and their pods stay in the API forever: they pile up, slow down \
            `kubectl get`, and keep names taken, and re-applying a changed Job manifest fails \
            (`field is immutable`) until someone deletes the old Job.",
        example: "```yaml\nkind: Job\nspec:   # flagged: no \
            ttlSecondsAfterFinished\n  template:\n    spec:\n      restartPolicy: Never\n```",
        fix_safety: "No automatic fix: add e.g. `ttlSecondsAfterFinished: 86400` to the Job's \
            `spec` (long enough to read the logs of a failed run); in a CronJob, remove it from \
            the job template and tune the history limits instead.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

/// Annotations saying a tool deletes the Job once it has run.
const HOOK_DELETE_ANNOTATIONS: [&str; 2] = [
    "helm.sh/hook-delete-policy",
    "argocd.argoproj.io/hook-delete-policy",
];

/// A `batch/*` Job or CronJob: (kind, its spec, the job spec and its pointer).
pub(crate) type Batch<'a> = (
    &'a str,
    &'a Map<String, Value>,
    Option<&'a Map<String, Value>>,
    &'static str,
);

/// The object as a `batch/*` Job or CronJob; shared with KS057 and KS058.
pub(crate) fn batch<'a>(ctx: &Ctx<'a>) -> Option<Batch<'a>> {
    let kind = ctx.doc.kind()?;
    if !matches!(kind, "Job" | "CronJob") || !ctx.doc.api_version()?.starts_with("batch/") {
        return None;
    }
    let spec = ctx.doc.value.get("spec").and_then(Value::as_object)?;
    Some(if kind == "CronJob" {
        (
            kind,
            spec,
            spec.get("jobTemplate")
                .and_then(|t| t.get("spec"))
                .and_then(Value::as_object),
            "/spec/jobTemplate/spec",
        )
    } else {
        (kind, spec, Some(spec), "/spec")
    })
}

/// Whether `key` is set (not null) in `m`.
pub(crate) fn set(m: &Map<String, Value>, key: &str) -> bool {
    m.get(key).is_some_and(|x| !x.is_null())
}

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let Some((kind, spec, job_spec, _)) = batch(ctx) else {
        return;
    };
    if kind == "CronJob" {
        if job_spec.is_some_and(|j| set(j, "ttlSecondsAfterFinished")) {
            ctx.report(
                &META,
                "/spec/jobTemplate/spec/ttlSecondsAfterFinished",
                None,
                "CronJob's job template sets `ttlSecondsAfterFinished`, which overlaps with the CronJob's history limits (the stricter one wins)".into(),
            );
        }
        return;
    }
    if set(spec, "ttlSecondsAfterFinished") {
        return;
    }
    let meta = ctx.doc.value.get("metadata");
    let owned = meta
        .and_then(|m| m.get("ownerReferences"))
        .and_then(Value::as_array)
        .is_some_and(|o| !o.is_empty());
    let hook = meta
        .and_then(|m| m.get("annotations"))
        .and_then(Value::as_object)
        .is_some_and(|a| HOOK_DELETE_ANNOTATIONS.iter().any(|k| a.contains_key(*k)));
    if !owned && !hook {
        ctx.report(
            &META,
            "/spec/ttlSecondsAfterFinished",
            None,
            "Job sets no `ttlSecondsAfterFinished`: it and its pods stay in the API after it finishes".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: plain}\nspec:\n  template:\n    spec:\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: tidy}\nspec:\n  ttlSecondsAfterFinished: 600\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hook\n  annotations: {helm.sh/hook: pre-install, helm.sh/hook-delete-policy: hook-succeeded}\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: owned\n  ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: c, uid: x}]\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      ttlSecondsAfterFinished: 100\n      template:\n        spec:\n          containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: ok}\nspec:\n  schedule: \"0 3 * * *\"\n  startingDeadlineSeconds: 300\n  successfulJobsHistoryLimit: 1\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: \"{{ .Values.restartPolicy }}\"\n          containers: [{name: j, image: j:1}]\n---\napiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata: {name: volcano}\nspec:\n  tasks: []\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: fragment}\n";
        assert_lines(&super::META, y, &[4, 48]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: tidy}\nspec:\n  ttlSecondsAfterFinished: 600\n---\napiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata: {name: volcano}\nspec:\n  tasks: []\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: fragment}\n";
        assert_lines(&super::META, y, &[]);
    }
}
