//! KS024 `image-pull-policy-not-always`: imagePullPolicy is not Always.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS024",
        name: "image-pull-policy-not-always",
        summary: "imagePullPolicy is not Always",
        severity: Info,
        category: Reliability,
        aliases: [
            Checkov: "CKV_K8S_15",
            KubeScore: "container-image-pull-policy",
            Polaris: "pullPolicyNotAlways",
        ],
        fix: None,
        default_enabled: false,
        what: "Reports containers whose `imagePullPolicy` is not `Always`. Off by default: with \
            digest pinning it is moot.",
        why: "With IfNotPresent a node may run a stale image for a mutable tag, and private \
            images cached on a node are usable by pods without pull credentials.",
        example: "```yaml\nimagePullPolicy: IfNotPresent   # flagged\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    if cc.c.kind != ContainerKind::Ephemeral && str_of(cc.c.c.get("imagePullPolicy")) != "Always" {
        ctx.report(
            &META,
            &format!("{}/imagePullPolicy", cc.ptr),
            Some(cc.name),
            format!("container `{}` does not set `imagePullPolicy: Always`", cc.name),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  image: i:1\n  imagePullPolicy: IfNotPresent\n- name: b\n  image: i:1\n");
        assert_lines(&super::META, &y, &[9, 10]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  imagePullPolicy: Always\nephemeralContainers:\n- name: d\n  image: i:1\n");
        assert_lines(&super::META, &y, &[]);
    }
}
