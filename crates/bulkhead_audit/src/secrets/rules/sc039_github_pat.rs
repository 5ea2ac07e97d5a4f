//! SC039 `github-pat`: GitHub personal access token.

use super::prelude::*;

secret_rule! {
    code: "SC039",
    name: "github-pat",
    title: "GitHub personal access token",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "github-pat"), Alias::new(Tool::Gitleaks, "github-pat")],
    keywords: &["ghp_"],
    pattern: r#"(?P<secret>ghp_[0-9a-zA-Z]{36})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("GITHUB_TOKEN=gh", "p_aLmmoy0JBUYTY26QFAjvY0RbuCfADe8idZ6d"),
    near_miss: concat!("GITHUB_TOKEN=gh", "p_Bs4sZBsuHapQOroSRecQ9Fo06hlSod6D0Um"),
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
