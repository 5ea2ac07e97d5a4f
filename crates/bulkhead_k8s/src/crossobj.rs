//! The cross-object pass: the index of every object of a run ([`SetCtx`], built once) and
//! the driver that runs the rules whose hook is [`crate::rules::Hook::Set`]: checks that need
//! every object of the run (KS016 ServiceAccount
//! referenced but not defined, KS036 Service selecting no pod template, KS048 multi-replica
//! workload without a PodDisruptionBudget, KS049 Ingress backend Service not defined, KS050
//! HorizontalPodAutoscaler target not defined, KS063 NetworkPolicy selecting no pod template,
//! KS064 workload that no NetworkPolicy selects).
//!
//! The "not defined" rules only speak when the input shows the author manages that kind of
//! object here: KS016 when the workload's directory defines ServiceAccounts; KS036 when the
//! Service's directory defines workloads of its namespace and no custom resources (which may
//! create pods from templates we cannot see); KS049 when the Ingress's directory defines
//! Services of its namespace and no custom resources; KS050 when the autoscaler's directory
//! defines objects of the target's kind in its namespace; KS063 under KS036's condition.
//! Labels that controllers add to pods (`job-name`, `statefulset.kubernetes.io/pod-name`, ...)
//! are ignored in selectors, and templated names (`$X`, `<x>`, `{{ x }}`) are never looked
//! up. Every index is built once per run; each rule's logic is in its own file under
//! `src/rules/ks/`.

use crate::Settings;
use crate::loader::{Document, Loaded};
use crate::rules::{HOOKS, Hook};
use crate::workload;
use bulkhead_diagnostics::{Finding, RuleMeta};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Labels that controllers put on the pods they create (never in a template).
pub(crate) const CONTROLLER_LABELS: [&str; 9] = [
    "job-name",
    "batch.kubernetes.io/job-name",
    "controller-uid",
    "batch.kubernetes.io/controller-uid",
    "statefulset.kubernetes.io/pod-name",
    "apps.kubernetes.io/pod-index",
    "pod-template-hash",
    "controller-revision-hash",
    "pod-template-generation",
];

/// The directory part of a path (`""` for a bare file name).
pub(crate) fn dir_of(path: &str) -> &str {
    path.rsplit_once(['/', '\\']).map_or("", |(d, _)| d)
}

/// Whether an apiVersion belongs to a custom resource (a dotted group not of Kubernetes).
pub(crate) fn is_custom_resource(api: &str) -> bool {
    match api.split_once('/') {
        Some((group, _)) => group.contains('.') && !group.ends_with(".k8s.io"),
        None => false,
    }
}

/// Whether two namespaces may be the same (either is given at apply time when absent).
pub(crate) fn ns_match(a: Option<&str>, b: Option<&str>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// A finding of `rule` at `ptr` in `doc` of the file `path`.
pub(crate) fn finding(
    rule: &'static RuleMeta,
    path: &str,
    doc: &Document,
    ptr: &str,
    msg: String,
) -> Finding {
    let mut f = Finding::new(rule, path, doc.range_of(ptr), msg);
    f.object = doc.k8s_object();
    f
}

/// The labels of a pod template.
pub(crate) fn pod_labels<'d>(ps: &workload::PodSpec<'d>) -> Option<&'d Map<String, Value>> {
    ps.meta
        .and_then(|m| m.get("labels"))
        .and_then(Value::as_object)
}

/// Whether [`check_set`] reads anything of `doc` beyond its identity (`apiVersion`, `kind`,
/// name, namespace, labels, annotations): callers that keep every file's objects for the
/// pass may [`Document::slim`] the others. Keep in step with the rules' Set hooks.
pub fn reads_whole(doc: &Document, settings: &Settings) -> bool {
    matches!(
        doc.kind(),
        Some(
            "ServiceAccount"
                | "Service"
                | "PodDisruptionBudget"
                | "Ingress"
                | "HorizontalPodAutoscaler"
                | "NetworkPolicy"
                | "RoleBinding"
                | "ClusterRoleBinding"
        )
    ) || crate::rules::ks::ks070_binding_grants_pod_exec::role_grants_exec(doc)
        || workload::pod_spec(&doc.value, &settings.pod_spec_paths).is_some()
}

