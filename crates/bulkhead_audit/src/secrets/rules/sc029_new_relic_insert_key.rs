//! SC029 `new-relic-insert-key`: New Relic insert key.

use super::prelude::*;

secret_rule! {
    code: "SC029",
    name: "new-relic-insert-key",
    title: "New Relic insert key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Gitleaks, "new-relic-insert-key")],
    keywords: &["NRII-"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>NRII-[a-zA-Z0-9_-]{32})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("NR=\"NR", "II-0DNa2x4iiBDZNr5OLwC2q_qI3XHMaibF\""),
    near_miss: concat!("NR=\"NR", "II-TYdhIIz-UsuKJ0nVX0RKuwlSLtsO3mq\""),
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
