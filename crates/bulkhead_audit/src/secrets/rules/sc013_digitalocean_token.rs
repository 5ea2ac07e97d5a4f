//! SC013 `digitalocean-token`: DigitalOcean token.

use super::prelude::*;

secret_rule! {
    code: "SC013",
    name: "digitalocean-token",
    title: "DigitalOcean token",
    severity: Critical,
    aliases: &[Alias::new(Tool::Gitleaks, "digitalocean-pat"), Alias::new(Tool::Gitleaks, "digitalocean-access-token"), Alias::new(Tool::Gitleaks, "digitalocean-refresh-token")],
    keywords: &["dop_v1_", "doo_v1_", "dor_v1_"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>do[opr]_v1_[a-f0-9]{64})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("DO_TOKEN=do", "p_v1_e9057ae884c33fed5b7c528b5fe19b5fbee17098a7f3b1eb496271ff4a04293e"),
    near_miss: concat!("DO_TOKEN=do", "p_v1_91af966a3b70770d8666bae47e559b563dafabdba5e2ef29643862e13709d40"),
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
