//! DF002 `from-latest`: `FROM image:latest`.

use super::prelude::*;
use crate::model::ImageRef;

pub static META: RuleMeta = RuleMeta {
    code: "DF002",
    name: "from-latest",
    summary: "Base image uses the `latest` tag",
    severity: Severity::Medium,
    category: Category::SupplyChain,
    aliases: &[
        Alias::new(Tool::Hadolint, "DL3007"),
        Alias::new(Tool::Trivy, "DS-0001"),
        Alias::new(Tool::Checkov, "CKV_DOCKER_7"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports a `FROM` whose image (ARGs resolved) is tagged `latest` and not pinned by digest.\n\n\
## Why is this bad?\n\
`latest` moves: rebuilding the same Dockerfile gives a different image, which defeats \
review, caching and rollbacks, and can pull in a new major version.\n\n\
## Example\n\
```dockerfile\nFROM node:latest\n```\nUse instead:\n```dockerfile\nFROM node:22-slim\n```\n\n\
## Fix safety\n\
No automatic fix: choosing the version is a decision.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for st in &ctx.model.stages {
        let Some(img) = st.tag_view() else { continue };
        if st.parent.is_some() {
            continue;
        }
        let r = ImageRef::parse(img);
        if r.tag.as_deref() == Some("latest") && r.digest.is_none() {
            let ins = &ctx.df.instructions[st.from];
            out.push(ctx.at_l(
                &META,
                ins,
                st.image_lspan.0,
                st.image_lspan.1,
                format!("`FROM {img}` uses the moving `latest` tag: pin a version"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "ARG V=latest\nFROM debian:latest\nFROM node:${V}\n", &[2, 3]);
        assert_lines(&super::META, "ARG REGISTRY\nFROM ${REGISTRY}/ubuntu:latest\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(&super::META, "FROM debian:12\nFROM x:latest@sha256:0\nFROM latest\n", &[]);
    }
}
