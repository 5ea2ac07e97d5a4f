//! SC103 `rubygems-api-token`: RubyGems API key.

use super::prelude::*;

secret_rule! {
    code: "SC103",
    name: "rubygems-api-token",
    title: "RubyGems API key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "rubygems-api-token"), Alias::new(Tool::Gitleaks, "rubygems-api-token")],
    keywords: &["rubygems_"],
    pattern: r#"(?P<secret>rubygems_[a-f0-9]{48})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!(":rubygems_api_key: ruby", "gems_3a59602b949b62772f30adafe09b3928712859a5eeb3a2e5"),
    near_miss: concat!(":rubygems_api_key: ruby", "gems_f25282aa647bd6991df99e21e971d10829b5e003c3e5f6c"),
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
