//! SC026 `new-relic-user-api-key`: New Relic user API key.

use super::prelude::*;

secret_rule! {
    code: "SC026",
    name: "new-relic-user-api-key",
    title: "New Relic user API key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "new-relic-user-api-key"), Alias::new(Tool::Gitleaks, "new-relic-user-api-key")],
    keywords: &["NRAK-"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>NRAK-[A-Z0-9]{27})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("NR=\"NR", "AK-NEE8QRYXHH4N2XK21GZG16CBBI1\""),
    near_miss: concat!("NR=\"NR", "AK-RR25K3O7AOL1PDPDJPMIFZ6T6Z\""),
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
