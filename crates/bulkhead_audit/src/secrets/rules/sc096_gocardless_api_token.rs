//! SC096 `gocardless-api-token`: GoCardless API token.

use super::prelude::*;

secret_rule! {
    code: "SC096",
    name: "gocardless-api-token",
    title: "GoCardless API token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "gocardless-api-token"), Alias::new(Tool::Gitleaks, "gocardless-api-token")],
    keywords: &["gocardless"],
    pattern: r#"(?i)(?:gocardless)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>live_[a-z0-9_=-]{40})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("go", "cardless_key = \"live_cluh6q5mc7ke3uxx3e_hlcb8g9igul2ug-9vyr86\""),
    near_miss: concat!("go", "cardless_key = \"live_3hz3tm7mcut7-b13wors_-91cd29f76-iluw4qv\""),
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
