//! SC102 `pypi-upload-token`: PyPI upload token.

use super::prelude::*;

secret_rule! {
    code: "SC102",
    name: "pypi-upload-token",
    title: "PyPI upload token",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "pypi-upload-token"), Alias::new(Tool::Gitleaks, "pypi-upload-token")],
    keywords: &["pypi-AgEIcHlwaS5vcmc"],
    pattern: r#"(?P<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("password = pypi-AgEIcHl", "waS5vcmc3GbQHFOj-54ju80pkvNDTpY-Aw2ukYl9hkceOhbMtqar5SLw9KTW62Z5QQZc"),
    near_miss: concat!("password = pypi-AgEIcHl", "waS5vcmcQ9HWhCc9oTSKJJkSdeZPVAECwQSfuKJ5WlngvB4F6J3NLSsTg"),
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
