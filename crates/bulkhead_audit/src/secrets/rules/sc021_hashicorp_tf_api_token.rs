//! SC021 `hashicorp-tf-api-token`: Terraform Cloud API token.

use super::prelude::*;

secret_rule! {
    code: "SC021",
    name: "hashicorp-tf-api-token",
    title: "Terraform Cloud API token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "hashicorp-tf-api-token"), Alias::new(Tool::Gitleaks, "hashicorp-tf-api-token")],
    keywords: &["atlasv1"],
    pattern: r#"(?i)(?P<secret>[a-z0-9]{14}\.atlasv1\.[a-z0-9_=-]{60,70})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token = \"yx1wqr2uv5vsu1.atlas", "v1.tkqvjpvjhekhw4be8jh94hxfv5hejhr9mddvoah04fkk4sxmhqffdl8c4vkb\""),
    near_miss: concat!("token = \"pr59pk8nyltuih.atlas", "v1.s8lar9921sed87ymzbde6149562cm5ut9um5s9n9vxqq2ncekvoru5ud2vt\""),
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
