//! SC043 `github-refresh-token`: GitHub refresh token.

use super::prelude::*;

secret_rule! {
    code: "SC043",
    name: "github-refresh-token",
    title: "GitHub refresh token",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "github-refresh-token"), Alias::new(Tool::Gitleaks, "github-refresh-token")],
    keywords: &["ghr_"],
    pattern: r#"(?P<secret>ghr_[0-9a-zA-Z]{36,76})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token: gh", "r_PxGLrfFHz2oPT6NnbA46Kq6kWWVrLyZvnal8"),
    near_miss: concat!("token: gh", "r_zQpZChkv9TYhr0JhbUssbyRFbx8Rz61ZfzL"),
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
