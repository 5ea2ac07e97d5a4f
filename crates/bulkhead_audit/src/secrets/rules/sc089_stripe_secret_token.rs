//! SC089 `stripe-secret-token`: Stripe secret or restricted key.

use super::prelude::*;

secret_rule! {
    code: "SC089",
    name: "stripe-secret-token",
    title: "Stripe secret or restricted key",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "stripe-secret-token"), Alias::new(Tool::Gitleaks, "stripe-access-token")],
    keywords: &["sk_live_", "sk_test_", "rk_live_", "rk_test_", "sk_prod_", "rk_prod_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>[sr]k_(?:live|test|prod)_[0-9a-zA-Z]{10,99})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("STRIPE=sk", "_live_i0MmCWgIEk1SyrTlkA7JkMZw"),
    near_miss: concat!("STRIPE=sk", "_live_8JrFE3D4Z"),
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
