//! SC098 `finicity-client-secret`: Finicity client secret.

use super::prelude::*;

secret_rule! {
    code: "SC098",
    name: "finicity-client-secret",
    title: "Finicity client secret",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "finicity-client-secret"), Alias::new(Tool::Gitleaks, "finicity-client-secret")],
    keywords: &["finicity"],
    pattern: r#"(?i)(?:finicity)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9]{20})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("fi", "nicity_key = \"mwxnofus8pqabs9o0n0s\""),
    near_miss: concat!("fi", "nicity_key = \"bz5lk511jsvjxg03lml\""),
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
