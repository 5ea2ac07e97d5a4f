//! SC025 `dynatrace-api-token`: Dynatrace API token.

use super::prelude::*;

secret_rule! {
    code: "SC025",
    name: "dynatrace-api-token",
    title: "Dynatrace API token",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "dynatrace-api-token"), Alias::new(Tool::Gitleaks, "dynatrace-api-token")],
    keywords: &["dt0c01."],
    pattern: r#"(?P<secret>dt0c01\.[a-zA-Z0-9]{24}\.[a-zA-Z0-9]{64})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("DT=\"dt0", "c01.FIDIKNKA8O6HHTZVTANNTFQ7.MS37HHZODBFHJ08HTTYMU8MGG2JYZG0X90B29T59OH6RFORTE0EQ1QNY03BFHIPM\""),
    near_miss: concat!("DT=\"dt0", "c01.VC1OHIPS5CYI111HWYPA0ZP3.1D7GT74ED06ZPSPXFQD3GNASFF8HKA3GLCGU322P5FGEO9031JW8U5FEHX2G4UT\""),
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
