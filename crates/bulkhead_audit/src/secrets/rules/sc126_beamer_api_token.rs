//! SC126 `beamer-api-token`: Beamer API token.

use super::prelude::*;

secret_rule! {
    code: "SC126",
    name: "beamer-api-token",
    title: "Beamer API token",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "beamer-api-token"), Alias::new(Tool::Gitleaks, "beamer-api-token")],
    keywords: &["beamer"],
    pattern: r#"(?i)(?:beamer)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>b_[a-z0-9=_-]{44})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("be", "amer_key = \"b_44g4b5oco5tolaywu5udpne-r330r3p-mc73o2ovec5-\""),
    near_miss: concat!("be", "amer_key = \"b_bni70yel2zma1-tqvmn89wi49ua-dhl08m0pl2pi3h5\""),
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
