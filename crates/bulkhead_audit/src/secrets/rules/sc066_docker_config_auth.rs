//! SC066 `docker-config-auth`: Registry credentials in a Docker config.

use super::prelude::*;

secret_rule! {
    code: "SC066",
    name: "docker-config-auth",
    title: "Registry credentials in a Docker config",
    severity: High,
    aliases: &[],
    keywords: &["\"auth\""],
    pattern: r#""auth"\s*:\s*"(?P<secret>[A-Za-z0-9+/]{12,}={0,2})""#,
    entropy: 3.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("{\"auths\": {\"r.example.net\": {\"au", "th\": \"oxSDBDY+GrBaqWF7lwSXK9OW\"}}}"),
    near_miss: concat!("{\"auths\": {\"r.example.net\": {\"au", "th\": \"\"}}}"),
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