/// What the passes over every object read of an object they know only by its identity
/// (ConfigMaps, roles, custom resources...: its kind for the indexes, its name for KS050's
/// lookups): for [`Document::prune`]. Unlike [`Document::slim`] labels and annotations are
/// dropped: no pass reads them of these objects, and some annotations are whole objects
/// (`kubectl.kubernetes.io/last-applied-configuration`).
pub const IDENTITY: [&str; 4] = [
    "/apiVersion",
    "/kind",
    "/metadata/name",
    "/metadata/namespace",
];

/// What the passes over every object read of an object they read whole (Services,
/// policies, bindings...), for [`Document::prune`]: every field but `status` and, of
/// `metadata`, `annotations` and `managedFields`, which no pass reads and which can be large
/// (`kubectl.kubernetes.io/last-applied-configuration` holds the whole object again).
pub fn whole_view(doc: &Document) -> Vec<String> {
    let Some(obj) = doc.value.as_object() else {
        return vec![String::new()];
    };
    let mut keep = Vec::new();
    for (k, v) in obj {
        match (k.as_str(), v) {
            ("status", _) => {}
            ("metadata", Value::Object(m)) => keep.extend(
                m.keys()
                    .filter(|mk| !matches!(mk.as_str(), "annotations" | "managedFields"))
                    .map(|mk| format!("/metadata/{mk}")),
            ),
            _ => keep.push(format!("/{k}")),
        }
    }
    keep
}

/// What [`check_set`] and the NetworkPolicy model (`bulkhead_netpol::model`) read of an
/// object that carries a pod spec and is read for nothing else, as pointers for
/// [`Document::prune`]: its identity, replicas and selector, the template's labels, and of
/// the pod spec the service account, `hostNetwork` and the containers' ports. `None` when the
/// object is read whole (Services, policies, bindings, roles that grant exec...) or carries
/// no pod spec. Keep in step with the rules' Set hooks and `Cluster::build`.
pub fn workload_view(doc: &Document, settings: &Settings) -> Option<Vec<String>> {
    if matches!(
        doc.kind(),
        Some(
            "ServiceAccount"
                | "Service"
                | "PodDisruptionBudget"
                | "Ingress"
                | "HorizontalPodAutoscaler"
                | "NetworkPolicy"
                | "RoleBinding"
                | "ClusterRoleBinding"
                | "Namespace"
        )
    ) || doc.kind().is_some_and(|k| k.ends_with("List"))
        || crate::rules::ks::ks070_binding_grants_pod_exec::role_grants_exec(doc)
    {
        return None;
    }
    let ps = workload::pod_spec(&doc.value, &settings.pod_spec_paths)?;
    let mut keep: Vec<String> = IDENTITY
        .iter()
        .chain(&["/spec/replicas", "/spec/selector"])
        .map(|p| p.to_string())
        .collect();
    keep.push(format!("{}/labels", ps.meta_ptr));
    // The pod spec the rules see, and the templates the NetworkPolicy model reads on its own.
    let specs = [
        ps.spec_ptr.to_string(),
        "/spec".to_string(),
        "/spec/template/spec".to_string(),
        "/spec/jobTemplate/spec/template/spec".to_string(),
    ];
    keep.push("/spec/template/metadata/labels".to_string());
    keep.push("/spec/jobTemplate/spec/template/metadata/labels".to_string());
    for spec in specs {
        for field in [
            "serviceAccountName",
            "serviceAccount",
            "hostNetwork",
            "containers/*/ports",
            "initContainers/*/ports",
        ] {
            keep.push(format!("{spec}/{field}"));
        }
    }
    Some(keep)
}

/// Every object of a run, indexed once for the cross-object rules.
pub(crate) struct SetCtx<'a> {
    /// Every object with its file's path, in input order.
    pub docs: Vec<(&'a str, &'a Document)>,
    /// Their kinds (`""` when absent), in the same order.
    pub kinds: Vec<&'a str>,
    /// The objects that carry a pod spec.
    pub pods: Vec<(&'a str, &'a Document, workload::PodSpec<'a>)>,
    /// Pods by template label pair, so a selector only looks at pods that carry one of its
    /// pairs.
    pub by_label: HashMap<(&'a str, &'a str), Vec<usize>>,
    /// The template labels of each pod, in `pods` order.
    pub pod_labels: Vec<Option<&'a Map<String, Value>>>,
    /// (directory, namespace) of the files that hold workloads.
    pub dirs_with_pods: Vec<(&'a str, Option<&'a str>)>,
    /// Directories that hold custom resources (which may create pods from templates we do
    /// not know, e.g. LeaderWorkerSet or operators' CRs).
    pub dirs_with_custom: Vec<&'a str>,
}

