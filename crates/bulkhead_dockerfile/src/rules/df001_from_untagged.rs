//! DF001 `from-untagged`: a `FROM` image without a tag (after resolving ARGs).

use super::prelude::*;
use crate::model::ImageRef;

pub static META: RuleMeta = RuleMeta {
    code: "DF001",
    name: "from-untagged",
    summary: "Base image has no tag, so it silently means `latest`",
    severity: Severity::Medium,
    category: Category::SupplyChain,
    aliases: &[
        Alias::new(Tool::Hadolint, "DL3006"),
        Alias::new(Tool::Trivy, "DS-0001"),
        Alias::new(Tool::Checkov, "CKV_DOCKER_7"),
    ],
    fix: FixKind::None,
    default_enabled: true,
    docs: "## What it does\n\
Reports a `FROM` whose image, once global `ARG`s are resolved, has neither a tag nor a \
digest. `scratch`, references to earlier stages and digest-pinned images are fine; an image \
that comes from an `ARG` is judged by the ARG's default (unlike hadolint, which flags every \
`FROM ${BASE}`).\n\n\
## Why is this bad?\n\
An untagged image means `latest`: every build may pull a different base, with different \
packages and vulnerabilities, and nobody reviewed the change.\n\n\
## Example\n\
```dockerfile\nFROM debian\n```\nUse instead:\n```dockerfile\nFROM debian:12-slim\n```\n\n\
## Fix safety\n\
No automatic fix: which version to pin is the author's decision.\n",
};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    for st in &ctx.model.stages {
        // `FROM ${REGISTRY}/ubuntu` has no tag whatever REGISTRY is (DF009 reports the ARG).
        let Some(img) = st.tag_view() else { continue };
        if img.is_empty() || st.is_scratch() || st.parent.is_some() {
            continue;
        }
        let r = ImageRef::parse(img);
        if r.tag.is_none() && r.digest.is_none() {
            let ins = &ctx.df.instructions[st.from];
            out.push(ctx.at_l(
                &META,
                ins,
                st.image_lspan.0,
                st.image_lspan.1,
                format!("`FROM {img}` has no tag: pin a version, e.g. `{img}:<version>`"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::META, "FROM debian\nFROM ghcr.io/a/b AS x\n", &[1, 2]);
        assert_lines(&super::META, "ARG BASE=ubuntu\nFROM $BASE\n", &[2]);
        // An unresolved registry does not hide the missing tag (Trivy DS-0001).
        assert_lines(&super::META, "ARG REGISTRY\nFROM ${REGISTRY}/ubuntu\n", &[2]);
    }

    #[test]
    fn near_misses() {
        assert_lines(
            &super::META,
            "ARG BASE=ubuntu:24.04\nFROM ${BASE} AS a\nFROM a\nFROM scratch\nFROM x@sha256:00\nFROM localhost:5000/app:1\n",
            &[],
        );
        // an ARG without default is DF009's business
        assert_lines(&super::META, "ARG BASE\nFROM $BASE\n", &[]);
        assert_lines(&super::META, "ARG REGISTRY\nARG TAG\nFROM ${REGISTRY}/ubuntu:${TAG}\nFROM ${REGISTRY}/ubuntu:24.04\n", &[]);
    }
}
