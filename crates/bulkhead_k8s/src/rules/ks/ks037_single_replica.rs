//! KS037 `single-replica`: Deployment or StatefulSet runs a single replica.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS037",
        name: "single-replica",
        summary: "Deployment or StatefulSet runs a single replica",
        severity: Info,
        category: Reliability,
        aliases: [
            KubeLinter: "minimum-three-replicas",
            KubeScore: "deployment-replicas",
            Polaris: "deploymentMissingReplicas",
        ],
        fix: None,
        default_enabled: false,
        what: "Reports `replicas` below 2, or no `replicas` at all (the default is 1). Off by \
            default; a workload scaled by a HorizontalPodAutoscaler legitimately omits \
            `replicas`: suppress it there.",
        why: "A single replica is down during every node drain and rollout.",
        example: "```yaml\nspec:\n  replicas: 1   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    let v = &ctx.doc.value;
    if !matches!(kind, "Deployment" | "StatefulSet") || v.get("spec").is_none() {
        return;
    }
    match v.pointer("/spec/replicas") {
        None => {
            ctx.report(
                &META,
                "/spec",
                None,
                format!("{kind} sets no `replicas` (the default is 1)"),
            );
        }
        r if num(r).is_some_and(|r| r < 2.0) => {
            ctx.report(
                &META,
                "/spec/replicas",
                None,
                format!("{kind} runs fewer than 2 replicas"),
            );
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: 1\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: b}\nspec:\n  serviceName: b\n";
        assert_lines(&super::META, y, &[5, 10]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c}\nspec:\n  replicas: 2\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec: {}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: e}\n";
        assert_lines(&super::META, y, &[]);
    }
}
