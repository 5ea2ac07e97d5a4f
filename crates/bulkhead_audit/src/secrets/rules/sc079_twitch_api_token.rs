//! SC079 `twitch-api-token`: Twitch API token.

use super::prelude::*;

secret_rule! {
    code: "SC079",
    name: "twitch-api-token",
    title: "Twitch API token",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "twitch-api-token"), Alias::new(Tool::Gitleaks, "twitch-api-token")],
    keywords: &["twitch"],
    pattern: r#"(?i)(?:twitch)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9]{30})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("tw", "itch_key = \"mg6u5u09auzvmrzf6e7gidawar02d9\""),
    near_miss: concat!("tw", "itch_key = \"5q916x6g8qzqdw9oi8z5fsp2ifj7w\""),
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
