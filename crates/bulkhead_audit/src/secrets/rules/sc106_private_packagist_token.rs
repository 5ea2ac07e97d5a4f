//! SC106 `private-packagist-token`: Private Packagist token.

use super::prelude::*;

secret_rule! {
    code: "SC106",
    name: "private-packagist-token",
    title: "Private Packagist token",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "private-packagist-token")],
    keywords: &["packagist_"],
    pattern: r#"(?P<secret>packagist_[ou][ou]t_[a-f0-9]{68})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("TOKEN=packag", "ist_uut_2d12ae076a9862d5380670293e49182c307af7029efa3f182ad55055810b0c6c669e"),
    near_miss: concat!("TOKEN=packag", "ist_uut_969dc4f16cebb25dc6501584441b65e89edc630465f65be6142114669c48565f6c0"),
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
