//! SC091 `square-token`: Square access token or OAuth secret.

use super::prelude::*;

secret_rule! {
    code: "SC091",
    name: "square-token",
    title: "Square access token or OAuth secret",
    severity: Critical,
    aliases: &[Alias::new(Tool::Gitleaks, "square-access-token"), Alias::new(Tool::Gitleaks, "square-secret")],
    keywords: &["sq0atp-", "sq0csp-", "EAAA"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>sq0atp-[0-9A-Za-z_-]{22}|sq0csp-[0-9A-Za-z_-]{43}|EAAA[A-Za-z0-9+=-]{60})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("SQUARE=sq0", "atp-kzqxdCIfJramyCM1u-vlHP"),
    near_miss: concat!("SQUARE=sq0", "atp-HuuSbhyvQp_a-aaY64rpY"),
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
