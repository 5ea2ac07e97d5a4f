//! SC101 `npm-access-token`: npm access token.

use super::prelude::*;

secret_rule! {
    code: "SC101",
    name: "npm-access-token",
    title: "npm access token",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "npm-access-token"), Alias::new(Tool::Gitleaks, "npm-access-token")],
    keywords: &["npm_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>npm_[a-zA-Z0-9]{36})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("//registry.npmjs.org/:_authToken=np", "m_8DxX0BJXpovQxZ6scFYXadGiIjeVAFy4lGTh"),
    near_miss: concat!("//registry.npmjs.org/:_authToken=np", "m_REyaGi6bHtqn9Di51up6tW2YKuSBPKosKI6"),
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
