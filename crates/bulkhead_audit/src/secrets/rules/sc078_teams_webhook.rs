//! SC078 `teams-webhook`: Microsoft Teams webhook URL.

use super::prelude::*;

secret_rule! {
    code: "SC078",
    name: "teams-webhook",
    title: "Microsoft Teams webhook URL",
    severity: Medium,
    aliases: &[Alias::new(Tool::Gitleaks, "microsoft-teams-webhook")],
    keywords: &["webhook.office.com"],
    pattern: r#"(?P<secret>https://[a-z0-9]+\.webhook\.office\.com/webhookb2/[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}@[a-z0-9-]{36}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9-]{36})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("https://acme.webhook.off", "ice.com/webhookb2/2f58cdd2-b6fa-d39c-3fef-41a0358f0e71@2f5af9d8-3a08-cd84-725c-5469d78d7518/IncomingWebhook/976927933c8a41dfae4f3e95f54c5cc0/90e1acf5-2156-ffec-61c4-7daf2a7ae249"),
    near_miss: concat!("https://acme.webhook.off", "ice.com/webhookb2/d9b75ee5-e55f-3bcc-0e58-7667e5bbb172@a57e1f7f-95f1-9f5c-d2a1-0bbeac450664/IncomingWebhook/2aa602fb512e682b0186d0cd9ef88e4e/4fe46c71-d4c1-3c4c-de0c-ff401527298"),
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
