//! SC082 `facebook-token`: Facebook app secret.

use super::prelude::*;

secret_rule! {
    code: "SC082",
    name: "facebook-token",
    title: "Facebook app secret",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "facebook-token"), Alias::new(Tool::Gitleaks, "facebook-secret")],
    keywords: &["facebook"],
    pattern: r#"(?i)(?:facebook)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-f0-9]{32})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("fa", "cebook_key = \"13a14f52686b26dbd504e250ba406175\""),
    near_miss: concat!("fa", "cebook_key = \"e99955ba2502218279a9f956e9a3844\""),
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
