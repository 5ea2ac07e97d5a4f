//! KS075 `restart-policy-not-set`: a pod spec's `restartPolicy` is neither `Always` nor
//! `OnFailure` (unset or `Never`), as kube-linter's `restart-policy` reads it.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS075",
        name: "restart-policy-not-set",
        summary: "Pod spec does not set restartPolicy to Always or OnFailure",
        severity: Low,
        category: Reliability,
        aliases: [KubeLinter: "restart-policy"],
        fix: None,
        default_enabled: false,
        what: "Reports every pod spec (Pods, workloads, Jobs and CronJobs, custom workloads) whose \
            `restartPolicy` is not written as `Always` or `OnFailure`: unset, `Never`, or \
            anything else. Off by default: an unset policy means `Always`, and `Never` is right \
            for many Jobs; this is kube-linter's reading, for those who want the policy spelled \
            out.",
        why: "A pod that is not restarted on failure stays down until something else notices; \
            spelling the policy out makes the intent reviewable.",
        example: "```yaml\nkind: Pod\nspec:\n  restartPolicy: Never   # flagged\n```",
        fix_safety: "No automatic fix: which policy fits is the author's call.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pod(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>) {
    let policy = str_of(pod.ps.spec.get("restartPolicy"));
    if matches!(policy, "Always" | "OnFailure") || templated(policy) {
        return;
    }
    let msg = if policy.is_empty() {
        "the pod spec sets no `restartPolicy` (write `Always` or `OnFailure`)".to_string()
    } else {
        format!("the pod spec sets `restartPolicy: {policy}`, neither `Always` nor `OnFailure`")
    };
    ctx.report(
        &META,
        &format!("{}/restartPolicy", pod.ps.spec_ptr),
        None,
        msg,
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("restartPolicy: Never\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[6]);
        let y = pod("containers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[5]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let y = pod("restartPolicy: OnFailure\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
        let y = pod("restartPolicy: Always\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
