//! SC017 `cloudflare-origin-ca-key`: Cloudflare origin CA key.

use super::prelude::*;

secret_rule! {
    code: "SC017",
    name: "cloudflare-origin-ca-key",
    title: "Cloudflare origin CA key",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "cloudflare-origin-ca-key")],
    keywords: &["v1.0-"],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>v1\.0-[a-f0-9]{24}-[a-f0-9]{146})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("key: v1", ".0-7453ec7603787e97c9a79eb3-977583d142b53213c1ce986b94007a72be832a0eae1f9940fdfceb110bbba328cf113f4fff7ad86deab2d0da65c97e86a3180e95e48ebaef64c07011a911cabe58d66a6cd1957c991d"),
    near_miss: concat!("key: v1", ".0-a32628391036d2fee1d2a80d-3bd64b7b40afe2a6163e3202e2872af201e51631b15e2cd93552c48a40ccdb17e304b01d2b57c713688bc46835ee5cc2b5e39c37a30c8350978c7c01fe26d7747cf0f97c4ecd57fc5"),
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
