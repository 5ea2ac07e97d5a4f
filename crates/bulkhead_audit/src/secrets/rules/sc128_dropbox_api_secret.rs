//! SC128 `dropbox-api-secret`: Dropbox API secret.

use super::prelude::*;

secret_rule! {
    code: "SC128",
    name: "dropbox-api-secret",
    title: "Dropbox API secret",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "dropbox-api-secret"), Alias::new(Tool::Gitleaks, "dropbox-api-token")],
    keywords: &["dropbox"],
    pattern: r#"(?i)(?:dropbox)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9]{15})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("dr", "opbox_key = \"6ryb8iij53ewl6g\""),
    near_miss: concat!("dr", "opbox_key = \"h5kd8tekd1y5zm\""),
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
