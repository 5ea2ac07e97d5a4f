//! The cluster model the engine works on, built from Kubernetes objects given as
//! `serde_json::Value`: workloads (pods collapsed to their owner), namespaces with labels,
//! and `networking.k8s.io/v1` NetworkPolicies parsed into typed rules. Owns object
//! interpretation; knows nothing about files or YAML.

use crate::conn::Protocol;
use crate::ip::{IpBlock, parse_cidr};
use crate::selector::{Labels, Selector, labels_of, scalar};
use bulkhead_diagnostics::Range;
use serde_json::Value;
use std::collections::BTreeMap;

/// The label every namespace carries (set by the API server).
pub const NS_NAME_LABEL: &str = "kubernetes.io/metadata.name";

/// One Kubernetes object handed to the engine: where it came from, its JSON value, and a way
/// to find the line/column range of a JSON pointer inside it (e.g. `/spec/ingress/0`).
pub struct ObjectRef<'a> {
    /// The path as the user gave it.
    pub path: &'a str,
    /// The object (`kind`, `metadata`, `spec`...).
    pub value: &'a Value,
    /// Range of a JSON pointer relative to this object; `""` is the whole object.
    pub locate: &'a dyn Fn(&str) -> Option<Range>,
}

/// Where a model item was declared.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    pub path: String,
    pub range: Option<Range>,
}

impl Origin {
    /// `path:line` or just `path`.
    pub fn display(&self) -> String {
        match self.range {
            Some(r) => format!("{}:{}", self.path, r.start.line),
            None => self.path.clone(),
        }
    }
}

/// A container port with a name, for named-port resolution.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NamedPort {
    pub name: String,
    pub protocol: Protocol,
    pub port: u32,
}

/// A workload: a controller (Deployment, ReplicaSet, ...) or a bare pod, as one peer.
#[derive(Debug, Clone)]
pub struct Workload {
    pub namespace: String,
    pub name: String,
    pub kind: String,
    pub labels: Labels,
    pub named_ports: Vec<NamedPort>,
    /// All container ports (number, protocol), for synthesis.
    pub ports: Vec<(Protocol, u32)>,
    pub host_network: bool,
    pub origin: Origin,
}

impl Workload {
    /// `ns/name[Kind]`, netpol-analyzer's peer name.
    pub fn display(&self) -> String {
        format!("{}/{}[{}]", self.namespace, self.name, self.kind)
    }
    /// The bytes of [`Workload::display`], without allocating.
    fn display_bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.namespace
            .bytes()
            .chain(*b"/")
            .chain(self.name.bytes())
            .chain(*b"[")
            .chain(self.kind.bytes())
            .chain(*b"]")
    }
    /// Resolve a named port for `protocol`.
    pub fn resolve(&self, name: &str, protocol: Protocol) -> Option<u32> {
        self.named_ports
            .iter()
            .find(|p| p.name == name && p.protocol == protocol)
            .map(|p| p.port)
    }
}

/// A namespace and its labels.
#[derive(Debug, Clone)]
pub struct Namespace {
    pub name: String,
    pub labels: Labels,
    /// Declared by a Namespace object (not only referenced).
    pub defined: bool,
}

/// A port of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PortRef {
    Num(u32),
    Name(String),
}

/// One entry of a rule's `ports`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PortSpec {
    pub protocol: Protocol,
    pub port: Option<PortRef>,
    pub end_port: Option<u32>,
}

/// One entry of `from`/`to`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PeerSpec {
    /// `podSelector` and/or `namespaceSelector` (both present = AND).
    Pods {
        namespaces: Option<Selector>,
        pods: Option<Selector>,
    },
    Ip(IpBlock),
}

/// One ingress or egress rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Index in the policy's `ingress`/`egress` list.
    pub index: usize,
    /// `None` when `from`/`to` is missing or empty: every peer.
    pub peers: Option<Vec<PeerSpec>>,
    /// Empty: every port.
    pub ports: Vec<PortSpec>,
    pub range: Option<Range>,
    /// Range of each `from`/`to` entry and of each `ports` entry.
    pub peer_ranges: Vec<Option<Range>>,
    pub port_ranges: Vec<Option<Range>>,
}

/// Traffic direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    Ingress,
    Egress,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ingress => "Ingress",
            Direction::Egress => "Egress",
        }
    }
}

