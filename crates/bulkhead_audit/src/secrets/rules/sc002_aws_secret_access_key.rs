//! SC002 `aws-secret-access-key`: AWS secret access key.

use super::prelude::*;

secret_rule! {
    code: "SC002",
    name: "aws-secret-access-key",
    title: "AWS secret access key",
    severity: Critical,
    aliases: &[Alias::new(Tool::Trivy, "aws-secret-access-key")],
    keywords: &["secret_access_key", "secretaccesskey", "secret-access-key", "aws_secret", "aws_key", "awssecret"],
    pattern: r#"(?i)(?:aws_?secret_?(?:access_?)?key|secret_?access_?key|secret-access-key|aws_?key)["\']?\s*(?::|=>|=)\s*["\']?(?P<secret>[A-Za-z0-9/+=]{40})(?:[^A-Za-z0-9/+=]|$)"#,
    entropy: 3.5,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("aws_secret_acc", "ess_key = \"1Ls/2WlFkKAve+Tnmo66IV9B4+B8P6K/CSdzvEFz\""),
    near_miss: concat!("aws_secret_acc", "ess_key = \"o9JdoMLPfByFOGyTgeWBefONSix0Ez776hEHDZ2\""),
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
