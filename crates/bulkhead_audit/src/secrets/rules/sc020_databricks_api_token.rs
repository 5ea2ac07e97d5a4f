//! SC020 `databricks-api-token`: Databricks API token.

use super::prelude::*;

secret_rule! {
    code: "SC020",
    name: "databricks-api-token",
    title: "Databricks API token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "databricks-api-token"), Alias::new(Tool::Gitleaks, "databricks-api-token")],
    keywords: &["dapi"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>dapi[a-h0-9]{32}(?:-\d)?)(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token=da", "pic153008dbfddh8883213c8gdec6f9h37"),
    near_miss: concat!("token=da", "pihdg747gd8404e0hc3507c5eahc0df0a"),
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
