//! SC052 `gitlab-cicd-job-token`: GitLab CI/CD job token.

use super::prelude::*;

secret_rule! {
    code: "SC052",
    name: "gitlab-cicd-job-token",
    title: "GitLab CI/CD job token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "gitlab-cicd-job-token")],
    keywords: &["glcbt-"],
    pattern: r#"(?P<secret>glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token = \"glc", "bt-64_SO5eBTiIikzt3cdfhW_H\""),
    near_miss: concat!("token = \"glc", "bt-64_QGJ3D1yIKwo3eoUcBt8\""),
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
