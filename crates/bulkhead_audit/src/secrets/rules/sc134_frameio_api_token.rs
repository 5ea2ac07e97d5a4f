//! SC134 `frameio-api-token`: Frame.io API token.

use super::prelude::*;

secret_rule! {
    code: "SC134",
    name: "frameio-api-token",
    title: "Frame.io API token",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "frameio-api-token"), Alias::new(Tool::Gitleaks, "frameio-api-token")],
    keywords: &["fio-u-"],
    pattern: r#"(?P<secret>fio-u-[a-zA-Z0-9_=-]{64})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("FRAMEIO=fio", "-u-Fy3Wt-WQC3Pg07kTl-3hc68YHutRBhwVxJK3PbTh1Zrl9pSpHNiG1kro_zWPWB1R"),
    near_miss: concat!("FRAMEIO=fio", "-u-pqM_mPcJQexf2Rmv6CmJze10NDdfPL66Q9ucsQ72V-r5SAArdk-9mulVumr0duX"),
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
