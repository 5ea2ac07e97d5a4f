//! SC087 `intercom-client-secret`: Intercom client secret.

use super::prelude::*;

secret_rule! {
    code: "SC087",
    name: "intercom-client-secret",
    title: "Intercom client secret",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "intercom-client-secret")],
    keywords: &["intercom"],
    pattern: r#"(?i)(?:intercom)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("in", "tercom_key = \"ea85c9d4-b6d6-9e41-b81c-02f4b1fc8567\""),
    near_miss: concat!("in", "tercom_key = \"04d49c35-0e0a-97bd-e949-c65ab8ec3ec\""),
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
