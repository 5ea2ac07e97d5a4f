//! SC116 `mailgun-signing-key`: Mailgun webhook signing key.

use super::prelude::*;

secret_rule! {
    code: "SC116",
    name: "mailgun-signing-key",
    title: "Mailgun webhook signing key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "mailgun-signing-key"), Alias::new(Tool::Gitleaks, "mailgun-signing-key")],
    keywords: &["mailgun"],
    pattern: r#"(?i)(?:mailgun)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("ma", "ilgun_key = \"hcfhbf721h09c4201152df3dca1454c7-g7cec789-f8h915cd\""),
    near_miss: concat!("ma", "ilgun_key = \"b4fde06f4b973476e832ad26fd920bec-9c206e33-dhg7hca\""),
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
