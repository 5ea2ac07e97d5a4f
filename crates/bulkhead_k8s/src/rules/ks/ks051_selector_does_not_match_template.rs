//! KS051 `selector-does-not-match-template`: workload selector does not match its pod template
//! labels.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS051",
        name: "selector-does-not-match-template",
        summary: "Workload selector does not match its pod template labels",
        severity: High,
        category: Reliability,
        aliases: [
            KubeLinter: "mismatching-selector",
            KubeScore: "deployment-pod-selector-labels-match-template-metadata-labels",
            KubeScore: "statefulset-pod-selector-labels-match-template-metadata-labels",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports Deployments, StatefulSets, DaemonSets, ReplicaSets and \
            ReplicationControllers whose `spec.selector` (`matchLabels` and `matchExpressions` \
            with In, NotIn, Exists and DoesNotExist; the plain map of a ReplicationController) is \
            not satisfied by `spec.template.metadata.labels`, at the first requirement that \
            fails. Numbers and booleans compare as their text; templated keys and values are not \
            evaluated.",
        why: "The API server rejects the object (`selector does not match template labels`): the \
            manifest cannot be applied. On old API versions that accepted it, the controller \
            never sees its own pods and creates new ones forever.",
        example: "```yaml\nkind: Deployment\nspec:\n  selector:\n    matchLabels: {app: web}   # \
            flagged\n  template:\n    metadata:\n      labels: {app: webapp}\n```",
        fix_safety: "No automatic fix: which side is right is for the author to say (the selector \
            of an existing Deployment is immutable).",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

/// A workload's `spec.selector` that its own pod template labels do not satisfy.
fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    if !matches!(
        kind,
        "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" | "ReplicationController"
    ) {
        return;
    }
    let v = &ctx.doc.value;
    let Some(Value::Object(sel)) = v.pointer("/spec/selector") else {
        return;
    };
    let Some(template) = v.pointer("/spec/template").and_then(Value::as_object) else {
        return;
    };
    let labels = template
        .get("metadata")
        .and_then(|m| m.get("labels"))
        .and_then(Value::as_object);
    // A ReplicationController's selector is a plain label map; the others are LabelSelectors.
    let rc = kind == "ReplicationController";
    let plain;
    let sel = if rc {
        if sel.is_empty() {
            return;
        }
        let mut m = Map::new();
        m.insert("matchLabels".into(), Value::Object(sel.clone()));
        plain = m;
        &plain
    } else {
        sel
    };
    let Some(u) = crate::selector::first_unmet(sel, labels) else {
        return;
    };
    let rel = if rc {
        u.rel_ptr.trim_start_matches("/matchLabels")
    } else {
        u.rel_ptr.as_str()
    };
    let actual = match u.actual {
        Some(a) => format!("the template has `{a}`"),
        None if labels.is_some() => "the template labels do not have it".to_string(),
        None => "the template has no labels".to_string(),
    };
    ctx.report(
        &META,
        &format!("/spec/selector{rel}"),
        None,
        format!(
            "{kind} selector requires `{}` but its pod template does not match ({actual}): the API server rejects it",
            u.requirement
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  selector:\n    matchLabels:\n      app: web\n      tier: front\n  template:\n    metadata:\n      labels: {app: webapp, tier: front}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: b}\nspec:\n  selector:\n    matchLabels: {app: db}\n    matchExpressions:\n    - {key: tier, operator: In, values: [back]}\n    - {key: canary, operator: DoesNotExist}\n  template:\n    metadata:\n      labels: {app: db, tier: back, canary: \"true\"}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: v1\nkind: ReplicationController\nmetadata: {name: c}\nspec:\n  selector:\n    app: x\n  template:\n    metadata:\n      labels: {app: y}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    spec:\n      containers: [{name: c, image: i:1}]\n";
        assert_lines(&super::META, y, &[7, 23, 35, 46]);
    }

    #[test]
    fn near_misses() {
        // A subset of the labels, numbers against strings, NotIn and Exists, templated
        // values, a ReplicationController without a selector.
        let y = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  selector:\n    matchLabels: {app: web, version: 2}\n    matchExpressions:\n    - {key: tier, operator: NotIn, values: [db]}\n    - {key: app, operator: Exists}\n  template:\n    metadata:\n      labels: {app: web, version: \"2\", tier: front, extra: x}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\nspec:\n  selector: {matchLabels: {app: \"${APP}\"}}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: c, image: i:1}]\n---\napiVersion: v1\nkind: ReplicationController\nmetadata: {name: c}\nspec:\n  template:\n    metadata:\n      labels: {app: y}\n    spec:\n      containers: [{name: c, image: i:1}]\n";
        assert_lines(&super::META, y, &[]);
    }
}
