//! SC045 `gitlab-pipeline-trigger-token`: GitLab pipeline trigger token.

use super::prelude::*;

secret_rule! {
    code: "SC045",
    name: "gitlab-pipeline-trigger-token",
    title: "GitLab pipeline trigger token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "gitlab-ptt")],
    keywords: &["glptt-"],
    pattern: r#"(?P<secret>glptt-[0-9a-f]{40})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("TRIGGER=glp", "tt-067598ac5a5a86ab3db83dc3d2043dd232f8fed5"),
    near_miss: concat!("TRIGGER=glp", "tt-b57a5631bafb6a69b933286bc4368c1a51b57b5"),
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
