//! SC030 `sentry-token`: Sentry auth token.

use super::prelude::*;

secret_rule! {
    code: "SC030",
    name: "sentry-token",
    title: "Sentry auth token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "sentry-org-token"), Alias::new(Tool::Gitleaks, "sentry-user-token")],
    keywords: &["sntrys_", "sntryu_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>sntry[su]_[A-Za-z0-9_=+/-]{64,})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("SENTRY=sntr", "yu_bd3ac2479577d3250fb471030b855dabf3978045166313fa9b7518eefb555516"),
    near_miss: concat!("SENTRY=sntr", "yu_04460aed5bb48dcedc9d70c7fc404478a7e74040418b8bc62cca7ad443b3b9b"),
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
