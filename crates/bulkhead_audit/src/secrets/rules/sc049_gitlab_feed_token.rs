//! SC049 `gitlab-feed-token`: GitLab feed token.

use super::prelude::*;

secret_rule! {
    code: "SC049",
    name: "gitlab-feed-token",
    title: "GitLab feed token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Gitleaks, "gitlab-feed-token")],
    keywords: &["glft-"],
    pattern: r#"(?P<secret>glft-[0-9a-zA-Z_-]{20})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token = \"gl", "ft-Hq2nq3ng9ZuP0KOLGg4Z\""),
    near_miss: concat!("token = \"gl", "ft-dsVGgziNEItx4FqbQMm\""),
}

#[cfg(test)]
mod tests {
    use crate::secrets::rules::testing::assert_lines;

    #[test]
    fn triggers() {
        assert_lines(&super::RULE, super::RULE.example, &[2]);
    }

    #[test]
    fn near_miss() {
        assert_lines(&super::RULE, super::RULE.near_miss, &[]);
    }
}
