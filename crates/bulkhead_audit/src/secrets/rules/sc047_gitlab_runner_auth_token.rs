//! SC047 `gitlab-runner-auth-token`: GitLab runner authentication token.

use super::prelude::*;

secret_rule! {
    code: "SC047",
    name: "gitlab-runner-auth-token",
    title: "GitLab runner authentication token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "gitlab-runner-authentication-token")],
    keywords: &["glrt-"],
    pattern: r#"(?P<secret>glrt-[0-9a-zA-Z_-]{20})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token = \"gl", "rt-PLLOkpWKhe4T1ZoLyqVa\""),
    near_miss: concat!("token = \"gl", "rt-jZ5Wzp0_EPvt1oyUtWp\""),
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
