//! SC124 `adobe-client-id`: Adobe client ID.

use super::prelude::*;

secret_rule! {
    code: "SC124",
    name: "adobe-client-id",
    title: "Adobe client ID",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "adobe-client-id"), Alias::new(Tool::Gitleaks, "adobe-client-id")],
    keywords: &["adobe"],
    pattern: r#"(?i)(?:adobe)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-f0-9]{32})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("ad", "obe_key = \"64d12578b53873ff623fb6c6ad7debaf\""),
    near_miss: concat!("ad", "obe_key = \"8c7a667720e762670169ff393011675\""),
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
