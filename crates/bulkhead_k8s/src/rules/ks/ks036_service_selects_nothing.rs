//! KS036 `service-selects-nothing`: Service selector matches no pod template.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS036",
        name: "service-selects-nothing",
        summary: "Service selector matches no pod template",
        severity: Medium,
        category: Reliability,
        aliases: [KubeLinter: "dangling-service", KubeScore: "service-targets-pod"],
        fix: None,
        default_enabled: true,
        what: "Cross-object: reports a Service whose selector matches the pod template labels of \
            no workload of the same namespace in the checked files, when the Service's directory \
            defines workloads of that namespace and no custom resources (which may create pods \
            from templates Bulkhead cannot see). Labels controllers add to pods (`job-name`, \
            `statefulset.kubernetes.io/pod-name`, `pod-template-hash`...) are ignored.",
        why: "The Service has no endpoints: a typo in a label silently blackholes traffic.",
        example: "```yaml\nkind: Service\nspec:\n  selector: {app: frontnd}   # flagged: the \
            Deployment is labelled app: frontend\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Set(check);

fn check(set: &SetCtx<'_>, out: &mut Vec<Finding>) {
    for (path, doc) in set.of_kind("Service") {
        let Some(Value::Object(sel)) = doc.at("/spec/selector") else {
            continue;
        };
        // Labels that controllers add to the pods they create are not in any template.
        let sel: Vec<(&String, &Value)> = sel
            .iter()
            .filter(|(k, _)| !CONTROLLER_LABELS.contains(&k.as_str()))
            .collect();
        let Some(&(k0, v0)) = sel.first() else {
            continue;
        };
        let ns = doc.namespace();
        if !set.pods_here(path, ns) {
            continue;
        }
        let matched = v0.as_str().is_some_and(|v0| {
            set.by_label.get(&(k0.as_str(), v0)).is_some_and(|cands| {
                cands.iter().any(|&i| {
                    ns_match(set.pods[i].1.namespace(), ns)
                        && set.pod_labels[i]
                            .is_some_and(|l| sel.iter().all(|(k, v)| l.get(k.as_str()) == Some(*v)))
                })
            })
        });
        if !matched {
            let s: Vec<String> = sel
                .iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("?")))
                .collect();
            out.push(finding(
                &META,
                path,
                doc,
                "/spec/selector",
                format!(
                    "Service selector `{}` matches no pod template of the checked files",
                    s.join(",")
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: web, tier: front}\nspec:\n  containers: [{name: c, image: i:1}]\n";

    #[test]
    fn triggers() {
        let s = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: web, tier: back}\n";
        assert_set_lines(&super::META, &[("d/s.yaml", s), ("d/p.yaml", POD)], &[("d/s.yaml", 5)]);
    }

    #[test]
    fn near_misses() {
        // A match, a controller label, a directory without workloads, a custom resource next door.
        let s = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: web, statefulset.kubernetes.io/pod-name: p-0}\n";
        assert_set_lines(&super::META, &[("d/s.yaml", s), ("d/p.yaml", POD)], &[]);
        let s = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: nothing}\n";
        assert_set_lines(&super::META, &[("e/s.yaml", s), ("d/p.yaml", POD)], &[]);
        let cr = "apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\n";
        assert_set_lines(&super::META, &[("d/s.yaml", s), ("d/p.yaml", POD), ("d/cr.yaml", cr)], &[]);
    }
}
