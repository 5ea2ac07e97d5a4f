//! KS053 `ingress-without-tls`: Ingress serves plain HTTP (no TLS).

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS053",
        name: "ingress-without-tls",
        summary: "Ingress serves plain HTTP (no TLS)",
        severity: Low,
        category: Network,
        aliases: [Polaris: "tlsSettingsMissing"],
        fix: None,
        default_enabled: false,
        what: "Reports Ingresses without a non-empty `spec.tls`, unless a cloud load balancer \
            certificate annotation says TLS is terminated in front of them \
            (`alb.ingress.kubernetes.io/certificate-arn`, \
            `networking.gke.io/managed-certificates`, \
            `ingress.gcp.kubernetes.io/pre-shared-cert`). Off by default: TLS is often terminated \
            before the Ingress (a cloud load balancer, a CDN, a service mesh gateway), and the \
            in-cluster hop is then plain HTTP by design.",
        why: "Credentials, cookies and data cross the network in clear text and can be read or \
            changed by anyone on the path.",
        example: "```yaml\nkind: Ingress\nspec:   # flagged: no tls\n  rules:\n  - host: \
            shop.example.com\n```",
        fix_safety: "No automatic fix: add `tls: [{hosts: [shop.example.com], secretName: \
            shop-tls}]` (cert-manager can issue the certificate).",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

/// Annotations saying a cloud load balancer terminates TLS in front of an Ingress.
const LB_CERT_ANNOTATIONS: [&str; 3] = [
    "alb.ingress.kubernetes.io/certificate-arn",
    "networking.gke.io/managed-certificates",
    "ingress.gcp.kubernetes.io/pre-shared-cert",
];

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    if ctx.doc.kind() != Some("Ingress") {
        return;
    }
    let v = &ctx.doc.value;
    let annotations = v
        .pointer("/metadata/annotations")
        .and_then(Value::as_object);
    let has_tls = v
        .pointer("/spec/tls")
        .and_then(Value::as_array)
        .is_some_and(|t| !t.is_empty());
    let lb_tls =
        annotations.is_some_and(|a| LB_CERT_ANNOTATIONS.iter().any(|k| a.contains_key(*k)));
    if !has_tls && !lb_tls && v.get("spec").is_some() {
        ctx.report(
            &META,
            "/spec/tls",
            None,
            "Ingress has no `tls` section: it serves plain HTTP".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\nspec:\n  rules:\n  - host: a.example\n  tls: []\n";
        assert_lines(&super::META, y, &[7]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: a\n  annotations:\n    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_set_headers \"X-Frame-Options: DENY\";\n    nginx.ingress.kubernetes.io/server-snippet: |\n      location /x { alias /var/run/secrets/; }\n    nginx.org/location-snippets: \"access_by_lua_block { }\"\n    nginx.ingress.kubernetes.io/rewrite-target: /\nspec:\n  rules:\n  - host: a.example\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: b}\nspec:\n  tls:\n  - hosts: [b.example]\n    secretName: b-tls\n  rules:\n  - host: b.example\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: c\n  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:x\n    nginx.ingress.kubernetes.io/server-snippet: \"\"\n    example.com/snippet: x\nspec:\n  rules:\n  - host: c.example\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ingress-nginx-controller}\ndata:\n  allow-snippet-annotations: \"true\"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\ndata:\n  allow-snippet-annotations: \"false\"\n";
        // Only the first Ingress lacks TLS; the second has it, the third a cloud certificate.
        assert_lines(&super::META, y, &[12]);
    }
}
