//! KS028 `default-namespace`: object in the default namespace.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS028",
        name: "default-namespace",
        summary: "Object in the default namespace",
        severity: Low,
        category: Security,
        aliases: [Trivy: "KSV-0110", Checkov: "CKV_K8S_21", KubeLinter: "use-namespace"],
        fix: None,
        default_enabled: false,
        what: "Reports namespaced workloads with `namespace: default`. Off by default: most \
            manifests leave the namespace to `kubectl -n`.",
        why: "The default namespace mixes unrelated workloads under the same policies and \
            permissions.",
        example: "```yaml\nmetadata:\n  namespace: default   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let kind = ctx.doc.kind().unwrap_or("");
    if crate::rules::util::WORKLOADS.contains(&kind) && ctx.doc.namespace() == Some("default") {
        ctx.report(
            &META,
            "/metadata/namespace",
            None,
            format!("{kind} is in the `default` namespace"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  namespace: default\n";
        assert_lines(&super::META, y, &[5]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: default}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: shop}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\n";
        assert_lines(&super::META, y, &[]);
    }
}
