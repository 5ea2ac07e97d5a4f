//! SC136 `lob-api-key`: Lob API key.

use super::prelude::*;

secret_rule! {
    code: "SC136",
    name: "lob-api-key",
    title: "Lob API key",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "lob-api-key"), Alias::new(Tool::Gitleaks, "lob-api-key")],
    keywords: &["lob"],
    pattern: r#"(?i)(?:lob)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>(?:live|test)_[a-f0-9]{35})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("lo", "b_key = \"live_3103af17aa1930e53321cf5c6ab5dd0a264\""),
    near_miss: concat!("lo", "b_key = \"live_b26ea7ae5f69cf3846e7919593f951498b\""),
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
