//! SC121 `hubspot-api-token`: HubSpot API key.

use super::prelude::*;

secret_rule! {
    code: "SC121",
    name: "hubspot-api-token",
    title: "HubSpot API key",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "hubspot-api-token"), Alias::new(Tool::Gitleaks, "hubspot-api-key")],
    keywords: &["hubspot"],
    pattern: r#"(?i)(?:hubspot)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("hu", "bspot_key = \"2024c1a0-8e9f-b713-29b8-d752493305fd\""),
    near_miss: concat!("hu", "bspot_key = \"00535678-2782-46b7-e350-b3935b90cbd\""),
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
