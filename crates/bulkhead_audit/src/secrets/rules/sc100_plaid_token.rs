//! SC100 `plaid-token`: Plaid access token.

use super::prelude::*;

secret_rule! {
    code: "SC100",
    name: "plaid-token",
    title: "Plaid access token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "plaid-api-token")],
    keywords: &["access-sandbox-", "access-development-", "access-production-"],
    pattern: r#"(?P<secret>access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("PLAID=access-pro", "duction-75f8e1e5-d160-820d-5142-86c95b62e383"),
    near_miss: concat!("PLAID=access-pro", "duction-29371410-a236-5af3-d65a-300597c65d0"),
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
