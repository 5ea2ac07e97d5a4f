//! KS022 `image-not-pinned-by-digest`: image not pinned by digest.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS022",
        name: "image-not-pinned-by-digest",
        summary: "Image not pinned by digest",
        severity: Low,
        category: SupplyChain,
        aliases: [Checkov: "CKV_K8S_43"],
        fix: None,
        default_enabled: false,
        what: "Reports images without `@sha256:...`. Off by default.",
        why: "Tags are mutable: the same tag can point to different content tomorrow.",
        example: "```yaml\nimage: nginx:1.27   # flagged\n```",
        fix_safety: "No automatic fix (resolving a digest needs the registry).",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    let Some((image, ptr)) = super::ks021_image_tag_latest::image(cc) else {
        return;
    };
    if !crate::rules::util::split_image(image).2 {
        ctx.report(
            &META,
            &ptr,
            Some(cc.name),
            format!("image `{image}` is not pinned by digest"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  image: nginx:1.27\n");
        assert_lines(&super::META, &y, &[8]);
        assert!(!super::META.default_enabled);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  image: nginx:1.27@sha256:abc\n- name: b\n  image: ${IMAGE}\n");
        assert_lines(&super::META, &y, &[]);
    }
}
