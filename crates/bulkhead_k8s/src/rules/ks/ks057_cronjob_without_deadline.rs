//! KS057 `cronjob-without-deadline`: CronJob sets no `startingDeadlineSeconds`.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS057",
        name: "cronjob-without-deadline",
        summary: "CronJob sets no `startingDeadlineSeconds`",
        severity: Low,
        category: Reliability,
        aliases: [KubeScore: "cronjob-has-deadline"],
        fix: None,
        default_enabled: false,
        what: "Reports CronJobs (`batch/*`) with a `spec` and no `spec.startingDeadlineSeconds`, \
            as kube-score does. Off by default (kube-score has it on): since the CronJob \
            controller v2 (Kubernetes 1.21) more than 100 missed schedules no longer stop a \
            CronJob for good, and without a deadline a run delayed by controller downtime or by \
            `concurrencyPolicy: Forbid` starts late instead of being skipped, which is often what \
            one wants.",
        why: "A run that could not start on time (controller down, quota exhausted, previous run \
            still going) starts whenever it can, possibly hours late and at a bad time; with a \
            deadline it is counted as missed and the next schedule takes over.",
        example: "```yaml\nkind: CronJob\nspec:   # flagged: no \
            startingDeadlineSeconds\n  schedule: \"0 3 * * *\"\n```",
        fix_safety: "No automatic fix: add `startingDeadlineSeconds` (e.g. 300, and more than 10: \
            the controller checks every 10 seconds).",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    use super::ks056_job_ttl_seconds_after_finished::{batch, set};
    if let Some(("CronJob", spec, _, _)) = batch(ctx)
        && !set(spec, "startingDeadlineSeconds")
    {
        ctx.report(
            &META,
            "/spec/startingDeadlineSeconds",
            None,
            "CronJob sets no `startingDeadlineSeconds`: a run that cannot start on time starts late".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: plain}\nspec:\n  template:\n    spec:\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: tidy}\nspec:\n  ttlSecondsAfterFinished: 600\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hook\n  annotations: {helm.sh/hook: pre-install, helm.sh/hook-delete-policy: hook-succeeded}\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: owned\n  ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: c, uid: x}]\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      ttlSecondsAfterFinished: 100\n      template:\n        spec:\n          containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: ok}\nspec:\n  schedule: \"0 3 * * *\"\n  startingDeadlineSeconds: 300\n  successfulJobsHistoryLimit: 1\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: \"{{ .Values.restartPolicy }}\"\n          containers: [{name: j, image: j:1}]\n---\napiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata: {name: volcano}\nspec:\n  tasks: []\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: fragment}\n";
        assert_lines(&super::META, y, &[44]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: ok}\nspec:\n  schedule: \"0 3 * * *\"\n  startingDeadlineSeconds: 300\n---\napiVersion: batch/v1beta1\nkind: Job\nmetadata: {name: j}\nspec: {}\n";
        assert_lines(&super::META, y, &[]);
    }
}
