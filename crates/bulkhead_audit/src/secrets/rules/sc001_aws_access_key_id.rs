//! SC001 `aws-access-key-id`: AWS access key ID.

use super::prelude::*;

secret_rule! {
    code: "SC001",
    name: "aws-access-key-id",
    title: "AWS access key ID",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "aws-access-key-id"), Alias::new(Tool::Gitleaks, "aws-access-token")],
    keywords: &["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "A3T"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("aws_access_key_id = AK", "IAX44S0O2A0QPOASTV"),
    near_miss: concat!("aws_access_key_id = AK", "IAJTBOQBJB33SOTXQ"),
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
