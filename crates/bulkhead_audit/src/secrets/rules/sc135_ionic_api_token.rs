//! SC135 `ionic-api-token`: Ionic API token.

use super::prelude::*;

secret_rule! {
    code: "SC135",
    name: "ionic-api-token",
    title: "Ionic API token",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "ionic-api-token")],
    keywords: &["ion_"],
    pattern: r#"(?i)ionic[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>ion_[a-z0-9]{42})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("ion", "ic_key = \"ion_fcdc6ij90dltl2lffs542son2viloz7zdfsnleg385\""),
    near_miss: concat!("ion", "ic_key = \"ion_glvrpit2xbhaaxx0bhqwhdzzpekx2dwxd0q7hy37i\""),
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
