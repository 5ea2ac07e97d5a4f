//! SC016 `flyio-token`: Fly.io access token.

use super::prelude::*;

secret_rule! {
    code: "SC016",
    name: "flyio-token",
    title: "Fly.io access token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "flyio-access-token")],
    keywords: &["fo1_", "fm1", "fm2_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3}))"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("FLY=fo", "1_eGhjvWfD_jGg7t29uXt--fQ5_F3thTT4OYRj8U3FuRP"),
    near_miss: concat!("FLY=fo", "1_-M4FkuWX9R_1e7-IY8CEr5p5fIqMhdzXImFgdf7Vuw"),
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
