//! SC027 `new-relic-user-api-id`: New Relic user API ID.

use super::prelude::*;

secret_rule! {
    code: "SC027",
    name: "new-relic-user-api-id",
    title: "New Relic user API ID",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "new-relic-user-api-id"), Alias::new(Tool::Gitleaks, "new-relic-user-api-id")],
    keywords: &["newrelic"],
    pattern: r#"(?i)(?:newrelic)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[A-Z0-9]{64})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("ne", "wrelic_key = \"3HT9PGGFFBJJFDKSV9RGE6D2UHL0N7FI3FIINREKOVF6F3TGFHPIXYNSG3REXT72\""),
    near_miss: concat!("ne", "wrelic_key = \"8WHHUHQ8J49DXP16D9RHU1AXR7PTN6C3VPFBBJ2VAER5S2OY64KC5E0K012XWDS\""),
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
