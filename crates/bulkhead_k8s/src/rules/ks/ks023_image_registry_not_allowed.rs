//! KS023 `image-registry-not-allowed`: image comes from a registry outside the allow-list.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "KS023",
        name: "image-registry-not-allowed",
        summary: "Image comes from a registry outside the allow-list",
        severity: Medium,
        category: SupplyChain,
        aliases: [Trivy: "KSV-0125"],
        fix: None,
        default_enabled: true,
        what: "Reports images whose registry is not in the configured `allowed_registries` (the \
            rule does nothing when that list is empty).",
        why: "Images from unvetted registries bypass scanning and signing policies.",
        example: "```yaml\nimage: randomhub.example/app:1.0   # flagged when only \
            registry.example.com is allowed\n```",
        fix_safety: "No automatic fix.",
    }
}

pub(crate) static HOOK: Hook = Hook::Container(check);

fn check(ctx: &mut Ctx<'_>, _: &PodCtx<'_>, cc: &ContainerCtx<'_>) {
    let Some((image, ptr)) = super::ks021_image_tag_latest::image(cc) else {
        return;
    };
    let (registry, _, _) = crate::rules::util::split_image(image);
    let allowed = &ctx.settings.allowed_registries;
    if !allowed.is_empty() && !allowed.iter().any(|a| registry == a.as_str()) {
        ctx.report(
            &META,
            &ptr,
            Some(cc.name),
            format!("image `{image}` comes from `{registry}`, not an allowed registry"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    fn settings() -> crate::Settings {
        crate::Settings {
            allowed_registries: vec!["registry.example.com".into()],
            ..crate::Settings::default()
        }
    }

    #[test]
    fn triggers() {
        let y = pod("containers:\n- name: a\n  image: nginx:1.27\n- name: b\n  image: ghcr.io/x/y:1\n");
        assert_eq!(lines_with(&super::META, &y, &settings()), [8, 10]);
    }

    #[test]
    fn near_misses() {
        let y = pod("containers:\n- name: a\n  image: registry.example.com/app:1\n");
        assert_eq!(lines_with(&super::META, &y, &settings()), Vec::<u32>::new());
        // No list: any registry.
        let y = pod("containers:\n- name: a\n  image: nginx:1.27\n");
        assert_lines(&super::META, &y, &[]);
    }
}
