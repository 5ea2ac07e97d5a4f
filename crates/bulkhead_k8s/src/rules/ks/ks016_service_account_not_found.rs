//! KS016 `service-account-not-found`: ServiceAccount referenced but not defined in the input.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS016",
        name: "service-account-not-found",
        summary: "ServiceAccount referenced but not defined in the input",
        severity: Medium,
        category: Reliability,
        aliases: [KubeLinter: "non-existent-service-account"],
        fix: None,
        default_enabled: true,
        what: "Cross-object: reports a `serviceAccountName` that names no ServiceAccount of the \
            same namespace in the checked files, when the workload's directory defines \
            ServiceAccounts (so accounts managed elsewhere are not reported).",
        why: "The pod will not be created (the admission controller rejects it) until the account \
            exists.",
        example: "```yaml\nspec:\n  serviceAccountName: aap   # flagged: the input defines `app`\n\
            ```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Set(check);

fn check(set: &SetCtx<'_>, out: &mut Vec<Finding>) {
    let sas: Vec<(Option<&str>, &str)> = set
        .of_kind("ServiceAccount")
        .filter_map(|(_, d)| Some((d.namespace(), d.name()?)))
        .collect();
    if sas.is_empty() {
        return;
    }
    let mut dirs_with_sas: Vec<&str> = set
        .of_kind("ServiceAccount")
        .map(|(p, _)| dir_of(p))
        .collect();
    dirs_with_sas.sort_unstable();
    dirs_with_sas.dedup();
    for (path, doc, ps) in &set.pods {
        let sa = ps
            .service_account_name
            .as_ref()
            .or(ps.service_account.as_ref())
            .and_then(Value::as_str)
            .unwrap_or("");
        // Templates (`$SA`, `${SA}`, `<SA>`) and directories that define no account.
        if sa.is_empty()
            || sa == "default"
            || templated(sa)
            || dirs_with_sas.binary_search(&dir_of(path)).is_err()
        {
            continue;
        }
        if !sas
            .iter()
            .any(|(ns, n)| *n == sa && ns_match(*ns, doc.namespace()))
        {
            let field = if ps.service_account_name.is_some() {
                "serviceAccountName"
            } else {
                "serviceAccount"
            };
            out.push(finding(
                &META,
                path,
                doc,
                &format!("{}/{field}", ps.spec_ptr),
                format!("ServiceAccount `{sa}` is not defined in the checked files"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const SA: &str = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: shop}\n";

    #[test]
    fn triggers() {
        let p = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  serviceAccountName: aap\n  containers: [{name: c, image: i:1}]\n";
        assert_set_lines(&super::META, &[("d/sa.yaml", SA), ("d/p.yaml", p)], &[("d/p.yaml", 5)]);
        let p = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: other}\nspec:\n  serviceAccount: app\n  containers: [{name: c, image: i:1}]\n";
        assert_set_lines(&super::META, &[("d/sa.yaml", SA), ("d/p.yaml", p)], &[("d/p.yaml", 5)]);
    }

    #[test]
    fn near_misses() {
        let p = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  serviceAccountName: app\n  containers: [{name: c, image: i:1}]\n";
        assert_set_lines(&super::META, &[("d/sa.yaml", SA), ("d/p.yaml", p)], &[]);
        // Another directory that defines no account; a templated name.
        let q = "apiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  serviceAccountName: aap\n  containers: [{name: c, image: i:1}]\n";
        let r = "apiVersion: v1\nkind: Pod\nmetadata: {name: r}\nspec:\n  serviceAccountName: \"{{ .Values.sa }}\"\n  containers: [{name: c, image: i:1}]\n";
        assert_set_lines(&super::META, &[("d/sa.yaml", SA), ("e/q.yaml", q), ("d/r.yaml", r)], &[]);
    }
}
