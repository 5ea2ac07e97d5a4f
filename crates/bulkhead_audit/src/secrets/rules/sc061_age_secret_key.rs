//! SC061 `age-secret-key`: age secret key.

use super::prelude::*;

secret_rule! {
    code: "SC061",
    name: "age-secret-key",
    title: "age secret key",
    severity: Medium,
    aliases: &[Alias::new(Tool::Trivy, "age-secret-key"), Alias::new(Tool::Gitleaks, "age-secret-key")],
    keywords: &["AGE-SECRET-KEY-1"],
    pattern: r#"(?P<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("AGE-SECRET-K", "EY-1Z94TUNWRJ6350QYXTRZFP34CDFJLHKP3HX3V79TJ8V7Y2RXMNTMKGVZMTQ"),
    near_miss: concat!("AGE-SECRET-K", "EY-1VWNAV2S6YJAA7WX6LQEGNXS5KE9JJFRSWP60EU8JRJAXTAU5HWPNWUNGY"),
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
