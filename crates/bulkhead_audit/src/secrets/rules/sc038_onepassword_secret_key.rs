//! SC038 `onepassword-secret-key`: 1Password account secret key.

use super::prelude::*;

secret_rule! {
    code: "SC038",
    name: "onepassword-secret-key",
    title: "1Password account secret key",
    severity: Critical,
    aliases: &[Alias::new(Tool::Gitleaks, "1password-secret-key")],
    keywords: &["A3-"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("secret key A", "3-XBZXP4-8BSKFO9AUR0-JE3RE-IORXX-NLXQB"),
    near_miss: concat!("secret key A", "3-4UYH6B-7DTJXGBBQTL-FY7D0-8D0CJ-ZUQO"),
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
