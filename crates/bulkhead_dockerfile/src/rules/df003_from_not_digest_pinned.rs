//! DF003 `from-not-digest-pinned`: an external base image not pinned by digest (opt-in).

use super::prelude::*;
use crate::model::ImageRef;

pub static META: RuleMeta = RuleMeta {
    code: "DF003",
    name: "from-not-digest-pinned",
    summary: "Base image is not pinned by digest (`@sha256:`)",
    severity: Severity::Low,
    category: Category::SupplyChain,
    aliases: &[],
    fix: FixKind::None,
    default_enabled: false,
    docs: "## What it does\n\
Reports a `FROM` of an external image (not `scratch`, not a stage) without `@sha256:...`. \
Off by default: select `DF003` to enforce it.\n\n\
## Why is this bad?\n\
Tags are mutable: a registry (or an attacker controlling it) can move `debian:12` to other \
content. A digest names exactly the bytes you reviewed.\n\n\
## Example\n\
```dockerfile\nFROM debian:12-slim\n```\nUse instead:\n```dockerfile\nFROM debian:12-slim@sha256:<digest>\n```\n\n\
## Fix safety\n\
No automatic fix: resolving the digest needs the registry.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for st in &ctx.model.stages {
        let Some(img) = st.image.as_deref() else { continue };
        if img.is_empty() || !st.is_external() {
            continue;
        }
        if ImageRef::parse(img).digest.is_none() {
            let ins = &ctx.df.instructions[st.from];
            out.push(ctx.at_l(
                &META,
                ins,
                st.image_lspan.0,
                st.image_lspan.1,
                format!("`{img}` is not pinned by digest"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM debian:12\n", &[1]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM debian:12@sha256:ab AS a\nFROM a\nFROM scratch\n", &[]);
    }
}
