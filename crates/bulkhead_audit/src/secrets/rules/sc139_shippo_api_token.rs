//! SC139 `shippo-api-token`: Shippo API token.

use super::prelude::*;

secret_rule! {
    code: "SC139",
    name: "shippo-api-token",
    title: "Shippo API token",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "shippo-api-token"), Alias::new(Tool::Gitleaks, "shippo-api-token")],
    keywords: &["shippo_live_", "shippo_test_"],
    pattern: r#"(?P<secret>shippo_(?:live|test)_[a-f0-9]{40})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("SHIPPO=ship", "po_live_5531a3e1ddfd6fd8d2e9b3a130849bd535469c0e"),
    near_miss: concat!("SHIPPO=ship", "po_live_64badaafb6ff0de245cd251f50920fd48219598"),
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
