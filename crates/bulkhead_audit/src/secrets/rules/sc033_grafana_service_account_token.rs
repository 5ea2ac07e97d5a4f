//! SC033 `grafana-service-account-token`: Grafana service account token.

use super::prelude::*;

secret_rule! {
    code: "SC033",
    name: "grafana-service-account-token",
    title: "Grafana service account token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "grafana-service-account-token")],
    keywords: &["glsa_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("GRAFANA=gl", "sa_dyNUXjelWSh4pKPU44vtJUtVqnp5KGVw_a6c5d119"),
    near_miss: concat!("GRAFANA=gl", "sa_7djy2yMwzicfYBjuInNEj9Clcpsl5das_90f2155"),
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
