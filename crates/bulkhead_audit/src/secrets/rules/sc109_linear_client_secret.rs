//! SC109 `linear-client-secret`: Linear client secret.

use super::prelude::*;

secret_rule! {
    code: "SC109",
    name: "linear-client-secret",
    title: "Linear client secret",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "linear-client-secret"), Alias::new(Tool::Gitleaks, "linear-client-secret")],
    keywords: &["linear"],
    pattern: r#"(?i)(?:linear)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-f0-9]{32})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("li", "near_key = \"5f0e8268f72f3c2338bcd82a76900ab8\""),
    near_miss: concat!("li", "near_key = \"ec787c9cc666ba059e20f7bd54098b8\""),
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
