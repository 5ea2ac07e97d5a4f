//! SC088 `mattermost-token`: Mattermost access token.

use super::prelude::*;

secret_rule! {
    code: "SC088",
    name: "mattermost-token",
    title: "Mattermost access token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Gitleaks, "mattermost-access-token")],
    keywords: &["mattermost"],
    pattern: r#"(?i)mattermost[a-z0-9_ .,-]{0,25}(?:=|:=|:|=>)\s*["\']?(?P<secret>[a-z0-9]{26})(?:[^a-z0-9]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("matter", "most_token = jvflx3f6frx51pzs69x66y6bqx"),
    near_miss: concat!("matter", "most_token = we2qdflvbxbvtli4jdzcj4dlf"),
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
