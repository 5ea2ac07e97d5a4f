//! SC024 `doppler-api-token`: Doppler API token.

use super::prelude::*;

secret_rule! {
    code: "SC024",
    name: "doppler-api-token",
    title: "Doppler API token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "doppler-api-token"), Alias::new(Tool::Gitleaks, "doppler-api-token")],
    keywords: &["dp.pt."],
    pattern: r#"(?P<secret>dp\.pt\.[a-zA-Z0-9]{43})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("DOPPLER=\"dp.", "pt.FG476NZZe9pr7y9zSdFvXuVVgWCfkVD0LkDSzQQMRli\""),
    near_miss: concat!("DOPPLER=\"dp.", "pt.tNhNsjo3YESBIDJqQvJ0vXga4DYgOfKBy99EwgpQKb\""),
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
