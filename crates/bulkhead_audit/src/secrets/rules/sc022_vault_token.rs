//! SC022 `vault-token`: HashiCorp Vault token.

use super::prelude::*;

secret_rule! {
    code: "SC022",
    name: "vault-token",
    title: "HashiCorp Vault token",
    severity: Critical,
    aliases: &[Alias::new(Tool::Gitleaks, "vault-service-token"), Alias::new(Tool::Gitleaks, "vault-batch-token")],
    keywords: &["hvs.", "hvb."],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>hv[sb]\.[A-Za-z0-9_-]{90,200})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("VAULT_TOKEN=hv", "s.K6HcQTk39QvrsOg80QF2gdwdq7-BQmP7-fEyIcxjQmKocW7IKhwlyS_180YRKOG9Qfe3g0ZWiqi2hA8bfJLa-8X-Mn"),
    near_miss: concat!("VAULT_TOKEN=hv", "s.OrMdFnAxXu1a_hD0t4YGZYfEMK-Nqa9IrlEWjzLJDx4wsWshO3GrHQ8H2VGWYyGBEdv-eRdqxJUWr5r26MOnZK2EJ"),
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
