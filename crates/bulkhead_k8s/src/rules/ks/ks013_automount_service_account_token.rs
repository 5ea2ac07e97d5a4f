//! KS013 `automount-service-account-token`: Service account token mounted automatically.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS013",
        name: "automount-service-account-token",
        summary: "Service account token mounted automatically",
        severity: Low,
        category: Security,
        aliases: [
            Trivy: "KSV-0036",
            Checkov: "CKV_K8S_38",
            Polaris: "automountServiceAccountToken",
            Kubesec: "AutomountServiceAccountToken",
        ],
        fix: Unsafe,
        default_enabled: true,
        what: "Reports pod specs that do not set `automountServiceAccountToken: false`, and \
            ServiceAccounts that do not either.",
        why: "Most applications never call the Kubernetes API; a mounted token only helps an \
            attacker who gets code execution.",
        example: "```yaml\nspec:\n  containers:   # flagged: no automountServiceAccountToken: \
            false\n  - name: app\n    image: app:1.0\n```",
        fix_safety: "Unsafe: the fix sets `automountServiceAccountToken: false` on the pod spec; \
            a workload that talks to the API server loses its credentials.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, pod: Option<&PodCtx<'_>>) {
    if let Some(pod) = pod
        && mounts_token(ctx, pod)
    {
        let mut ed = Editor::new(ctx);
        let fix = ed
            .ensure(
                &pod.ps.spec_ptr,
                &[("automountServiceAccountToken", s("false"))],
            )
            .and_then(|()| {
                ed.finish(
                    "Set `automountServiceAccountToken: false`",
                    Applicability::Unsafe,
                )
            });
        let f = ctx.report(
            &META,
            &format!("{}/automountServiceAccountToken", pod.ps.spec_ptr),
            None,
            "the pod mounts a service account token; set `automountServiceAccountToken: false` unless it calls the API".into(),
        );
        f.fix = fix;
    }
    if ctx.doc.kind() == Some("ServiceAccount")
        && ctx
            .doc
            .value
            .get("automountServiceAccountToken")
            .and_then(Value::as_bool)
            != Some(false)
    {
        let mut ed = Editor::new(ctx);
        let fix = ed
            .ensure("", &[("automountServiceAccountToken", s("false"))])
            .and_then(|()| {
                ed.finish(
                    "Set `automountServiceAccountToken: false`",
                    Applicability::Unsafe,
                )
            });
        let f = ctx.report(
            &META,
            "/automountServiceAccountToken",
            None,
            "ServiceAccount does not set `automountServiceAccountToken: false`".into(),
        );
        f.fix = fix;
    }
}

/// Whether the pod gets a token: its spec's `automountServiceAccountToken` when set, else
/// that of its ServiceAccount when the same file defines it (in its namespace), else yes.
pub(crate) fn mounts_token(ctx: &Ctx<'_>, pod: &PodCtx<'_>) -> bool {
    let spec = pod.ps.spec;
    if let Some(b) = spec
        .get("automountServiceAccountToken")
        .and_then(Value::as_bool)
    {
        return b;
    }
    let sa = [spec.get("serviceAccountName"), spec.get("serviceAccount")]
        .into_iter()
        .map(str_of)
        .find(|s| !s.is_empty())
        .unwrap_or("default");
    let ns = ctx.doc.namespace();
    !ctx
        .sa_no_automount
        .iter()
        .any(|d| d.name() == Some(sa) && ns_match(d.namespace(), ns))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("automountServiceAccountToken: true\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[6]);
        assert_fixed(&super::META, &pod("containers: [{name: c, image: i:1}]\n"), "  automountServiceAccountToken: false\n", true);
        let y = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa}\n";
        assert_lines(&super::META, y, &[1]);
        assert_fixed(&super::META, y, "automountServiceAccountToken: false\n", true);
    }

    #[test]
    fn service_account_setting_counts() {
        // The ServiceAccount the pod uses turns automounting off; the pod does not override.
        let sa = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: shop}\nautomountServiceAccountToken: false\n---\n";
        let p = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  serviceAccountName: app\n  containers: [{name: c, image: i:1}]\n";
        assert_lines(&super::META, &format!("{sa}{p}"), &[]);
        // The pod turns it back on; another account; another namespace.
        let on = p.replace("  serviceAccountName: app\n", "  serviceAccountName: app\n  automountServiceAccountToken: true\n");
        assert_lines(&super::META, &format!("{sa}{on}"), &[11]);
        let other = p.replace("serviceAccountName: app", "serviceAccountName: web");
        assert_lines(&super::META, &format!("{sa}{other}"), &[9]);
        let elsewhere = p.replace("namespace: shop", "namespace: dev");
        assert_lines(&super::META, &format!("{sa}{elsewhere}"), &[9]);
    }

    #[test]
    fn near_misses() {
        let y = pod("automountServiceAccountToken: false\ncontainers: [{name: c, image: i:1}]\n");
        assert_lines(&super::META, &y, &[]);
        let y = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa}\nautomountServiceAccountToken: false\n";
        assert_lines(&super::META, y, &[]);
    }
}
