//! SC012 `alibaba-secret-key`: Alibaba Cloud secret key.

use super::prelude::*;

secret_rule! {
    code: "SC012",
    name: "alibaba-secret-key",
    title: "Alibaba Cloud secret key",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "alibaba-secret-key"), Alias::new(Tool::Gitleaks, "alibaba-secret-key")],
    keywords: &["alibaba"],
    pattern: r#"(?i)(?:alibaba)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9]{30})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("al", "ibaba_key = \"sbkak8glyzixg97jfaecda3ya2xa2n\""),
    near_miss: concat!("al", "ibaba_key = \"hh9nczrekatrfxaa7dmnip13q62ys\""),
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
