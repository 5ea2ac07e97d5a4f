//! SC075 `discord-client-secret`: Discord client secret.

use super::prelude::*;

secret_rule! {
    code: "SC075",
    name: "discord-client-secret",
    title: "Discord client secret",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "discord-client-secret"), Alias::new(Tool::Gitleaks, "discord-client-secret")],
    keywords: &["discord"],
    pattern: r#"(?i)(?:discord)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9=_-]{32})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("di", "scord_key = \"jtetf8tvhzytsseubk9v35oc9xirszg1\""),
    near_miss: concat!("di", "scord_key = \"m9vyxas4l5ana6q3gr85a75v95jond2\""),
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
