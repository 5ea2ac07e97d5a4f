//! SC074 `discord-client-id`: Discord client ID.

use super::prelude::*;

secret_rule! {
    code: "SC074",
    name: "discord-client-id",
    title: "Discord client ID",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "discord-client-id"), Alias::new(Tool::Gitleaks, "discord-client-id")],
    keywords: &["discord"],
    pattern: r#"(?i)(?:discord)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[0-9]{18})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("di", "scord_key = \"904364581295888446\""),
    near_miss: concat!("di", "scord_key = \"58991673076793784\""),
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
