//! SC114 `mailchimp-api-key`: Mailchimp API key.

use super::prelude::*;

secret_rule! {
    code: "SC114",
    name: "mailchimp-api-key",
    title: "Mailchimp API key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "mailchimp-api-key"), Alias::new(Tool::Gitleaks, "mailchimp-api-key")],
    keywords: &["mailchimp"],
    pattern: r#"(?i)(?:mailchimp)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-f0-9]{32}-us[0-9]{1,2})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("ma", "ilchimp_key = \"f0396cb09b4fad8ada2ba8257b627760-us20\""),
    near_miss: concat!("ma", "ilchimp_key = \"76207d34443fb974c95b12720acafb5-us20\""),
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
