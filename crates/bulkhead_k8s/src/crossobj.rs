//! The cross-object pass: what each object leaves for it ([`Fact`]: identity, the fields the
//! rules read, the ranges their findings name, taken while its file is checked so the file's
//! text and tree can go), the index of every object of a run ([`SetCtx`], built once) and
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
use bulkhead_diagnostics::{Finding, K8sObject, Range, RuleMeta};
use serde_json::{Map, Value};
use std::borrow::Cow;
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

/// A finding of `rule` at `ptr` in the object `doc` of the file `path`.
pub(crate) fn finding(
    rule: &'static RuleMeta,
    path: &str,
    doc: &Fact,
    ptr: &str,
    msg: String,
) -> Finding {
    let mut f = Finding::new(rule, path, doc.range_of(ptr), msg);
    f.object = doc.k8s_object();
    f
}

/// The labels of a pod template.
pub(crate) fn pod_labels(ps: &PodFacts) -> Option<&Map<String, Value>> {
    ps.labels.as_ref()
}

/// The parts of an object of `kind` the cross-object rules read beyond its identity and pod
/// template: each a JSON pointer whose value [`Fact::at`] gives (`""`: the object as
/// [`Document::view`] keeps it under the pointers of [`kind_view`]). Keep in step with the
/// rules' Set hooks.
fn kind_parts(kind: &str) -> &'static [&'static str] {
    match kind {
        "Service" | "PodDisruptionBudget" => &["/spec/selector"],
        // KS049 walks the Ingress (few per run): the view of its backends, whole.
        "Ingress" => &[""],
        "HorizontalPodAutoscaler" => &["/spec/scaleTargetRef"],
        "NetworkPolicy" => &["/spec/podSelector"],
        "RoleBinding" | "ClusterRoleBinding" => &["/roleRef"],
        // KS048, with or without a pod template (a kustomize patch of replicas).
        "Deployment" | "StatefulSet" => &["/spec/replicas", "/spec/template/metadata/labels"],
        _ => &[],
    }
}

/// The pointers of the view an Ingress keeps (its part `""`).
const INGRESS_VIEW: [&str; 3] = [
    "/spec/defaultBackend",
    "/spec/backend",
    "/spec/rules/*/http/paths/*/backend",
];

/// What the cross-object rules read of an object's pod template (KS016, KS036, KS063,
/// KS064): where its pod spec is, the template's labels and the service account fields.
#[derive(Debug, Clone)]
pub struct PodFacts {
    /// The pointer of the pod spec (`/spec/template/spec`, `/spec`...).
    pub spec_ptr: Cow<'static, str>,
    /// The template's `labels`, when an object.
    pub labels: Option<Map<String, Value>>,
    /// The pod spec's `serviceAccountName` and `serviceAccount`, when present.
    pub service_account_name: Option<Value>,
    pub service_account: Option<Value>,
}

impl PodFacts {
    fn of(ps: &workload::PodSpec<'_>) -> PodFacts {
        let labels = ps
            .meta
            .and_then(|m| m.get("labels"))
            .and_then(Value::as_object)
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect());
        PodFacts {
            spec_ptr: ps.spec_ptr.clone(),
            labels,
            service_account_name: ps.spec.get("serviceAccountName").cloned(),
            service_account: ps.spec.get("serviceAccount").cloned(),
        }
    }
}

