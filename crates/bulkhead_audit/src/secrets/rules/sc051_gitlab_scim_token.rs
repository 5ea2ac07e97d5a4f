//! SC051 `gitlab-scim-token`: GitLab SCIM token.

use super::prelude::*;

secret_rule! {
    code: "SC051",
    name: "gitlab-scim-token",
    title: "GitLab SCIM token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "gitlab-scim-token")],
    keywords: &["glsoat-"],
    pattern: r#"(?P<secret>glsoat-[0-9a-zA-Z_-]{20})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token = \"glso", "at-FaS2iwQ7r9WJbR1ueb6e\""),
    near_miss: concat!("token = \"glso", "at-zdPHsEEm4-fXuvQSBT-\""),
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
