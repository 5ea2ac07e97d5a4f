//! KS059 `git-sync-custom-git`: git-sync is told which program to run as git.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS059",
        name: "git-sync-custom-git",
        summary: "git-sync is told which program to run as git",
        severity: Medium,
        category: Security,
        aliases: [Checkov: "CKV_K8S_159"],
        fix: None,
        default_enabled: true,
        what: "Reports containers with an environment variable `GITSYNC_GIT` (what Checkov tests) \
            or its git-sync v3 spelling `GIT_SYNC_GIT`, and git-sync containers (image \
            `.../git-sync`) given the equivalent `--git` flag in `command` or `args`.",
        why: "The setting names the executable git-sync runs as git. Whoever can edit the \
            workload (or plant a file in the synced repository and point the setting at it) gets \
            code execution in the git-sync container, with its repository credentials and the \
            volume the application serves (Akamai, DEF CON 32, 2024). The default, `git` from the \
            image, needs no setting.",
        example: "```yaml\ncontainers:\n- name: git-sync\n  image: \
            registry.k8s.io/git-sync/git-sync:v4.2.3\n  env:\n  - name: GITSYNC_GIT   # \
            flagged\n    value: /repo/tools/git\n```",
        fix_safety: "No automatic fix: remove the variable or flag and use the image's own git.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    let name = cc.name;
    let image = str_of(cc.c.c.get("image"));
    if crate::rules::util::image_basename(image) == "git-sync" {
        for field in ["command", "args"] {
            let mut prev_git = false;
            for (i, a) in strings(cc.c.c.get(field)) {
                if prev_git || a.starts_with("--git=") || a.starts_with("-git=") {
                    ctx.report(
                        &META,
                        &format!("{}/{field}/{i}", cc.ptr),
                        Some(name),
                        format!("git-sync container `{name}` is given `--git`: it runs another program as git"),
                    );
                }
                prev_git = matches!(a, "--git" | "-git");
            }
        }
    }
    for (i, e) in super::ks025_secret_in_env::env(cc) {
        let ename = str_of(e.get("name"));
        if matches!(ename, "GITSYNC_GIT" | "GIT_SYNC_GIT") {
            ctx.report(
                &META,
                &format!("{}/env/{i}/name", cc.ptr),
                Some(name),
                format!(
                    "container `{name}` sets `{ename}`: git-sync runs `{}` as git",
                    str_of(e.get("value"))
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("initContainers:\n- name: clone\n  image: registry.k8s.io/git-sync/git-sync:v4.2.3\n  args: [--repo=https://example.com/docs.git, --git=/tmp/git]\n  env:\n  - {name: GITSYNC_GIT, value: /git/tools/git}\ncontainers:\n- name: sync\n  image: k8s.gcr.io/git-sync@sha256:abc\n  command:\n  - /git-sync\n  - --git\n  - /opt/git\n");
        assert_lines(&super::META, &y, &[9, 11, 18]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: web\n  image: example.com/git-sync-exporter:1\n  args: [--git=/x]\n  env: [{name: MY_GITSYNC_GIT, value: x}, {name: GITSYNC_GIT_CONFIG, value: x}]\n");
        assert_lines(&super::META, &y, &[]);
    }
}
