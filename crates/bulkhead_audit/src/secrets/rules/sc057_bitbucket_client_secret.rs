//! SC057 `bitbucket-client-secret`: Bitbucket client secret.

use super::prelude::*;

secret_rule! {
    code: "SC057",
    name: "bitbucket-client-secret",
    title: "Bitbucket client secret",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "bitbucket-client-secret"), Alias::new(Tool::Gitleaks, "bitbucket-client-secret")],
    keywords: &["bitbucket"],
    pattern: r#"(?i)(?:bitbucket_?secret)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>[a-z0-9_-]{64})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("bi", "tbucket_secret_key = \"qwcegl84j82qa4ae0l8xy5sflb2ib-swiye4tbjmf7xro_76973a5zqstldtjsa8\""),
    near_miss: concat!("bi", "tbucket_secret_key = \"bw6ys8tplmc6bvc-l0dqop6-_4znmx64_3on5iki1_ctc85elnstfrs_d6stto8\""),
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
