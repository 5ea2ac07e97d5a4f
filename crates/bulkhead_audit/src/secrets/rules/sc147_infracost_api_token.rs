//! SC147 `infracost-api-token`: Infracost API token.

use super::prelude::*;

secret_rule! {
    code: "SC147",
    name: "infracost-api-token",
    title: "Infracost API token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Gitleaks, "infracost-api-token")],
    keywords: &["ico-"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>ico-[a-zA-Z0-9]{32})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("INFRACOST=ic", "o-Rz3a53Q8nDSVajn2nuRCGlkUPMpcXZWZ"),
    near_miss: concat!("INFRACOST=ic", "o-9v2QaDBIzsuB6MxSExfozZdZvCCs2iU"),
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
