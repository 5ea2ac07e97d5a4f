//! SC099 `finicity-api-token`: Finicity API token.

use super::prelude::*;

secret_rule! {
    code: "SC099",
    name: "finicity-api-token",
    title: "Finicity API token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "finicity-api-token"), Alias::new(Tool::Gitleaks, "finicity-api-token")],
    keywords: &["finicity"],
    pattern: r#"(?i)(?:finicity_?token)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-f0-9]{32})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("fi", "nicity_token_key = \"d2b528d07a269f7ac278910ec44c1240\""),
    near_miss: concat!("fi", "nicity_token_key = \"6571b03bb1ab4725b2b4297a3524189\""),
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
