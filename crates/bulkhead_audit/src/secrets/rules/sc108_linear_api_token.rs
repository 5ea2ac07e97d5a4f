//! SC108 `linear-api-token`: Linear API key.

use super::prelude::*;

secret_rule! {
    code: "SC108",
    name: "linear-api-token",
    title: "Linear API key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "linear-api-token"), Alias::new(Tool::Gitleaks, "linear-api-key")],
    keywords: &["lin_api_"],
    pattern: r#"(?P<secret>lin_api_[a-zA-Z0-9]{40})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("LINEAR=lin_", "api_o4ClLfit8niyPqK5DtBZ4po3OwqYMlURFUXwMCdK"),
    near_miss: concat!("LINEAR=lin_", "api_p2kRQWqCUqu8m5IJ7Kt41VDdiHjpFEZ94SJCqCR"),
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
