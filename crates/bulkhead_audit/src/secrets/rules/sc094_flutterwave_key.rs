//! SC094 `flutterwave-key`: Flutterwave public or secret key.

use super::prelude::*;

secret_rule! {
    code: "SC094",
    name: "flutterwave-key",
    title: "Flutterwave public or secret key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "flutterwave-public-key"), Alias::new(Tool::Gitleaks, "flutterwave-public-key"), Alias::new(Tool::Gitleaks, "flutterwave-secret-key")],
    keywords: &["FLWSECK", "FLWPUBK"],
    pattern: r#"(?P<secret>FLW(?:PUB|SEC)K(?:_TEST)?-[a-hA-H0-9]{32}-X)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("FLW=FLW", "SECK_TEST-d991c7207h3b3hbe115a4e6hf23dcf8b-X"),
    near_miss: concat!("FLW=FLW", "SECK_TEST-4ba012539f4e43a6634f157569cd817-X"),
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
