//! SC028 `new-relic-browser-api-token`: New Relic browser ingest token.

use super::prelude::*;

secret_rule! {
    code: "SC028",
    name: "new-relic-browser-api-token",
    title: "New Relic browser ingest token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "new-relic-browser-api-token"), Alias::new(Tool::Gitleaks, "new-relic-browser-api-token")],
    keywords: &["NRJS-"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>NRJS-[a-f0-9]{19})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("NR=\"NR", "JS-a2121efa487b3e3dea9\""),
    near_miss: concat!("NR=\"NR", "JS-3fd2a095149ae6cfdd\""),
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
