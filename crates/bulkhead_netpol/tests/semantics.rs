//! The subtle parts of the NetworkPolicy API, one small manifest set each, checked through
//! the txt connectivity list.

use bulkhead_netpol::output::Format;
use bulkhead_netpol::{ListOptions, cluster_from_documents, list, load};

const PODS: &str = "
apiVersion: v1
kind: Namespace
metadata: {name: a, labels: {team: x}}
---
apiVersion: v1
kind: Namespace
metadata: {name: b}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: a, labels: {app: web}}
spec: {containers: [{name: c, image: i, ports: [{containerPort: 8080, name: http}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: cli, namespace: b, labels: {app: cli}}
spec: {containers: [{name: c, image: i, ports: [{containerPort: 9000, name: http}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: b, labels: {app: db}}
spec: {containers: [{name: c, image: i}]}
";

fn run(policies: &str) -> String {
    let text = format!("{PODS}\n---\n{policies}");
    let (docs, errs) = load::parse_text("t.yaml", &text);
    assert!(errs.is_empty(), "{errs:?}");
    let c = cluster_from_documents(&docs);
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    list(&c, &ListOptions::default(), Format::Txt)
}

fn to_web(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| l.contains("=> a/web[Pod]"))
        .collect()
}

#[test]
fn and_versus_or_peers() {
    // One peer with both selectors: pods labelled app=cli in namespaces labelled team=x (none).
    let and = run("
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: a}
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {team: x}}
      podSelector: {matchLabels: {app: cli}}
");
    assert_eq!(to_web(&and), Vec::<&str>::new());
    // Two peers: every pod of team=x namespaces OR app=cli pods of the policy's namespace.
    let or = run("
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: a}
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: b}}
    - podSelector: {matchLabels: {app: cli}}
");
    assert_eq!(
        to_web(&or),
        [
            "b/cli[Pod] => a/web[Pod] : All Connections",
            "b/db[Pod] => a/web[Pod] : All Connections"
        ]
    );
}

#[test]
fn empty_versus_missing_lists() {
    // `ingress` missing with Ingress type: deny all. `from` missing: allow from everywhere.
    let deny = run("
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: a}
spec: {podSelector: {}, policyTypes: [Ingress]}
");
    assert_eq!(to_web(&deny), Vec::<&str>::new());
    let allow = run("
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: a}
spec:
  podSelector: {}
  ingress:
  - ports: [{port: 8080}]
");
    assert_eq!(
        to_web(&allow),
        [
            "0.0.0.0-255.255.255.255[External] => a/web[Pod] : TCP 8080",
            "b/cli[Pod] => a/web[Pod] : TCP 8080",
            "b/db[Pod] => a/web[Pod] : TCP 8080"
        ]
    );
}

#[test]
fn policy_types_default_and_egress_isolation() {
    // No policyTypes and egress rules: Egress is isolated too; db may only reach UDP 53.
    let out = run("
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: b}
spec:
  podSelector: {matchLabels: {app: db}}
  egress:
  - ports: [{port: 53, protocol: UDP}]
");
    let from_db: Vec<&str> = out.lines().filter(|l| l.starts_with("b/db[Pod]")).collect();
    assert_eq!(
        from_db,
        [
            "b/db[Pod] => 0.0.0.0-255.255.255.255[External] : UDP 53",
            "b/db[Pod] => a/web[Pod] : UDP 53",
            "b/db[Pod] => b/cli[Pod] : UDP 53"
        ]
    );
    // Ingress of db is isolated as well (the default type), with no rule: nobody reaches it.
    assert!(!out.contains("=> b/db[Pod]"), "{out}");
}

#[test]
fn named_ports_resolve_on_the_destination_and_end_port() {
    let out = run("
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: b}
spec:
  podSelector: {matchLabels: {app: cli}}
  policyTypes: [Egress]
  egress:
  - ports: [{port: http}, {port: 30000, endPort: 30010, protocol: SCTP}]
");
    let from_cli: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("b/cli[Pod]"))
        .collect();
    // `http` is 8080 on web, unnamed on db, and resolves to nothing toward external ranges.
    assert_eq!(
        from_cli,
        [
            "b/cli[Pod] => 0.0.0.0-255.255.255.255[External] : SCTP 30000-30010",
            "b/cli[Pod] => a/web[Pod] : SCTP 30000-30010,TCP 8080",
            "b/cli[Pod] => b/db[Pod] : SCTP 30000-30010"
        ]
    );
}

#[test]
fn ip_block_except_splits_the_external_space() {
    let out = run("
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: a}
spec:
  podSelector: {}
  ingress:
  - from:
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
");
    assert_eq!(
        to_web(&out),
        [
            "10.0.0.0-10.0.255.255[External] => a/web[Pod] : All Connections",
            "10.2.0.0-10.255.255.255[External] => a/web[Pod] : All Connections"
        ]
    );
}

#[test]
fn only_a_controlling_owner_reference_makes_a_pod_part_of_its_owner() {
    let pods = |controller: &str| {
        format!(
            "
apiVersion: v1
kind: Pod
metadata:
  name: api-abc12-x7k2p
  namespace: ns
  ownerReferences: [{{apiVersion: apps/v1, kind: ReplicaSet, name: api-abc12{controller}}}]
spec: {{containers: [{{name: c, image: i}}]}}
---
apiVersion: v1
kind: Pod
metadata: {{name: other, namespace: ns}}
spec: {{containers: [{{name: c, image: i}}]}}
"
        )
    };
    let names = |text: &str| {
        let (docs, errs) = load::parse_text("t.yaml", text);
        assert!(errs.is_empty(), "{errs:?}");
        let c = cluster_from_documents(&docs);
        let mut v: Vec<String> = c.workloads.iter().map(|w| w.display()).collect();
        v.sort();
        v
    };
    assert_eq!(
        names(&pods("")),
        ["ns/api-abc12-x7k2p[Pod]", "ns/other[Pod]"],
        "no controller field: the pod is its own workload"
    );
    assert_eq!(
        names(&pods(", controller: false")),
        ["ns/api-abc12-x7k2p[Pod]", "ns/other[Pod]"]
    );
    assert_eq!(
        names(&pods(", controller: true")),
        ["ns/api-abc12[ReplicaSet]", "ns/other[Pod]"]
    );
}
