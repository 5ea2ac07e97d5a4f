//! SC093 `paypal-braintree-token`: PayPal Braintree access token.

use super::prelude::*;

secret_rule! {
    code: "SC093",
    name: "paypal-braintree-token",
    title: "PayPal Braintree access token",
    severity: Critical,
    aliases: &[],
    keywords: &["access_token$production$"],
    pattern: r#"(?P<secret>access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("BT=access_tok", "en$production$udmn45xkagkckl3m$5a356296d42dfe30ac4bdadc2d6f0ee7"),
    near_miss: concat!("BT=access_tok", "en$production$xz8w1ghby5lu5kis$e7cdededfe8c72e0ca2c6d309772d29"),
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
