//! SC006 `gcp-api-key`: Google API key.

use super::prelude::*;

secret_rule! {
    code: "SC006",
    name: "gcp-api-key",
    title: "Google API key",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "gcp-api-key"), Alias::new(Tool::Gitleaks, "gcp-api-key")],
    keywords: &["AIza"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>AIza[0-9A-Za-z_-]{35})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("key=AI", "zaS2k0KSFmhm4oJhwn9CPOqzi5lbiB8AZK1Tc"),
    near_miss: concat!("key=AI", "zar0NiBoVv1lubUZFKjACMiYNP--tCAIg1Pq"),
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
