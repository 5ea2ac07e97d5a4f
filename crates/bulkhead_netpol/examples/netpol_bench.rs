//! Scaling benchmark of the connectivity engine (see bench/netpol/README.md).
//!
//! `cargo run --release -p bulkhead_netpol --example netpol_bench -- [PODS] [NAMESPACES]
//! [POLICIES] [--write DIR]`: generates PODS pods (10 replicas per Deployment, owner
//! references), NAMESPACES namespaces with `team` labels, POLICIES policies (one default deny
//! per namespace, the rest allow rules by pod and namespace selectors and ipBlocks), then
//! times model building, analysis and the txt list. `--write DIR` also writes the manifests.
use bulkhead_netpol::{Cluster, ListOptions, ObjectRef, list, output::Format};
use serde_json::{Value, json};
use std::time::Instant;

fn generate(pods: usize, nss: usize, policies: usize) -> Vec<Value> {
    let mut objs = Vec::new();
    let per_ns_pods = pods / nss;
    let apps_per_ns = (per_ns_pods / 10).max(1);
    for n in 0..nss {
        let ns = format!("ns-{n:03}");
        objs.push(json!({"apiVersion": "v1", "kind": "Namespace",
            "metadata": {"name": ns, "labels": {"team": format!("team-{}", n % 10)}}}));
        for p in 0..per_ns_pods {
            let app = p % apps_per_ns;
            objs.push(json!({"apiVersion": "v1", "kind": "Pod",
                "metadata": {"name": format!("app-{app}-{p}"), "namespace": ns,
                    "labels": {"app": format!("app-{app}"), "tier": if app.is_multiple_of(3) {"front"} else {"back"}},
                    "ownerReferences": [{"kind": "ReplicaSet", "name": format!("app-{app}-5d4f9c"), "controller": true}]},
                "spec": {"containers": [{"name": "c", "image": "x",
                    "ports": [{"containerPort": 8080, "name": "http"}, {"containerPort": 9090, "name": "metrics"}]}]}}));
        }
    }
    let per_ns_pol = (policies / nss).max(1);
    for n in 0..nss {
        let ns = format!("ns-{n:03}");
        objs.push(
            json!({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": {"name": "default-deny", "namespace": ns},
            "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"],
                "egress": [{"ports": [{"port": 53, "protocol": "UDP"}]}]}}),
        );
        for k in 1..per_ns_pol {
            let app = k % apps_per_ns;
            let from = (k + 1) % apps_per_ns;
            objs.push(json!({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                "metadata": {"name": format!("allow-{k}"), "namespace": ns},
                "spec": {"podSelector": {"matchLabels": {"app": format!("app-{app}")}},
                    "policyTypes": ["Ingress", "Egress"],
                    "ingress": [
                        {"from": [{"podSelector": {"matchLabels": {"app": format!("app-{from}")}}}],
                         "ports": [{"port": "http"}]},
                        {"from": [{"namespaceSelector": {"matchLabels": {"team": format!("team-{}", k % 10)}},
                                   "podSelector": {"matchLabels": {"tier": "front"}}}],
                         "ports": [{"port": 8080, "protocol": "TCP"}]},
                        {"from": [{"ipBlock": {"cidr": format!("10.{k}.0.0/16"), "except": [format!("10.{k}.1.0/24")]}}]}
                    ],
                    "egress": [
                        {"to": [{"podSelector": {"matchLabels": {"tier": "back"}}}], "ports": [{"port": 9090}]},
                        {"to": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]}}], "ports": [{"port": 443}]}
                    ]}}));
        }
    }
    objs
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize, d: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let (pods, nss, pols) = (num(0, 10_000), num(1, 100), num(2, 1_000));
    let objs = generate(pods, nss, pols);
    if let Some(i) = args.iter().position(|a| a == "--write") {
        let dir = std::path::PathBuf::from(&args[i + 1]);
        std::fs::create_dir_all(&dir).unwrap();
        let text: Vec<String> = objs
            .iter()
            .map(|o| serde_json::to_string(o).unwrap())
            .collect();
        std::fs::write(dir.join("cluster.yaml"), text.join("\n---\n")).unwrap();
    }
    let none = |_: &str| None;
    let refs: Vec<ObjectRef<'_>> = objs
        .iter()
        .map(|v| ObjectRef {
            path: "gen",
            value: v,
            locate: &none,
        })
        .collect();
    let t0 = Instant::now();
    let cluster = Cluster::build(&refs);
    let t1 = Instant::now();
    let out = list(&cluster, &ListOptions::default(), Format::Txt);
    let t2 = Instant::now();
    println!(
        "pods={pods} namespaces={nss} policies={} workloads={} lines={} build={:.3}s list={:.3}s total={:.3}s",
        cluster.policies.len(),
        cluster.workloads.len(),
        out.lines().count(),
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        (t2 - t0).as_secs_f64()
    );
}
