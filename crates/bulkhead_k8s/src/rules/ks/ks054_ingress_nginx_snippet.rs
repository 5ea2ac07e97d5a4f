//! KS054 `ingress-nginx-snippet`: ingress-nginx snippet annotation injects raw NGINX configuration.

use crate::rules::prelude::*;

declare_rule! {
    pub const BASE = {
        code: "KS054",
        name: "ingress-nginx-snippet",
        summary: "ingress-nginx snippet annotation injects raw NGINX configuration",
        severity: High,
        category: Security,
        aliases: [
            Checkov: "CKV_K8S_153",
            Checkov: "CKV_K8S_152",
            Checkov: "CKV_K8S_154",
            Trivy: "KCV-0093",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports ingress-nginx annotations whose value injects configuration (Trivy \
            KCV-0093, CVE-2025-1097/1098/24514): `auth-url`, `mirror-target` or `mirror-host` \
            holding a URL with a quote, brace, angle bracket, pipe, caret, backquote, \
            backslash or line break, and `auth-tls-match-cn` with one of `#{};|` or a line \
            break after `CN=`. Also reports Ingress annotations of ingress-nginx \
            (`nginx.ingress.kubernetes.io/`) and \
            NGINX Inc.'s controller (`nginx.org/`) whose name contains `snippet` \
            (`server-snippet`, `configuration-snippet`, `stream-snippet`, `auth-snippet`, \
            `modsecurity-snippet`, `server-snippets`, `location-snippets`...), naming what makes \
            one worse (Lua code, an `alias` directive, a path under `/var/run/secrets` or \
            `kubernetes.io`). Also reports the controller ConfigMap key \
            `allow-snippet-annotations: \"true\"`, which turns them on (off by default since \
            ingress-nginx 1.9).",
        why: "Snippets are pasted verbatim into the controller's NGINX configuration: whoever can \
            write an Ingress can read files of the controller pod, including its service-account \
            token, which in the default install reads every Secret of the cluster \
            (CVE-2021-25742, CVE-2023-5043).",
        example: "```yaml\nkind: Ingress\n\
            metadata:\n  annotations:\n    nginx.ingress.kubernetes.io/configuration-snippet: \
            |   # flagged\n      more_set_headers \"X-Frame-Options: DENY\";\n```",
        fix_safety: "No automatic fix: use the dedicated annotations (`custom-headers`, \
            `enable-cors`, `auth-url`...) or a controller-wide setting instead.",
    }
}

/// The rule.
pub static META: RuleMeta = BASE;

/// A snippet annotation (Checkov's checks).
static SNIPPET: RuleMeta = RuleMeta {
    aliases: &[
        Alias::new(Tool::Checkov, "CKV_K8S_153"),
        Alias::new(Tool::Checkov, "CKV_K8S_152"),
        Alias::new(Tool::Checkov, "CKV_K8S_154"),
    ],
    ..BASE
};

/// An annotation value that injects configuration (Trivy's KCV-0093).
static INJECTION: RuleMeta = RuleMeta {
    aliases: &[Alias::new(Tool::Trivy, "KCV-0093")],
    ..BASE
};

/// The annotations whose value ingress-nginx pastes into its configuration.
const VALUE_ANNOTATIONS: [&str; 4] = [
    "nginx.ingress.kubernetes.io/auth-url",
    "nginx.ingress.kubernetes.io/auth-tls-match-cn",
    "nginx.ingress.kubernetes.io/mirror-target",
    "nginx.ingress.kubernetes.io/mirror-host",
];

/// Whether an annotation value breaks out of the directive it is pasted into: a URL with a
/// character that ends the quoted string or the line, or a `CN=` followed by one that starts
/// a comment, block or statement.
fn injects(value: &str) -> bool {
    let url_bad = |c: char| matches!(c, '\r' | '\n' | '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\');
    let url = ["http://", "https://"].iter().any(|scheme| {
        value.match_indices(scheme).any(|(i, m)| {
            value[i + m.len()..]
                .chars()
                .find(|c| url_bad(*c) || c.is_whitespace())
                .is_some_and(url_bad)
        })
    });
    let cn = value.match_indices("CN=").any(|(i, m)| {
        value[i + m.len()..]
            .chars()
            .any(|c| matches!(c, '\r' | '\n' | '#' | '{' | '}' | ';' | '|'))
    });
    url || cn
}

pub(crate) static HOOK: Hook = Hook::Object(check);

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    let v = &ctx.doc.value;
    match ctx.doc.kind() {
        Some("ConfigMap")
            if str_of(v.pointer("/data/allow-snippet-annotations")).trim() == "true" =>
        {
            ctx.report(
                &SNIPPET,
                "/data/allow-snippet-annotations",
                None,
                "`allow-snippet-annotations: \"true\"` lets every Ingress author inject NGINX configuration into the controller".into(),
            );
        }
        Some("Ingress") => snippets(ctx),
        _ => {}
    }
}

fn snippets(ctx: &mut Ctx<'_>) {
    let Some(annotations) = ctx
        .doc
        .value
        .pointer("/metadata/annotations")
        .and_then(Value::as_object)
    else {
        return;
    };
    for (k, val) in annotations {
        if VALUE_ANNOTATIONS.contains(&k.as_str()) && injects(str_of(Some(val))) {
            ctx.report(
                &INJECTION,
                &format!("/metadata/annotations/{}", crate::loader::escape_segment(k)),
                None,
                format!("annotation `{k}` has a value that injects NGINX configuration into the controller"),
            );
            continue;
        }
        let Some((prefix, name)) = k.split_once('/') else {
            continue;
        };
        if !matches!(prefix, "nginx.ingress.kubernetes.io" | "nginx.org")
            || !name.contains("snippet")
        {
            continue;
        }
        let text = str_of(Some(val));
        if text.trim().is_empty() {
            continue;
        }
        let lower = text.to_ascii_lowercase();
        let worse = if lower.contains("lua") {
            ", with Lua code"
        } else if lower
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .any(|w| w == "alias")
        {
            ", with an `alias` directive (reads any file of the controller)"
        } else if lower.contains("/var/run/secrets") || lower.contains("kubernetes.io") {
            ", touching the controller's secrets"
        } else {
            ""
        };
        ctx.report(
            &SNIPPET,
            &format!("/metadata/annotations/{}", crate::loader::escape_segment(k)),
            None,
            format!("annotation `{k}` injects raw NGINX configuration into the controller{worse}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: a\n  annotations:\n    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_set_headers \"X-Frame-Options: DENY\";\n    nginx.ingress.kubernetes.io/server-snippet: |\n      location /x { alias /var/run/secrets/; }\n    nginx.org/location-snippets: \"access_by_lua_block { }\"\n    nginx.ingress.kubernetes.io/rewrite-target: /\nspec:\n  rules:\n  - host: a.example\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: b}\nspec:\n  tls:\n  - hosts: [b.example]\n    secretName: b-tls\n  rules:\n  - host: b.example\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: c\n  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:x\n    nginx.ingress.kubernetes.io/server-snippet: \"\"\n    example.com/snippet: x\nspec:\n  rules:\n  - host: c.example\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ingress-nginx-controller}\ndata:\n  allow-snippet-annotations: \"true\"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\ndata:\n  allow-snippet-annotations: \"false\"\n";
        assert_lines(&super::META, y, &[6, 8, 10, 42]);
        let msgs = messages(&super::META, y);
        assert!(msgs[1].contains("`alias`"), "{msgs:?}");
        assert!(msgs[2].contains("Lua"), "{msgs:?}");
    }

    #[test]
    fn value_injection() {
        let y = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: a\n  annotations:\n    nginx.ingress.kubernetes.io/auth-url: \"http://example.com/#;}}}\\n\\nserver { }\"\n    nginx.ingress.kubernetes.io/auth-tls-match-cn: \"CN=abc #(\\n){}\\n }}\"\n    nginx.ingress.kubernetes.io/mirror-target: https://mirror.example/$request_uri\n    nginx.ingress.kubernetes.io/mirror-host: \"https://x.example/\\\"; evil\"\nspec:\n  ingressClassName: nginx\n  tls: [{hosts: [a]}]\n";
        assert_lines(&super::META, y, &[6, 7, 9]);
        assert_eq!(aliases_at(&super::META, y, "restricted")[0], ["KCV-0093"]);
        assert!(!super::injects("https://auth.example.com/verify?rd=$escaped_request_uri"));
        assert!(!super::injects("CN=client.example.com"));
    }

    #[test]
    fn near_misses() {
        let y = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: c\n  annotations:\n    nginx.ingress.kubernetes.io/server-snippet: \"\"\n    example.com/snippet: x\n    nginx.ingress.kubernetes.io/rewrite-target: /\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\ndata:\n  allow-snippet-annotations: \"false\"\n";
        assert_lines(&super::META, y, &[]);
    }
}
