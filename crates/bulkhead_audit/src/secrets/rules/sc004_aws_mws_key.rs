//! SC004 `aws-mws-key`: Amazon MWS auth token.

use super::prelude::*;

secret_rule! {
    code: "SC004",
    name: "aws-mws-key",
    title: "Amazon MWS auth token",
    severity: High,
    aliases: &[],
    keywords: &["amzn.mws."],
    pattern: r#"amzn\.mws\.(?P<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token: amzn.m", "ws.bf5d6d0f-9932-9f7f-6e4f-23a1e2f1a53b"),
    near_miss: concat!("token: amzn.m", "ws.c9c276e6-007a-c618-0c14-76806ffb4e5"),
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