/// A NetworkPolicy of `networking.k8s.io/v1`.
#[derive(Debug, Clone)]
pub struct Policy {
    pub namespace: String,
    pub name: String,
    pub pod_selector: Selector,
    pub ingress: Vec<Rule>,
    pub egress: Vec<Rule>,
    /// Effective policy types (after defaulting).
    pub affects_ingress: bool,
    pub affects_egress: bool,
    /// `policyTypes` as written, if given.
    pub policy_types: Option<Vec<String>>,
    pub origin: Origin,
    /// Range of `spec.podSelector`.
    pub selector_range: Option<Range>,
}

impl Policy {
    /// `ns/name`.
    pub fn display(&self) -> String {
        format!("{}/{}", self.namespace, self.name)
    }
    pub fn affects(&self, d: Direction) -> bool {
        match d {
            Direction::Ingress => self.affects_ingress,
            Direction::Egress => self.affects_egress,
        }
    }
    pub fn rules(&self, d: Direction) -> &[Rule] {
        match d {
            Direction::Ingress => &self.ingress,
            Direction::Egress => &self.egress,
        }
    }
}

/// A problem with an input object: reported, the object is skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    pub origin: Origin,
    pub message: String,
}

/// Everything the engine knows about one manifest set.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    /// Sorted by display name.
    pub workloads: Vec<Workload>,
    pub namespaces: BTreeMap<String, Namespace>,
    pub policies: Vec<Policy>,
    pub errors: Vec<ModelError>,
    /// Services (namespace, name, selector, origin) for lints and synthesis hints.
    pub services: Vec<(String, String, Labels, Origin)>,
}

const WORKLOAD_KINDS: &[&str] = &[
    "Deployment",
    "ReplicaSet",
    "StatefulSet",
    "DaemonSet",
    "Job",
    "ReplicationController",
    "CronJob",
    "DeploymentConfig",
];

/// Whether [`Cluster::build`] reads anything of an object of `kind` beyond its identity
/// (callers that keep objects for a later build may shrink the others).
pub fn reads_kind(kind: &str) -> bool {
    matches!(kind, "Namespace" | "NetworkPolicy" | "Service" | "Pod")
        || WORKLOAD_KINDS.contains(&kind)
        || kind.ends_with("List")
}

/// Objects interpreted without the run's finishing touches (referenced namespaces, the name
/// label, the workloads' order): what one file leaves for a model of many files built with
/// [`Cluster::join`], so that the file's objects need not be kept. Its workloads are
/// deduplicated within it (the first pod of an owner represents it).
#[derive(Debug, Clone, Default)]
pub struct Fragment(Cluster);

