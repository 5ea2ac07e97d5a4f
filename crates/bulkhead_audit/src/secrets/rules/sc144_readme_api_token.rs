//! SC144 `readme-api-token`: ReadMe API token.

use super::prelude::*;

secret_rule! {
    code: "SC144",
    name: "readme-api-token",
    title: "ReadMe API token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Gitleaks, "readme-api-token")],
    keywords: &["rdme_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>rdme_[a-z0-9]{70})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("README=rd", "me_8n7hcccm9hlpodftwc1tecpljlvhj4db4w62kt15thy7sn6zuefuk3363hg3o44znp015s"),
    near_miss: concat!("README=rd", "me_c5t5c181v537hnghwbt5yj9ecxdvqkvyeg0sltz8vf9hacl4g6w1ndpy66mhsln9tfodd"),
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
