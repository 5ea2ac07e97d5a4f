//! DC008 `compose-latest-image`: Compose service image has no tag or uses `latest`.

use crate::rules::prelude::*;

declare_rule! {
    pub static META = {
        code: "DC008",
        name: "compose-latest-image",
        summary: "Compose service image has no tag or uses `latest`",
        severity: Medium,
        category: Security,
        aliases: [],
        fix: None,
        default_enabled: true,
        what: "Reports `image` without a tag or digest, or tagged `latest`.",
        why: "The image that runs changes whenever someone pushes; nothing is reproducible.",
        example: "```yaml\nservices:\n  app:\n    image: nginx   # flagged\n```",
        fix_safety: "No automatic fix: the change alters how the service runs.",
    }
}

pub(crate) static HOOK: Hook = Hook::Service(check);

fn check(s: &mut Service<'_, '_>) {
    let image = s.str("image");
    if image.is_empty() || image.contains('$') {
        return;
    }
    let (_, tag, digest) = crate::rules::util::split_image(image);
    if !digest && (tag.is_none() || tag == Some("latest")) {
        let msg = format!(
            "service `{}` image `{image}` has no tag or uses `latest`",
            s.name
        );
        s.report(&META, "/image", msg);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn triggers() {
        let y = "services:\n  web:\n    image: nginx\n  db:\n    image: postgres:latest\n";
        assert_compose_lines(&super::META, y, &[3, 5]);
    }

    #[test]
    fn near_misses() {
        let y = "services:\n  web:\n    image: nginx:1.27\n  db:\n    image: ${DB_IMAGE}\n  app:\n    build: .\n";
        assert_compose_lines(&super::META, y, &[]);
    }
}
