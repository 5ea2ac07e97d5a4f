//! KS074 `restart-policy`: a long-running workload's pod template sets a `restartPolicy`
//! other than `Always`.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS074",
        name: "restart-policy",
        summary: "Long-running workload's pod template sets a restartPolicy other than Always",
        severity: High,
        category: Reliability,
        aliases: [],
        fix: Safe,
        default_enabled: true,
        what: "Reports the pod templates of Deployments, StatefulSets, DaemonSets, ReplicaSets, \
            ReplicationControllers and custom workloads (Argo Rollout...) whose `restartPolicy` \
            is set to anything but `Always`. Jobs are KS058's; bare Pods may use any policy. \
            kube-linter's `restart-policy` means something else (KS075).",
        why: "These controllers keep pods running: the API server rejects any other policy for \
            them, so the manifest never applies.",
        example: "```yaml\nkind: Deployment\nspec:\n  template:\n    spec:\n      \
            restartPolicy: OnFailure   # flagged\n```",
        fix_safety: "Safe: the fix sets `Always`, the only value these controllers accept.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pod(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>) {
    if pod.ps.batch || ctx.doc.kind() == Some("Pod") || ctx.doc.kind() == Some("PodTemplate") {
        return;
    }
    let policy = str_of(pod.ps.spec.get("restartPolicy"));
    if policy.is_empty() || policy == "Always" || templated(policy) {
        return;
    }
    let ptr = format!("{}/restartPolicy", pod.ps.spec_ptr);
    let mut ed = Editor::new(ctx);
    let fix = ctx
        .doc
        .node(&ptr)
        .and_then(|n| ed.replace_scalar(n, "Always"))
        .and_then(|()| ed.finish("Set `restartPolicy: Always`", Applicability::Safe));
    let kind = ctx.doc.kind().unwrap_or("workload");
    let f = ctx.report(
        &META,
        &ptr,
        None,
        format!("{kind} pod template sets `restartPolicy: {policy}`; only `Always` is accepted"),
    );
    f.fix = fix;
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers: [{name: c, image: i:1}]\n";
        assert_lines(&super::META, y, &[7]);
        assert_fixed(&super::META, y, "      restartPolicy: Always\n", false);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  restartPolicy: Never\n  containers: [{name: c, image: i:1}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n";
        assert_lines(&super::META, y, &[]);
    }
}
