//! SC019 `yandex-iam-token`: Yandex Cloud IAM token.

use super::prelude::*;

secret_rule! {
    code: "SC019",
    name: "yandex-iam-token",
    title: "Yandex Cloud IAM token",
    severity: High,
    aliases: &[Alias::new(Tool::Gitleaks, "yandex-access-token")],
    keywords: &["t1."],
    pattern: r#"(?:^|[^0-9A-Za-z_])(?P<secret>t1\.[A-Z0-9a-z_-]+[=]{0,2}\.[A-Z0-9a-z_-]{86}[=]{0,2})(?:[^0-9A-Za-z_]|$)"#,
    entropy: 0.0,
    placeholders: false,
    reach: Reach::Line(1024),
    why: "Anyone who can read the file, pull the image or see the build log can use the credential; deleting the file in a later layer does not remove its bytes from the image.",
    example: concat!("iam = t1", ".LJeTMEIfGCdDRF48NAjq.1aMSkj3uZcVgCguCXNucZEIAjVHLNJAqzqvY6-jcCG6IVCayoaiu5bJvrTbU6b1P6ayOHnv2uioN83tMYV1a_d"),
    near_miss: concat!("iam = t1", ".eT2yJwFQ3c0IV0xtMYDf.oiKKtHplJCm-msUHIBFaNB4MgE0UQuFzZ4k4COvNL13UzVV9_clKYYWBSuHNhaf2nDCb3XBcbiBhyRx5NDc-g"),
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
