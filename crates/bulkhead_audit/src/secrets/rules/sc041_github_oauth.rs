//! SC041 `github-oauth`: GitHub OAuth access token.

use super::prelude::*;

secret_rule! {
    code: "SC041",
    name: "github-oauth",
    title: "GitHub OAuth access token",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "github-oauth"), Alias::new(Tool::Gitleaks, "github-oauth")],
    keywords: &["gho_"],
    pattern: r#"(?P<secret>gho_[0-9a-zA-Z]{36})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token: gh", "o_cl8DC33t364m0WOP7vcjVhOJ7x16wlhySMNa"),
    near_miss: concat!("token: gh", "o_mdo07U6Sd7KGthzSgW2jWCUw80v7kG7e1cr"),
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
