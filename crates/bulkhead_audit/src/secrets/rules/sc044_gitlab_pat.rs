//! SC044 `gitlab-pat`: GitLab personal access token.

use super::prelude::*;

secret_rule! {
    code: "SC044",
    name: "gitlab-pat",
    title: "GitLab personal access token",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "gitlab-pat"), Alias::new(Tool::Gitleaks, "gitlab-pat")],
    keywords: &["glpat-"],
    pattern: r#"(?P<secret>glpat-[0-9a-zA-Z_-]{20,})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("GITLAB_TOKEN=glp", "at-XfYmTZcJlj1RFub-7DE9"),
    near_miss: concat!("GITLAB_TOKEN=glp", "at-OQej40vVkLO12IXaUma"),
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
