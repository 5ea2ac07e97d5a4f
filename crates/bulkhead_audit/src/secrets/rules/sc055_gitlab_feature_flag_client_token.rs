//! SC055 `gitlab-feature-flag-client-token`: GitLab feature flag client token.

use super::prelude::*;

secret_rule! {
    code: "SC055",
    name: "gitlab-feature-flag-client-token",
    title: "GitLab feature flag client token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Gitleaks, "gitlab-feature-flag-client-token")],
    keywords: &["glffct-"],
    pattern: r#"(?P<secret>glffct-[0-9a-zA-Z_-]{20})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token = \"glff", "ct-UWqQ6YKgyDt4QJblt1sm\""),
    near_miss: concat!("token = \"glff", "ct-ROq9zEKrO3WVgfgrBOc\""),
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
