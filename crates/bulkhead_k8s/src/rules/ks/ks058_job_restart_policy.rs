//! KS058 `job-restart-policy`: Job or CronJob pod template restartPolicy is not OnFailure or Never.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS058",
        name: "job-restart-policy",
        summary: "Job or CronJob pod template restartPolicy is not OnFailure or Never",
        severity: High,
        category: Reliability,
        aliases: [KubeScore: "cronjob-restartpolicy"],
        fix: None,
        default_enabled: true,
        what: "Reports Jobs and CronJobs (`batch/*`) whose pod template's `restartPolicy` is \
            missing or is neither `OnFailure` nor `Never`. kube-score checks CronJobs only; the \
            API server applies the same rule to Jobs.",
        why: "A pod template's `restartPolicy` defaults to `Always`, which the API server refuses \
            for Jobs: the Job or CronJob is rejected at apply time \
            (`spec.template.spec.restartPolicy: Required value`, or `Unsupported value: \
            \"Always\"`).",
        example: "```yaml\nkind: CronJob\n\
            spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:   # flagged: no \
            restartPolicy\n          containers: [{name: job, image: job:1.0}]\n```",
        fix_safety: "No automatic fix: set `restartPolicy: OnFailure` (retry in the same pod) or \
            `Never` (a new pod per retry, keeping the failed ones for their logs).",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let Some((kind, _, job_spec, job_ptr)) = super::ks056_job_ttl_seconds_after_finished::batch(ctx)
    else {
        return;
    };
    let Some(pod_spec) = job_spec
        .and_then(|j| j.get("template"))
        .and_then(|t| t.get("spec"))
        .and_then(Value::as_object)
    else {
        return;
    };
    let policy = pod_spec.get("restartPolicy");
    let p = str_of(policy);
    if matches!(p, "OnFailure" | "Never") || templated(p) {
        return;
    }
    let msg = if policy.is_none_or(Value::is_null) {
        format!(
            "{kind} pod template sets no `restartPolicy` (it defaults to `Always`, which the API server rejects for Jobs)"
        )
    } else {
        format!(
            "{kind} pod template sets `restartPolicy: {p}`; Jobs accept only `OnFailure` or `Never`"
        )
    };
    let ptr = format!("{job_ptr}/template/spec/restartPolicy");
    ctx.report(&META, &ptr, None, msg);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: plain}\nspec:\n  template:\n    spec:\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: tidy}\nspec:\n  ttlSecondsAfterFinished: 600\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hook\n  annotations: {helm.sh/hook: pre-install, helm.sh/hook-delete-policy: hook-succeeded}\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: owned\n  ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: c, uid: x}]\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      ttlSecondsAfterFinished: 100\n      template:\n        spec:\n          containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: ok}\nspec:\n  schedule: \"0 3 * * *\"\n  startingDeadlineSeconds: 300\n  successfulJobsHistoryLimit: 1\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: \"{{ .Values.restartPolicy }}\"\n          containers: [{name: j, image: j:1}]\n---\napiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata: {name: volcano}\nspec:\n  tasks: []\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: fragment}\n";
        assert_lines(&super::META, y, &[6, 27, 50]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: j, image: j:1}]\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: b}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: \"{{ .Values.restartPolicy }}\"\n";
        assert_lines(&super::META, y, &[]);
    }
}
