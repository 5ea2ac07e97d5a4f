//! SC015 `heroku-api-key`: Heroku API key (legacy).

use super::prelude::*;

secret_rule! {
    code: "SC015",
    name: "heroku-api-key",
    title: "Heroku API key (legacy)",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "heroku-api-key"), Alias::new(Tool::Gitleaks, "heroku-api-key")],
    keywords: &["heroku"],
    pattern: r#"(?i)(?:heroku)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("he", "roku_key = \"072e0b87-0fd5-42bf-dfb3-12d81b712d46\""),
    near_miss: concat!("he", "roku_key = \"6bbb7fdf-e22c-8d90-7422-d6a670b6814\""),
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
