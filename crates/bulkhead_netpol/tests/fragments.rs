//! `Cluster::join` over one `Fragment` per file (what `bulkhead check` keeps of each file
//! while it checks the others) is the model `Cluster::build` makes of every object at once:
//! the same lints on the real-manifest corpora, and the cross-file cases spelled out.

mod common;

use bulkhead_netpol::load::{Document, load_paths, parse_text};
use bulkhead_netpol::{Cluster, Fragment, ObjectRef, Settings, lints::lint_cluster};

type Locator<'a> = Box<dyn Fn(&str) -> Option<bulkhead_diagnostics::Range> + 'a>;

/// The same objects, once all together and once a file at a time: the two models and lints.
fn both(docs: &[Document]) -> ((Cluster, Vec<String>), (Cluster, Vec<String>)) {
    let locs: Vec<Locator<'_>> = docs
        .iter()
        .map(|d| Box::new(move |p: &str| d.locate(p)) as Locator<'_>)
        .collect();
    let refs: Vec<ObjectRef<'_>> = docs
        .iter()
        .zip(&locs)
        .map(|(d, l)| ObjectRef {
            path: &d.path,
            value: d.value(),
            locate: &**l,
        })
        .collect();
    let whole = Cluster::build(&refs);
    // The objects of one file are consecutive.
    let mut fragments = Vec::new();
    let mut start = 0;
    while start < refs.len() {
        let mut stop = start + 1;
        while stop < refs.len() && refs[stop].path == refs[start].path {
            stop += 1;
        }
        fragments.push(Fragment::of(&refs[start..stop]));
        start = stop;
    }
    let joined = Cluster::join(fragments);
    let lint = |c: &Cluster| -> Vec<String> {
        lint_cluster(c, &Settings::default())
            .iter()
            .map(|f| format!("{} {} {:?} {}", f.path, f.rule.code, f.range, f.message))
            .collect()
    };
    let (lw, lj) = (lint(&whole), lint(&joined));
    ((whole, lw), (joined, lj))
}

fn model(c: &Cluster) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        c.workloads
            .iter()
            .map(|w| (w.display(), &w.labels, &w.ports, &w.origin))
            .collect::<Vec<_>>(),
        c.namespaces
            .values()
            .map(|n| (&n.name, &n.labels, n.defined))
            .collect::<Vec<_>>(),
        c.policies
            .iter()
            .map(|p| (p.display(), &p.origin))
            .collect::<Vec<_>>(),
        c.errors,
        c.services,
    )
}

#[test]
fn joined_fragments_are_the_whole_model_on_the_corpora() {
    for (rel, least) in [("corpus/k8s", 500), ("corpus/netpol", 0)] {
        let Some(dir) = common::shared(rel) else {
            return;
        };
        let (docs, _) = load_paths(&[dir]);
        let ((whole, lw), (joined, lj)) = both(&docs);
        assert!(
            !lw.is_empty() && whole.workloads.len() >= least,
            "{rel}: {} findings, {} workloads",
            lw.len(),
            whole.workloads.len()
        );
        assert_eq!(model(&joined), model(&whole), "{rel}");
        assert_eq!(lj, lw, "{rel}");
    }
}

#[test]
fn cross_file_duplicates_and_namespace_labels() {
    // The first file's pod represents the owner; the later file's namespace labels win, its
    // name label set by hand stays.
    let a = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-1\n  namespace: shop\n  labels: {app: web}\n  ownerReferences: [{kind: ReplicaSet, name: web, controller: true}]\nspec:\n  containers: [{name: c, image: i, ports: [{containerPort: 80}]}]\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {kubernetes.io/metadata.name: custom, team: a}\n";
    let b = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-2\n  namespace: shop\n  labels: {app: web2}\n  ownerReferences: [{kind: ReplicaSet, name: web, controller: true}]\nspec:\n  containers: [{name: c, image: i, ports: [{containerPort: 81}]}]\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: b}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: other}\nspec:\n  podSelector: {}\n";
    let mut docs = parse_text("a.yaml", a).0;
    docs.extend(parse_text("b.yaml", b).0);
    let ((whole, lw), (joined, lj)) = both(&docs);
    assert_eq!(model(&joined), model(&whole));
    assert_eq!(lj, lw);
    assert_eq!(joined.workloads.len(), 1);
    assert_eq!(joined.workloads[0].ports.len(), 1);
    assert_eq!(joined.workloads[0].ports[0].1, 80);
    let shop = &joined.namespaces["shop"];
    assert_eq!(shop.labels["team"], "b");
    assert_eq!(shop.labels["kubernetes.io/metadata.name"], "custom");
    assert!(shop.defined && !joined.namespaces["other"].defined);
}
