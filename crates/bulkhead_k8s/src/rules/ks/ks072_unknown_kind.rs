//! KS072 `unknown-kind`: an object of a built-in Kubernetes API group has a kind that group
//! does not serve (misspelled, mis-cased, or of another group).

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS072",
        name: "unknown-kind",
        summary: "Kind unknown to its built-in API group (misspelled, mis-cased or of another group)",
        severity: Medium,
        category: Reliability,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Reports an object whose `apiVersion` names a built-in Kubernetes API group (the \
            core `v1`, `apps`, `batch`, `rbac.authorization.k8s.io`, `networking.k8s.io`...) \
            and whose `kind` that group does not serve, with the kind meant when there is one: \
            the same name in other case (`ClusterRolebinding`), a name one or two edits away, \
            or the group that does serve it (`v1` `DeploymentConfig` is OpenShift's \
            `apps.openshift.io/v1`). Groups of custom resources, even under `k8s.io` \
            (`gateway.networking.k8s.io`, `cluster.x-k8s.io`), are not judged.",
        why: "The API server rejects the object, and until then no rule of Bulkhead checks it \
            as what it was meant to be: a misspelled RoleBinding is silently not audited.",
        example: "```yaml\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRolebinding   \
            # flagged: did you mean ClusterRoleBinding?\n```",
        fix_safety: "No automatic fix: the kind meant is a guess.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

/// The kinds each built-in API group serves (any version).
const GROUPS: &[(&str, &[&str])] = &[
    (
        "",
        &[
            "Binding",
            "ComponentStatus",
            "ConfigMap",
            "Endpoints",
            "Event",
            "LimitRange",
            "List",
            "Namespace",
            "Node",
            "PersistentVolume",
            "PersistentVolumeClaim",
            "Pod",
            "PodTemplate",
            "ReplicationController",
            "ResourceQuota",
            "Secret",
            "Service",
            "ServiceAccount",
        ],
    ),
    (
        "apps",
        &[
            "ControllerRevision",
            "DaemonSet",
            "Deployment",
            "ReplicaSet",
            "StatefulSet",
        ],
    ),
    ("batch", &["CronJob", "Job"]),
    ("autoscaling", &["HorizontalPodAutoscaler", "Scale"]),
    (
        "policy",
        &["Eviction", "PodDisruptionBudget", "PodSecurityPolicy"],
    ),
    (
        "extensions",
        &[
            "DaemonSet",
            "Deployment",
            "Ingress",
            "NetworkPolicy",
            "PodSecurityPolicy",
            "ReplicaSet",
        ],
    ),
    (
        "networking.k8s.io",
        &[
            "IPAddress",
            "Ingress",
            "IngressClass",
            "NetworkPolicy",
            "ServiceCIDR",
        ],
    ),
    (
        "rbac.authorization.k8s.io",
        &["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
    ),
    (
        "storage.k8s.io",
        &[
            "CSIDriver",
            "CSINode",
            "CSIStorageCapacity",
            "StorageClass",
            "VolumeAttachment",
            "VolumeAttributesClass",
        ],
    ),
    (
        "admissionregistration.k8s.io",
        &[
            "MutatingAdmissionPolicy",
            "MutatingAdmissionPolicyBinding",
            "MutatingWebhookConfiguration",
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding",
            "ValidatingWebhookConfiguration",
        ],
    ),
    ("apiextensions.k8s.io", &["CustomResourceDefinition"]),
    ("apiregistration.k8s.io", &["APIService"]),
    ("scheduling.k8s.io", &["PriorityClass"]),
    ("coordination.k8s.io", &["Lease", "LeaseCandidate"]),
    ("discovery.k8s.io", &["EndpointSlice"]),
    (
        "certificates.k8s.io",
        &["CertificateSigningRequest", "ClusterTrustBundle"],
    ),
    ("node.k8s.io", &["RuntimeClass"]),
    ("events.k8s.io", &["Event"]),
    (
        "flowcontrol.apiserver.k8s.io",
        &["FlowSchema", "PriorityLevelConfiguration"],
    ),
    (
        "authentication.k8s.io",
        &["SelfSubjectReview", "TokenRequest", "TokenReview"],
    ),
    (
        "authorization.k8s.io",
        &[
            "LocalSubjectAccessReview",
            "SelfSubjectAccessReview",
            "SelfSubjectRulesReview",
            "SubjectAccessReview",
        ],
    ),
    (
        "resource.k8s.io",
        &[
            "DeviceClass",
            "DeviceTaintRule",
            "PodSchedulingContext",
            "ResourceClaim",
            "ResourceClaimTemplate",
            "ResourceClass",
            "ResourceSlice",
        ],
    ),
    ("internal.apiserver.k8s.io", &["StorageVersion"]),
    ("storagemigration.k8s.io", &["StorageVersionMigration"]),
];

/// Kinds of well-known add-on groups, named when one is put under a built-in group.
const ELSEWHERE: &[(&str, &str)] = &[
    ("DeploymentConfig", "apps.openshift.io/v1"),
    ("Route", "route.openshift.io/v1"),
    ("BuildConfig", "build.openshift.io/v1"),
    ("ImageStream", "image.openshift.io/v1"),
    ("Rollout", "argoproj.io/v1alpha1"),
    ("Gateway", "gateway.networking.k8s.io/v1"),
    ("HTTPRoute", "gateway.networking.k8s.io/v1"),
    ("Certificate", "cert-manager.io/v1"),
    ("ServiceMonitor", "monitoring.coreos.com/v1"),
];

/// Edit distance, for `did you mean` (kinds are short ASCII names).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<u8> = b.bytes().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// What to say about `kind` in the built-in group `group` (which does not serve it).
fn hint(group: &str, kinds: &[&str], kind: &str) -> String {
    if let Some(k) = kinds.iter().find(|k| k.eq_ignore_ascii_case(kind)) {
        return format!("; did you mean `{k}`?");
    }
    if let Some(k) = kinds
        .iter()
        .filter(|k| distance(k, kind) <= 2)
        .min_by_key(|k| distance(k, kind))
    {
        return format!("; did you mean `{k}`?");
    }
    let here = |g: &str| if g.is_empty() { "v1".to_string() } else { format!("{g}/v1") };
    if let Some((g, _)) = GROUPS
        .iter()
        .find(|(g, ks)| *g != group && ks.iter().any(|k| k.eq_ignore_ascii_case(kind)))
    {
        return format!("; it is a kind of `{}`", here(g));
    }
    if let Some((_, api)) = ELSEWHERE.iter().find(|(k, _)| k.eq_ignore_ascii_case(kind)) {
        return format!("; it is a kind of `{api}`");
    }
    String::new()
}

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let (Some(api), Some(kind)) = (ctx.doc.api_version(), ctx.doc.kind()) else {
        return;
    };
    if kind.is_empty() || templated(kind) || templated(api) {
        return;
    }
    let group = match api.split_once('/') {
        Some((g, _)) => g,
        None => "",
    };
    let Some((_, kinds)) = GROUPS.iter().find(|(g, _)| *g == group) else {
        return;
    };
    if kinds.contains(&kind) {
        return;
    }
    let msg = format!(
        "`{kind}` is not a kind of `{api}`: the API server rejects it, and no rule checked it as what it was meant to be{}",
        hint(group, kinds, kind)
    );
    ctx.report(&META, "/kind", None, msg);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRolebinding\nmetadata: {name: a}\n---\napiVersion: v1\nkind: DeploymentConfig\nmetadata: {name: b}\n---\napiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Deployment\nmetadata: {name: d}\n---\napiVersion: batch/v1\nkind: Frobnicator\nmetadata: {name: e}\n";
        assert_lines(&super::META, y, &[2, 6, 10, 14, 18]);
        let m = messages(&super::META, y);
        assert!(m[0].ends_with("did you mean `ClusterRoleBinding`?"), "{m:?}");
        assert!(m[1].ends_with("it is a kind of `apps.openshift.io/v1`"), "{m:?}");
        assert!(m[2].ends_with("did you mean `Deployment`?"), "{m:?}");
        assert!(m[3].ends_with("it is a kind of `apps/v1`"), "{m:?}");
        assert!(m[4].ends_with("meant to be"), "{m:?}");
    }

    #[test]
    fn near_misses() {
        // Known kinds, custom groups (even under k8s.io), templates, no kind.
        let y = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: a}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: b}\n---\napiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: c}\n---\napiVersion: v1\nkind: \"{{ .Values.kind }}\"\nmetadata: {name: d}\n---\napiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\nmetadata: {name: e}\n";
        assert_lines(&super::META, y, &[]);
        assert_eq!(super::distance("Deploymnet", "Deployment"), 2);
    }
}