impl<'a> SetCtx<'a> {
    fn new(files: &[(&'a str, &'a Loaded)], settings: &Settings) -> Self {
        let docs: Vec<(&str, &Document)> = files
            .iter()
            .flat_map(|(p, l)| l.docs.iter().map(move |d| (*p, d)))
            .collect();
        let kinds = docs.iter().map(|(_, d)| d.kind().unwrap_or("")).collect();
        let pods: Vec<(&str, &Document, workload::PodSpec<'_>)> = docs
            .iter()
            .filter_map(|(p, d)| {
                Some((
                    *p,
                    *d,
                    workload::pod_spec(&d.value, &settings.pod_spec_paths)?,
                ))
            })
            .collect();
        let mut by_label: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        let mut labels_of = Vec::with_capacity(pods.len());
        for (i, (_, _, ps)) in pods.iter().enumerate() {
            let labels = pod_labels(ps);
            for (k, v) in labels.into_iter().flatten() {
                if let Some(v) = v.as_str() {
                    by_label.entry((k.as_str(), v)).or_default().push(i);
                }
            }
            labels_of.push(labels);
        }
        let mut dirs_with_pods: Vec<(&str, Option<&str>)> = pods
            .iter()
            .map(|(p, d, _)| (dir_of(p), d.namespace()))
            .collect();
        dirs_with_pods.sort_unstable();
        dirs_with_pods.dedup();
        let mut dirs_with_custom: Vec<&str> = docs
            .iter()
            .filter(|(_, d)| is_custom_resource(d.api_version().unwrap_or("")))
            .map(|(p, _)| dir_of(p))
            .collect();
        dirs_with_custom.sort_unstable();
        dirs_with_custom.dedup();
        SetCtx {
            docs,
            kinds,
            pods,
            by_label,
            pod_labels: labels_of,
            dirs_with_pods,
            dirs_with_custom,
        }
    }

    /// The objects of one kind, with their paths, in input order.
    pub fn of_kind(&self, kind: &'a str) -> impl Iterator<Item = (&'a str, &'a Document)> + '_ {
        self.docs
            .iter()
            .zip(&self.kinds)
            .filter(move |(_, k)| **k == kind)
            .map(|(d, _)| *d)
    }

    /// Whether the directory of `path` defines workloads of namespace `ns` and no custom
    /// resources: the condition under which a selector that matches nothing is reported.
    pub fn pods_here(&self, path: &str, ns: Option<&str>) -> bool {
        let dir = dir_of(path);
        self.dirs_with_custom.binary_search(&dir).is_err()
            && self
                .dirs_with_pods
                .iter()
                .any(|(d, n)| *d == dir && ns_match(*n, ns))
    }
}

/// Run the cross-object rules over every loaded Kubernetes file of a run.
pub fn check_set(files: &[(&str, &Loaded)], settings: &Settings) -> Vec<Finding> {
    check_set_selected(files, settings, &|_| true)
}

/// [`check_set`] running only the rules `enabled` accepts (a rule that is off makes no
/// finding to be dropped later: KS064 would report most workloads of a large tree).
pub fn check_set_selected(
    files: &[(&str, &Loaded)],
    settings: &Settings,
    enabled: &dyn Fn(&RuleMeta) -> bool,
) -> Vec<Finding> {
    let set = SetCtx::new(files, settings);
    let mut out = Vec::new();
    for (rule, hook) in crate::rules::RULES.iter().zip(HOOKS) {
        if let Hook::Set(f) = hook
            && enabled(rule)
        {
            f(&set, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ks048(files: &[(&str, &str)]) -> Vec<(String, u32)> {
        let loaded: Vec<Loaded> = files.iter().map(|(p, t)| crate::load(p, t)).collect();
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&loaded).collect();
        check_set(&pairs, &Settings::default())
            .into_iter()
            .filter(|f| f.rule.code == "KS048")
            .map(|f| (f.path, f.range.unwrap().start.line))
            .collect()
    }

    fn hits(files: &[(&str, &str)], codes: &[&str]) -> Vec<(&'static str, String, u32)> {
        let loaded: Vec<Loaded> = files.iter().map(|(p, t)| crate::load(p, t)).collect();
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&loaded).collect();
        let mut v: Vec<_> = check_set(&pairs, &Settings::default())
            .into_iter()
            .filter(|f| codes.contains(&f.rule.code))
            .map(|f| (f.rule.code, f.path, f.range.unwrap().start.line))
            .collect();
        v.sort();
        v
    }

    const NP_DEPLOYS: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    metadata:\n      labels: {app: api, tier: back}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: worker}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: o, namespace: other}\nspec:\n  template:\n    metadata:\n      labels: {app: o}\n    spec:\n      containers: [{name: c, image: i:1}]\n";

    #[test]
    fn slimming_what_the_pass_reads_only_by_identity_changes_nothing() {
        let mixed = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: shop}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: svc, namespace: shop}\nspec:\n  selector: {app: nobody}\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: in, namespace: shop}\nspec:\n  defaultBackend: {service: {name: missing, port: {number: 80}}}\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h, namespace: shop}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: gone}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop, labels: {app: web}}\ndata: {k: v}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: shop}\nrules: [{apiGroups: [\"\"], resources: [pods/exec], verbs: [create]}]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: reader, namespace: shop}\nrules: [{apiGroups: [\"\"], resources: [pods], verbs: [get]}]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb, namespace: shop}\nroleRef: {kind: Role, name: r}\n";
        let files = [("d/a.yaml", NP_DEPLOYS), ("d/b.yaml", mixed)];
        let settings = Settings::default();
        let loaded: Vec<Loaded> = files.iter().map(|(p, t)| crate::load(p, t)).collect();
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&loaded).collect();
        let whole = check_set(&pairs, &settings);
        let mut slim = loaded.clone();
        let mut slimmed = 0;
        for l in &mut slim {
            for d in &mut l.docs {
                if !reads_whole(d, &settings) {
                    d.slim();
                    slimmed += 1;
                }
            }
        }
        assert_eq!(slimmed, 2);
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&slim).collect();
        let after = check_set(&pairs, &settings);
        let show = |fs: &[Finding]| -> Vec<String> {
            fs.iter()
                .map(|f| format!("{} {} {:?} {}", f.rule.code, f.path, f.range, f.message))
                .collect()
        };
        assert!(whole.len() >= 3, "{:?}", show(&whole));
        assert!(
            whole.iter().any(|f| f.rule.code == "KS070"),
            "{:?}",
            show(&whole)
        );
        assert_eq!(show(&after), show(&whole));
    }

    /// What a streamed `check` keeps for the pass: identities without positions, workload
    /// views, whole objects without annotations; every finding is the same.
    #[test]
    fn views_change_nothing() {
        let extra = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: s2, namespace: shop, annotations: {x: y}}\n  spec: {selector: {app: gone}}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: d2, namespace: shop}\n  spec:\n    replicas: 2\n    template:\n      metadata: {labels: {app: d2}}\n      spec:\n        serviceAccountName: nope\n        containers: [{name: c, image: i:1, env: [{name: A, value: b}], ports: [{containerPort: 80}]}]\n";
        let files = [
            ("d/a.yaml", NP_DEPLOYS),
            (
                "d/p.yaml",
                "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web-only, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {app: web}\n",
            ),
            (
                "d/s.yaml",
                "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: shop}\n",
            ),
            ("d/l.yaml", extra),
            ("d/h.yaml", HPA),
        ];
        let settings = Settings::default();
        let loaded: Vec<Loaded> = files.iter().map(|(p, t)| crate::load(p, t)).collect();
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&loaded).collect();
        let whole = check_set(&pairs, &settings);
        let mut views = loaded.clone();
        let mut pruned = 0;
        for l in &mut views {
            for d in &mut l.docs {
                if !reads_whole(d, &settings) {
                    d.prune_parts(&IDENTITY, &[]);
                } else if let Some(keep) = workload_view(d, &settings) {
                    d.prune(&keep.iter().map(String::as_str).collect::<Vec<_>>());
                    pruned += 1;
                } else {
                    let keep = whole_view(d);
                    d.prune(&keep.iter().map(String::as_str).collect::<Vec<_>>());
                }
            }
        }
        assert_eq!(pruned, 5);
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&views).collect();
        let after = check_set(&pairs, &settings);
        let show = |fs: &[Finding]| -> Vec<String> {
            fs.iter()
                .map(|f| {
                    format!(
                        "{} {} {:?} {} {:?}",
                        f.rule.code, f.path, f.range, f.message, f.object
                    )
                })
                .collect()
        };
        for code in ["KS016", "KS036", "KS048", "KS050", "KS064"] {
            assert!(
                whole.iter().any(|f| f.rule.code == code),
                "{code}: {:?}",
                show(&whole)
            );
        }
        assert_eq!(show(&after), show(&whole));
        // Only the selected rules run, and they find what they find in the full pass.
        let only = |f: &Finding| matches!(f.rule.code, "KS036" | "KS050");
        let selected =
            check_set_selected(&pairs, &settings, &|r| matches!(r.code, "KS036" | "KS050"));
        let expected: Vec<Finding> = after.into_iter().filter(only).collect();
        assert!(expected.len() >= 2 && selected.iter().all(only));
        assert_eq!(show(&selected), show(&expected));
    }

    #[test]
    fn network_policies_and_isolation() {
        let policies = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web-only, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {app: web}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: stale, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {app: old}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: expr, namespace: shop}\nspec:\n  podSelector:\n    matchExpressions: [{key: tier, operator: In, values: [back]}]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: one-pod, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {statefulset.kubernetes.io/pod-name: db-0}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: all, namespace: other}\nspec:\n  podSelector: {}\n";
        let fragment = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: f, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {app: zzz}\n";
        let files = [
            ("app/deploy.yaml", NP_DEPLOYS),
            ("app/netpol.yaml", policies),
            ("frag/netpol.yaml", fragment),
        ];
        assert_eq!(
            hits(&files, &["KS063", "KS064"]),
            [
                ("KS063", "app/netpol.yaml".into(), 12),
                ("KS064", "app/deploy.yaml".into(), 24)
            ]
        );
        // Without any policy every workload is reported (KS064 is off by default).
        assert_eq!(
            hits(&[("app/deploy.yaml", NP_DEPLOYS)], &["KS063", "KS064"]),
            [
                ("KS064", "app/deploy.yaml".into(), 3),
                ("KS064", "app/deploy.yaml".into(), 13),
                ("KS064", "app/deploy.yaml".into(), 24),
                ("KS064", "app/deploy.yaml".into(), 35)
            ]
        );
        assert!(
            crate::rules::ks::ks063_networkpolicy_selects_nothing::META.default_enabled
                && !crate::rules::ks::ks064_pod_not_isolated::META.default_enabled
        );
    }

    const DEPLOY: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata:\n      labels: {app: web, tier: front}\n    spec:\n      containers: [{name: c, image: i:1}]\n";

    #[test]
    fn multi_replica_without_pdb() {
        assert_eq!(ks048(&[("a/d.yaml", DEPLOY)]), [("a/d.yaml".into(), 5)]);
        // A budget selecting other pods, or in another namespace, does not count.
        let other = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p, namespace: shop}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: api}}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: q, namespace: other}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n";
        assert_eq!(
            ks048(&[("a/d.yaml", DEPLOY), ("a/p.yaml", other)]),
            [("a/d.yaml".into(), 5)]
        );
        assert!(!crate::rules::ks::ks048_missing_pod_disruption_budget::META.default_enabled);
    }

    fn codes(files: &[(&str, &str)], code: &str) -> Vec<(String, u32)> {
        let loaded: Vec<Loaded> = files.iter().map(|(p, t)| crate::load(p, t)).collect();
        let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&loaded).collect();
        check_set(&pairs, &Settings::default())
            .into_iter()
            .filter(|f| f.rule.code == code)
            .map(|f| (f.path, f.range.unwrap().start.line))
            .collect()
    }

    const SVC: &str = "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  ports: [{port: 80}]\n";
    const INGRESS: &str = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i, namespace: shop}\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port: {number: 80}\n  rules:\n  - host: a.example\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: wbe\n            port: {number: 80}\n      - path: /api\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port: {number: 80}\n      - path: /static\n        pathType: Prefix\n        backend:\n          resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: b}\n";

    #[test]
    fn ingress_backend_not_defined() {
        // `wbe` (line 17) is a typo; `web` is defined; the resource backend is not looked up.
        assert_eq!(
            codes(&[("a/i.yaml", INGRESS), ("a/s.yaml", SVC)], "KS049"),
            [("a/i.yaml".into(), 17)]
        );
        // The old shape (serviceName), and a Service of another namespace does not count.
        let old = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i, namespace: shop}\nspec:\n  backend:\n    serviceName: api\n    servicePort: 80\n  rules:\n  - http:\n      paths:\n      - backend:\n          serviceName: web\n          servicePort: 80\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: other}\n";
        assert_eq!(
            codes(&[("a/i.yaml", old), ("a/s.yaml", SVC)], "KS049"),
            [("a/i.yaml".into(), 6)]
        );
        assert!(crate::rules::ks::ks049_ingress_backend_not_found::META.default_enabled);
    }

    #[test]
    fn ingress_quiet_on_partial_inputs() {
        // No Service of the namespace in the Ingress's directory: a fragment, not reported.
        assert_eq!(codes(&[("a/i.yaml", INGRESS)], "KS049"), []);
        assert_eq!(
            codes(&[("a/i.yaml", INGRESS), ("b/s.yaml", SVC)], "KS049"),
            []
        );
        let other_ns = SVC.replace("namespace: shop", "namespace: blog");
        assert_eq!(
            codes(&[("a/i.yaml", INGRESS), ("a/s.yaml", &other_ns)], "KS049"),
            []
        );
        // Custom resources in the directory may create the Service.
        let cr = "apiVersion: example.com/v1\nkind: App\nmetadata: {name: x, namespace: shop}\n";
        assert_eq!(
            codes(
                &[("a/i.yaml", INGRESS), ("a/s.yaml", SVC), ("a/c.yaml", cr)],
                "KS049"
            ),
            []
        );
        // Templated names are not looked up.
        let tpl = INGRESS.replace("name: wbe", "name: ${SERVICE}");
        assert_eq!(codes(&[("a/i.yaml", &tpl), ("a/s.yaml", SVC)], "KS049"), []);
    }

    const HPA: &str = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h, namespace: shop}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web-api\n  minReplicas: 2\n  maxReplicas: 5\n";

    #[test]
    fn hpa_target_not_defined() {
        // The directory defines Deployment `web`, not `web-api`.
        assert_eq!(
            codes(&[("a/h.yaml", HPA), ("a/d.yaml", DEPLOY)], "KS050"),
            [("a/h.yaml".into(), 8)]
        );
        let ok = HPA.replace("web-api", "web");
        assert_eq!(
            codes(&[("a/h.yaml", &ok), ("a/d.yaml", DEPLOY)], "KS050"),
            []
        );
        // A StatefulSet called `web` is not the Deployment the autoscaler names.
        let sts = DEPLOY.replace("kind: Deployment", "kind: StatefulSet");
        let sts_ref = ok.replace("kind: Deployment", "kind: StatefulSet");
        assert_eq!(
            codes(
                &[
                    ("a/h.yaml", &sts_ref),
                    ("a/d.yaml", DEPLOY),
                    ("a/s.yaml", &sts.replace("name: web,", "name: db,"))
                ],
                "KS050"
            ),
            [("a/h.yaml".into(), 8)]
        );
        assert!(crate::rules::ks::ks050_hpa_target_not_found::META.default_enabled);
    }

    #[test]
    fn hpa_quiet_on_partial_inputs() {
        // No Deployment in the autoscaler's directory (or namespace): not reported.
        assert_eq!(codes(&[("a/h.yaml", HPA)], "KS050"), []);
        assert_eq!(
            codes(&[("a/h.yaml", HPA), ("b/d.yaml", DEPLOY)], "KS050"),
            []
        );
        let other_ns = DEPLOY.replace("namespace: shop", "namespace: blog");
        assert_eq!(
            codes(&[("a/h.yaml", HPA), ("a/d.yaml", &other_ns)], "KS050"),
            []
        );
        let tpl = HPA.replace("name: web-api", "name: \"{{ .Release.Name }}\"");
        assert_eq!(
            codes(&[("a/h.yaml", &tpl), ("a/d.yaml", DEPLOY)], "KS050"),
            []
        );
    }

    #[test]
    fn pdb_or_scaled_to_zero_is_quiet() {
        let pdb = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p, namespace: shop}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n";
        assert_eq!(ks048(&[("a/d.yaml", DEPLOY), ("b/p.yaml", pdb)]), []);
        let zero = DEPLOY.replace("replicas: 3", "replicas: 0");
        assert_eq!(ks048(&[("a/d.yaml", &zero)]), []);
    }
}
