//! SC122 `asana-client-id`: Asana client ID.

use super::prelude::*;

secret_rule! {
    code: "SC122",
    name: "asana-client-id",
    title: "Asana client ID",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "asana-client-id"), Alias::new(Tool::Gitleaks, "asana-client-id")],
    keywords: &["asana"],
    pattern: r#"(?i)(?:asana)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[0-9]{16})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("as", "ana_key = \"0722462865074029\""),
    near_miss: concat!("as", "ana_key = \"589094715846454\""),
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
