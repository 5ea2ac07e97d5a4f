//! SC042 `github-app-token`: GitHub App token.

use super::prelude::*;

secret_rule! {
    code: "SC042",
    name: "github-app-token",
    title: "GitHub App token",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "github-app-token"), Alias::new(Tool::Gitleaks, "github-app-token")],
    keywords: &["ghu_", "ghs_"],
    pattern: r#"(?P<secret>gh[us]_[0-9a-zA-Z]{36})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token: gh", "s_Ok7TuB9cXaf9v6PlMwbR2G2Y2CyM2IJy5J2y"),
    near_miss: concat!("token: gh", "s_80vQcA1zh3vTw6jENNZpAqZJ8GJsMGAtVdj"),
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
