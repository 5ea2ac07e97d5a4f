//! SC085 `linkedin-client-id`: LinkedIn client ID.

use super::prelude::*;

secret_rule! {
    code: "SC085",
    name: "linkedin-client-id",
    title: "LinkedIn client ID",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "linkedin-client-id"), Alias::new(Tool::Gitleaks, "linkedin-client-id")],
    keywords: &["linkedin"],
    pattern: r#"(?i)(?:linkedin)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9]{14})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("li", "nkedin_key = \"5bhpb0ucjdhvyd\""),
    near_miss: concat!("li", "nkedin_key = \"we3of39gcj2y2\""),
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
