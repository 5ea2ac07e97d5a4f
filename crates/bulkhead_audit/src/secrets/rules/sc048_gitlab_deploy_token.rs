//! SC048 `gitlab-deploy-token`: GitLab deploy token.

use super::prelude::*;

secret_rule! {
    code: "SC048",
    name: "gitlab-deploy-token",
    title: "GitLab deploy token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "gitlab-deploy-token")],
    keywords: &["gldt-"],
    pattern: r#"(?P<secret>gldt-[0-9a-zA-Z_-]{20})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token = \"gl", "dt-kqKlvC3YbxtWNdmIcYHN\""),
    near_miss: concat!("token = \"gl", "dt-mkJr24P3oxVreDGePy4\""),
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
