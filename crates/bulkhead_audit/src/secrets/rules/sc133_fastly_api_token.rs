//! SC133 `fastly-api-token`: Fastly API token.

use super::prelude::*;

secret_rule! {
    code: "SC133",
    name: "fastly-api-token",
    title: "Fastly API token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "fastly-api-token"), Alias::new(Tool::Gitleaks, "fastly-api-token")],
    keywords: &["fastly"],
    pattern: r#"(?i)(?:fastly)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9=_-]{32})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("fa", "stly_key = \"sga3948tau1ib1qbeuez2k1a_c6vwjzb\""),
    near_miss: concat!("fa", "stly_key = \"e-xemp4j9_iod4epq6-no1hd9dp_j1m\""),
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
