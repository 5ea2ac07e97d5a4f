//! SC076 `discord-webhook`: Discord webhook URL.

use super::prelude::*;

secret_rule! {
    code: "SC076",
    name: "discord-webhook",
    title: "Discord webhook URL",
    severity: Medium,
    aliases: &[],
    keywords: &["discord.com/api/webhooks", "discordapp.com/api/webhooks"],
    pattern: r#"(?P<secret>https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_-]{60,68})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("https://disc", "ord.com/api/webhooks/665849028040922155/V9uMWpiVMnFyJmPlNy3ncm4CBDc8fsXnevEEtUjStS73yq5PqnSWl1ZylKEgrYbwBjbA"),
    near_miss: concat!("https://disc", "ord.com/api/webhooks/892518079965401434/QwHEUT6emv7HFzlvGLn21H7u1STyMWdScN8U7tybk8KP7L7lTdTK9OnDcwp"),
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
