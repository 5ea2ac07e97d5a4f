//! SC073 `discord-api-token`: Discord API token.

use super::prelude::*;

secret_rule! {
    code: "SC073",
    name: "discord-api-token",
    title: "Discord API token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "discord-api-token"), Alias::new(Tool::Gitleaks, "discord-api-token")],
    keywords: &["discord"],
    pattern: r#"(?i)(?:discord)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-h0-9]{64})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("di", "scord_key = \"5g029bh3f872a0a5e1792c5g3cfg45b0dc71adc3a3d63dga1e513f576c8h43cd\""),
    near_miss: concat!("di", "scord_key = \"1e82fcdghf9gh8ac47c29222043g3gh50ch25b387ae81g9036baeb71e1eae1f\""),
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
