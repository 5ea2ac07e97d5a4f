//! SC018 `yandex-api-key`: Yandex Cloud API key.

use super::prelude::*;

secret_rule! {
    code: "SC018",
    name: "yandex-api-key",
    title: "Yandex Cloud API key",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "yandex-api-key")],
    keywords: &["AQVN"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>AQVN[A-Za-z0-9_-]{35,38})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("yc_key = AQ", "VNp4ELQo6qzF7wvvLq_J-SoeqpFBX7j8RKhHO"),
    near_miss: concat!("yc_key = AQ", "VNNWESqGyYBvyhUcauEqFThUPWDx8xZbKfot"),
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
