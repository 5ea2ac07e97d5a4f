//! SC119 `messagebird-client-id`: MessageBird client ID.

use super::prelude::*;

secret_rule! {
    code: "SC119",
    name: "messagebird-client-id",
    title: "MessageBird client ID",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "messagebird-client-id"), Alias::new(Tool::Gitleaks, "messagebird-client-id")],
    keywords: &["messagebird"],
    pattern: r#"(?i)(?:messagebird_?id)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("me", "ssagebird_id_key = \"0a5685db-7839-52aa-befc-b26edb4c42ab\""),
    near_miss: concat!("me", "ssagebird_id_key = \"84d81ba5-6952-43e8-93ad-bc0bc966c87\""),
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
