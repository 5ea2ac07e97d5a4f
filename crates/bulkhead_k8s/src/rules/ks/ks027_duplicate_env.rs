//! KS027 `duplicate-env`: environment variable defined twice.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS027",
        name: "duplicate-env",
        summary: "Environment variable defined twice",
        severity: Medium,
        category: Reliability,
        aliases: [
            KubeLinter: "duplicate-env-var",
            KubeScore: "environment-variable-key-duplication",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports a container `env` name that appears more than once.",
        why: "Only the last definition takes effect; the other is dead configuration that someone \
            will edit in vain.",
        example: "```yaml\nenv:\n- {name: MODE, value: a}\n- {name: MODE, value: b}   # flagged\n\
            ```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, e) in super::ks025_secret_in_env::env(cc) {
        let ename = str_of(e.get("name"));
        if seen.contains(&ename) {
            ctx.report(
                &META,
                &format!("{}/env/{i}/name", cc.ptr),
                Some(cc.name),
                format!("container `{}` defines `{ename}` twice", cc.name),
            );
        }
        seen.push(ename);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  env:\n  - {name: A, value: \"1\"}\n  - {name: B, value: \"1\"}\n  - name: A\n    value: \"2\"\n");
        assert_lines(&super::META, &y, &[11]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  env: [{name: A, value: \"1\"}]\n- name: b\n  env: [{name: A, value: \"1\"}]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