impl Fragment {
    /// Interpret `objects` (one file's, in file order).
    pub fn of(objects: &[ObjectRef<'_>]) -> Fragment {
        let mut c = Cluster::default();
        let mut seen: BTreeMap<(String, String, String), usize> = BTreeMap::new();
        for o in objects {
            c.add(o.path, o.value, "", o.locate, &mut seen);
        }
        // A fragment is kept until every file is read: no spare capacity.
        for w in &mut c.workloads {
            w.named_ports.shrink_to_fit();
            w.ports.shrink_to_fit();
        }
        c.workloads.shrink_to_fit();
        c.policies.shrink_to_fit();
        c.errors.shrink_to_fit();
        c.services.shrink_to_fit();
        Fragment(c)
    }

    /// Whether the objects held nothing the model keeps.
    pub fn is_empty(&self) -> bool {
        let c = &self.0;
        c.workloads.is_empty()
            && c.namespaces.is_empty()
            && c.policies.is_empty()
            && c.errors.is_empty()
            && c.services.is_empty()
    }
}

impl Cluster {
    /// Build the model from objects. `List` kinds (`PodList`, `List`...) are expanded.
    pub fn build(objects: &[ObjectRef<'_>]) -> Cluster {
        Cluster::join([Fragment::of(objects)])
    }

    /// The model of every object of `fragments`, in order: [`Cluster::build`] over all their
    /// objects at once.
    pub fn join(fragments: impl IntoIterator<Item = Fragment>) -> Cluster {
        let mut c = Cluster::default();
        for Fragment(f) in fragments {
            c.workloads.extend(f.workloads);
            for (name, ns) in f.namespaces {
                let e = c.namespaces.entry(name).or_insert_with(|| Namespace {
                    name: ns.name.clone(),
                    labels: Labels::new(),
                    defined: true,
                });
                e.labels.extend(ns.labels);
                e.defined |= ns.defined;
            }
            c.policies.extend(f.policies);
            c.errors.extend(f.errors);
            c.services.extend(f.services);
        }
        // The first pod of an owner, over all files, represents it (compared in place: a
        // set of copied names would double the model at its peak).
        let keep: Vec<bool> = {
            let mut seen: std::collections::HashSet<(&str, &str, &str)> =
                std::collections::HashSet::with_capacity(c.workloads.len());
            c.workloads
                .iter()
                .map(|w| seen.insert((&w.namespace, &w.name, &w.kind)))
                .collect()
        };
        let mut keep = keep.into_iter();
        c.workloads.retain(|_| keep.next().unwrap_or(true));
        c.workloads.shrink_to_fit();
        // Namespaces referenced but not defined, and the name label everywhere.
        let referenced = c
            .workloads
            .iter()
            .map(|w| &w.namespace)
            .chain(c.policies.iter().map(|p| &p.namespace));
        for ns in referenced {
            if !c.namespaces.contains_key(ns) {
                c.namespaces.insert(
                    ns.clone(),
                    Namespace {
                        labels: Labels::new(),
                        name: ns.clone(),
                        defined: false,
                    },
                );
            }
        }
        for ns in c.namespaces.values_mut() {
            ns.labels
                .entry(NS_NAME_LABEL.to_string())
                .or_insert_with(|| ns.name.clone());
        }
        // By display name (`ns/name[Kind]`), compared without building it.
        c.workloads
            .sort_by(|a, b| a.display_bytes().cmp(b.display_bytes()));
        c
    }

    fn add(
        &mut self,
        path: &str,
        v: &Value,
        base: &str,
        locate: &dyn Fn(&str) -> Option<Range>,
        seen: &mut BTreeMap<(String, String, String), usize>,
    ) {
        let kind = v.get("kind").and_then(Value::as_str).unwrap_or("");
        let origin = |ptr: &str| Origin {
            path: path.to_string(),
            range: locate(&format!("{base}{ptr}")),
        };
        if kind.ends_with("List") {
            if let Some(items) = v.get("items").and_then(Value::as_array) {
                let item_kind = kind.strip_suffix("List").unwrap_or("");
                for (i, it) in items.iter().enumerate() {
                    let ptr = format!("{base}/items/{i}");
                    if it.get("kind").is_none() && !item_kind.is_empty() {
                        // `PodList` items usually omit their kind.
                        let mut it = it.clone();
                        if let Some(o) = it.as_object_mut() {
                            o.insert("kind".into(), Value::String(item_kind.to_string()));
                        }
                        self.add(path, &it, &ptr, locate, seen);
                    } else {
                        self.add(path, it, &ptr, locate, seen);
                    }
                }
            }
            return;
        }
        let meta = v.get("metadata");
        let name = meta
            .and_then(|m| m.get("name"))
            .map(scalar)
            .unwrap_or_default();
        let namespace = meta
            .and_then(|m| m.get("namespace"))
            .map(scalar)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "default".to_string());
        match kind {
            "Namespace" => {
                let labels = labels_of(meta.and_then(|m| m.get("labels")));
                let ns = self
                    .namespaces
                    .entry(name.clone())
                    .or_insert_with(|| Namespace {
                        name,
                        labels: Labels::new(),
                        defined: true,
                    });
                ns.labels.extend(labels);
                ns.defined = true;
            }
            "NetworkPolicy" => {
                let api = v.get("apiVersion").and_then(Value::as_str).unwrap_or("");
                if !api.is_empty() && api != "networking.k8s.io/v1" {
                    return;
                }
                match parse_policy(v, &namespace, &name, &|p| locate(&format!("{base}{p}"))) {
                    Ok(mut p) => {
                        p.origin = origin("");
                        self.policies.push(p);
                    }
                    Err(message) => self.errors.push(ModelError {
                        origin: origin(""),
                        message: format!("NetworkPolicy {namespace}/{name}: {message}"),
                    }),
                }
            }
            "Service" => {
                let sel = labels_of(v.pointer("/spec/selector"));
                self.services.push((namespace, name, sel, origin("")));
            }
            "Pod" => {
                let (wname, wkind) = owner_of(meta).unwrap_or((name.clone(), "Pod".into()));
                let labels = labels_of(meta.and_then(|m| m.get("labels")));
                self.push_workload(
                    seen,
                    namespace,
                    wname,
                    wkind,
                    labels,
                    v.get("spec"),
                    origin(""),
                );
            }
            k if WORKLOAD_KINDS.contains(&k) => {
                let tmpl = if k == "CronJob" {
                    v.pointer("/spec/jobTemplate/spec/template")
                } else {
                    v.pointer("/spec/template")
                };
                let labels = labels_of(tmpl.and_then(|t| t.pointer("/metadata/labels")));
                self.push_workload(
                    seen,
                    namespace,
                    name,
                    k.to_string(),
                    labels,
                    tmpl.and_then(|t| t.get("spec")),
                    origin(""),
                );
            }
            _ => {}
        }
    }

