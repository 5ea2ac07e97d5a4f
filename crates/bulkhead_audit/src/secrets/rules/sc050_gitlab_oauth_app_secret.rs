//! SC050 `gitlab-oauth-app-secret`: GitLab OAuth application secret.

use super::prelude::*;

secret_rule! {
    code: "SC050",
    name: "gitlab-oauth-app-secret",
    title: "GitLab OAuth application secret",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "gitlab-oauth-app-secret")],
    keywords: &["gloas-"],
    pattern: r#"(?P<secret>gloas-[0-9a-zA-Z_-]{64})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("secret = \"glo", "as-2AYzEmjafy4rHQzNvO-qMNiGybios2DcWTo5vrflWXRJlxm9BivzmzhJLQkGTfEU\""),
    near_miss: concat!("secret = \"glo", "as-K89iVATevr8z2IoHY7hwQ8FzCZxqiVUOYDBdsCUYwNpiT3-RUsqt0y3yadjeP3X\""),
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
