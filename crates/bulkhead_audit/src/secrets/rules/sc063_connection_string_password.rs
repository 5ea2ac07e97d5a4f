//! SC063 `connection-string-password`: Password in a connection URL.

use super::prelude::*;

secret_rule! {
    code: "SC063",
    name: "connection-string-password",
    title: "Password in a connection URL",
    severity: High,
    aliases: &[],
    keywords: &["://"],
    pattern: r#"(?i)(?:^|[^a-z0-9+.-])[a-z][a-z0-9+.-]{1,20}://[^\s:/@"\'`<>{}$]{1,64}:(?P<secret>[^\s:/@"\'`<>{}$]{3,128})@[a-z0-9._-]+"#,
    entropy: 2.5,
    placeholders: true,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("DATABASE_URL=postgres:", "//app:4D84IOq4lNKg2k8k@db.internal:5432/app"),
    near_miss: concat!("DATABASE_URL=postgres:", "//app:${DB_PASSWORD}@db.internal:5432/app"),
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
