//! KS025 `secret-in-env`: secret consumed through an environment variable.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS025",
        name: "secret-in-env",
        summary: "Secret consumed through an environment variable",
        severity: Low,
        category: Secrets,
        aliases: [
            Checkov: "CKV_K8S_35",
            KubeLinter: "read-secret-from-env-var",
            Kubesec: "SecretsAsEnvironmentVariables",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports `env[].valueFrom.secretKeyRef` and `envFrom[].secretRef`.",
        why: "Environment variables leak into child processes, crash dumps, `/proc/*/environ` and \
            debug endpoints; mounted files do not.",
        example: "```yaml\nenv:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, \
            key: password}   # flagged\n```",
        fix_safety: "No automatic fix: the program must read a file instead.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    let name = cc.name;
    for (i, e) in env(cc) {
        if e.get("valueFrom").and_then(|v| v.get("secretKeyRef")).is_some() {
            let ename = str_of(e.get("name"));
            ctx.report(
                &META,
                &format!("{}/env/{i}/valueFrom/secretKeyRef", cc.ptr),
                Some(name),
                format!("container `{name}` reads a Secret into `{ename}`; mount it as a file"),
            );
        }
    }
    let env_from = cc.c.c.get("envFrom").and_then(Value::as_array);
    for (i, e) in env_from.into_iter().flatten().enumerate() {
        if e.get("secretRef").is_some() {
            ctx.report(
                &META,
                &format!("{}/envFrom/{i}/secretRef", cc.ptr),
                Some(name),
                format!("container `{name}` loads a whole Secret into its environment"),
            );
        }
    }
}

/// The `env` entries of a container with their indexes (shared with KS026, KS027, KS059).
pub(crate) fn env<'a>(cc: &ContainerCtx<'a>) -> impl Iterator<Item = (usize, &'a Value)> {
    cc.c.c
        .get("env")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  env:\n  - name: PW\n    valueFrom:\n      secretKeyRef: {name: s, key: pw}\n  envFrom:\n  - secretRef: {name: s}\n");
        assert_lines(&super::META, &y, &[11, 13]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  env:\n  - name: X\n    valueFrom: {configMapKeyRef: {name: c, key: x}}\n  envFrom:\n  - configMapRef: {name: c}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
