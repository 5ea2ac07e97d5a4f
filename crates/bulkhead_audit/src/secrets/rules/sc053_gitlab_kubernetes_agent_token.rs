//! SC053 `gitlab-kubernetes-agent-token`: GitLab Kubernetes agent token.

use super::prelude::*;

secret_rule! {
    code: "SC053",
    name: "gitlab-kubernetes-agent-token",
    title: "GitLab Kubernetes agent token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "gitlab-kubernetes-agent-token")],
    keywords: &["glagent-"],
    pattern: r#"(?P<secret>glagent-[0-9a-zA-Z_-]{50})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token = \"glag", "ent-BkUCLIECYV8D3qdoyiFEB5sWpp1uZrInB4Wx0kSjFK_Y_DJxH_\""),
    near_miss: concat!("token = \"glag", "ent-5GxtXtZ7Q1W8cAC61wanI3F9iQC2mJvHOFSd2E3mBGBjk8Dkl\""),
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
