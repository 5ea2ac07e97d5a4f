//! KS073 `priority-class-not-set`: a pod spec sets no `priorityClassName`.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS073",
        name: "priority-class-not-set",
        summary: "Pod spec sets no priorityClassName",
        severity: Info,
        category: Reliability,
        aliases: [Polaris: "priorityClassNotSet"],
        fix: None,
        default_enabled: false,
        what: "Reports pod specs without `priorityClassName` (or with an empty one). Off by \
            default, as in Polaris: clusters without priority classes need none.",
        why: "Without a priority class every pod has the same priority: under pressure the \
            scheduler may preempt, and the kubelet evict, a critical workload before a batch \
            job.",
        example: "```yaml\nspec:\n  containers:   # flagged: no priorityClassName\n  - name: \
            app\n    image: app:1.0\n```",
        fix_safety: "No automatic fix: the class to use is the cluster's.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pod(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>) {
    if str_of(pod.ps.spec.get("priorityClassName")).is_empty() {
        ctx.report(
            &META,
            &format!("{}/priorityClassName", pod.ps.spec_ptr),
            None,
            "the pod sets no `priorityClassName`".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("priorityClassName: \"\"\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[6]);
        let y = pod("containers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[5]);
    }

    #[test]
    fn near_misses() {
        let y = pod("priorityClassName: high\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
