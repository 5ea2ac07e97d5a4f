//! SC077 `telegram-bot-token`: Telegram bot token.

use super::prelude::*;

secret_rule! {
    code: "SC077",
    name: "telegram-bot-token",
    title: "Telegram bot token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "telegram-bot-api-token")],
    keywords: &["telegram", "bot"],
    pattern: r#"(?i)(?:telegram|bot)[a-z0-9_ .,-]{0,25}(?:=|:=|:|=>)\s*["\']?(?P<secret>[0-9]{8,10}:AA[0-9A-Za-z_-]{33})(?:[^0-9A-Za-z_-]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("tele", "gram_token = 1128568848:AA9W7QaZRSq0dXF32ykj_N1D7VJeqe6Xh0E"),
    near_miss: concat!("tele", "gram_token = 8648288804:AAtoTrbtcoksCLOIAqosO2yZQlBbgs9JGY"),
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
