//! SC064 `generic-password-assignment`: Password, secret or token assigned in code or configuration.

use super::prelude::*;

secret_rule! {
    code: "SC064",
    name: "generic-password-assignment",
    title: "Password, secret or token assigned in code or configuration",
    severity: Medium,
    aliases: &[Alias::new(Tool::Gitleaks, "generic-api-key")],
    keywords: &["password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "api-key", "access_key", "auth_key", "private_key", "client_secret", "credential"],
    pattern: r#"(?i)(?:^|[\s"\'{,;(])[a-z0-9_.-]{0,30}(?:password|passwd|pwd|secret|token|api[_-]?key|access_?key|auth_?key|private_?key|credentials?)[a-z0-9_.-]{0,20}["\']?\s*(?::|=|:=|=>)\s*["\'](?P<secret>[^"\'\s$\\]{8,128})["\']"#,
    entropy: 3.5,
    placeholders: true,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("db_pass", "word = \"HBRXhb7edvJYGKE8dKrT\""),
    near_miss: concat!("db_pass", "word = \"changeme-later\""),
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
