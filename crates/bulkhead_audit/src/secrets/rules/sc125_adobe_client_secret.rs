//! SC125 `adobe-client-secret`: Adobe client secret.

use super::prelude::*;

secret_rule! {
    code: "SC125",
    name: "adobe-client-secret",
    title: "Adobe client secret",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "adobe-client-secret"), Alias::new(Tool::Gitleaks, "adobe-client-secret")],
    keywords: &["p8e-"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>p8e-[a-zA-Z0-9]{32})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("ADOBE=p8", "e-dg29umAa8AZJSaE5zvpNOb05Oi81g8mh"),
    near_miss: concat!("ADOBE=p8", "e-alYK4oNPNNAeIKxGbYf3rui3g3ErMIK"),
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
