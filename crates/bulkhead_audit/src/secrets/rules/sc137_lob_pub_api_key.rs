//! SC137 `lob-pub-api-key`: Lob publishable API key.

use super::prelude::*;

secret_rule! {
    code: "SC137",
    name: "lob-pub-api-key",
    title: "Lob publishable API key",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "lob-pub-api-key"), Alias::new(Tool::Gitleaks, "lob-pub-api-key")],
    keywords: &["lob"],
    pattern: r#"(?i)(?:lob)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>(?:test|live)_pub_[a-f0-9]{31})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("lo", "b_key = \"live_pub_570b7aa944bdc25b94230bda0d43889\""),
    near_miss: concat!("lo", "b_key = \"live_pub_ca2c76b4ed135417dee1e453a8332c\""),
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
