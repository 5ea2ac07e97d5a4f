//! SC031 `grafana-api-token`: Grafana API key.

use super::prelude::*;

secret_rule! {
    code: "SC031",
    name: "grafana-api-token",
    title: "Grafana API key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "grafana-api-token"), Alias::new(Tool::Gitleaks, "grafana-api-key")],
    keywords: &["eyJrIjoi"],
    pattern: r#"(?P<secret>eyJrIjoi[A-Za-z0-9_=-]{72,92})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("key: \"eyJrI", "joihTq7kJ-m-zK1_-Fh7rafH8PdNVCSTfOHvaWu7xgw4rxweD9oKTkHSAItavTC2aJzqVVcgSb0\""),
    near_miss: concat!("key: \"eyJrI", "joicOcAuztsNibcg-Dh8UMuZ9RZOtBY8YF3o0hrlikUZBvXhWRsN8Xuh0nu3pfY3NlLPQdkGoW\""),
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
