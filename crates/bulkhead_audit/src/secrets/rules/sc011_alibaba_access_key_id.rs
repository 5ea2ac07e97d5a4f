//! SC011 `alibaba-access-key-id`: Alibaba Cloud AccessKey ID.

use super::prelude::*;

secret_rule! {
    code: "SC011",
    name: "alibaba-access-key-id",
    title: "Alibaba Cloud AccessKey ID",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "alibaba-access-key-id"), Alias::new(Tool::Gitleaks, "alibaba-access-key-id")],
    keywords: &["LTAI"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>LTAI[a-zA-Z0-9]{20})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("access_key_id = LT", "AIxmcxcHnqdHBww2ztFWnW"),
    near_miss: concat!("access_key_id = LT", "AIRu22xHfQF3PxbN6JfDC"),
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
