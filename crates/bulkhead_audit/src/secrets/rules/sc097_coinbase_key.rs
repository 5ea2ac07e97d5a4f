//! SC097 `coinbase-key`: Coinbase access token.

use super::prelude::*;

secret_rule! {
    code: "SC097",
    name: "coinbase-key",
    title: "Coinbase access token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "coinbase-access-token")],
    keywords: &["coinbase"],
    pattern: r#"(?i)coinbase[a-z0-9_ .,-]{0,25}(?:=|:=|:|=>)\s*["\']?(?P<secret>[a-z0-9_-]{64})(?:[^a-z0-9_-]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("coin", "base_key = imtwhc-nmp1u-f5nf25hkpv47n3kd2whoqcmnuuzdjiyl5yux74mnrfpptmcog9v"),
    near_miss: concat!("coin", "base_key = 4j5z0ko6gr8drxq8z3ql0c2_r-7nngqzop8re2uoklbtmfnza4kxutazvsqls1p"),
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
