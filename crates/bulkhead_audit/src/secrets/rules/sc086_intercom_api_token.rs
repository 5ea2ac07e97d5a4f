//! SC086 `intercom-api-token`: Intercom API token.

use super::prelude::*;

secret_rule! {
    code: "SC086",
    name: "intercom-api-token",
    title: "Intercom API token",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "intercom-api-token"), Alias::new(Tool::Gitleaks, "intercom-api-key")],
    keywords: &["intercom"],
    pattern: r#"(?i)(?:intercom)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9=_]{60})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("in", "tercom_key = \"e6yps8v7rcxrpien5vy0g8se5nxrel19oc43wvaeuzsgs1glgoaq65sh9v12\""),
    near_miss: concat!("in", "tercom_key = \"ijb6e7h56mxxu6in0l95tcib1gvrc4iy845r2ymk8hbivzcwdb4gfl6jw41\""),
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
