//! SC054 `gitlab-incoming-mail-token`: GitLab incoming mail token.

use super::prelude::*;

secret_rule! {
    code: "SC054",
    name: "gitlab-incoming-mail-token",
    title: "GitLab incoming mail token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Gitleaks, "gitlab-incoming-mail-token")],
    keywords: &["glimt-"],
    pattern: r#"(?P<secret>glimt-[0-9a-zA-Z_-]{25})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token = \"gli", "mt-wOaFXuyQxmMZhBUx5hxZ9K3xh\""),
    near_miss: concat!("token = \"gli", "mt-Tt4a5M1pcYAtR2fCLHMNr_r1\""),
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
