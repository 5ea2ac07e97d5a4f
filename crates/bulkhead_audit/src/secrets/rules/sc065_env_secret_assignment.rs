//! SC065 `env-secret-assignment`: Secret in an environment variable assignment.

use super::prelude::*;

secret_rule! {
    code: "SC065",
    name: "env-secret-assignment",
    title: "Secret in an environment variable assignment",
    severity: High,
    aliases: &[],
    keywords: &["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY"],
    pattern: r#"(?m)(?:^|\s|")(?:export\s+)?[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY)[A-Z0-9_]*=(?P<secret>[^\s"\'$#;&|]{8,128})"#,
    entropy: 3.0,
    placeholders: true,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("DB_PASS", "WORD=6WFq6K5NBttfCRopAPOz"),
    near_miss: concat!("DB_PASS", "WORD_FILE=/run/secrets/db"),
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
