//! KS039 `exposed-service`: Service exposed outside the cluster (NodePort, LoadBalancer,
//! externalIPs).

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS039",
        name: "exposed-service",
        summary: "Service exposed outside the cluster (NodePort, LoadBalancer, externalIPs)",
        severity: Low,
        category: Network,
        aliases: [Trivy: "KSV-0108", KubeLinter: "exposed-services", KubeScore: "service-type"],
        fix: None,
        default_enabled: true,
        what: "Reports Services of type NodePort or LoadBalancer, and Services with `externalIPs` \
            (CVE-2020-8554).",
        why: "Every node (or a cloud load balancer) accepts traffic for the service, bypassing \
            ingress controls.",
        example: "```yaml\nkind: Service\nspec:\n  type: NodePort   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    if ctx.doc.kind() != Some("Service") {
        return;
    }
    let v = &ctx.doc.value;
    let t = str_of(v.pointer("/spec/type"));
    if t == "NodePort" || t == "LoadBalancer" {
        ctx.report(
            &META,
            "/spec/type",
            None,
            format!("Service of type {t} is reachable from outside the cluster"),
        );
    }
    if v.pointer("/spec/externalIPs")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty())
    {
        ctx.report(
            &META,
            "/spec/externalIPs",
            None,
            "Service sets externalIPs (CVE-2020-8554)".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  type: LoadBalancer\n  externalIPs: [1.2.3.4]\n";
        assert_lines(&super::META, y, &[5, 6]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  type: ClusterIP\n  externalIPs: []\n";
        assert_lines(&super::META, y, &[]);
    }
}
