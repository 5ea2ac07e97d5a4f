//! DF004 `registry-not-allowed`: the base image's registry is not in the configured list.

use super::prelude::*;
use crate::model::ImageRef;

pub static META: RuleMeta = RuleMeta {
    code: "DF004",
    name: "registry-not-allowed",
    summary: "Base image comes from a registry outside the allow-list",
    severity: Severity::Medium,
    category: Category::SupplyChain,
    aliases: &[Alias::new(Tool::Hadolint, "DL3026")],
    fix: FixKind::None,
    default_enabled: false,
    docs: "## What it does\n\
With `allowed-registries` configured, reports a `FROM` of an external image from any other \
registry (Docker Hub is `docker.io`). Off by default, since it needs the list.\n\n\
## Why is this bad?\n\
Images from unvetted registries bypass the organisation's mirroring, scanning and signing.\n\n\
## Example\n\
With `allowed-registries = [\"registry.example.com\"]`:\n\
```dockerfile\nFROM quay.io/org/app:1\n```\nUse instead:\n```dockerfile\nFROM registry.example.com/org/app:1\n```\n\n\
## Fix safety\n\
No automatic fix.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let allowed = &ctx.settings.allowed_registries;
    if allowed.is_empty() {
        return;
    }
    for st in &ctx.model.stages {
        let Some(img) = st.image.as_deref() else { continue };
        if img.is_empty() || !st.is_external() {
            continue;
        }
        let r = ImageRef::parse(img);
        let reg = r.registry_or_default();
        let ok = allowed.iter().any(|a| {
            a == reg || (a == "docker.io" && reg == "index.docker.io") || a == "*"
        });
        if !ok {
            let ins = &ctx.df.instructions[st.from];
            out.push(ctx.at_l(
                &META,
                ins,
                st.image_lspan.0,
                st.image_lspan.1,
                format!("Registry `{reg}` of `{img}` is not in the allowed registries"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Settings;
    use crate::rules::testing::lines_with;

    #[test]
    fn triggers_and_near_misses() {
        let s = Settings {
            allowed_registries: vec!["registry.example.com".into(), "docker.io".into()],
            ..Settings::default()
        };
        let src = "FROM quay.io/a/b:1\nFROM debian:12\nFROM registry.example.com/x:1\n";
        assert_eq!(lines_with(&super::META, src, &s), vec![1]);
        assert_eq!(lines_with(&super::META, src, &Settings::default()), Vec::<u32>::new());
    }
}
