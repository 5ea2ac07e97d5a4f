//! SC035 `okta-access-token`: Okta API token.

use super::prelude::*;

secret_rule! {
    code: "SC035",
    name: "okta-access-token",
    title: "Okta API token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "okta-access-token")],
    keywords: &["okta"],
    pattern: r#"(?i)okta[a-z0-9_ .,-]{0,25}(?:=|:=|:|=>)\s*["\']?(?P<secret>00[A-Za-z0-9_-]{40})(?:[^A-Za-z0-9_-]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("ok", "ta_token = 0030JXhxcygIKkmsFkbpur9qcknWP6ipPtIJorxFGu"),
    near_miss: concat!("ok", "ta_token = 00Xnpf6AjTXfRdsPlOKvQMDqxOU0VXijId8jIerAJ"),
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
