//! SC032 `grafana-cloud-api-token`: Grafana Cloud API token.

use super::prelude::*;

secret_rule! {
    code: "SC032",
    name: "grafana-cloud-api-token",
    title: "Grafana Cloud API token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "grafana-cloud-api-token")],
    keywords: &["glc_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>glc_[A-Za-z0-9+/]{32,400}={0,2})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("GRAFANA=gl", "c_M4ICE1N02STDKevMbyeN3xXy96R8rKNISA4Fl100"),
    near_miss: concat!("GRAFANA=gl", "c_NMv7tujVUI6OdsZTTlYXrUfSXn8Nz50"),
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
