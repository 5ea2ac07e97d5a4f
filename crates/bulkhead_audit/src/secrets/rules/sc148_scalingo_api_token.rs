//! SC148 `scalingo-api-token`: Scalingo API token.

use super::prelude::*;

secret_rule! {
    code: "SC148",
    name: "scalingo-api-token",
    title: "Scalingo API token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Gitleaks, "scalingo-api-token")],
    keywords: &["tk-us-"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>tk-us-[a-zA-Z0-9_-]{48})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("SCALINGO=tk-", "us-H3XEwKa5DoK_HeXpLOTACWdmlbAtTsZt8OwS42nF88mFKwtU"),
    near_miss: concat!("SCALINGO=tk-", "us-gi3yMaQFqAdw6PogJ9r_QBfWFXIJ0yb9MlRHKaTJa_eCR-l"),
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
