//! SC143 `prefect-api-token`: Prefect API token.

use super::prelude::*;

secret_rule! {
    code: "SC143",
    name: "prefect-api-token",
    title: "Prefect API token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "prefect-api-token")],
    keywords: &["pnu_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>pnu_[a-zA-Z0-9]{36})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("PREFECT=pn", "u_rTDlebAKcp6IkoX4Fq9HFUZsv1UfN7XgwnUc"),
    near_miss: concat!("PREFECT=pn", "u_yeprVAjs6RggZUErwhZQz9cFoDRfRWatdiC"),
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