    #[expect(clippy::too_many_arguments, reason = "one private constructor")]
    fn push_workload(
        &mut self,
        seen: &mut BTreeMap<(String, String, String), usize>,
        namespace: String,
        name: String,
        kind: String,
        labels: Labels,
        spec: Option<&Value>,
        origin: Origin,
    ) {
        let key = (namespace.clone(), name.clone(), kind.clone());
        if seen.contains_key(&key) {
            // The first pod of an owner represents it (as netpol-analyzer does).
            return;
        }
        let mut named_ports = Vec::new();
        let mut ports = Vec::new();
        for list in ["containers", "initContainers"] {
            for c in spec
                .and_then(|s| s.get(list))
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                for p in c
                    .get("ports")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let Some(num) = p.get("containerPort").and_then(port_number) else {
                        continue;
                    };
                    let proto = p
                        .get("protocol")
                        .and_then(Value::as_str)
                        .and_then(Protocol::parse)
                        .unwrap_or(Protocol::Tcp);
                    ports.push((proto, num));
                    if let Some(n) = p.get("name").and_then(Value::as_str) {
                        named_ports.push(NamedPort {
                            name: n.to_string(),
                            protocol: proto,
                            port: num,
                        });
                    }
                }
            }
        }
        let host_network = spec
            .and_then(|s| s.get("hostNetwork"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        seen.insert(key, self.workloads.len());
        self.workloads.push(Workload {
            namespace,
            name,
            kind,
            labels,
            named_ports,
            ports,
            host_network,
            origin,
        });
    }
}

/// The controlling owner of an object: only an ownerReference with `controller: true` makes a
/// pod part of its owner's workload, as netpol-analyzer (and the garbage collector) read it; a
/// pod whose references are all non-controlling stays a workload of its own.
fn owner_of(meta: Option<&Value>) -> Option<(String, String)> {
    let refs = meta?.get("ownerReferences")?.as_array()?;
    let r = refs
        .iter()
        .find(|r| r.get("controller").and_then(Value::as_bool) == Some(true))?;
    let name = r.get("name").map(scalar).filter(|s| !s.is_empty())?;
    let kind = r
        .get("kind")
        .map(scalar)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Pod".to_string());
    Some((name, kind))
}

fn port_number(v: &Value) -> Option<u32> {
    match v {
        Value::Number(n) => n.as_u64().map(|n| n as u32),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// Parse one NetworkPolicy object into a [`Policy`].
pub fn parse_policy(
    v: &Value,
    namespace: &str,
    name: &str,
    locate: &dyn Fn(&str) -> Option<Range>,
) -> Result<Policy, String> {
    let spec = v.get("spec").cloned().unwrap_or(Value::Null);
    let pod_selector = Selector::parse(spec.get("podSelector").unwrap_or(&Value::Null))
        .map_err(|e| format!("spec.podSelector: {e}"))?;
    let mut ingress = Vec::new();
    let mut egress = Vec::new();
    for (dir, key, peer_key, out) in [
        ("ingress", "ingress", "from", &mut ingress),
        ("egress", "egress", "to", &mut egress),
    ] {
        let Some(rules) = spec.get(key).and_then(Value::as_array) else {
            continue;
        };
        for (i, r) in rules.iter().enumerate() {
            let ptr = format!("/spec/{key}/{i}");
            let n_peers = r
                .get(peer_key)
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            let peer_ranges = (0..n_peers)
                .map(|j| locate(&format!("{ptr}/{peer_key}/{j}")))
                .collect();
            let n_ports = r.get("ports").and_then(Value::as_array).map_or(0, Vec::len);
            let port_ranges = (0..n_ports)
                .map(|j| locate(&format!("{ptr}/ports/{j}")))
                .collect();
            let peers = match r.get(peer_key).and_then(Value::as_array) {
                Some(a) if !a.is_empty() => {
                    let mut ps = Vec::new();
                    for (j, p) in a.iter().enumerate() {
                        ps.push(
                            parse_peer(p)
                                .map_err(|e| format!("spec.{dir}[{i}].{peer_key}[{j}]: {e}"))?,
                        );
                    }
                    Some(ps)
                }
                _ => None,
            };
            let mut ports = Vec::new();
            for (j, p) in r
                .get("ports")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                ports.push(parse_port(p).map_err(|e| format!("spec.{dir}[{i}].ports[{j}]: {e}"))?);
            }
            out.push(Rule {
                index: i,
                peers,
                ports,
                range: locate(&ptr),
                peer_ranges,
                port_ranges,
            });
        }
    }
    let policy_types: Option<Vec<String>> = spec
        .get("policyTypes")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(scalar).collect());
    let (affects_ingress, affects_egress) = match &policy_types {
        Some(t) if !t.is_empty() => {
            for x in t {
                if x != "Ingress" && x != "Egress" {
                    return Err(format!("unknown policyType `{x}`"));
                }
            }
            (
                t.iter().any(|x| x == "Ingress"),
                t.iter().any(|x| x == "Egress"),
            )
        }
        _ => (true, !egress.is_empty()),
    };
    Ok(Policy {
        namespace: namespace.to_string(),
        name: name.to_string(),
        pod_selector,
        ingress,
        egress,
        affects_ingress,
        affects_egress,
        policy_types,
        origin: Origin::default(),
        selector_range: locate("/spec/podSelector"),
    })
}

fn parse_peer(p: &Value) -> Result<PeerSpec, String> {
    if let Some(ib) = p.get("ipBlock") {
        if p.get("podSelector").is_some() || p.get("namespaceSelector").is_some() {
            return Err("ipBlock cannot be combined with selectors".into());
        }
        let cidr_text = ib.get("cidr").map(scalar).unwrap_or_default();
        let cidr = parse_cidr(&cidr_text).map_err(|e| e.to_string())?;
        let mut except = Vec::new();
        for e in ib
            .get("except")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let t = scalar(e);
            let r = parse_cidr(&t).map_err(|e| e.to_string())?;
            except.push((t, r));
        }
        return Ok(PeerSpec::Ip(IpBlock::new(cidr_text, cidr, except)));
    }
    let sel = |k: &str| -> Result<Option<Selector>, String> {
        match p.get(k) {
            None => Ok(None),
            Some(v) => Selector::parse(v)
                .map(Some)
                .map_err(|e| format!("{k}: {e}")),
        }
    };
    let namespaces = sel("namespaceSelector")?;
    let pods = sel("podSelector")?;
    if namespaces.is_none() && pods.is_none() {
        return Err("peer has neither podSelector, namespaceSelector nor ipBlock".into());
    }
    Ok(PeerSpec::Pods { namespaces, pods })
}

fn parse_port(p: &Value) -> Result<PortSpec, String> {
    let protocol = match p.get("protocol") {
        None | Some(Value::Null) => Protocol::Tcp,
        Some(v) => Protocol::parse(&scalar(v))
            .ok_or_else(|| format!("unknown protocol `{}`", scalar(v)))?,
    };
    let port = match p.get("port") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => Some(PortRef::Num(
            n.as_u64()
                .filter(|n| (1..=65535).contains(n))
                .ok_or_else(|| format!("invalid port {n}"))? as u32,
        )),
        Some(Value::String(s)) => match s.parse::<u32>() {
            Ok(n) => Some(PortRef::Num(n)),
            Err(_) => Some(PortRef::Name(s.clone())),
        },
        Some(other) => return Err(format!("invalid port {other}")),
    };
    let end_port = match p.get("endPort") {
        None | Some(Value::Null) => None,
        Some(v) => Some(port_number(v).ok_or_else(|| format!("invalid endPort {v}"))?),
    };
    Ok(PortSpec {
        protocol,
        port,
        end_port,
    })
}
