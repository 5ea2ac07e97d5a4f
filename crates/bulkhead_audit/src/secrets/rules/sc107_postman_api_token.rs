//! SC107 `postman-api-token`: Postman API key.

use super::prelude::*;

secret_rule! {
    code: "SC107",
    name: "postman-api-token",
    title: "Postman API key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "postman-api-token"), Alias::new(Tool::Gitleaks, "postman-api-token")],
    keywords: &["PMAK-"],
    pattern: r#"(?P<secret>PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("POSTMAN=PM", "AK-53aa7a88cebc4aa60a38df6b-edce8d3acc1ca115de518015480308b9d0"),
    near_miss: concat!("POSTMAN=PM", "AK-08979d93081abc5a823fd850-5b7bdd3563898e0ad92118d6157fed5e5"),
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
