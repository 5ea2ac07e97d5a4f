//! SC095 `flutterwave-enc-key`: Flutterwave encryption key.

use super::prelude::*;

secret_rule! {
    code: "SC095",
    name: "flutterwave-enc-key",
    title: "Flutterwave encryption key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "flutterwave-enc-key"), Alias::new(Tool::Gitleaks, "flutterwave-encryption-key")],
    keywords: &["FLWSECK_TEST"],
    pattern: r#"(?P<secret>FLWSECK_TEST[a-hA-H0-9]{12})(?:[^-a-zA-Z0-9]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("FLW_ENC=FLWSE", "CK_TESTc99824f6003a"),
    near_miss: concat!("FLW_ENC=FLWSE", "CK_TEST3e445gb90d2"),
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
