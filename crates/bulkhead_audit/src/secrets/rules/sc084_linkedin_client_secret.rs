//! SC084 `linkedin-client-secret`: LinkedIn client secret.

use super::prelude::*;

secret_rule! {
    code: "SC084",
    name: "linkedin-client-secret",
    title: "LinkedIn client secret",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "linkedin-client-secret"), Alias::new(Tool::Gitleaks, "linkedin-client-secret")],
    keywords: &["linkedin"],
    pattern: r#"(?i)(?:linkedin)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z]{16})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("li", "nkedin_key = \"kfdltvumokwasgke\""),
    near_miss: concat!("li", "nkedin_key = \"bmfjrsvhfinbilh\""),
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
