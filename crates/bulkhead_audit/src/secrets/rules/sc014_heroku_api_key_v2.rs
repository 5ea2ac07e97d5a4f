//! SC014 `heroku-api-key-v2`: Heroku API key.

use super::prelude::*;

secret_rule! {
    code: "SC014",
    name: "heroku-api-key-v2",
    title: "Heroku API key",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "heroku-api-key-v2")],
    keywords: &["HRKU-"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>HRKU-AA[0-9a-zA-Z_-]{58})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("HEROKU=HR", "KU-AA_GMmx3jDStZnLpM1FhT4p34z2up2yWlc_ZYnui6-Kxenm7K9is8Hk6w1KX"),
    near_miss: concat!("HEROKU=HR", "KU-AA7PGsa5fJDUXQ-2iiDOJEKGvUP4Q6TkKDEwjlkm107LnDzX98Dx7KBFUEx"),
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
