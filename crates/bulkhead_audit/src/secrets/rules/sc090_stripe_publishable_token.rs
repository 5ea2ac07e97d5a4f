//! SC090 `stripe-publishable-token`: Stripe publishable key.

use super::prelude::*;

secret_rule! {
    code: "SC090",
    name: "stripe-publishable-token",
    title: "Stripe publishable key",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "stripe-publishable-token")],
    keywords: &["pk_live_", "pk_test_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>pk_(?:live|test)_[0-9a-zA-Z]{10,99})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("STRIPE_PK=pk", "_live_xAJ4iANNl3rb4VAXLIE4YgD6"),
    near_miss: concat!("STRIPE_PK=pk", "_live_o5G2LAmo7"),
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
