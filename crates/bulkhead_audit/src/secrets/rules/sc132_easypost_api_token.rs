//! SC132 `easypost-api-token`: EasyPost API key.

use super::prelude::*;

secret_rule! {
    code: "SC132",
    name: "easypost-api-token",
    title: "EasyPost API key",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "easypost-api-token"), Alias::new(Tool::Gitleaks, "easypost-api-token"), Alias::new(Tool::Gitleaks, "easypost-test-api-token")],
    keywords: &["EZAK", "EZTK"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>EZ[AT]K[a-zA-Z0-9]{54})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("EASYPOST=EZ", "AKssPsotamc7pPztZNycxMQHSnVBK0JAt8Z6dIu8JcmO7WeQTlFPx3qr"),
    near_miss: concat!("EASYPOST=EZ", "AKbCbmfx6z1fO9ePtgDllLXBpA6CWLN1olBekfLnY6ZOiDnlZqV5PZE"),
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
