//! KS062 `kube-system-namespace`: workload placed in the `kube-system` namespace.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS062",
        name: "kube-system-namespace",
        summary: "Workload placed in the `kube-system` namespace",
        severity: Low,
        category: Security,
        aliases: [Trivy: "KSV-0037"],
        fix: None,
        default_enabled: false,
        what: "Reports workloads (Pod, Deployment, DaemonSet, Job... and their templates' kinds) \
            whose `metadata.namespace` is `kube-system`, except, as Trivy does, the control \
            plane's static pods (labels `tier: control-plane` and `component` one of \
            `kube-apiserver`, `etcd`, `kube-controller-manager`, `kube-scheduler`, with \
            `priorityClassName: system-node-critical`). Off by default (Trivy has it on): cluster \
            add-ons (CNI, DNS, metrics-server, cloud controllers) live in `kube-system` by \
            convention.",
        why: "`kube-system` holds the cluster's most privileged service accounts and secrets, and \
            is exempted from many admission policies; an application pod there can mount them and \
            escapes the policies meant for it. Whoever can create pods in `kube-system` is close \
            to cluster-admin, so access to it should stay rare.",
        example: "```yaml\nkind: Deployment\nmetadata:\n  name: shop\n  namespace: \
            kube-system   # flagged\n```",
        fix_safety: "No automatic fix: move the workload to a namespace of its own.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

/// Trivy's exception to KSV-0037: a control plane static pod (`tier: control-plane`, a core
/// `component` label, `priorityClassName: system-node-critical`).
fn is_control_plane_pod(v: &Value) -> bool {
    let labels = v.pointer("/metadata/labels");
    str_of(labels.and_then(|l| l.get("tier"))) == "control-plane"
        && matches!(
            str_of(labels.and_then(|l| l.get("component"))),
            "kube-apiserver" | "etcd" | "kube-controller-manager" | "kube-scheduler"
        )
        && str_of(v.pointer("/spec/priorityClassName")) == "system-node-critical"
}

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    if crate::rules::util::WORKLOADS.contains(&kind)
        && ctx.doc.namespace() == Some("kube-system")
        && !is_control_plane_pod(&ctx.doc.value)
    {
        ctx.report(
            &META,
            "/metadata/namespace",
            None,
            format!("{kind} is in the `kube-system` namespace, next to the cluster's own privileged components"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\n  namespace: kube-system\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\n  labels: {tier: control-plane, component: kube-apiserver}\nspec:\n  priorityClassName: system-node-critical\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: fake\n  namespace: kube-system\n  labels: {tier: control-plane, component: kube-apiserver}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: kube-system}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: kube-public}\n";
        assert_lines(&super::META, y, &[5, 20]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\n  labels: {tier: control-plane, component: kube-apiserver}\nspec:\n  priorityClassName: system-node-critical\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: kube-system}\n";
        assert_lines(&super::META, y, &[]);
    }
}
