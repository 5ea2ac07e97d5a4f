//! KS038 `deprecated-api-version`: apiVersion removed from current Kubernetes.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS038",
        name: "deprecated-api-version",
        summary: "apiVersion removed from current Kubernetes",
        severity: Medium,
        category: Reliability,
        aliases: [
            Trivy: "KSV-0107",
            KubeLinter: "no-extensions-v1beta",
            KubeScore: "stable-version",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports apiVersion/kind pairs removed from Kubernetes (extensions/v1beta1, \
            apps/v1beta1 and v1beta2, batch/v1beta1 CronJob, policy/v1beta1, \
            networking.k8s.io/v1beta1 Ingress, rbac v1beta1, autoscaling v2beta1/v2beta2, ...), \
            with the release that removed them and the replacement.",
        why: "The API server rejects them: the manifest cannot be applied to a current cluster.",
        example: "```yaml\napiVersion: extensions/v1beta1   # flagged: use apps/v1\nkind: \
            Deployment\n```",
        fix_safety: "No automatic fix: the newer versions differ in required fields (e.g. \
            `selector`).",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

/// Removed API versions: (apiVersion, kind or "*", removed in, replacement).
const REMOVED: [(&str, &str, &str, &str); 29] = [
    ("extensions/v1beta1", "Deployment", "1.16", "apps/v1"),
    ("extensions/v1beta1", "DaemonSet", "1.16", "apps/v1"),
    ("extensions/v1beta1", "ReplicaSet", "1.16", "apps/v1"),
    ("extensions/v1beta1", "NetworkPolicy", "1.16", "networking.k8s.io/v1"),
    ("extensions/v1beta1", "PodSecurityPolicy", "1.16", "(removed in 1.25)"),
    ("extensions/v1beta1", "Ingress", "1.22", "networking.k8s.io/v1"),
    ("apps/v1beta1", "*", "1.16", "apps/v1"),
    ("apps/v1beta2", "*", "1.16", "apps/v1"),
    ("batch/v1beta1", "CronJob", "1.25", "batch/v1"),
    ("batch/v2alpha1", "*", "1.21", "batch/v1"),
    ("policy/v1beta1", "PodDisruptionBudget", "1.25", "policy/v1"),
    ("policy/v1beta1", "PodSecurityPolicy", "1.25", "Pod Security Admission"),
    ("networking.k8s.io/v1beta1", "Ingress", "1.22", "networking.k8s.io/v1"),
    ("networking.k8s.io/v1beta1", "IngressClass", "1.22", "networking.k8s.io/v1"),
    ("rbac.authorization.k8s.io/v1beta1", "*", "1.22", "rbac.authorization.k8s.io/v1"),
    ("rbac.authorization.k8s.io/v1alpha1", "*", "1.22", "rbac.authorization.k8s.io/v1"),
    ("apiextensions.k8s.io/v1beta1", "*", "1.22", "apiextensions.k8s.io/v1"),
    ("admissionregistration.k8s.io/v1beta1", "*", "1.22", "admissionregistration.k8s.io/v1"),
    ("autoscaling/v2beta1", "*", "1.25", "autoscaling/v2"),
    ("autoscaling/v2beta2", "*", "1.26", "autoscaling/v2"),
    ("storage.k8s.io/v1beta1", "CSIStorageCapacity", "1.27", "storage.k8s.io/v1"),
    ("scheduling.k8s.io/v1beta1", "*", "1.22", "scheduling.k8s.io/v1"),
    ("certificates.k8s.io/v1beta1", "*", "1.22", "certificates.k8s.io/v1"),
    ("discovery.k8s.io/v1beta1", "*", "1.25", "discovery.k8s.io/v1"),
    ("storage.k8s.io/v1beta1", "CSIDriver", "1.22", "storage.k8s.io/v1"),
    ("storage.k8s.io/v1beta1", "StorageClass", "1.22", "storage.k8s.io/v1"),
    ("coordination.k8s.io/v1beta1", "*", "1.22", "coordination.k8s.io/v1"),
    ("node.k8s.io/v1beta1", "*", "1.25", "node.k8s.io/v1"),
    ("events.k8s.io/v1beta1", "*", "1.25", "events.k8s.io/v1"),
];

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    let api = ctx.doc.api_version().unwrap_or("");
    if let Some((_, _, when, repl)) = REMOVED
        .iter()
        .find(|(a, k, _, _)| *a == api && (*k == "*" || *k == kind))
    {
        ctx.report(
            &META,
            "/apiVersion",
            None,
            format!("`{api}` {kind} was removed in Kubernetes {when}; use {repl}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: a}\n---\napiVersion: apps/v1beta2\nkind: StatefulSet\nmetadata: {name: b}\n---\napiVersion: events.k8s.io/v1beta1\nkind: Event\nmetadata: {name: c}\n";
        assert_lines(&super::META, y, &[1, 5, 9]);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\n---\napiVersion: storage.k8s.io/v1beta1\nkind: VolumeAttachment\nmetadata: {name: b}\n";
        assert_lines(&super::META, y, &[]);
    }
}
