//! SC123 `asana-client-secret`: Asana client secret.

use super::prelude::*;

secret_rule! {
    code: "SC123",
    name: "asana-client-secret",
    title: "Asana client secret",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "asana-client-secret"), Alias::new(Tool::Gitleaks, "asana-client-secret")],
    keywords: &["asana"],
    pattern: r#"(?i)(?:asana_?secret)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9]{32})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("as", "ana_secret_key = \"wvxn4fu5y263lr5awem0bn825twjsmyn\""),
    near_miss: concat!("as", "ana_secret_key = \"isuv39v1lkq5e068rb99g9p8y44lesg\""),
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
