//! KS021 `image-tag-latest`: image has no tag or uses `latest`.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS021",
        name: "image-tag-latest",
        summary: "Image has no tag or uses `latest`",
        severity: Medium,
        category: SupplyChain,
        aliases: [
            Trivy: "KSV-0013",
            Checkov: "CKV_K8S_14",
            KubeLinter: "latest-tag",
            KubeScore: "container-image-tag",
            Polaris: "tagNotSpecified",
        ],
        fix: None,
        default_enabled: true,
        what: "Reports images without a tag or digest, or tagged `latest`.",
        why: "A moving tag deploys whatever was pushed last: rollbacks and audits cannot tell \
            what ran.",
        example: "```yaml\ncontainers:\n- name: app\n  image: nginx   # flagged\n```",
        fix_safety: "No automatic fix: pick the version you tested.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

/// The container's image when it is a literal reference (not empty, not templated), with its
/// pointer (shared with KS022 and KS023).
pub(crate) fn image<'a>(cc: &ContainerCtx<'a>) -> Option<(&'a str, String)> {
    let image = str_of(cc.c.c.get("image"));
    (!image.is_empty() && !image.contains(['$', '{', '<']))
        .then(|| (image, format!("{}/image", cc.ptr)))
}

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    let Some((image, ptr)) = image(cc) else {
        return;
    };
    let (_, tag, digest) = crate::rules::util::split_image(image);
    if digest || tag.is_some_and(|t| t != "latest") {
        return;
    }
    ctx.report(
        &META,
        &ptr,
        Some(cc.name),
        match tag {
            None => format!("image `{image}` has no tag (it means `latest`)"),
            Some(_) => format!("image `{image}` uses the `latest` tag"),
        },
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  image: nginx\n- name: b\n  image: localhost:5000/x:latest\n");
        assert_lines(&super::META, &y, &[8, 10]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  image: nginx:1.27\n- name: b\n  image: nginx@sha256:abc\n- name: c\n  image: \"{{ .Values.image }}\"\n- name: d\n  image: localhost:5000/x\n");
        // `localhost:5000/x` has no tag: only the last one is reported.
        assert_lines(&super::META, &y, &[14]);
    }
}
