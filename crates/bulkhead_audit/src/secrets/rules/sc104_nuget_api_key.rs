//! SC104 `nuget-api-key`: NuGet API key.

use super::prelude::*;

secret_rule! {
    code: "SC104",
    name: "nuget-api-key",
    title: "NuGet API key",
    severity: High,
    aliases: &[],
    keywords: &["oy2"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>oy2[a-z0-9]{43})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("NUGET_KEY=oy", "2yu7ara8nkkqtxxysurhacsijw8fwhcp3tdnyl7mq6ov"),
    near_miss: concat!("NUGET_KEY=oy", "2ovvurnvlkszl3pdh4y463h6mj85d9diu70q722a1f1"),
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
