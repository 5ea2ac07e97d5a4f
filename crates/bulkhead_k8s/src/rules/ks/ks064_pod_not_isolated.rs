//! KS064 `pod-not-isolated`: no NetworkPolicy selects the workload's pods.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS064",
        name: "pod-not-isolated",
        summary: "No NetworkPolicy selects the workload's pods",
        severity: Low,
        category: Network,
        aliases: [
            KubeLinter: "non-isolated-pod",
            KubeScore: "pod-networkpolicy",
            Polaris: "missingNetworkPolicy",
            Checkov: "CKV2_K8S_6",
        ],
        fix: None,
        default_enabled: false,
        what: "Reports workloads whose pod template no NetworkPolicy of its namespace in the \
            checked files selects (an empty `podSelector` selects every pod of its namespace). \
            Off by default: policies are often applied apart from the workloads (a platform \
            repository, a namespace-wide default-deny installed with the namespace), and a run \
            that checks one application cannot see them.",
        why: "A pod that no policy selects accepts connections from every pod of the cluster and \
            can connect anywhere: one compromised pod elsewhere reaches it directly.",
        example: "```yaml\nkind: Deployment\nmetadata:\n  name: web   # flagged: no NetworkPolicy \
            selects app=web\n```",
        fix_safety: "No automatic fix: add a NetworkPolicy for the workload, or a namespace-wide \
            default-deny policy (`bulkhead netpol synthesize` writes least-privilege ones from \
            the manifests).",
    }
}

pub(crate) static HOOK: Hook = Hook::Set(check);

/// A KS064 finding on a workload.
fn not_isolated(path: &str, doc: &Fact) -> Finding {
    let kind = doc.kind().unwrap_or("workload");
    finding(
        &META,
        path,
        doc,
        "/metadata/name",
        format!(
            "no NetworkPolicy of the checked files selects this {kind}'s pods: they accept traffic from anywhere"
        ),
    )
}

/// Pod templates that no NetworkPolicy of their namespace selects; a namespace-less policy or
/// workload is matched within its directory.
fn check(set: &SetCtx<'_>, out: &mut Vec<Finding>) {
    use super::ks063_networkpolicy_selects_nothing::{policies, selects};
    let policies = policies(set);
    if policies.is_empty() {
        for (path, doc, _) in &set.pods {
            out.push(not_isolated(path, doc));
        }
        return;
    }
    // A policy covers a workload of its namespace; when either has no namespace (it is given
    // at apply time), only one of the same directory.
    let mut by_ns: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_dir: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (p, d, _)) in policies.iter().enumerate() {
        if let Some(n) = d.namespace() {
            by_ns.entry(n).or_default().push(i);
        }
        by_dir.entry(dir_of(p)).or_default().push(i);
    }
    for (path, doc, ps) in &set.pods {
        let ns = doc.namespace();
        let covers = |i: &usize| selects(policies[*i].2, ps);
        let same_dir = by_dir.get(dir_of(path)).into_iter().flatten();
        let covered = match ns {
            Some(n) => {
                by_ns.get(n).is_some_and(|c| c.iter().any(covers))
                    || same_dir
                        .filter(|i| policies[**i].1.namespace().is_none())
                        .any(covers)
            }
            None => same_dir.into_iter().any(covers),
        };
        if !covered {
            out.push(not_isolated(path, doc));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: web}\nspec:\n  containers: [{name: c, image: i:1}]\n";

    #[test]
    fn triggers() {
        assert_set_lines(&super::META, &[("d/p.yaml", POD)], &[("d/p.yaml", 4)]);
        let np = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n, namespace: other}\nspec:\n  podSelector: {}\n";
        assert_set_lines(&super::META, &[("d/p.yaml", POD), ("e/n.yaml", np)], &[("d/p.yaml", 4)]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let np = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec:\n  podSelector: {matchLabels: {app: web}}\n";
        assert_set_lines(&super::META, &[("d/p.yaml", POD), ("d/n.yaml", np)], &[]);
    }
}