/// What the cross-object rules read of one object and where their findings about it point,
/// taken from its [`Document`] while its file is checked, so that the file's text and tree
/// need not wait for the pass over every file: its identity (`apiVersion`, `kind`, name,
/// namespace), the part of its value the rules read (a Service's selector, a workload's
/// labels, replicas and service account...; nothing for the many objects the rules know by
/// identity only: ConfigMaps, RBAC roles, custom resources...), and the ranges of the few
/// pointers a finding about it can name. Keep in step with the rules' Set hooks: a finding
/// at a pointer not recorded here has no range (debug builds panic).
#[derive(Debug, Clone)]
pub struct Fact {
    api_version: Option<Cow<'static, str>>,
    kind: Option<Cow<'static, str>>,
    name: Option<Box<str>>,
    namespace: Option<Box<str>>,
    /// The values the rules read ([`kind_parts`]), by pointer; only those present. Each is
    /// kept as a value of its own, not inside a copy of the object's outline: a map of
    /// `serde_json` costs a node of several hundred bytes however few its keys.
    parts: Box<[(&'static str, Value)]>,
    /// The pod template, when the object carries one.
    pod: Option<Box<PodFacts>>,
    /// The ranges of the pointers findings about the object name.
    ranges: Box<[(Cow<'static, str>, Range)]>,
    /// The object has a `spec` (KS048 counts one replica when it gives no `replicas`).
    has_spec: bool,
    /// A Role or ClusterRole with a rule granting exec or attach into pods (KS070).
    grants_exec: bool,
}

impl Fact {
    /// The facts of one object.
    pub fn of(doc: &Document, settings: &Settings) -> Fact {
        let boxed = |s: Option<&str>| s.map(Box::from);
        let kind = doc.kind().unwrap_or("");
        let ps = workload::pod_spec(&doc.value, &settings.pod_spec_paths);
        let parts: Box<[(&'static str, Value)]> = kind_parts(kind)
            .iter()
            .filter_map(|p| match *p {
                "" => Some((*p, doc.view(&INGRESS_VIEW))),
                _ => Some((*p, doc.value.pointer(p)?.clone())),
            })
            .collect();
        let mut ptrs: Vec<Cow<'static, str>> = Vec::new();
        // Where findings point (KS064 the name; KS016 the service account; KS048 replicas
        // or the spec; the others one field of their kind).
        if let Some(ps) = &ps {
            ptrs.push("/metadata/name".into());
            for f in ["serviceAccountName", "serviceAccount"] {
                if ps.spec.contains_key(f) {
                    ptrs.push(format!("{}/{f}", ps.spec_ptr).into());
                }
            }
        }
        if matches!(kind, "Deployment" | "StatefulSet") {
            ptrs.push("/spec/replicas".into());
            ptrs.push("/spec".into());
        }
        match kind {
            "Service" => ptrs.push("/spec/selector".into()),
            "NetworkPolicy" => ptrs.push("/spec/podSelector".into()),
            "HorizontalPodAutoscaler" => ptrs.push("/spec/scaleTargetRef/name".into()),
            "RoleBinding" | "ClusterRoleBinding" => ptrs.push("/roleRef/name".into()),
            "Ingress" => ptrs.extend(
                crate::rules::ks::ks049_ingress_backend_not_found::ingress_backends(&doc.value)
                    .into_iter()
                    .map(|(_, p)| Cow::Owned(p)),
            ),
            _ => {}
        }
        let ranges = ptrs
            .into_iter()
            .filter_map(|p| Some((doc.range_of(&p)?, p)))
            .map(|(r, p)| (p, r))
            .collect();
        let grants_exec = matches!(kind, "Role" | "ClusterRole")
            && crate::rules::ks::ks070_binding_grants_pod_exec::role_grants_exec(doc);
        Fact {
            api_version: doc.api_version().map(interned),
            kind: doc.kind().map(interned),
            name: boxed(doc.name()),
            namespace: boxed(doc.namespace()),
            parts,
            pod: ps.as_ref().map(|ps| Box::new(PodFacts::of(ps))),
            ranges,
            has_spec: matches!(kind, "Deployment" | "StatefulSet")
                && doc.value.get("spec").is_some(),
            grants_exec,
        }
    }

    /// The value at `pointer`, one of the parts the rules read of the object's kind
    /// ([`kind_parts`]; `""` is the view of an Ingress), when the object has it.
    pub fn at(&self, pointer: &str) -> Option<&Value> {
        debug_assert!(
            kind_parts(self.kind().unwrap_or("")).contains(&pointer),
            "{pointer} is not read of a {:?}",
            self.kind()
        );
        self.parts
            .iter()
            .find(|(p, _)| *p == pointer)
            .map(|(_, v)| v)
    }

    /// The pod template's facts, when the object carries one.
    pub fn pod(&self) -> Option<&PodFacts> {
        self.pod.as_deref()
    }

    /// Whether a Deployment or StatefulSet has a `spec`.
    pub fn has_spec(&self) -> bool {
        self.has_spec
    }

    /// `kind`, when a string.
    pub fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }

    /// `apiVersion`, when a string.
    pub fn api_version(&self) -> Option<&str> {
        self.api_version.as_deref()
    }

    /// `metadata.name`, when a string.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// `metadata.namespace`, when a string.
    pub fn namespace(&self) -> Option<&str> {
        self.namespace.as_deref()
    }

    /// Whether the object is a Role or ClusterRole that grants exec or attach into pods.
    pub fn grants_exec(&self) -> bool {
        self.grants_exec
    }

    /// Where a finding about `pointer` points ([`Document::range_of`] of the object), when
    /// the pointer is one the facts recorded.
    pub fn range_of(&self, pointer: &str) -> Option<Range> {
        let r = self
            .ranges
            .iter()
            .find(|(p, _)| &**p == pointer)
            .map(|(_, r)| *r);
        debug_assert!(r.is_some(), "no range recorded for {pointer}");
        r
    }

    /// The object's identity for findings, when it has a `kind`.
    pub fn k8s_object(&self) -> Option<K8sObject> {
        Some(K8sObject {
            api_version: self.api_version().unwrap_or_default().to_string(),
            kind: self.kind()?.to_string(),
            namespace: self.namespace().map(str::to_string),
            name: self.name().map(str::to_string),
        })
    }
}

/// `s`, without an allocation when it is a common kind or API version (most objects of a
/// run share a few of them).
fn interned(s: &str) -> Cow<'static, str> {
    const COMMON: [&str; 24] = [
        "v1",
        "apps/v1",
        "batch/v1",
        "networking.k8s.io/v1",
        "rbac.authorization.k8s.io/v1",
        "policy/v1",
        "autoscaling/v2",
        "apiextensions.k8s.io/v1",
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "Job",
        "CronJob",
        "Pod",
        "Service",
        "ServiceAccount",
        "ConfigMap",
        "Secret",
        "Role",
        "RoleBinding",
        "ClusterRole",
        "ClusterRoleBinding",
        "CustomResourceDefinition",
        "Namespace",
    ];
    match COMMON.iter().find(|c| **c == s) {
        Some(c) => Cow::Borrowed(c),
        None => Cow::Owned(s.to_string()),
    }
}

/// The [`Fact`]s of one file's objects, in file order, with the file's path: what the pass
/// over every file keeps of it.
#[derive(Debug, Clone, Default)]
pub struct FileFacts {
    /// The path as reported.
    pub path: String,
    /// Its objects' facts, in file order.
    pub objects: Vec<Fact>,
}

impl FileFacts {
    /// The facts of every object of a loaded file.
    pub fn of(path: &str, loaded: &Loaded, settings: &Settings) -> FileFacts {
        FileFacts {
            path: path.to_string(),
            objects: loaded.docs.iter().map(|d| Fact::of(d, settings)).collect(),
        }
    }
}

/// Every object of a run, indexed once for the cross-object rules.
pub(crate) struct SetCtx<'a> {
    /// Every object with its file's path, in input order.
    pub docs: Vec<(&'a str, &'a Fact)>,
    /// Their kinds (`""` when absent), in the same order.
    pub kinds: Vec<&'a str>,
    /// The objects that carry a pod spec.
    pub pods: Vec<(&'a str, &'a Fact, &'a PodFacts)>,
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
    fn new(files: &[&'a FileFacts]) -> Self {
        let docs: Vec<(&str, &Fact)> = files
            .iter()
            .flat_map(|f| f.objects.iter().map(move |d| (f.path.as_str(), d)))
            .collect();
        let kinds = docs.iter().map(|(_, d)| d.kind().unwrap_or("")).collect();
        let pods: Vec<(&str, &Fact, &PodFacts)> = docs
            .iter()
            .filter_map(|(p, d)| Some((*p, *d, d.pod()?)))
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
    pub fn of_kind(&self, kind: &'a str) -> impl Iterator<Item = (&'a str, &'a Fact)> + '_ {
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
    let facts: Vec<FileFacts> = files
        .iter()
        .map(|(p, l)| FileFacts::of(p, l, settings))
        .collect();
    check_facts(&facts.iter().collect::<Vec<_>>(), settings, enabled)
}

/// The cross-object rules `enabled` accepts over the facts of every file of a run (in input
/// order): the findings [`check_set_selected`] makes on the files they were taken from.
pub fn check_facts(
    files: &[&FileFacts],
    settings: &Settings,
    enabled: &dyn Fn(&RuleMeta) -> bool,
) -> Vec<Finding> {
    // The settings decided what each fact holds (which kinds carry a pod spec).
    let _ = settings;
    let set = SetCtx::new(files);
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

    /// Facts keep only what the rules read: identity-only objects no value, a workload its
    /// view; a Deployment without a pod template (a kustomize replicas patch) is still read
    /// by KS048, and every recorded range is the document's own.
    #[test]
    fn facts_keep_what_the_rules_read() {
        let patch = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: 6\n";
        let cm =
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata: {k: v}\n";
        let settings = Settings::default();
        let loaded = crate::load("a/p.yaml", &format!("{patch}---\n{cm}---\n{DEPLOY}"));
        let facts = FileFacts::of("a/p.yaml", &loaded, &settings);
        assert_eq!(facts.objects.len(), 3);
        assert!(facts.objects[1].parts.is_empty() && facts.objects[1].pod().is_none());
        assert_eq!(facts.objects[1].name(), Some("c"));
        // The Deployment: replicas, template labels and the pod's labels; nothing else.
        let d = &facts.objects[2];
        let parts: Vec<&str> = d.parts.iter().map(|(p, _)| *p).collect();
        assert_eq!(parts, ["/spec/replicas", "/spec/template/metadata/labels"]);
        let pod = d.pod().unwrap();
        assert_eq!(pod.spec_ptr, "/spec/template/spec");
        assert_eq!(
            Value::Object(pod.labels.clone().unwrap()),
            serde_json::json!({"app": "web", "tier": "front"})
        );
        assert!(pod.service_account_name.is_none() && d.has_spec());
        // The replicas patch has no pod template and is still read by KS048.
        assert!(facts.objects[0].pod().is_none() && facts.objects[0].has_spec());
        for (f, d) in facts.objects.iter().zip(&loaded.docs) {
            for (p, r) in f.ranges.iter() {
                assert_eq!(Some(*r), d.range_of(p), "{p}");
            }
        }
        assert_eq!(
            ks048(&[("a/p.yaml", &format!("{patch}---\n{cm}"))]),
            [("a/p.yaml".into(), 5)]
        );
    }

    /// The facts take the pod template where the settings say a custom kind keeps it: the
    /// cross-object rules see its service account and labels (and nothing without the
    /// setting).
    #[test]
    fn custom_pod_templates_reach_the_facts() {
        let sa = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: shop}\n";
        let app = "apiVersion: apps.example.com/v1\nkind: App\nmetadata: {name: a, namespace: shop}\nspec:\n  pod:\n    metadata:\n      labels: {app: a}\n    spec:\n      serviceAccountName: aap\n      containers: [{name: c, image: i:1}]\n";
        let run = |settings: &Settings| -> Vec<(&'static str, u32)> {
            let files = [("d/sa.yaml", sa), ("d/app.yaml", app)];
            let loaded: Vec<Loaded> = files.iter().map(|(p, t)| crate::load(p, t)).collect();
            let pairs: Vec<(&str, &Loaded)> = files.iter().map(|(p, _)| *p).zip(&loaded).collect();
            let mut v: Vec<_> = check_set(&pairs, settings)
                .into_iter()
                .filter(|f| ["KS016", "KS064"].contains(&f.rule.code))
                .map(|f| (f.rule.code, f.range.unwrap().start.line))
                .collect();
            v.sort();
            v
        };
        assert_eq!(run(&Settings::default()), []);
        let mut settings = Settings::default();
        settings.pod_spec_paths.push(workload::PodSpecPath {
            kind: "App".into(),
            api_group: "apps.example.com".into(),
            template: "/spec/pod".into(),
        });
        assert_eq!(run(&settings), [("KS016", 9), ("KS064", 3)]);
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
