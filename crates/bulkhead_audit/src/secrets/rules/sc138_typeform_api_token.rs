//! SC138 `typeform-api-token`: Typeform API token.

use super::prelude::*;

secret_rule! {
    code: "SC138",
    name: "typeform-api-token",
    title: "Typeform API token",
    severity: Low,
    aliases: &[Alias::new(Tool::Trivy, "typeform-api-token"), Alias::new(Tool::Gitleaks, "typeform-api-token")],
    keywords: &["typeform"],
    pattern: r#"(?i)(?:typeform)[a-z0-9_ .,-]{0,25}(?:=|>|:=|\|\|:|<=|=>|:).{0,5}["\'](?P<secret>tfp_[a-z0-9_.=-]{59})["\']"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("ty", "peform_key = \"tfp_pf2x35faqz_d6oufwtohnfx-_i320840pny3g-u11m_ykf4ijiy868hm7qm\""),
    near_miss: concat!("ty", "peform_key = \"tfp_f67y1mi3hvl-gf1sf52r_o0d_7q7graxdw77euquw2y9q8wii-20fe1l5l\""),
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
