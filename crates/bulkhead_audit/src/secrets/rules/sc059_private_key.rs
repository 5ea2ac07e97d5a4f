//! SC059 `private-key`: Private key (PEM block).

use super::prelude::*;

secret_rule! {
    code: "SC059",
    name: "private-key",
    title: "Private key (PEM block)",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "private-key"), Alias::new(Tool::Gitleaks, "private-key")],
    keywords: &["private key"],
    pattern: r#"(?i)-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----\s*(?P<secret>[A-Za-z0-9+/=:,\s-]{40,}?)\s*-----END[ A-Z0-9_-]{0,100}PRIVATE KEY"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Block(16384),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("-----BEGIN RSA PRIV", "ATE KEY-----\nWbSe0q95TdhIVl0tfSwHWMpYLgTHUZSte2rswvYTQc++QMAnsoh/1NxaYGWDNP1W\nWUz3Sd2XfwiBzGKWhahTZ2gMyhQEShCiloD3dOWlWCHKohjx0W6p/ZyyTG9yZl01\n-----END RSA PRIV", "ATE KEY-----"),
    near_miss: concat!("-----BEGIN RSA PRIV", "ATE KEY-----\n-----END RSA PRIV", "ATE KEY-----"),
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
