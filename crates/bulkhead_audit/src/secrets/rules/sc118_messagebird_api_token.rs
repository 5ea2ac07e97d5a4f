//! SC118 `messagebird-api-token`: MessageBird API key.

use super::prelude::*;

secret_rule! {
    code: "SC118",
    name: "messagebird-api-token",
    title: "MessageBird API key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "messagebird-api-token"), Alias::new(Tool::Gitleaks, "messagebird-api-token")],
    keywords: &["messagebird"],
    pattern: r#"(?i)(?:messagebird)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9]{25})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("me", "ssagebird_key = \"nh018qaca5u0f3el8jjbnmbq3\""),
    near_miss: concat!("me", "ssagebird_key = \"v3sgfzfihg14k31dbyn27vd8\""),
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
