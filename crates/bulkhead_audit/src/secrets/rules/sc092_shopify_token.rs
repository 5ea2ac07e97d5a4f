//! SC092 `shopify-token`: Shopify access token or shared secret.

use super::prelude::*;

secret_rule! {
    code: "SC092",
    name: "shopify-token",
    title: "Shopify access token or shared secret",
    severity: High,
    aliases: &[Alias::new(Tool::Trivy, "shopify-token"), Alias::new(Tool::Gitleaks, "shopify-access-token"), Alias::new(Tool::Gitleaks, "shopify-custom-access-token"), Alias::new(Tool::Gitleaks, "shopify-private-app-access-token"), Alias::new(Tool::Gitleaks, "shopify-shared-secret")],
    keywords: &["shpss_", "shpat_", "shpca_", "shppa_"],
    pattern: r#"(?P<secret>shp(?:ss|at|ca|pa)_[a-fA-F0-9]{32})"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("SHOPIFY=sh", "pat_1b2a01c3b48afa682b9c857ea0c4813c"),
    near_miss: concat!("SHOPIFY=sh", "pat_ac2f3ae748c35c160d0e04a883f394e"),
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
