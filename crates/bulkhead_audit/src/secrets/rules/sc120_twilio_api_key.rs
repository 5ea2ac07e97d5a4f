//! SC120 `twilio-api-key`: Twilio API key.

use super::prelude::*;

secret_rule! {
    code: "SC120",
    name: "twilio-api-key",
    title: "Twilio API key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "twilio-api-key"), Alias::new(Tool::Gitleaks, "twilio-api-key")],
    keywords: &["SK"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>SK[0-9a-fA-F]{32})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("TWILIO=S", "K1fc3b4d95679475db9be74b446686169"),
    near_miss: concat!("TWILIO=S", "K973f33e113e719838d97a729564ffa6"),
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
