//! SC070 `slack-app-token`: Slack app-level token.

use super::prelude::*;

secret_rule! {
    code: "SC070",
    name: "slack-app-token",
    title: "Slack app-level token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "slack-app-token")],
    keywords: &["xapp-"],
    pattern: r#"(?i)(?P<secret>xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("SLACK=xa", "pp-1-UJNT6HT2REK-1759626801108-c681d94879e7884a2e632106cfbe6ac4740714e2213145975438c7a87f43e90d"),
    near_miss: concat!("SLACK=xa", "pp-9O3M2IGNNXF"),
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
