//! SC149 `symfony-app-secret`: Symfony APP_SECRET.

use super::prelude::*;

secret_rule! {
    code: "SC149",
    name: "symfony-app-secret",
    title: "Symfony APP_SECRET",
    severity: Medium,
    aliases: &[],
    keywords: &["app_secret"],
    pattern: r#"(?i)APP_SECRET\s*=\s*["\']?(?P<secret>[a-f0-9]{32})(?:[^a-f0-9]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("APP_SEC", "RET=cd3d8e752c778460f8a9869c725ee524"),
    near_miss: concat!("APP_SEC", "RET=f9914913224165596b48550b41748ce"),
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
