//! KS001 `read-only-root-filesystem`: container root filesystem is writable.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS001",
        name: "read-only-root-filesystem",
        summary: "Container root filesystem is writable",
        severity: Medium,
        category: Security,
        aliases: [
            Trivy: "KSV-0014",
            Checkov: "CKV_K8S_22",
            KubeLinter: "no-read-only-root-fs",
            KubeScore: "container-security-context-readonlyrootfilesystem",
            Polaris: "notReadOnlyRootFilesystem",
            Kubesec: "ReadOnlyRootFilesystem",
        ],
        fix: Unsafe,
        default_enabled: true,
        what: "Reports containers whose `securityContext.readOnlyRootFilesystem` is not `true`.",
        why: "A writable root filesystem lets an attacker drop tools and modify binaries, and \
            hides state in the container image layer instead of declared volumes.",
        example: "```yaml\ncontainers:\n- name: app\n  image: app:1.0   # flagged: no \
            readOnlyRootFilesystem: true\n```",
        fix_safety: "Unsafe: the fix sets `readOnlyRootFilesystem: true` and mounts a writable \
            `emptyDir` at `/tmp`; a program that writes elsewhere (caches, PID files) then fails \
            until it gets its own volume.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, pod: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    if cc.c.kind == ContainerKind::Ephemeral
        || cc.c.sc_field("readOnlyRootFilesystem").and_then(Value::as_bool) == Some(true)
    {
        return;
    }
    let fix = fix(ctx, pod.ps, &cc.c);
    let f = ctx.report(
        &META,
        &format!("{}/readOnlyRootFilesystem", cc.sc_ptr),
        Some(cc.name),
        format!("container `{}` has a writable root filesystem", cc.name),
    );
    f.fix = fix;
}

/// `readOnlyRootFilesystem: true`, with a writable `emptyDir` at `/tmp`.
fn fix(ctx: &Ctx<'_>, ps: &PodSpec<'_>, c: &Container<'_>) -> Option<Fix> {
    let mut ed = Editor::new(ctx);
    let cp = format!("{}{}", ps.spec_ptr, c.rel_ptr());
    ed.ensure(
        &format!("{cp}/securityContext"),
        &[("readOnlyRootFilesystem", s("true"))],
    )?;
    let has_tmp = c
        .c
        .get("volumeMounts")
        .and_then(Value::as_array)
        .is_some_and(|ms| {
            ms.iter()
                .any(|m| str_of(m.get("mountPath")).trim_end_matches('/') == "/tmp")
        });
    if !has_tmp {
        let vols = ps.spec.get("volumes").and_then(Value::as_array);
        let find = |n: &str| vols.and_then(|v| v.iter().find(|x| str_of(x.get("name")) == n));
        let (name, exists) = match find("tmp") {
            None => ("tmp", false),
            Some(v) if v.get("emptyDir").is_some() => ("tmp", true),
            Some(_) => ("bulkhead-tmp", find("bulkhead-tmp").is_some()),
        };
        ed.ensure_item(
            &format!("{cp}/volumeMounts"),
            m(&[("name", s(name)), ("mountPath", s("/tmp"))]),
        )?;
        if !exists {
            ed.ensure_item(
                &format!("{}/volumes", ps.spec_ptr),
                m(&[("name", s(name)), ("emptyDir", s("{}"))]),
            )?;
        }
    }
    ed.finish(
        "Make the root filesystem read-only, with a writable emptyDir at /tmp",
        Applicability::Unsafe,
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: c\n  image: i:1\n- name: d\n  securityContext:\n    readOnlyRootFilesystem: false\n");
        assert_lines(&super::META, &y, &[7, 11]);
        assert_fixed(
            &super::META,
            &pod("containers:\n- name: c\n  image: i:1\n"),
            "  - name: c\n    image: i:1\n    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n      - name: tmp\n        mountPath: /tmp\n  volumes:\n    - name: tmp\n      emptyDir: {}\n",
            true,
        );
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: c\n  securityContext: {readOnlyRootFilesystem: true}\nephemeralContainers:\n- name: debug\n  image: busybox:1\n");
        assert_lines(&super::META, &y, &[]);
    }
}
