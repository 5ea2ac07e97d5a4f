//! KS046 `configmap-holds-secret`: ConfigMap holds a secret.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS046",
        name: "configmap-holds-secret",
        summary: "ConfigMap holds a secret",
        severity: High,
        category: Security,
        aliases: [Trivy: "KSV-0109", Trivy: "KSV-01010", Polaris: "sensitiveConfigmapContent"],
        fix: None,
        default_enabled: true,
        what: "Reports ConfigMap `data` and `binaryData` keys named like a secret (`password`, \
            `passwd`, `secret`, `token`, `api_key`/`apiKey`, `private_key`, `access_key`, \
            `credentials`...) with a non-empty value that is not a number, flag, path or template \
            reference, and `data` values holding a PEM private key (`-----BEGIN ... PRIVATE \
            KEY-----`) or an AWS access key id (`AKIA` and 16 more characters). Keys that are \
            settings about a secret (`password_file`, `token_ttl`, `secret_name`...) are not \
            reported. The finding is on the key's line; the value is never echoed.",
        why: "ConfigMaps are not meant for secrets: they are not encrypted at rest by the API \
            server's encryption config for Secrets, RBAC usually grants reading them widely, and \
            they end up in logs, `kubectl describe` output and Git.",
        example: "```yaml\nkind: ConfigMap\ndata:\n  db_password: hunter2   # flagged: use a \
            Secret\n  log_level: info\n```",
        fix_safety: "No automatic fix: move the value to a Secret and reference it with \
            `secretKeyRef` or a secret volume.",
    }
}

pub(crate) static HOOK: Hook = Hook::Object(check);

/// Whether a ConfigMap key names a secret: `looks_secret` on the key with camelCase humps
/// split (`dbPassword` -> `db_Password`).
fn configmap_key_secret(key: &str) -> bool {
    let mut snake = String::with_capacity(key.len() + 4);
    let mut prev_lower = false;
    for c in key.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            snake.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        snake.push(c);
    }
    crate::rules::util::looks_secret(&snake)
}

/// What a ConfigMap value holds that is a secret whatever its key: a PEM private key or an
/// AWS access key id.
pub(crate) fn secret_content(v: &str) -> Option<&'static str> {
    if let Some(i) = v.find("-----BEGIN ")
        && v[i..]
            .lines()
            .next()
            .is_some_and(|l| l.contains("PRIVATE KEY-----"))
    {
        return Some("a private key");
    }
    let b = v.as_bytes();
    let aws = v.match_indices("AKIA").any(|(i, _)| {
        let id = &b[i + 4..];
        (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && id.len() >= 16
            && id[..16]
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && id.get(16).is_none_or(|c| !c.is_ascii_alphanumeric())
    });
    aws.then_some("an AWS access key id")
}

fn check(ctx: &mut Ctx<'_>, _: Option<&PodCtx<'_>>) {
    if ctx.doc.kind() != Some("ConfigMap") {
        return;
    }
    let doc = ctx.doc;
    for field in ["data", "binaryData"] {
        let Some(Value::Object(m)) = doc.value.get(field) else {
            continue;
        };
        for (k, val) in m {
            let text = val.as_str().unwrap_or("");
            let what = if field == "data"
                && let Some(what) = secret_content(text)
            {
                what
            } else if configmap_key_secret(k)
                && crate::rules::util::secret_value(text.trim())
                && !text.contains("{{")
                && !text.contains("${")
            {
                "a value named like a secret"
            } else {
                continue;
            };
            ctx.report(
                &META,
                &format!("/{field}/{}", crate::loader::escape_segment(k)),
                None,
                format!("ConfigMap key `{k}` holds {what}; keep it in a Secret"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  log_level: info\n  db_password: hunter2\n  apiKey: abc123\n  tls.key: |\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIE\n    -----END RSA PRIVATE KEY-----\n  settings.ini: |\n    aws_id = AKIAIOSFODNN7EXAMPLE\nbinaryData:\n  token: aGVsbG8=\n";
        assert_lines(&super::META, y, &[6, 7, 8, 12, 15]);
    }

    #[test]
    fn near_misses() {
        // Settings about secrets, empty values, templates, public keys, a prefix alone, and
        // the same content in a Secret.
        let y = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  password_file: /run/secrets/pw\n  token_ttl: \"3600\"\n  secret_name: db-creds\n  db_password: \"\"\n  api_key: \"{{ .Values.key }}\"\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n  note: AKIA is a prefix\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  db_password: hunter2\n";
        assert_lines(&super::META, y, &[]);
        assert!(super::configmap_key_secret("dbPassword"));
        assert!(!super::configmap_key_secret("passwordFile"));
        assert_eq!(super::secret_content("xAKIAIOSFODNN7EXAMPLE"), None);
    }
}
