//! SC105 `clojars-api-token`: Clojars deploy token.

use super::prelude::*;

secret_rule! {
    code: "SC105",
    name: "clojars-api-token",
    title: "Clojars deploy token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "clojars-api-token"), Alias::new(Tool::Gitleaks, "clojars-api-token")],
    keywords: &["CLOJARS_"],
    pattern: r#"(?P<secret>CLOJARS_[a-zA-Z0-9]{60})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("token: CLOJ", "ARS_9xFfb4g6nbKoRH3MhMQItfpvHb3ZOb7rC6T0uuBQyeK7foHT736VG6HYYT3b"),
    near_miss: concat!("token: CLOJ", "ARS_mBduUr84omalyHYTfyd0FAk9ZatZb8OyeuViIIBBxuTBo5wQikBjGB2G03V"),
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
