//! KS026 `env-secret-literal`: literal secret in an environment variable.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS026",
        name: "env-secret-literal",
        summary: "Literal secret in an environment variable",
        severity: High,
        category: Secrets,
        aliases: [KubeLinter: "env-var-secret", Polaris: "sensitiveContainerEnvVar"],
        fix: None,
        default_enabled: true,
        what: "Reports `env[].value` literals whose name looks secret (`*PASSWORD*`, `*PASSWD*`, \
            `*SECRET*`, `*TOKEN*`, `*API_KEY*`, `*PRIVATE_KEY*`, `*ACCESS_KEY*`).",
        why: "The secret is in plain text in the manifest, in version control and in every copy \
            of the object.",
        example: "```yaml\nenv:\n- name: DB_PASSWORD\n  value: hunter2   # flagged\n```",
        fix_safety: "No automatic fix: move it to a Secret.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    use crate::rules::util::{looks_secret, secret_value};
    for (i, e) in super::ks025_secret_in_env::env(cc) {
        let ename = str_of(e.get("name"));
        let value = str_of(e.get("value"));
        // A key or credential in the value is a secret whatever the variable's name (as
        // Polaris's check reads a private key).
        let msg = if let Some(what) = super::ks046_configmap_holds_secret::secret_content(value) {
            format!("container `{}` has {what} in `{ename}`", cc.name)
        } else if looks_secret(ename) && secret_value(value) {
            format!("container `{}` has a literal value for `{ename}`", cc.name)
        } else {
            continue;
        };
        ctx.report(&META, &format!("{}/env/{i}/value", cc.ptr), Some(cc.name), msg);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  env:\n  - name: DB_PASSWORD\n    value: hunter2\n  - {name: API_KEY, value: abc}\n");
        assert_lines(&super::META, &y, &[10, 11]);
    }

    #[test]
    fn keys_whatever_the_name() {
        let y = pod("containers:\n- name: a\n  env:\n  - name: TLS\n    value: |\n      -----BEGIN RSA PRIVATE KEY-----\n      MIIE\n  - {name: ID, value: AKIAIOSFODNN7EXAMPLE}\n  - {name: CA, value: \"-----BEGIN CERTIFICATE-----\"}\n");
        assert_lines(&super::META, &y, &[10, 13]);
        assert!(messages(&super::META, &y)[0].contains("a private key in `TLS`"));
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  env:\n  - {name: PASSWORD_FILE, value: /run/pw}\n  - {name: TOKEN, value: \"$(OTHER)\"}\n  - {name: SECRET, value: \"true\"}\n  - {name: LOG_LEVEL, value: debug}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
