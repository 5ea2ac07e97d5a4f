//! SC003 `aws-account-id`: AWS account ID.

use super::prelude::*;

secret_rule! {
    code: "SC003",
    name: "aws-account-id",
    title: "AWS account ID",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "aws-account-id")],
    keywords: &["aws_account", "awsaccount", "aws-account"],
    pattern: r#"(?i)aws[_-]?account[_-]?(?:id)?["\']?\s*(?::|=>|=)\s*["\']?(?P<secret>[0-9]{4}-?[0-9]{4}-?[0-9]{4})(?:[^0-9-]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("aws_acc", "ount_id = 486131614176"),
    near_miss: concat!("aws_acc", "ount_id = 26322668362"),
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
