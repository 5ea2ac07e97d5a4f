//! SC069 `slack-token`: Slack token.

use super::prelude::*;

secret_rule! {
    code: "SC069",
    name: "slack-token",
    title: "Slack token",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "slack-access-token"), Alias::new(Tool::Gitleaks, "slack-bot-token"), Alias::new(Tool::Gitleaks, "slack-user-token"), Alias::new(Tool::Gitleaks, "slack-legacy-token"), Alias::new(Tool::Gitleaks, "slack-legacy-bot-token"), Alias::new(Tool::Gitleaks, "slack-legacy-workspace-token")],
    keywords: &["xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-", "xoxe-", "xoxo-"],
    pattern: r#"(?P<secret>xox[abeoprs]-[0-9A-Za-z-]{10,250})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("SLACK=xo", "xb-190118048052-128329825371-Wzddyd3PlUAFuBnkKtyAG6yU"),
    near_miss: concat!("SLACK=xo", "xb-kOR4hpYeJ"),
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
