//! SC115 `mailgun-token`: Mailgun private API key.

use super::prelude::*;

secret_rule! {
    code: "SC115",
    name: "mailgun-token",
    title: "Mailgun private API key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "mailgun-token"), Alias::new(Tool::Gitleaks, "mailgun-private-api-token")],
    keywords: &["mailgun"],
    pattern: r#"(?i)(?:mailgun)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>(?:pub)?key-[a-f0-9]{32})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("ma", "ilgun_key = \"key-83a02891649f9e317782bdc72987fe0e\""),
    near_miss: concat!("ma", "ilgun_key = \"key-c434a24ad0a941659837aee8f66f1a8\""),
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
