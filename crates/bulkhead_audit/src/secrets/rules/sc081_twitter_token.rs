//! SC081 `twitter-token`: Twitter/X API secret.

use super::prelude::*;

secret_rule! {
    code: "SC081",
    name: "twitter-token",
    title: "Twitter/X API secret",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "twitter-token"), Alias::new(Tool::Gitleaks, "twitter-api-secret")],
    keywords: &["twitter"],
    pattern: r#"(?i)(?:twitter)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-f0-9]{35,44})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("tw", "itter_key = \"900f739a46ab9d8923d1c4dd0398cf1024ddc7a0\""),
    near_miss: concat!("twi", "tter_key = \"1d953eecf060095a5c1510239c1c1b5016\""),
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
