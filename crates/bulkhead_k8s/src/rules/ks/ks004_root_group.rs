//! KS004 `root-group`: Pod or container uses the root group (GID 0).

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS004",
        name: "root-group",
        summary: "Pod or container uses the root group (GID 0)",
        severity: Medium,
        category: Security,
        aliases: [Trivy: "KSV-0116", KubeLinter: "run-as-non-root"],
        fix: None,
        default_enabled: true,
        what: "Reports `runAsGroup: 0`, `fsGroup: 0` or `supplementalGroups` containing 0.",
        why: "Files owned by group root on the host and in volumes become writable by the \
            container.",
        example: "```yaml\nsecurityContext:\n  fsGroup: 0   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Pod(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>) {
    let sp = pod.ps.spec_ptr.as_ref();
    if let Some(sc) = pod.pod_sc {
        for f in ["runAsGroup", "fsGroup"] {
            if num(sc.get(f)) == Some(0.0) {
                ctx.report(
                    &META,
                    &format!("{sp}/securityContext/{f}"),
                    None,
                    format!("the pod sets `{f}: 0` (the root group)"),
                );
            }
        }
        for (i, x) in sc
            .get("supplementalGroups")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if x.as_f64() == Some(0.0) {
                ctx.report(
                    &META,
                    &format!("{sp}/securityContext/supplementalGroups/{i}"),
                    None,
                    "the pod adds the root group (0) to supplementalGroups".into(),
                );
            }
        }
    }
    for cc in &pod.containers {
        if num(cc.c.sc_field("runAsGroup")) == Some(0.0) {
            ctx.report(
                &META,
                &format!("{}/runAsGroup", cc.sc_ptr),
                Some(cc.name),
                format!("container `{}` sets `runAsGroup: 0` (the root group)", cc.name),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("securityContext:\n  fsGroup: 0\n  supplementalGroups: [10, 0]\ncontainers:\n- name: c\n  securityContext: {runAsGroup: 0}\n");
        assert_lines(&super::META, &y, &[7, 8, 11]);
    }

    #[test]
    fn near_misses() {
        let y = pod("securityContext:\n  fsGroup: 10001\n  runAsGroup: \"0\"\ncontainers:\n- name: c\n  securityContext: {runAsUser: 0}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
