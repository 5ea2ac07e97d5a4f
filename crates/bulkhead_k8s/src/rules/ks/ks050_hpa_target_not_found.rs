//! KS050 `hpa-target-not-found`: HorizontalPodAutoscaler scales an object not defined in the input.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS050",
        name: "hpa-target-not-found",
        summary: "HorizontalPodAutoscaler scales an object not defined in the input",
        severity: Medium,
        category: Reliability,
        aliases: [
            KubeLinter: "dangling-horizontalpodautoscaler",
            KubeScore: "horizontalpodautoscaler-has-target",
        ],
        fix: None,
        default_enabled: true,
        what: "Cross-object: reports a HorizontalPodAutoscaler whose `spec.scaleTargetRef` (kind \
            and name) names no object of the autoscaler's namespace in the checked files. To stay \
            quiet on partial inputs it speaks only when the autoscaler's directory defines \
            objects of the target's kind (so a chart that ships only the autoscaler is not \
            reported); templated names are not looked up.",
        why: "The autoscaler does nothing (its status says `FailedGetScale`): the workload it was \
            meant to scale keeps its fixed replica count under load.",
        example: "```yaml\nkind: HorizontalPodAutoscaler\n\
            spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: \
            web-api   # flagged: the input defines Deployment `webapi`\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Set(check);

/// Autoscalers whose `scaleTargetRef` names no object of the run, when the autoscaler's
/// directory defines objects of the target's kind in its namespace.
fn check(set: &SetCtx<'_>, out: &mut Vec<Finding>) {
    if !set.kinds.contains(&"HorizontalPodAutoscaler") {
        return;
    }
    let mut hpas: Vec<(&str, &Fact, &str, &str)> = Vec::new();
    for (p, d) in set.of_kind("HorizontalPodAutoscaler") {
        let Some(t) = d.at("/spec/scaleTargetRef") else {
            continue;
        };
        let kind = str_of(t.get("kind"));
        let name = str_of(t.get("name"));
        if !kind.is_empty() && !name.is_empty() && !templated(name) && !templated(kind) {
            hpas.push((p, d, kind, name));
        }
    }
    // (directory, kind, namespace, name) of every object of a targeted kind.
    let objects: Vec<(&str, &str, Option<&str>, &str)> = set
        .docs
        .iter()
        .zip(&set.kinds)
        .filter(|(_, k)| hpas.iter().any(|h| h.2 == **k))
        .map(|((p, d), k)| (dir_of(p), *k, d.namespace(), d.name().unwrap_or("")))
        .collect();
    for (path, doc, kind, name) in hpas {
        let ns = doc.namespace();
        let dir = dir_of(path);
        if !objects.iter().any(|o| o.0 == dir && o.1 == kind && o.2 == ns) {
            continue;
        }
        if !objects
            .iter()
            .any(|o| o.1 == kind && o.3 == name && ns_match(o.2, ns))
        {
            out.push(finding(
                &META,
                path,
                doc,
                "/spec/scaleTargetRef/name",
                format!("HorizontalPodAutoscaler targets {kind} `{name}`, which is not defined in the checked files"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const DEPLOY: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n";

    #[test]
    fn triggers() {
        let hpa = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: wbe\n";
        assert_set_lines(&super::META, &[("d/a.yaml", DEPLOY), ("d/h.yaml", hpa)], &[("d/h.yaml", 7)]);
    }

    #[test]
    fn near_misses() {
        let hpa = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: r}\nspec:\n  scaleTargetRef: {kind: Rollout, name: other}\n";
        assert_set_lines(&super::META, &[("d/a.yaml", DEPLOY), ("d/h.yaml", hpa)], &[]);
    }
}
