//! SC112 `sendgrid-api-token`: SendGrid API key.

use super::prelude::*;

secret_rule! {
    code: "SC112",
    name: "sendgrid-api-token",
    title: "SendGrid API key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "sendgrid-api-token"), Alias::new(Tool::Gitleaks, "sendgrid-api-token")],
    keywords: &["SG."],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>SG\.[a-zA-Z0-9_-]{22}\.[a-zA-Z0-9_-]{43})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("SENDGRID=S", "G.yLJvNH30pPnFB-dmfGyyHF.tDJhBXaFK4xz1EkNdoNPNKuHeU6HQInKj0lF_yG24Vg"),
    near_miss: concat!("SENDGRID=S", "G.E3mjiKecr_74VaIRl4yuMm.RMTdbvIsxY5blH0fSEJW8wLewOZ2lPYD8B2Pcnj-Pd"),
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
