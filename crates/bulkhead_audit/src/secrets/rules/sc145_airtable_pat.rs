//! SC145 `airtable-pat`: Airtable personal access token.

use super::prelude::*;

secret_rule! {
    code: "SC145",
    name: "airtable-pat",
    title: "Airtable personal access token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "airtable-personnal-access-token")],
    keywords: &["pat"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>pat[a-zA-Z0-9]{14}\.[a-f0-9]{64})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("AIRTABLE=pa", "tcSfdmVLCxDnfeU.b3d09cb34dd46a1eeb42ae51895430ec6dbea9fa63a46d605e3baef6daae74ce"),
    near_miss: concat!("AIRTABLE=pa", "toeJakf4rjPn7eC.7d8e3b1d67e81090771c5761867727ebd951c4c77393927e1f4064139e2fa5c"),
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
