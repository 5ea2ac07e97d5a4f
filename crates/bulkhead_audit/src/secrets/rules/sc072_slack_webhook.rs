//! SC072 `slack-webhook`: Slack webhook URL.

use super::prelude::*;

secret_rule! {
    code: "SC072",
    name: "slack-webhook",
    title: "Slack webhook URL",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "slack-web-hook"), Alias::new(Tool::Gitleaks, "slack-webhook-url")],
    keywords: &["hooks.slack.com"],
    pattern: r#"(?P<secret>https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("https://hooks.sla", "ck.com/services/TOHXM54YJ/B927D1XFO/wj0BkXzqPxeE5jucHn0gvZYZ"),
    near_miss: concat!("https://hooks.sla", "ck.com/services/T9RF4MONF/BHIWNH6VX"),
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
