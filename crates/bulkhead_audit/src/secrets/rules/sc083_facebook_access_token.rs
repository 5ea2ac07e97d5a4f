//! SC083 `facebook-access-token`: Facebook access token.

use super::prelude::*;

secret_rule! {
    code: "SC083",
    name: "facebook-access-token",
    title: "Facebook access token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "facebook-access-token"), Alias::new(Tool::Gitleaks, "facebook-page-access-token")],
    keywords: &["EAACEdEose0cBA", "EAAB", "EAAG"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>EAA(?:CEdEose0cBA|B|G)[0-9A-Za-z]{100,})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("FB=EAA", "BeWOg3GrD3Q0jCAgimEa8PqJQExVDjDc65jyyU8YK5WU2SoT0qZ79iTPyJ3MhLz27xvYCQNNkn2mUFrKYvcrAb2xGFnoct37uufAQ"),
    near_miss: concat!("FB=EAA", "BuWIiNhC41P5KKBR4kpe6a4582wPCerARiLDSu53RygRA73UOjVw4fNsoUGsLi1VS5vD4myHRqkcoioUVR5vVC4yFmYlNRJP8Mc8"),
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
