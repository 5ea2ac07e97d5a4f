//! SC056 `bitbucket-client-id`: Bitbucket client ID.

use super::prelude::*;

secret_rule! {
    code: "SC056",
    name: "bitbucket-client-id",
    title: "Bitbucket client ID",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "bitbucket-client-id"), Alias::new(Tool::Gitleaks, "bitbucket-client-id")],
    keywords: &["bitbucket"],
    pattern: r#"(?i)(?:bitbucket)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9]{32})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("bi", "tbucket_key = \"hrl7bp4u0trw6nqp006le53zchqcwyvm\""),
    near_miss: concat!("bi", "tbucket_key = \"h06dig4hmraodp0ioe440yjr2bcxufo\""),
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
