//! SC130 `dropbox-long-lived-api-token`: Dropbox long-lived token.

use super::prelude::*;

secret_rule! {
    code: "SC130",
    name: "dropbox-long-lived-api-token",
    title: "Dropbox long-lived token",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "dropbox-long-lived-api-token"), Alias::new(Tool::Gitleaks, "dropbox-long-lived-api-token")],
    keywords: &["aaaaaaaaaa"],
    pattern: r#"(?i)dropbox[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9]{11}AAAAAAAAAA[a-z0-9_=-]{43})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("drop", "box_token = \"sjkdkb99d65AAAAAAAAAA_4bp5b1p21sb94h5qh55jco2y8ap6hfa8ikdocq3gq1\""),
    near_miss: concat!("drop", "box_token = \"sp8s3oafi6cAAAAAAAAAA-znd9zh-1nddl3ra7090r9-90s_1tfdwqbldx0h6iz\""),
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
