//! SC058 `atlassian-api-token`: Atlassian API token.

use super::prelude::*;

secret_rule! {
    code: "SC058",
    name: "atlassian-api-token",
    title: "Atlassian API token",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "atlassian-api-token"), Alias::new(Tool::Gitleaks, "atlassian-api-token")],
    keywords: &["atlassian", "ATATT3"],
    pattern: r#"(?i)(?:atlassian[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9]{24})["\']|(?-i:(?P<t2>ATATT3[A-Za-z0-9_=-]{186})))"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("atla", "ssian_key = \"xjizxdz6302uzocwvkiycvei\""),
    near_miss: concat!("atla", "ssian_key = \"m4qicqjipmf0xtnepnnluf5\""),
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
