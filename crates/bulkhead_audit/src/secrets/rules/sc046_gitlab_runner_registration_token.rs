//! SC046 `gitlab-runner-registration-token`: GitLab runner registration token.

use super::prelude::*;

secret_rule! {
    code: "SC046",
    name: "gitlab-runner-registration-token",
    title: "GitLab runner registration token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "gitlab-rrt")],
    keywords: &["GR1348941"],
    pattern: r#"(?P<secret>GR1348941[0-9a-zA-Z_-]{20})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("REG=GR134", "8941MOfiT3Z8igDyPaA9ur1J"),
    near_miss: concat!("REG=GR134", "8941Dp7BIAprYmOCLyQVSV3"),
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
